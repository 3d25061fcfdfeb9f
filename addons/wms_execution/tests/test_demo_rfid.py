# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.execution.inbound import encode_sgtin96
from stockops.gs1 import gs1_check_digit
from stockops.scenario.barcodes import GS1_COMPANY_PREFIX

from ..demo.rfid import RFID_BIN_SERIALS, RFID_ELSEWHERE_SERIAL, RFID_PRODUCT_CODE


@tagged("post_install", "-at_install")
class TestDemoRfid(TransactionCase):
    """The demo's RFID-tagged drill (demo/rfid.py), found by its own reference: an operator
    counts its forward bin by tags and sees matched, missing and unexpected serials named
    as a warehouse person names them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drill = cls.env["product.product"].search([("default_code", "=", RFID_PRODUCT_CODE)])
        if not cls.drill:
            raise AssertionError(f"the demo has no {RFID_PRODUCT_CODE} (demo/rfid.py)")
        quants = cls.env["stock.quant"].search(
            [("product_id", "=", cls.drill.id), ("location_id.usage", "=", "internal")]
        )
        cls.bin_of = {q.lot_id.name: q.location_id for q in quants}
        cls.operator = new_test_user(
            cls.env, login="wms_rfid_demo_op", groups="wms_execution.group_wms_operator"
        )

    def tag(self, serial, gtin=None):
        return encode_sgtin96((gtin or self.drill.barcode).zfill(14), int(serial), 7)

    def test_the_demo_drill_is_tagged_on_our_prefix_in_a_forward_bin_and_another(self):
        self.assertEqual(self.drill.tracking, "serial")
        self.assertTrue(self.drill.barcode.startswith(GS1_COMPANY_PREFIX), self.drill.barcode)
        self.assertEqual(len(GS1_COMPANY_PREFIX), 7)
        self.assertEqual(sorted(self.bin_of), sorted([*RFID_BIN_SERIALS, RFID_ELSEWHERE_SERIAL]))
        home = {self.bin_of[s] for s in RFID_BIN_SERIALS}
        self.assertEqual(len(home), 1, "the handful in one bin")
        (home,) = home
        self.assertEqual(home.wms_zone_id.kind, "forward")
        self.assertTrue(home.barcode)
        self.assertNotEqual(self.bin_of[RFID_ELSEWHERE_SERIAL], home)

    def test_an_operator_counts_the_demo_bin_by_tags(self):
        home = self.bin_of[RFID_BIN_SERIALS[0]]
        elsewhere = self.bin_of[RFID_ELSEWHERE_SERIAL]
        read, missing = RFID_BIN_SERIALS[:-1], RFID_BIN_SERIALS[-1]
        body = f"{GS1_COMPANY_PREFIX}98765"  # our prefix, no product of ours (or a new one)
        nobody = body + gs1_check_digit(body)
        self.assertFalse(self.env["product.product"].search([("barcode", "=", nobody)]))
        reads = [self.tag(s) for s in read] + [self.tag(RFID_ELSEWHERE_SERIAL), self.tag(1, nobody)]
        scan = self.env["wms.scan"].with_user(self.operator)
        result = scan.count_tags(home.barcode, reads, "demo-rfid-1")
        self.assertTrue(result["ok"], result)
        self.assertEqual((result["matched"], result["expected"]), (3, 4))
        self.assertEqual(result["missing"],
                         [{"product": self.drill.display_name, "serial": missing}])  # fmt: skip
        stray, stranger = result["unexpected"]
        self.assertEqual(
            stray["what"],
            f"{self.drill.display_name} serial {RFID_ELSEWHERE_SERIAL} — on the books in "
            f"{elsewhere.name}",
        )
        self.assertEqual((stray["serial"], stray["where"], stray["why"]),
                         (RFID_ELSEWHERE_SERIAL, elsewhere.name, ""))  # fmt: skip
        self.assertEqual(stranger["what"], f"urn:epc:id:sgtin:{GS1_COMPANY_PREFIX}.098765.1")
        self.assertEqual(stranger["why"], "no product of ours")
        self.assertIn("4 tags expected, 5 read: 3 matched, 1 missing, 2 unexpected",
                      result["message"])  # fmt: skip
