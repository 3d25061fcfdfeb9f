# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.execution.inbound import parse_notice_csv

from .inbound_common import (
    GTIN_YOGURT,
    SSCC_A,
    SSCC_B,
    SSCC_C,
    build_vendor,
    expiry,
    notice_csv,
    notice_xml,
)


@tagged("post_install", "-at_install")
class TestInboundNotice(TransactionCase):
    """A receiving clerk imports a vendor's advance ship notice (CSV or GS1 XML): the
    receipt has a package per SSCC and its lots and serials before the truck arrives, or
    nothing is imported and every error is named by its line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        build_vendor(cls)
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "North Dock", "code": "NDK"})

    def _import(self, data, filename="notice.csv", vendor=None, user=None):
        wizard = (
            self.env["wms.inbound.import"]
            .with_user(user or self.clerk)
            .create({"partner_id": (vendor or self.vendor).id, "warehouse_id": self.warehouse.id,
                     "file": base64.b64encode(data), "filename": filename})
        )  # fmt: skip
        action = wizard.action_import()
        if action["res_model"] == "wms.inbound.notice":
            return self.env["wms.inbound.notice"].browse(action["res_id"]), ""
        return self.env["wms.inbound.notice"], wizard.errors

    def _assert_truck_announced(self, notice):
        receipt = notice.picking_id
        self.assertEqual(receipt.picking_type_id, self.warehouse.in_type_id)
        self.assertEqual(receipt.partner_id, self.vendor)
        self.assertEqual(receipt.state, "assigned", "ready before the truck arrives")
        self.assertEqual(notice.pallet_ids.package_id.mapped("name"), [SSCC_A, SSCC_B])
        yogurt = receipt.move_line_ids.filtered(lambda ml: ml.product_id == self.yogurt)
        self.assertEqual((yogurt.quantity, yogurt.lot_name), (120, "Y-2611"))
        self.assertEqual(yogurt.result_package_id.name, SSCC_A)
        self.assertEqual(str(yogurt.wms_expiry_date), expiry())
        scanners = receipt.move_line_ids.filtered(lambda ml: ml.product_id == self.scanner)
        self.assertEqual(sorted(scanners.mapped("lot_name")), ["SN-0001", "SN-0002"])
        self.assertEqual(scanners.result_package_id.name, SSCC_B)
        return receipt

    def test_csv_notice_makes_the_receipt_with_packages_and_lots(self):
        notice, errors = self._import(notice_csv())
        self.assertFalse(errors)
        self.assertEqual(
            (notice.name, notice.source, notice.state), ("ASN-1001", "csv", "expected")
        )
        receipt = self._assert_truck_announced(notice)
        crates = receipt.move_line_ids.filtered(lambda ml: ml.product_id == self.crate)
        self.assertEqual((crates.quantity, crates.result_package_id.name), (10, SSCC_A))
        self.assertTrue(notice.pallet_ids[0].mixed, "yogurt and crates: broken down at receipt")
        # the truck arrives as announced: validating puts each pallet's goods in its package
        receipt.with_user(self.asn_supervisor).button_validate()
        self.assertEqual(notice.state, "received")
        lot = self.env["stock.lot"].search([("product_id", "=", self.yogurt.id)])
        self.assertEqual(lot.name, "Y-2611")
        package = notice.pallet_ids[0].package_id
        self.assertEqual(sorted(package.quant_ids.mapped("quantity")), [10, 120])

    def test_despatch_advice_xml_makes_the_same_receipt(self):
        notice, errors = self._import(notice_xml(), filename="DA-2001.xml")
        self.assertFalse(errors)
        self.assertEqual((notice.name, notice.source), ("DA-2001", "xml"))
        self._assert_truck_announced(notice)

    def test_an_error_imports_nothing_and_names_every_line(self):
        rows = [
            f"ASN-1002,V-ALP,{SSCC_C},{GTIN_YOGURT},,50,Y-1,,{expiry()}",
            f"ASN-1002,V-ALP,{SSCC_C},,CR-99,4,,,",
            f"ASN-1002,V-ALP,{SSCC_C},{GTIN_YOGURT},,6,,,",
        ]
        pickings = self.env["stock.picking"].search_count([])
        packages = self.env["stock.quant.package"].search_count([])
        notice, errors = self._import(notice_csv(rows=rows))
        self.assertFalse(notice)
        self.assertIn("Nothing was imported", errors)
        self.assertIn("row 3: product CR-99 is none of ours", errors)
        self.assertIn("row 4: 04006381333931 is tracked by lot: the line gives no lot", errors)
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings)
        self.assertEqual(self.env["stock.quant.package"].search_count([]), packages)

    def test_a_malformed_file_is_refused_with_its_reason(self):
        _notice, errors = self._import(b"\xff\xfe not a notice")
        self.assertIn("file: not UTF-8 text", errors)
        _notice, errors = self._import(b"<despatchAdvice><oops>", filename="x.xml")
        self.assertIn("XML", errors)
        _notice, errors = self._import(b"sscc,gtin\n1,2\n")
        self.assertIn("header: missing column(s) notice_ref, vendor_ref, quantity", errors)

    def test_a_duplicate_sscc_or_notice_is_refused(self):
        self.env["stock.quant.package"].create({"name": SSCC_B})
        _notice, errors = self._import(notice_csv())
        self.assertIn(f"row 4: SSCC {SSCC_B} is already a package in stock", errors)
        split = [f"ASN-1004,V-ALP,{SSCC_C},,CR-40,{qty},,," for qty in (1, 2)]
        split.insert(1, f"ASN-1004,V-ALP,{SSCC_A},,CR-40,3,,,")
        _notice, errors = self._import(notice_csv("ASN-1004", split))
        self.assertIn(f"row 4: SSCC {SSCC_C} is already the pallet of row 2", errors)
        rows = [f"ASN-1003,V-ALP,{SSCC_A},,CR-40,5,,,", f"ASN-1003,V-ALP,{SSCC_C},,CR-40,5,,,"]
        notice, errors = self._import(notice_csv("ASN-1003", rows))
        self.assertTrue(notice, errors)
        _again, errors = self._import(notice_csv("ASN-1003", rows))
        self.assertIn("notice ASN-1003 is already in", errors)
        self.assertIn(f"row 2: SSCC {SSCC_A} is already on notice ASN-1003", errors)

    def test_a_notice_of_another_vendor_is_refused(self):
        other = self.env["res.partner"].create({"name": "Baltic Fish", "ref": "V-BAL"})
        _notice, errors = self._import(notice_csv(), vendor=other)
        self.assertIn("vendor reference V-ALP is not Baltic Fish's", errors)
        self.assertIn("row 3: product CR-40 is none of ours", errors, "Alpine's code, not hers")

    def test_another_company_neither_takes_nor_sees_the_notice(self):
        notice, _errors = self._import(notice_csv())
        company_b = self.env["res.company"].create({"name": "Harbour Supplies B"})
        foreign = self.env["res.partner"].create(
            {"name": "Fjord Foods", "ref": "V-FJD", "company_id": company_b.id}
        )
        _notice, errors = (
            self.env["wms.inbound.notice"]
            .sudo()
            ._wms_intake(
                parse_notice_csv(notice_csv("ASN-9", [f"ASN-9,V-FJD,{SSCC_C},,CR-40,5,,,"])),
                foreign,
                self.warehouse,
                "csv",
            )
        )
        self.assertIn("vendor Fjord Foods belongs to Harbour Supplies B, not to", str(errors[0]))
        clerk_b = new_test_user(
            self.env, login="asn_clerk_b", groups="stock.group_stock_user",
            company_id=company_b.id, company_ids=[(6, 0, company_b.ids)],
        )  # fmt: skip
        notices = self.env["wms.inbound.notice"].with_user(clerk_b)
        self.assertFalse(notices.search([("id", "=", notice.id)]))
        with self.assertRaises(AccessError):
            notices.browse(notice.id).read(["name"])
        with self.assertRaises(AccessError):
            self.env["wms.inbound.notice.line"].with_user(clerk_b).browse(notice.line_ids.ids).read(
                ["lot_name"]
            )
