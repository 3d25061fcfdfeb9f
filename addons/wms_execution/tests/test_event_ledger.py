# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestEventLedger(WmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Nitrile Gloves L (100)", "is_storable": True, "barcode": "4006381333931"}
        )
        cls.vendor = cls.env["res.partner"].create({"name": "Midwest Safety Supply"})

    def _transfer(self, ptype, source, dest, qty, dest_line=None):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": ptype.id,
                "partner_id": self.vendor.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "move_ids": [
                    (0, 0, {"name": self.product.name, "product_id": self.product.id,
                            "product_uom_qty": qty, "location_id": source.id,
                            "location_dest_id": dest.id})
                ],
            }
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.quantity = qty
        if dest_line:
            picking.move_line_ids.location_dest_id = dest_line
        picking.move_ids.picked = True
        picking.with_user(self.operator).button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def _receive(self, qty):
        supplier = self.env.ref("stock.stock_location_suppliers")
        return self._transfer(self.warehouse.in_type_id, supplier, self.warehouse.lot_stock_id, qty)

    def test_validating_a_receipt_records_who_received_what(self):
        receipt = self._receive(40)
        event = self.env["wms.event"].search([("picking_id", "=", receipt.id)])
        self.assertEqual(event.event_type, "receipt")
        self.assertEqual(event.operator_id, self.operator)
        self.assertEqual(event.quantity, 40)
        self.assertEqual(event.product_id, self.product)
        self.assertEqual(event.warehouse_id, self.warehouse)

    def test_moving_stock_into_a_reserve_bin_is_a_putaway(self):
        self._receive(40)
        stock = self.warehouse.lot_stock_id
        move = self._transfer(self.warehouse.int_type_id, stock, stock, 40, self.bin_far)
        event = self.env["wms.event"].search([("picking_id", "=", move.id)])
        self.assertEqual(event.event_type, "putaway")
        self.assertEqual(event.location_dest_id, self.bin_far)
        self.assertIn("reserve storage", event.reason)

    def test_a_retried_posting_is_recorded_once(self):
        receipt = self._receive(5)
        receipt.move_line_ids._wms_log_handoffs()
        self.assertEqual(self.env["wms.event"].search_count([("picking_id", "=", receipt.id)]), 1)

    def test_nobody_on_the_floor_can_rewrite_the_ledger(self):
        receipt = self._receive(5)
        event = self.env["wms.event"].search([("picking_id", "=", receipt.id)])
        admin = self.env.ref("base.user_admin")
        for user in (self.operator, self.supervisor, admin):
            with self.assertRaisesRegex(UserError, "append-only"):
                event.with_user(user).write({"quantity": 50})
        for user in (self.operator, self.supervisor):
            with self.assertRaises(AccessError):
                event.with_user(user).unlink()
        self.assertEqual(event.quantity, 5)


@tagged("post_install", "-at_install")
class TestSixHandoffs(WmsCase):
    """A lot-tracked product through every hand-off of a two-step receipt and a pick,
    pack and ship delivery: each posting leaves its event, with what, which lot, how
    many, from where to where, in which package, who, when and which transfer or wave."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.write({"reception_steps": "two_steps", "delivery_steps": "pick_pack_ship"})
        cls.zone_fwd = env["wms.zone"].create(
            {"name": "Forward", "code": "FWD", "kind": "forward", "warehouse_id": wh.id}
        )
        cls.bin_fwd = env["stock.location"].create(
            {"name": "F01-01", "location_id": wh.lot_stock_id.id, "wms_zone_id": cls.zone_fwd.id}
        )
        wh.wh_pack_stock_loc_id.wms_zone_id = cls.zone_pack
        cls.product = env["product.product"].create(
            {"name": "Safety Glasses", "is_storable": True, "tracking": "lot"}
        )

    def _post(self, ptype, source, dest, qty, line_values=None, batch=False):
        picking = self.env["stock.picking"].create(
            {"picking_type_id": ptype.id, "location_id": source.id, "location_dest_id": dest.id,
             "move_ids": [(0, 0, {"name": self.product.name, "product_id": self.product.id,
                                  "product_uom_qty": qty, "location_id": source.id,
                                  "location_dest_id": dest.id})]}
        )  # fmt: skip
        picking.action_confirm()
        return self._finish(picking, dest, line_values, batch)

    def _then(self, before, ptype, dest, line_values=None):
        """The next step: the transfer Odoo chained to ``before``, else a new one."""
        chained = before.move_ids.move_dest_ids.picking_id
        if chained:
            self.assertEqual(chained.picking_type_id, ptype)
            return self._finish(chained, dest, line_values)
        return self._post(ptype, before.location_dest_id, dest, 12, line_values)

    def _finish(self, picking, dest, line_values=None, batch=False):
        picking.action_assign()
        qty = picking.move_ids.product_uom_qty
        picking.move_line_ids.write({"quantity": qty, "location_dest_id": dest.id,
                                     **(line_values or {})})  # fmt: skip
        if batch:
            self.env["stock.picking.batch"].create({"picking_ids": [(4, picking.id)]})
        picking.move_ids.picked = True
        picking.with_user(self.operator).button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def test_each_handoff_is_recorded_by_the_posting_itself(self):
        wh = self.warehouse
        supplier = self.env.ref("stock.stock_location_suppliers")
        customers = self.env.ref("stock.stock_location_customers")
        dock, pack, out = (
            wh.wh_input_stock_loc_id,
            wh.wh_pack_stock_loc_id,
            wh.wh_output_stock_loc_id,
        )
        box = self.env["stock.quant.package"].create({"name": "CARTON-1"})
        steps = [
            ("receipt", self._post(wh.in_type_id, supplier, dock, 12, {"lot_name": "L-24"})),
        ]
        # two-step reception: the receipt's own storage transfer is the put-away
        storage = steps[0][1].move_ids.move_dest_ids.picking_id
        steps += [
            ("putaway", self._finish(storage, self.bin_far)),
            ("replenishment", self._post(wh.int_type_id, self.bin_far, self.bin_fwd, 12)),
            ("pick", self._post(wh.pick_type_id, self.bin_fwd, pack, 12, batch=True)),
        ]
        steps.append(("pack", self._then(steps[-1][1], wh.pack_type_id, out,
                                         {"result_package_id": box.id})))  # fmt: skip
        steps.append(("shipment", self._then(steps[-1][1], wh.out_type_id, customers)))
        lot = self.env["stock.lot"].search([("product_id", "=", self.product.id)])
        self.assertEqual(lot.name, "L-24")
        for event_type, picking in steps:
            event = self.env["wms.event"].search([("picking_id", "=", picking.id)])
            self.assertEqual(event.event_type, event_type, picking.name)
            line = picking.move_line_ids
            self.assertEqual(
                (event.product_id, event.lot_id, event.quantity, event.location_id,
                 event.location_dest_id, event.operator_id, event.move_line_id, event.date),
                (self.product, lot, 12.0, line.location_id, line.location_dest_id,
                 self.operator, line, line.date),
            )  # fmt: skip
            self.assertEqual(event.warehouse_id, wh)
        pick, packed, shipped = (
            self.env["wms.event"].search([("picking_id", "=", p.id)]) for _t, p in steps[3:]
        )
        self.assertEqual(pick.batch_id, steps[3][1].batch_id)
        self.assertTrue(pick.batch_id)
        self.assertEqual(packed.result_package_id, box)
        self.assertEqual(shipped.package_id, box)

    def test_a_one_step_posting_records_both_of_its_handoffs(self):
        supplier = self.env.ref("stock.stock_location_suppliers")
        customers = self.env.ref("stock.stock_location_customers")
        self.warehouse.write({"reception_steps": "one_step", "delivery_steps": "ship_only"})
        wh = self.warehouse
        receipt = self._post(wh.in_type_id, supplier, self.bin_far, 5, {"lot_name": "L-25"})
        delivery = self._post(wh.out_type_id, self.bin_far, customers, 5)
        for picking, expected in (
            (receipt, ["receipt", "putaway"]),
            (delivery, ["pick", "shipment"]),
        ):
            events = self.env["wms.event"].search([("picking_id", "=", picking.id)])
            self.assertEqual(sorted(events.mapped("event_type")), sorted(expected))
            self.assertEqual(len(events.move_line_id), 1)
