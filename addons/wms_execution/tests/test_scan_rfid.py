# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from stockops.execution.inbound import encode_sgtin96, encode_sscc96
from stockops.gs1 import gs1_check_digit

from .common import WmsCase, reserved_order

PREFIX = "5012345"  # our GS1 company prefix: the drills' EAN-13 carry it


def gtin(body):
    """A GTIN with its check digit: ``body`` is the GTIN without it."""
    return body + gs1_check_digit(body)


class RfidCase(WmsCase):
    """Cordless drills tracked by serial, tagged at the factory: serials 1001 and 1002 in
    bin R0101, 1003 in R0112; a pallet labelled with our SSCC; a second company's pump
    under a prefix of its own and a second company's drill under ours. The operator reads."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        (cls.bin_near | cls.bin_far).write({"barcode": False})
        cls.bin_near.barcode, cls.bin_far.barcode = "R0101", "R0112"
        cls.drill_ean = gtin(PREFIX + "12345")  # EAN-13
        cls.drill = env["product.product"].create(
            {"name": "Cordless Drill", "is_storable": True, "tracking": "serial",
             "barcode": cls.drill_ean}
        )  # fmt: skip
        cls.serials = env["stock.lot"].create(
            [{"name": n, "product_id": cls.drill.id} for n in ("1001", "1002", "1003")]
        )
        for lot, where in zip(cls.serials, (cls.bin_near, cls.bin_near, cls.bin_far), strict=True):
            env["stock.quant"]._update_available_quantity(cls.drill, where, 1, lot_id=lot)
        cls.sscc = gtin("0" + PREFIX + "000000012")
        cls.pallet = env["stock.quant.package"].create({"name": cls.sscc})
        company_b = env["res.company"].create({"name": "Harbour Supplies B"})
        env["product.product"].create(
            [{"name": "Harbour Pump", "barcode": gtin("401234500001"), "company_id": company_b.id},
             {"name": "Harbour Drill", "barcode": gtin(PREFIX + "99999"),
              "company_id": company_b.id}]
        )  # fmt: skip
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def tag(self, serial, ean=None):
        """The SGTIN-96 of a drill (or of the product of ``ean``) with ``serial``."""
        return encode_sgtin96((ean or self.drill_ean).zfill(14), serial, len(PREFIX))

    def bin_serials(self, location):
        quants = self.env["stock.quant"].search(
            [("location_id", "=", location.id), ("product_id", "=", self.drill.id),
             ("quantity", ">", 0)]
        )  # fmt: skip
        return sorted(quants.lot_id.mapped("name"))


@tagged("post_install", "-at_install")
class TestScanRfid(RfidCase):
    def test_a_tag_scanned_like_a_barcode_gives_the_drill_and_its_serial(self):
        tag = self.tag(1002)
        found = self.scan.resolve(tag.lower())
        self.assertEqual((found["type"], found["id"]), ("product", self.drill.id))
        self.assertEqual((found["lot"], found["lot_id"]), ("1002", self.serials[1].id))
        self.assertEqual(found["epc"], f"urn:epc:id:sgtin:{PREFIX}.012345.1002")

    def test_a_pallet_tag_gives_the_package_of_its_sscc(self):
        found = self.scan.resolve(encode_sscc96(self.sscc, len(PREFIX)))
        self.assertEqual((found["type"], found["id"]), ("package", self.pallet.id))

    def test_a_bad_tag_is_refused_with_its_reason(self):
        cases = {
            "E2801160600002000000000A": "header 0xE2 is neither SGTIN-96",
            "301C257BF7194E4000001A85": "partition 7 is not in the table",
            encode_sgtin96(gtin("999999912345").zfill(14), 5, 7): "company prefix 9999999 "
            "is neither ours nor a vendor's",
            # company B's pump: its prefix is known to company B only
            self.tag(7, gtin("401234500001")): "company prefix 4012345 is neither ours",
        }
        for code, why in cases.items():
            with self.subTest(code=code), self.assertRaisesRegex(UserError, why):
                self.scan.resolve(code)

    def test_a_tag_of_no_product_or_package_of_ours_is_unknown_with_its_reason(self):
        cases = {
            # company B's drill carries our prefix, yet is no product of ours
            self.tag(7, gtin(PREFIX + "99999")): "is no product of ours",
            encode_sscc96(gtin("0" + PREFIX + "000000099"), 7): "is no package of ours",
        }
        for code, why in cases.items():
            with self.subTest(code=code):
                found = self.scan.resolve(code)
                self.assertEqual(found["type"], "unknown")
                self.assertIn(why, found["note"])

    def test_a_drill_is_picked_by_its_tag_and_a_bad_tag_changes_nothing(self):
        self.warehouse.out_type_id.auto_batch = False
        order = reserved_order(
            self.env, self.warehouse.out_type_id, [(self.drill, self.bin_near, 1)]
        )
        took = self.scan.take_line(order.id)
        exceptions = self.env["wms.exception"].search_count([])
        for bad in ("E2801160600002000000000A", self.tag(7, gtin("401234500001"))):
            refused = self.scan.confirm_line(took["line_id"], "R0101", bad, 1, f"p-{bad}")
            self.assertFalse(refused["ok"])
            self.assertIn("RFID tag" if bad[0] == "E" else "company prefix", refused["error"])
        self.assertEqual(self.env["wms.exception"].search_count([]), exceptions)
        count = self.scan.count("R0101", "E2801160600002000000000A", 0, "c-bad")
        self.assertFalse(count["ok"])
        self.assertEqual(self.bin_serials(self.bin_near), ["1001", "1002"])
        lot = took["lot"]
        done = self.scan.confirm_line(took["line_id"], "R0101", self.tag(int(lot)), 1, "p-ok")
        self.assertTrue(done["ok"], done)
        self.assertEqual(order.move_ids.move_line_ids.lot_id.name, lot)
        self.assertEqual(order.state, "done")

    def test_a_gs1_serial_string_of_24_digits_is_no_tag(self):
        found = self.scan.resolve("01" + self.drill_ean.zfill(14) + "21001001")
        self.assertEqual((found["type"], found["id"]), ("product", self.drill.id))


@tagged("post_install", "-at_install")
class TestRfidBinCount(RfidCase):
    def test_a_batch_lists_missing_and_unexpected_tags_and_holds_the_variance(self):
        reads = [self.tag(1001), self.tag(1001).lower(), " " + self.tag(1001),
                 self.tag(1003), self.tag(7, gtin("401234500001")), "XYZ"]  # fmt: skip
        result = self.scan.count_tags("R0101", reads, "reader-1/1")
        self.assertTrue(result["ok"], result)
        self.assertEqual(result["matched"], 1)
        self.assertEqual(result["missing"], [{"product": "Cordless Drill", "serial": "1002"}])
        self.assertEqual([u["epc"] for u in result["unexpected"]],
                         [self.tag(1003), self.tag(7, gtin("401234500001"))])  # fmt: skip
        self.assertIn("company prefix 4012345", result["unexpected"][1]["why"])
        # a tag of ours is named by its product, its serial and where the books hold it; a
        # stranger's by its URN
        self.assertEqual(
            [u["what"] for u in result["unexpected"]],
            [f"Cordless Drill serial 1003 — on the books in {self.bin_far.name}",
             "urn:epc:id:sgtin:4012345.000001.7"],
        )  # fmt: skip
        self.assertEqual((result["unexpected"][0]["why"], result["expected"]), ("", 2))
        self.assertEqual((result["duplicates"], len(result["unreadable"])), (2, 1))
        self.assertIn("2 tags expected, 3 read: 1 matched, 1 missing, 2 unexpected",
                      result["message"])  # fmt: skip
        # no tolerance: the missing drill is recounted before it leaves the books
        self.assertTrue(result["held"])
        quant = self.env["stock.quant"].search(
            [("location_id", "=", self.bin_near.id), ("lot_id", "=", self.serials[1].id)]
        )
        self.assertEqual((quant.quantity, quant.policy_count_state), (1.0, "recount"))
        self.assertEqual(self.bin_serials(self.bin_far), ["1003"], "unexpected: not booked")

    def test_within_tolerance_a_missing_serial_leaves_the_bin_and_a_repeat_counts_once(self):
        self.warehouse.policy_count_tolerance_qty = 1
        reads = [self.tag(1001)]
        first = self.scan.count_tags("R0101", reads, "reader-1/2")
        self.assertEqual((first["ok"], first["held"]), (True, False))
        self.assertEqual(self.bin_serials(self.bin_near), ["1001"])
        self.env["stock.quant"]._update_available_quantity(
            self.drill, self.bin_near, 1, lot_id=self.serials[1]
        )  # the drill is found and put back: a repeat of the push must not count it away
        again = self.scan.count_tags("R0101", reads, "reader-1/2")
        self.assertEqual(again, first)
        self.assertEqual(self.bin_serials(self.bin_near), ["1001", "1002"])
        other = self.scan.count_tags("R0101", [self.tag(1002)], "reader-1/2")
        self.assertFalse(other["ok"], "a key is one push")

    def test_a_batch_of_nothing_readable_or_a_bad_bin_counts_nothing(self):
        for where, reads in (("R0101", ["XYZ", "E2801160600002000000000A"]), ("R0101", []),
                             ("NOBIN", [self.tag(1001)]), ("R0101", "3074;" * 3),
                             ("R0101", {"epc": 1})):  # fmt: skip
            with self.subTest(where=where, reads=reads):
                result = self.scan.count_tags(where, reads, f"bad-{where}-{reads!r}"[:100])
                self.assertFalse(result["ok"])
                self.assertTrue(result["error"])
        self.assertEqual(self.bin_serials(self.bin_near), ["1001", "1002"])
        counted = self.env["stock.quant"].search([("policy_count_state", "!=", False)])
        self.assertFalse(counted, "no count was recorded")


@tagged("post_install", "-at_install")
class TestRfidPush(RfidCase, HttpCase):
    """A fixed reader at R0101 pushes its reads with the operator's API key."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        keys = cls.env["res.users.apikeys"].with_user(cls.operator).sudo()
        cls.api_key = keys._generate(None, "Reader R0101", None)

    def push(self, body, key=None):
        headers = {"Content-Type": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        data = body if isinstance(body, str) else json.dumps(body)
        return self.url_open("/wms/rfid/push", data=data, headers=headers)

    def test_a_reader_without_the_operators_key_is_refused(self):
        body = {"bin": "R0101", "epcs": [self.tag(1001)], "key": "r1/1"}
        for key in (None, "not-a-key"):
            with self.subTest(key=key):
                self.assertEqual(self.push(body, key).status_code, 401)
        clerk = new_test_user(self.env, login="rfid_clerk", groups="base.group_user")
        clerk_key = (
            self.env["res.users.apikeys"].with_user(clerk).sudo()._generate(None, "Clerk", None)
        )
        refused = self.push(body, clerk_key)
        self.assertEqual(refused.status_code, 403, "no scan screen, no count")
        self.assertIn("may not count", refused.json()["error"])
        self.assertFalse(self.env["stock.quant"].search([("policy_count_state", "!=", False)]))

    def test_a_push_counts_the_bin_once(self):
        body = {"bin": "R0101", "epcs": [self.tag(1001), self.tag(1001)], "key": "r1/2"}
        first = self.push(body, self.api_key)
        self.assertEqual(first.status_code, 200, first.text)
        answer = first.json()
        self.assertEqual((answer["matched"], answer["duplicates"]), (1, 1))
        self.assertEqual(answer["missing"], [{"product": "Cordless Drill", "serial": "1002"}])
        recount = self.env["stock.quant"].search([("policy_count_state", "=", "recount")])
        self.assertEqual(recount.lot_id, self.serials[1])
        again = self.push(body, self.api_key)
        self.assertEqual((again.status_code, again.json()), (200, answer))
        self.assertEqual(recount.policy_count_state, "recount", "the repeat confirmed nothing")

    def test_a_bad_push_is_answered_in_json(self):
        for body, status in (
            ("not json", 400),
            ({"bin": "R0101"}, 400),
            ({"bin": "R0101", "epcs": ["XYZ"], "key": "r1/3"}, 422),
            ({"bin": "R0101", "epcs": [self.tag(1001)], "key": ""}, 422),
        ):
            with self.subTest(body=body):
                answer = self.push(body, self.api_key)
                self.assertEqual(answer.status_code, status)
                self.assertIn("error", answer.json())


@tagged("post_install", "-at_install")
class TestRfidCountTour(RfidCase, HttpCase):
    def test_operator_counts_a_bin_by_rfid_on_the_scan_screen(self):
        # the tour reads these two tags (static/tests/tours/scan_count_rfid_tour.js)
        self.assertEqual([self.tag(1001), self.tag(1003)],
                         ["303531EDE40C0E40000003E9", "303531EDE40C0E40000003EB"])  # fmt: skip
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen",
                        "wms_scan_count_rfid", login="wms_op_t")  # fmt: skip
        recount = self.env["stock.quant"].search([("policy_count_state", "=", "recount")])
        self.assertEqual(recount.lot_id, self.serials[1], "the missing drill is recounted")
