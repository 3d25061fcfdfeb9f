# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_receiving import ReceivingCase


@tagged("post_install", "-at_install")
class TestReceivingUnits(ReceivingCase):
    """Handling units keep their lot and expiry through the receiving rules; a receipt
    over the ordered quantity stops until a supervisor accepts it with a reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lotted = cls.env["product.product"].create(
            {"name": "Epoxy Adhesive 50 ml", "is_storable": True, "tracking": "lot"}
        )

    def _lot_receipt(self, lot, qty, damaged=0.0):
        vendors = self.env.ref("stock.stock_location_suppliers")
        stock = self.warehouse.lot_stock_id
        receipt = self.env["stock.picking"].create(
            {"picking_type_id": self.warehouse.in_type_id.id, "location_id": vendors.id,
             "location_dest_id": stock.id, "partner_id": self.vendor.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": self.lotted.id,
                                  "product_uom_qty": qty, "location_id": vendors.id,
                                  "location_dest_id": stock.id,
                                  "wms_damaged_qty": damaged})]}
        )  # fmt: skip
        receipt.action_confirm()
        package = self.env["stock.quant.package"].with_user(self.operator).create({"name": lot})
        receipt.move_ids.move_line_ids.with_user(self.operator).write(
            {"lot_name": f"L-{lot}", "result_package_id": package.id, "quantity": qty,
             "wms_expiry_date": date(2027, 3, 31), "picked": True}
        )  # fmt: skip
        receipt.with_user(self.operator).button_validate()
        return receipt, package

    def test_the_package_records_lot_and_expiry_and_its_scan_gives_them(self):
        receipt, package = self._lot_receipt("PK-100", 10)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(package.location_id, self.qc_loc, "first receipt of a lot product: QC")
        self.assertEqual(package.wms_lot_id.name, "L-PK-100")
        self.assertEqual(package.wms_expiry_date, date(2027, 3, 31))
        self.assertEqual(package.wms_receipt_id, receipt)
        scanned = self.env["wms.scan"].with_user(self.operator).resolve("PK-100")
        self.assertEqual(
            (scanned["type"], scanned["lot"], scanned["expiry"]),
            ("package", "L-PK-100", "2027-03-31"),
        )

    def test_damaged_units_leave_their_package_keeping_their_lot(self):
        self._lot_receipt("PK-101", 4)  # the first receipt goes to QC
        receipt, package = self._lot_receipt("PK-102", 10, damaged=2)
        self.assertIn("2 taken out of package PK-102 to hold", receipt.move_ids.wms_route_reason)
        self.assertEqual(package.location_id, self.warehouse.lot_stock_id)
        self.assertEqual(sum(package.quant_ids.mapped("quantity")), 8)
        held = self.env["stock.quant"].search(
            [("product_id", "=", self.lotted.id), ("location_id", "=", self.hold_loc.id)]
        )
        self.assertEqual(held.quantity, 2)
        self.assertEqual(held.lot_id.name, "L-PK-102")
        self.assertFalse(held.package_id)

    def test_an_over_receipt_stops_until_a_supervisor_accepts_it(self):
        self._receive(1)  # first receipt to QC, out of the way
        vendors = self.env.ref("stock.stock_location_suppliers")
        receipt = self._picking(self.warehouse.in_type_id, vendors, self.warehouse.lot_stock_id, 10)
        receipt.move_ids.write({"quantity": 12, "picked": True})
        with self.assertRaisesRegex(UserError, r"12\.0 Units received, 10\.0 ordered"):
            receipt.with_user(self.operator).button_validate()
        self.assertEqual(receipt.state, "assigned", "nothing posted")
        with self.assertRaises(AccessError):
            receipt.with_user(self.operator).wms_over_receipt_reason = "vendor sent a full case"
        receipt.with_user(self.supervisor).wms_over_receipt_reason = "vendor sent a full case"
        self.assertEqual(receipt.wms_over_receipt_by, self.supervisor)
        receipt.with_user(self.operator).button_validate()
        self.assertEqual(receipt.state, "done")
        self.assertEqual(self._on_hand(self.warehouse.lot_stock_id), 12)

    def test_a_vendor_tolerance_lets_a_small_excess_through(self):
        self._receive(1)
        self.vendor.wms_over_receipt_pct = 20.0
        vendors = self.env.ref("stock.stock_location_suppliers")
        receipt = self._picking(self.warehouse.in_type_id, vendors, self.warehouse.lot_stock_id, 10)
        receipt.move_ids.write({"quantity": 12, "picked": True})
        receipt.with_user(self.operator).button_validate()
        self.assertEqual(receipt.state, "done")
        receipt = self._picking(self.warehouse.in_type_id, vendors, self.warehouse.lot_stock_id, 10)
        receipt.move_ids.write({"quantity": 13, "picked": True})
        with self.assertRaisesRegex(UserError, "More received than ordered"):
            receipt.with_user(self.operator).button_validate()
