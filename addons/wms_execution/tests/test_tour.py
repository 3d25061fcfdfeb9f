# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest

from odoo.tests import HttpCase, new_test_user, tagged

from .common import reserved_order


@tagged("post_install", "-at_install")
class TestFloorMenusTour(HttpCase):
    def test_supervisor_walks_the_floor_menus(self):
        module = self.env["ir.module.module"].search([("name", "=", "wms_execution")])
        if not module.demo:
            raise unittest.SkipTest("the tour reads the demo warehouse")
        new_test_user(
            self.env,
            login="floor_sup_tour",
            groups="wms_execution.group_wms_supervisor,stock.group_stock_multi_locations",
        )
        self.start_tour(
            "/odoo/action-stock.stock_picking_type_action",
            "wms_execution_floor_menus",
            login="floor_sup_tour",
        )


def _on_hand(env, product, location):
    return product.with_context(location=location.id).qty_available


def _pick_site(env, name, code, bins):
    """A pick-pack-ship warehouse whose pick step is not batched, with ``bins`` (name,
    barcode) in its stock: (warehouse, its packing zone, the bins)."""
    warehouse = env["stock.warehouse"].create(
        {"name": name, "code": code, "delivery_steps": "pick_pack_ship"}
    )
    warehouse.pick_type_id.auto_batch = False
    bins = env["stock.location"].create(
        [{"name": n, "barcode": b, "location_id": warehouse.lot_stock_id.id} for n, b in bins]
    )
    return warehouse, warehouse.pick_type_id.default_location_dest_id, bins


@tagged("post_install", "-at_install")
class TestScanPickTour(HttpCase):
    def test_operator_picks_an_order_with_a_short_on_the_scan_screen(self):
        env = self.env
        warehouse, packing, bins = _pick_site(
            env, "Tour DC", "TOUR",
            [("R01-01-1L", "R0101"), ("R01-12-1L", "R0112"), ("R01-15-1L", "R0115")],
        )  # fmt: skip
        packing.barcode = "TOURPACK"
        knife, tape = env["product.product"].create(
            [{"name": "Utility Knife", "is_storable": True, "barcode": "0840000000026"},
             {"name": "Pipe Tape", "is_storable": True, "barcode": "0840000000033"}]
        )  # fmt: skip
        quants = env["stock.quant"]
        quants._update_available_quantity(knife, bins[0], 3)
        quants._update_available_quantity(tape, bins[1], 2)
        quants._update_available_quantity(tape, bins[2], 5)
        order = reserved_order(
            env, warehouse.pick_type_id, [(knife, bins[0], 3), (tape, bins[1], 2)], packing
        )
        new_test_user(env, login="scan_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_pick",
                        login="scan_op_tour")  # fmt: skip
        self.assertEqual(set(order.move_ids.mapped("state")), {"done"})
        # dropped off at the packing zone: the pack step has the three knives and two tapes
        pack = env["stock.move"].search([("move_orig_ids", "in", order.move_ids.ids)])
        self.assertEqual(pack.picking_type_id, warehouse.pack_type_id)
        reserved = {p.name: sum(pack.filtered(lambda m, p=p: m.product_id == p).mapped("quantity"))
                    for p in pack.product_id}  # fmt: skip
        self.assertEqual(reserved, {"Utility Knife": 3.0, "Pipe Tape": 2.0})
        self.assertEqual(_on_hand(env, knife, packing), 3)
        self.assertEqual(_on_hand(env, knife, bins[0]), 0)
        # the short bin still shows the unit nobody found (a count is asked for it)
        self.assertEqual((_on_hand(env, tape, bins[1]), _on_hand(env, tape, bins[2])), (1, 4))
        short = env["wms.exception"].search([("picking_id", "=", order.id)])
        self.assertEqual(
            (short.kind, short.quantity, short.location_id), ("short_pick", 1, bins[1])
        )


@tagged("post_install", "-at_install")
class TestScanPickEmptyBinTour(HttpCase):
    def test_operator_confirms_an_empty_bin_short_on_the_scan_screen(self):
        env = self.env
        warehouse, packing, (empty, other) = _pick_site(
            env, "Empty Bin DC", "EMPTY", [("E01-01-1L", "E0101"), ("E01-02-1L", "E0102")]
        )
        plug = env["product.product"].create(
            {"name": "Drain Plug", "is_storable": True, "barcode": "0840000000040"}
        )
        env["stock.quant"]._update_available_quantity(plug, empty, 2)
        env["stock.quant"]._update_available_quantity(plug, other, 5)
        order = reserved_order(env, warehouse.pick_type_id, [(plug, empty, 2)], packing)
        new_test_user(env, login="scan_op_empty", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen",
                        "wms_scan_pick_empty_bin", login="scan_op_empty")  # fmt: skip
        short = env["wms.exception"].search([("picking_id", "=", order.id)])
        self.assertEqual((short.kind, short.quantity, short.location_id), ("short_pick", 2, empty))
        self.assertEqual(order.move_line_ids.location_id, other, "asked from the other bin")
        self.assertEqual(_on_hand(env, plug, empty), 2, "nothing left the empty bin")


@tagged("post_install", "-at_install")
class TestScanCountTour(HttpCase):
    def test_operator_counts_a_bin_blind_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Count Tour DC", "code": "CTD"})
        location = env["stock.location"].create(
            {"name": "C-01-01", "barcode": "C0101", "location_id": warehouse.lot_stock_id.id}
        )
        product = env["product.product"].create(
            {"name": "Pipe Tape", "is_storable": True, "barcode": "0840000000033"}
        )
        env["stock.quant"]._update_available_quantity(product, location, 7)
        new_test_user(env, login="count_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_count",
                        login="count_op_tour")  # fmt: skip
        result = env["stock.policy.count.result"].search([("product_id", "=", product.id)])
        self.assertEqual((result.counted_qty, result.accurate), (7, True))
        self.assertEqual(_on_hand(env, product, location), 7)


@tagged("post_install", "-at_install")
class TestScanPutawayTour(HttpCase):
    def test_operator_puts_a_receipt_line_away_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create(
            {"name": "Put-away Tour DC", "code": "PTD", "reception_steps": "two_steps",
             "wms_directed_putaway": True}
        )  # fmt: skip
        zone = env["wms.zone"].create(
            {"name": "Reserve", "code": "PRES", "kind": "reserve", "warehouse_id": warehouse.id,
             "location_id": warehouse.lot_stock_id.id}
        )  # fmt: skip
        aisle = env["wms.aisle"].create(
            {"name": "R01", "warehouse_id": warehouse.id, "zone_id": zone.id, "x_m": 4.0,
             "y_start_m": 12.0, "y_end_m": 52.0}
        )  # fmt: skip
        env["wms.cross.aisle"].create(
            [{"name": n, "y_m": y, "warehouse_id": warehouse.id}
             for n, y in (("Front", 12.0), ("Back", 52.0))]
        )  # fmt: skip
        bins = env["stock.location"].create(
            [{"name": n, "barcode": n, "location_id": warehouse.lot_stock_id.id,
              "usage": "internal", "wms_zone_id": zone.id, "wms_aisle_id": aisle.id,
              "wms_has_coordinates": True, "wms_x_m": 2.4, "wms_y_m": y}
             for n, y in (("R01-01-1L", 14.0), ("R01-12-1L", 48.0))]
        )  # fmt: skip
        warehouse.wms_pack_location_id = env["stock.location"].create(
            {"name": "P1", "location_id": warehouse.lot_stock_id.id, "usage": "internal",
             "wms_has_coordinates": True, "wms_x_m": 4.0, "wms_y_m": 6.0}
        )  # fmt: skip
        warehouse.action_wms_compute_travel()
        metre = env.ref("uom.product_uom_meter")
        product = env["product.product"].create(
            {"name": "Cable Ties 300 mm", "is_storable": True, "barcode": "0840000000040",
             "volume": 0.001, "weight": 0.2, "product_length": 0.1, "product_width": 0.1,
             "product_height": 0.1, "dimensional_uom_id": metre.id}
        )  # fmt: skip
        dock = warehouse.wh_input_stock_loc_id
        env["stock.quant"]._update_available_quantity(product, dock, 10)
        store = env["stock.picking"].create(
            {"picking_type_id": warehouse.store_type_id.id, "location_id": dock.id,
             "location_dest_id": warehouse.lot_stock_id.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": product.id, "product_uom_qty": 10,
                                  "location_id": dock.id,
                                  "location_dest_id": warehouse.lot_stock_id.id})]}
        )  # fmt: skip
        store.action_confirm()
        store.action_assign()
        suggested = store.move_line_ids.location_dest_id
        self.assertIn(suggested, bins)
        new_test_user(env, login="putaway_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_putaway",
                        login="putaway_op_tour")  # fmt: skip
        self.assertEqual(store.state, "done")
        self.assertEqual(_on_hand(env, product, dock), 0)
        chosen = store.move_line_ids.filtered(lambda ml: "Operator chose" in ml.wms_putaway_reason)
        # four units into the bin the operator chose instead, with the reason; the other six
        # where put-away directed them then (topping up that bin, as it now holds the product)
        self.assertEqual((chosen.quantity, chosen.location_dest_id), (4, bins - suggested))
        self.assertIn("Suggested bin is full", chosen.wms_putaway_reason)
        rest = store.move_line_ids - chosen
        self.assertEqual(rest.quantity, 6)
        self.assertIn("Directed put-away", rest.wms_putaway_reason)
        self.assertEqual(sum(_on_hand(env, product, b) for b in bins), 10)
        events = env["wms.event"].search([("picking_id", "=", store.id)])
        self.assertEqual(sorted(events.mapped("quantity")), [4, 6])
        self.assertEqual(set(events.mapped("event_type")), {"putaway"})


@tagged("post_install", "-at_install")
class TestScanPackTour(HttpCase):
    def test_packer_packs_and_weighs_a_carton_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Pack Tour DC", "code": "PKT"})
        warehouse.out_type_id.auto_batch = False
        bin_ = env["stock.location"].create(
            {"name": "F01-01", "barcode": "F0101", "location_id": warehouse.lot_stock_id.id}
        )
        product = env["product.product"].create(
            {"name": "Pipe Tape", "is_storable": True, "barcode": "0840000000033",
             "weight": 2.0}
        )  # fmt: skip
        env["stock.quant"]._update_available_quantity(product, bin_, 3)
        env["stock.package.type"].create(
            {"name": "Carton M", "barcode": "CTN-T1", "base_weight": 0.5,
             "wms_weight_tolerance_pct": 5.0}
        )  # fmt: skip
        order = reserved_order(env, warehouse.out_type_id, [(product, bin_, 3)])
        new_test_user(env, login="pack_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_pack",
                        login="pack_op_tour")  # fmt: skip
        self.assertEqual(order.state, "done")
        self.assertEqual(_on_hand(env, product, bin_), 0)
        carton = order.move_line_ids.result_package_id
        self.assertEqual((carton.wms_pack_state, carton.wms_measured_weight), ("verified", 6.6))
        stop = env["wms.exception"].search([("picking_id", "=", order.id)])
        self.assertEqual(stop.kind, "weight_mismatch")


@tagged("post_install", "-at_install")
class TestScanReceiveTour(HttpCase):
    def test_receiver_counts_and_closes_a_receipt_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Receive Tour DC", "code": "RCT"})
        gloves, tape = env["product.product"].create(
            [{"name": "Nitrile Gloves L", "is_storable": True, "barcode": "0840000000019"},
             {"name": "Duct Tape 50 m", "is_storable": True, "barcode": "0840000000026"}]
        )  # fmt: skip
        env["product.product"].create(
            {"name": "Spray Paint", "is_storable": True, "barcode": "0840000000057"}
        )
        order = env["purchase.order"].create(
            {"partner_id": env["res.partner"].create({"name": "Gulf Safety Supply"}).id,
             "partner_ref": "ASN-T1", "picking_type_id": warehouse.in_type_id.id,
             "order_line": [(0, 0, {"product_id": p.id, "product_qty": q, "price_unit": 2.0})
                            for p, q in ((gloves, 5), (tape, 4))]}
        )  # fmt: skip
        order.button_confirm()
        new_test_user(env, login="receive_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_receive",
                        login="receive_op_tour")  # fmt: skip
        receipt = order.picking_ids.filtered(lambda p: not p.backorder_id)
        self.assertEqual(receipt.state, "done")
        stock = warehouse.lot_stock_id
        self.assertEqual((_on_hand(env, gloves, stock), _on_hand(env, tape, stock)), (5, 3))
        self.assertEqual(receipt.backorder_ids.move_ids.product_uom_qty, 1)
        events = env["wms.event"].search([("picking_id", "=", receipt.id)])
        self.assertEqual(sorted(events.mapped("quantity")), [3, 5])


@tagged("post_install", "-at_install")
class TestScanReplenishTour(HttpCase):
    def test_operator_tops_up_a_forward_slot_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Top-up Tour DC", "code": "RPL"})
        stock = warehouse.lot_stock_id
        zones = env["wms.zone"].create(
            [{"name": n, "code": c, "kind": k, "warehouse_id": warehouse.id}
             for n, c, k in (("Reserve", "RRES", "reserve"), ("Forward", "RFWD", "forward"))]
        )  # fmt: skip
        reserve, slot = env["stock.location"].create(
            [{"name": n, "barcode": b, "location_id": stock.id, "usage": "internal",
              "wms_zone_id": z.id}
             for n, b, z in (("R01-12-1L", "R0112", zones[0]), ("F01-01", "F0101", zones[1]))]
        )  # fmt: skip
        product = env["product.product"].create(
            {"name": "Shop Towels", "is_storable": True, "barcode": "0840000000057"}
        )
        env["stock.quant"]._update_available_quantity(product, reserve, 30)
        topup = env["stock.picking"].create(
            {"picking_type_id": warehouse.int_type_id.id, "location_id": stock.id,
             "location_dest_id": stock.id, "origin": "Replenishment",
             "move_ids": [(0, 0, {"name": "Top-up", "product_id": product.id,
                                  "product_uom_qty": 12, "location_id": reserve.id,
                                  "location_dest_id": slot.id,
                                  "wms_replenish_reason": "below its minimum"})]}
        )  # fmt: skip
        topup.action_confirm()
        topup.action_assign()
        topup.move_line_ids.location_dest_id = slot
        new_test_user(env, login="topup_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_replenish",
                        login="topup_op_tour")  # fmt: skip
        self.assertEqual(topup.state, "done")
        self.assertEqual((_on_hand(env, product, reserve), _on_hand(env, product, slot)), (18, 12))
        event = env["wms.event"].search([("picking_id", "=", topup.id)])
        self.assertEqual((event.event_type, event.quantity), ("replenishment", 12))
