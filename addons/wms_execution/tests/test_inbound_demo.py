# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInboundDemo(TransactionCase):
    """The inbound flow on the demo's Main Distribution Center (two-step receipts,
    pick-pack-ship deliveries, its racks and zones), by a supervisor and an operator: a
    receipt split by rule, a cross-docked unit shipped without entering storage, put-away
    by class within capacity, a re-slot approved into transfers, a wave's forward bin
    topped up before the wave."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse = env.ref("stock.warehouse0")
        cls.supervisor = new_test_user(
            env, login="wms_in_sup", groups="wms_execution.group_wms_supervisor"
        )
        cls.operator = new_test_user(
            env, login="wms_in_op", groups="wms_execution.group_wms_operator"
        )
        # pick classes from the demo's six months of deliveries
        env["stock.policy.abc"]._classify(cls.warehouse)
        cls.vendor = env["res.partner"].search([("ref", "=like", "V0%")], limit=1)
        cls.customer = env["res.partner"].search([("ref", "=like", "C0%")], limit=1)

    def _zone(self, kind):
        return self.warehouse._wms_zone_location(kind)

    def _on_hand(self, product, location):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "child_of", location.id)]
        )
        return sum(quants.mapped("quantity"))

    def _receipt(self, product, qty, received=None, damaged=0.0, dest=None):
        """A receipt of ``product`` as the operator counts it (``received`` of ``qty``)."""
        ptype = self.warehouse.in_type_id
        dest = dest or ptype.default_location_dest_id
        vendors = self.env.ref("stock.stock_location_suppliers")
        receipt = (
            self.env["stock.picking"]
            .with_user(self.operator)
            .create(
                {"picking_type_id": ptype.id, "partner_id": self.vendor.id,
                 "location_id": vendors.id, "location_dest_id": dest.id,
                 "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                                      "product_uom_qty": qty, "location_id": vendors.id,
                                      "location_dest_id": dest.id,
                                      "wms_damaged_qty": damaged})]}
            )
        )  # fmt: skip
        receipt.action_confirm()
        receipt.move_ids.write({"quantity": qty if received is None else received, "picked": True})
        return receipt

    def _validate(self, picking):
        picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel")).picked = True
        picking.with_user(self.operator).with_context(skip_backorder=True).button_validate()

    def test_a_receipt_splits_by_rule_and_a_cross_docked_unit_ships_without_storage(self):
        product = self.env["product.product"].create(
            {"name": "Ratchet Strap 2 in (demo test)", "is_storable": True, "weight": 1.2,
             "volume": 0.003, "seller_ids": [(0, 0, {"partner_id": self.vendor.id})]}
        )  # fmt: skip
        first = self._receipt(product, 4)
        self._validate(first)
        self.assertEqual(self._on_hand(product, self._zone("qc")), 4, "first receipt: QC")
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id,
             "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 5})]}
        )  # fmt: skip
        order.action_confirm()
        pick = order.picking_ids.filtered(
            lambda p: p.picking_type_id == self.warehouse.pick_type_id
        )
        self.assertEqual(pick.state, "confirmed", "nothing free to pick: QC stock is not")
        receipt = self._receipt(product, 12, damaged=2)
        self._validate(receipt)
        self.assertEqual(
            receipt.move_ids.wms_route_reason,
            "2 damaged to hold; 5 to cross-dock for waiting orders; 5 to put-away",
        )
        self.assertEqual(self._on_hand(product, self._zone("hold")), 2)
        self.assertEqual(self._on_hand(product, self._zone("crossdock")), 5)
        self.assertEqual(self._on_hand(product, self.warehouse.wh_input_stock_loc_id), 5)
        putaway = receipt.move_ids.move_dest_ids
        self.assertEqual(putaway.product_uom_qty, 5, "the put-away step waits for 5, not 10")
        # the order's pick takes the staged units; they go on to packing and out
        self.assertEqual(pick.state, "assigned")
        self.assertEqual(pick.move_line_ids.location_id, self._zone("crossdock"))
        step, steps = pick, []
        while step:
            steps.append(step)
            step.action_assign()
            self._validate(step)
            step = step.move_ids.move_dest_ids.picking_id
        self.assertEqual([s.state for s in steps], ["done"] * 3, "pick, pack, ship")
        self.assertEqual(steps[-1].location_dest_id.usage, "customer", steps[-1].name)
        lines = self.env["stock.move.line"].search(
            [("product_id", "=", product.id), ("state", "=", "done")]
        )
        shipped = lines.filtered(lambda ml: ml.location_dest_id.usage == "customer")
        self.assertEqual(sum(shipped.mapped("quantity")), 5)
        racks = lines.filtered(
            lambda ml: ml.location_id.wms_aisle_id or ml.location_dest_id.wms_aisle_id
        )
        self.assertFalse(racks, "the cross-docked units never entered a storage bin")

    def _classed_product(self, name, velocity, **sizes):
        """A new boxed item of ``velocity`` pick class in the demo warehouse: a put-away
        situation that holds on any day, whatever the demo's history ranked."""
        metre = self.env.ref("uom.product_uom_meter")
        values = {"volume": 0.002, "weight": 0.4, "product_length": 0.2, "product_width": 0.1,
                  "product_height": 0.1, **sizes}  # fmt: skip
        product = self.env["product.product"].create(
            {"name": name, "is_storable": True, "dimensional_uom_id": metre.id, **values}
        )
        self.env["stock.policy.abc"].create(
            {"product_id": product.id, "warehouse_id": self.warehouse.id,
             "value_class": velocity, "lines_class": velocity, "xyz_class": "X"}
        )  # fmt: skip
        return product

    def test_put_away_prefers_the_class_zone_and_never_exceeds_a_bin(self):
        stock = self.warehouse.lot_stock_id
        fast = self._classed_product("Cable Ties 200 mm (100) - put-away test", "A")
        slow = self._classed_product("Drum Wrench Brass - put-away test", "C")
        receipts = self._receipt(fast, 6, dest=stock) | self._receipt(slow, 6, dest=stock)
        lines = receipts.move_line_ids
        fast_bin = lines.filtered(lambda ml: ml.product_id == fast)[:1].location_dest_id
        slow_bin = lines.filtered(lambda ml: ml.product_id == slow)[:1].location_dest_id
        self.assertEqual(fast_bin.wms_zone_id.kind, "forward", fast_bin.display_name)
        self.assertEqual(slow_bin.wms_zone_id.kind, "reserve")
        self.assertLess(fast_bin.wms_travel_from_pack_m, slow_bin.wms_travel_from_pack_m)
        self.assertIn("Directed put-away (A by picks)", lines[:1].wms_putaway_reason)
        # a big receipt of A items: every bin stays within its volume and weight
        big = self._receipt(fast, 400, dest=stock)
        self._assert_within_capacity((receipts | big).move_line_ids.location_dest_id)
        for picking in receipts | big:
            self._validate(picking)
        self.assertEqual(set((receipts | big).mapped("state")), {"done"})

    def _assert_within_capacity(self, bins):
        load = defaultdict(lambda: [0.0, 0.0])
        quants = self.env["stock.quant"].search([("location_id", "in", bins.ids)])
        incoming = self.env["stock.move.line"].search(
            [("location_dest_id", "in", bins.ids), ("state", "not in", ("done", "cancel"))]
        )
        for where, product, qty in [(q.location_id, q.product_id, q.quantity) for q in quants] + [
            (ml.location_dest_id, ml.product_id, ml.quantity) for ml in incoming
        ]:
            load[where][0] += qty * product.volume
            load[where][1] += qty * product.weight
        for where in bins.filtered("storage_category_id"):
            category = where.storage_category_id
            self.assertLessEqual(load[where][0], category.wms_max_volume_m3 + 1e-9, where.name)
            self.assertLessEqual(load[where][1], category.max_weight + 1e-9, where.name)

    def test_a_reslot_proposal_becomes_a_transfer_that_posts(self):
        forward = self.warehouse.wms_zone_ids.filtered(lambda z: z.kind == "forward")
        reslot = (
            self.env["wms.reslot"]
            .with_user(self.supervisor)
            .create({"warehouse_id": self.warehouse.id, "zone_id": forward.id, "move_budget": 6})
        )
        reslot.action_propose()
        self.assertTrue(reslot.line_ids, reslot.note)
        self.assertGreater(reslot.saving_m, 0)
        reslot.action_approve()
        transfer = reslot.picking_id
        self.assertEqual(len(transfer.move_ids), len(reslot.line_ids))
        self._validate(transfer)
        self.assertEqual(transfer.state, "done")
        for line in reslot.line_ids:
            self.assertEqual(self._on_hand(line.product_id, line.location_dest_id), line.quantity)
            self.assertEqual(self._on_hand(line.product_id, line.location_id), 0)

    def test_a_forward_bin_below_min_is_topped_up_before_the_wave_that_needs_it(self):
        # a pick face with a few units and a reserve pallet of the same item, in bins the
        # demo leaves empty on any day
        product = self._classed_product("Hose Clamp 40 mm (10) - top-up test", "A")
        free = self.env["stock.location"].search(
            [("warehouse_id", "=", self.warehouse.id), ("storage_category_id", "!=", False),
             ("quant_ids", "=", False)], order="id"
        )  # fmt: skip
        slot = free.filtered(lambda b: b.wms_zone_id.kind == "forward")[:1]
        pallet = free.filtered(lambda b: b.wms_zone_id.kind == "reserve")[:1]
        self.assertTrue(slot and pallet, "the demo keeps empty forward and reserve bins")
        stock = 6.0
        quants = self.env["stock.quant"]
        quants._update_available_quantity(product, slot, stock)
        quants._update_available_quantity(product, pallet, 120.0)
        slot.with_user(self.supervisor).wms_replenish_min = stock - 1
        start = fields.Datetime.now() + timedelta(hours=1)
        pack = self.warehouse.pick_type_id.default_location_dest_id
        pick = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.pick_type_id.id, "location_id": slot.id,
             "location_dest_id": pack.id, "scheduled_date": start,
             "move_ids": [(0, 0, {"name": "wave pick", "product_id": product.id,
                                  "product_uom_qty": 2, "location_id": slot.id,
                                  "location_dest_id": pack.id, "date": start})]}
        )  # fmt: skip
        pick.action_confirm()
        pick.action_assign()
        self.assertEqual(pick.move_line_ids.location_id, slot)
        wave = (
            self.env["stock.picking.batch"]
            .with_user(self.supervisor)
            .create({"is_wave": True, "picking_ids": [(6, 0, pick.ids)]})
        )
        wave.action_confirm()
        topup = wave.wms_topup_ids
        self.assertEqual(len(topup), 1, "the wave's forward bin falls under its min")
        move = topup.move_ids.filtered(lambda m: m.location_dest_id == slot)
        self.assertEqual(move.product_id, product)
        self.assertEqual(move.location_id.wms_zone_id.kind, "reserve")
        self.assertRegex(move.wms_replenish_reason, r"under min|short by")
        lead = timedelta(minutes=self.warehouse.wms_topup_lead_min)
        self.assertLessEqual(topup.scheduled_date, wave.scheduled_date - lead)
        self.assertEqual(topup.priority, "1")

    def test_a_demo_notice_is_received_pallet_by_pallet_and_goes_on_to_put_away(self):
        notice = self.env["wms.inbound.notice"].search(
            [("name", "=", "ASN-DEMO-1"), ("state", "=", "expected")], limit=1
        )
        if not notice:
            self.skipTest("the demo's notices are received already")
        scan = self.env["wms.scan"].with_user(self.operator)
        receipt = notice.picking_id
        for n, pallet in enumerate(notice.pallet_ids):
            received = scan.receive_pallet(receipt.id, pallet.sscc, False, None, f"asn-demo-{n}")
            self.assertTrue(received["ok"], received)
        self.assertEqual(set(notice.pallet_ids.mapped("state")), {"received"})
        self.assertTrue(scan.receive_close(receipt.id, "asn-demo-close")["ok"])
        self.assertEqual(notice.state, "received")
        onward = receipt.move_ids.move_dest_ids.picking_type_id
        self.assertEqual(onward, self.warehouse.store_type_id, "on to put-away")
