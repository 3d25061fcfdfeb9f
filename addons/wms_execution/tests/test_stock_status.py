# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestStockStatus(WmsCase):
    """Stock on hold, in QC or returned is never reserved for a customer, even when its
    area sits inside WH/Stock; a release transfer out of the area takes it; consigned
    stock is visible, not valued, and reserved after the company's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        stock = wh.lot_stock_id
        # the worst case: every status area inside WH/Stock, where deliveries reserve from
        cls.areas = {}
        for kind in ("qc", "hold", "returns"):
            area = env["stock.location"].create(
                {"name": kind.upper(), "usage": "internal", "location_id": stock.id}
            )
            bin_ = env["stock.location"].create(
                {"name": f"{kind.upper()}-01", "usage": "internal", "location_id": area.id}
            )
            env["wms.zone"].create(
                {"name": kind, "code": kind.upper(), "kind": kind, "warehouse_id": wh.id,
                 "location_id": area.id}
            )  # fmt: skip
            cls.areas[kind] = bin_
        cls.product = env["product.product"].create(
            {"name": "Hydraulic Hose 1/2 in", "is_storable": True, "standard_price": 10.0}
        )
        quants = env["stock.quant"]
        quants._update_available_quantity(cls.product, cls.bin_near, 3)
        for bin_ in cls.areas.values():
            quants._update_available_quantity(cls.product, bin_, 10)
        wh.out_type_id.auto_batch = False
        cls.customers = env.ref("stock.stock_location_customers")

    def _transfer(self, ptype, source, dest, qty, **values):
        picking = (
            self.env["stock.picking"]
            .with_user(self.operator)
            .create(
                {"picking_type_id": ptype.id, "location_id": source.id,
                 "location_dest_id": dest.id, **values,
                 "move_ids": [(0, 0, {"name": "x", "product_id": self.product.id,
                                      "product_uom_qty": qty, "location_id": source.id,
                                      "location_dest_id": dest.id})]}
            )
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        return picking

    def test_status_follows_the_zone_area_and_what_is_under_it(self):
        statuses = {k: b.wms_stock_status for k, b in self.areas.items()}
        self.assertEqual(statuses, {"qc": "qc", "hold": "hold", "returns": "returns"})
        self.assertEqual(self.bin_near.wms_stock_status, "available")
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("location_id", "=", self.areas["qc"].id)]
        )
        self.assertEqual(quant.wms_stock_status, "qc")
        # a zone that stops being QC frees its area's stock at once
        zone = self.env["wms.zone"].search([("code", "=", "QC"), ("warehouse_id", "=",
                                                                  self.warehouse.id)])  # fmt: skip
        zone.kind = "reserve"
        self.assertEqual(self.areas["qc"].wms_stock_status, "available")
        self.assertEqual(quant.wms_stock_status, "available")

    def test_a_delivery_never_reserves_hold_qc_or_returns_stock(self):
        order = self._transfer(
            self.warehouse.out_type_id, self.warehouse.lot_stock_id, self.customers, 20
        )
        self.assertEqual(order.state, "assigned", "partially available, what there is")
        self.assertEqual(order.move_ids.quantity, 3)
        self.assertEqual(order.move_line_ids.location_id, self.bin_near)
        # a second check of availability does not reach into them either
        order.action_assign()
        self.assertEqual(order.move_ids.quantity, 3)

    def test_a_release_from_qc_takes_the_qc_stock(self):
        release = self._transfer(self.warehouse.int_type_id, self.areas["qc"], self.bin_far, 10)
        self.assertEqual(release.move_ids.quantity, 10)
        self.assertEqual(release.move_line_ids.location_id, self.areas["qc"])

    def test_consigned_stock_is_visible_not_valued_and_reserved_after_own_stock(self):
        vendor = self.env["res.partner"].create({"name": "Consigning Vendor"})
        vendors = self.env.ref("stock.stock_location_suppliers")
        receipt = self._transfer(
            self.warehouse.in_type_id, vendors, self.bin_far, 5, owner_id=vendor.id
        )
        receipt.move_ids.picked = True
        receipt.button_validate()
        consigned = self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("owner_id", "=", vendor.id),
             ("location_id", "=", self.bin_far.id)]
        )  # fmt: skip
        self.assertEqual(consigned.quantity, 5)
        self.assertEqual(consigned.wms_stock_status, "consigned")
        own = self._transfer(self.warehouse.in_type_id, vendors, self.bin_far, 2)
        own.move_ids.picked = True
        own.button_validate()
        layers = self.env["stock.valuation.layer"].search(
            [("stock_move_id", "in", (receipt | own).move_ids.ids)]
        )
        self.assertEqual(layers.stock_move_id, own.move_ids, "not valued: the vendor owns it")
        self.assertEqual(layers.value, 20.0)
        self.assertIn(consigned, self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("wms_stock_status", "=", "consigned")]
        ))  # fmt: skip
        # the vendor's units are the oldest: first in, first out alone would take them
        consigned.sudo().in_date = "2020-01-01 00:00:00"
        order = self._transfer(
            self.warehouse.out_type_id, self.warehouse.lot_stock_id, self.customers, 6
        )
        by_owner = {}
        for line in order.move_line_ids:
            by_owner[line.owner_id] = by_owner.get(line.owner_id, 0.0) + line.quantity
        # own 3 + 2 received first, then 1 of the vendor's
        self.assertEqual(by_owner, {self.env["res.partner"]: 5, vendor: 1})
