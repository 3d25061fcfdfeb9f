# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.execution.inbound import encode_sgtin96, encode_sscc96

from .inbound_common import (
    GTIN_SCANNER,
    GTIN_YOGURT,
    SSCC_A,
    SSCC_B,
    SSCC_C,
    build_vendor,
    expiry,
    import_notice,
    notice_csv,
)


@tagged("post_install", "-at_install")
class TestInboundReceive(TransactionCase):
    """A receiving operator at the dock scans each pallet's SSCC of a receipt made from an
    advance ship notice: a pallet as noticed is received whole (a mixed one broken down
    by product for put-away); a pallet not on the notice, scanned twice, counted
    otherwise or damaged is refused or opens a receiving exception with the reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        build_vendor(cls)
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "Dock Six", "code": "DK6"})
        cls.warehouse.in_type_id.auto_batch = False
        cls.notice = import_notice(cls.env, cls.vendor, cls.warehouse)
        cls.receipt = cls.notice.picking_id
        cls.operator = new_test_user(
            cls.env, login="asn_dock_op", groups="wms_execution.group_wms_operator"
        )
        cls.scan = cls.env["wms.scan"].with_user(cls.operator)

    def _pallet(self, sscc):
        return self.notice.pallet_ids.filtered(lambda p: p.sscc == sscc)

    def _lines(self, product):
        return self.receipt.move_line_ids.filtered(lambda ml: ml.product_id == product)

    def _exceptions(self):
        return self.env["wms.exception"].search([("picking_id", "=", self.receipt.id)])

    def test_pallets_as_noticed_are_received_whole_and_closing_posts_them(self):
        rid = self.receipt.id
        single = self.scan.receive_pallet(rid, "00" + SSCC_B, False, None, "p1")
        self.assertTrue(single["ok"], single)
        self.assertIn(f"Pallet {SSCC_B} received whole", single["message"])
        scanners = self._lines(self.scanner)
        self.assertTrue(all(scanners.mapped("picked")))
        self.assertEqual(scanners.result_package_id.name, SSCC_B, "stays whole in its package")
        self.assertEqual(self._pallet(SSCC_B).state, "received")
        self.assertFalse(self._lines(self.yogurt).picked, "the other pallet waits")
        mixed = self.scan.receive_pallet(rid, SSCC_A, False, None, "p2")
        self.assertIn(
            "broken down by product: 120 Yogurt 500 g, 10 Stacking Crate 40 L", mixed["message"]
        )
        yogurt, crates = self._lines(self.yogurt), self._lines(self.crate)
        self.assertEqual((yogurt.quantity, yogurt.lot_name, yogurt.picked), (120, "Y-2611", True))
        self.assertFalse((yogurt | crates).result_package_id, "one line per product")
        self.assertEqual({p["state"] for p in mixed["pallets"]}, {"received"})
        self.assertFalse(self._exceptions())
        closed = self.scan.receive_close(rid, "p3")
        self.assertTrue(closed["ok"], closed)
        self.assertEqual((self.receipt.state, self.notice.state), ("done", "received"))
        lot = self.env["stock.lot"].search([("product_id", "=", self.yogurt.id)])
        self.assertEqual(lot.name, "Y-2611")
        package = self._pallet(SSCC_B).package_id
        self.assertEqual(sorted(package.quant_ids.lot_id.mapped("name")), ["SN-0001", "SN-0002"])

    def test_a_pallet_not_on_the_notice_opens_an_exception_and_changes_nothing(self):
        result = self.scan.receive_pallet(self.receipt.id, SSCC_C, False, None, "n1")
        self.assertTrue(result["ok"], result)
        self.assertIn(f"pallet {SSCC_C} is not on notice ASN-1001", result["message"])
        exception = self._exceptions()
        self.assertEqual((exception.kind, exception.scanned), ("receiving", SSCC_C))
        self.assertIn("is not on notice ASN-1001", exception.name)
        self.assertFalse(any(self.receipt.move_line_ids.mapped("picked")))
        self.assertEqual(set(self.notice.pallet_ids.mapped("state")), {"expected"})

    def test_a_pallet_scanned_twice_is_refused_and_nothing_changes(self):
        self.assertTrue(self.scan.receive_pallet(self.receipt.id, SSCC_B, False, None, "t1")["ok"])
        again = self.scan.receive_pallet(self.receipt.id, SSCC_B, False, None, "t2")
        self.assertFalse(again["ok"])
        self.assertIn(f"pallet {SSCC_B} was already received: scanned twice", again["error"])
        self.assertFalse(self._exceptions())
        repeat = self.scan.receive_pallet(self.receipt.id, SSCC_B, False, None, "t1")
        self.assertTrue(repeat["ok"], "the same confirmation again gets its first answer")
        bad = self.scan.receive_pallet(self.receipt.id, "106141412345678901", False, None, "t3")
        self.assertIn("wrong check digit", bad["error"])

    def test_a_damaged_pallet_opens_an_exception_and_waits_in_the_backorder(self):
        rid = self.receipt.id
        damaged = self.scan.receive_pallet(rid, SSCC_A, True, None, "d1")
        self.assertIn(f"pallet {SSCC_A} reported damaged", damaged["message"])
        pallet = self._pallet(SSCC_A)
        self.assertEqual(pallet.state, "exception")
        self.assertEqual(pallet.exception_id.kind, "receiving")
        self.assertFalse(any(self._lines(self.yogurt).mapped("picked")), "nothing received")
        twice = self.scan.receive_pallet(rid, SSCC_A, False, None, "d2")
        self.assertIn("scanned twice", twice["error"])
        self.scan.receive_pallet(rid, SSCC_B, False, None, "d3")
        closed = self.scan.receive_close(rid, "d4")
        self.assertEqual(self.receipt.state, "done")
        backorder = self.receipt.backorder_ids
        self.assertEqual(closed["backorder"], backorder.name)
        self.assertEqual(backorder.move_ids.product_id, self.yogurt | self.crate)

    def test_a_count_or_a_lot_that_differs_is_received_as_counted_with_an_exception(self):
        self.crate.default_code = "CR-40"
        counted = [
            {"code": GTIN_YOGURT, "quantity": 120, "lot": "Y-2612"},
            {"code": "CR-40", "quantity": 9},
        ]
        result = self.scan.receive_pallet(self.receipt.id, SSCC_A, False, counted, "c1")
        self.assertTrue(result["ok"], result)
        exception = self._exceptions()
        self.assertIn(
            "lot difference: 04006381333931 came as lot Y-2612, the notice says lot Y-2611",
            exception.name,
        )
        self.assertIn("count difference: CR-40: 10 noticed, 9 counted", exception.name)
        yogurt = self._lines(self.yogurt)
        self.assertEqual((yogurt.lot_name, yogurt.quantity, yogurt.picked), ("Y-2612", 120, True))
        self.assertEqual(self._lines(self.crate).quantity, 9)
        self.assertEqual(self._pallet(SSCC_A).state, "received")
        scanners = [{"code": GTIN_SCANNER, "quantity": 2}]
        same = self.scan.receive_pallet(self.receipt.id, SSCC_B, False, scanners, "c2")
        self.assertIn("received whole", same["message"], "counted as noticed: no exception")
        self.assertEqual(len(self._exceptions()), 1)

    def test_a_receipt_without_a_notice_is_refused(self):
        other = self.receipt.copy()
        result = self.scan.receive_pallet(other.id, SSCC_A, False, None, "w1")
        self.assertIn("has no advance ship notice", result["error"])
        lines = self.scan.receive_lines(other.id)
        self.assertEqual((lines["notice"], lines["pallets"]), ("", []))

    def test_a_pallet_is_received_by_its_rfid_tags(self):
        rows = [
            f"ASN-RF1,V-ALP,{SSCC_C},{GTIN_SCANNER},,1,,5001,",
            f"ASN-RF1,V-ALP,{SSCC_C},{GTIN_SCANNER},,1,,5002,",
        ]
        notice = import_notice(self.env, self.vendor, self.warehouse, notice_csv("ASN-RF1", rows))
        rid, gtin = notice.picking_id.id, "0" + GTIN_SCANNER
        pallet_tag = encode_sscc96(SSCC_C, 7)
        one_read = [pallet_tag, encode_sgtin96(gtin, 5001, 7), encode_sgtin96(gtin, 5001, 7)]
        short = self.scan.receive_pallet(rid, "", False, None, "rf1", epcs=one_read)
        self.assertIn("missing: row 3: GTIN 08712345000011 serial 5002 not read", short["message"])
        self.assertIn(
            "1 repeat read collapsed", " ".join(notice.pallet_ids.exception_id.mapped("name"))
        )
        self.assertEqual(notice.pallet_ids.state, "received")
        self.assertEqual(len(notice.picking_id.move_line_ids.filtered("picked")), 2)
        # the receipt's other pallets: their SSCC-96 tag scanned like a barcode
        tagged = self.scan.receive_pallet(self.receipt.id, encode_sscc96(SSCC_B, 7), False, None,
                                          "rf2")  # fmt: skip
        self.assertIn(f"Pallet {SSCC_B} received whole", tagged["message"])
        no_tag = self.scan.receive_pallet(self.receipt.id, "", False, None, "rf3", epcs=[])
        self.assertIn("0 pallet tags read", no_tag["error"])

    def test_bad_input_is_refused_with_a_sentence_and_changes_nothing(self):
        rid = self.receipt.id
        cases = [
            ("abc", SSCC_A, False, None, None, "is not one the screen gave"),
            (rid, ["x"], False, None, None, "is not a barcode"),
            (rid, SSCC_A, "yes", None, None, "Damaged is yes or no"),
            (rid, SSCC_A, False, "x", None, "The lines counted are a list"),
            (rid, SSCC_A, False, ["x"], None, "A counted line is a product's label"),
            (rid, SSCC_A, False, [{"code": "NOPE-1", "quantity": 1}], None, "Unknown barcode"),
            (rid, SSCC_A, False, [{"code": GTIN_YOGURT, "quantity": "abc"}], None, "number"),
            (rid, SSCC_A, False, [{"code": GTIN_YOGURT, "quantity": -1}], None, "negative"),
            (rid, SSCC_A, False, None, "3034", "list of hex EPCs"),
            (rid, "", False, None, None, "0 pallet tags read"),
        ]
        for n, (picking, code, damaged, counted, epcs, said) in enumerate(cases):
            with self.subTest(said):
                result = self.scan.receive_pallet(picking, code, damaged, counted, f"b{n}", epcs)
                self.assertFalse(result["ok"])
                self.assertIn(said, result["error"])
        self.assertFalse(any(self.receipt.move_line_ids.mapped("picked")))
        self.assertFalse(self._exceptions())
        self.assertEqual(set(self.notice.pallet_ids.mapped("state")), {"expected"})


@tagged("post_install", "-at_install")
class TestInboundReceiveTour(HttpCase):
    def test_operator_receives_a_truck_pallet_by_pallet_from_its_notice(self):
        build_vendor(self)
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Pallet Tour DC", "code": "PTD"})
        warehouse.in_type_id.auto_batch = False
        rows = [
            f"ASN-T26,V-ALP,{SSCC_A},{GTIN_YOGURT},,120,Y-2611,,{expiry()}",
            f"ASN-T26,V-ALP,{SSCC_A},,CR-40,10,,,",
            f"ASN-T26,V-ALP,{SSCC_B},{GTIN_SCANNER},,1,,SN-0001,",
            f"ASN-T26,V-ALP,{SSCC_B},{GTIN_SCANNER},,1,,SN-0002,",
            f"ASN-T26,V-ALP,{SSCC_C},,CR-40,30,,,",
        ]
        notice = import_notice(env, self.vendor, warehouse, notice_csv("ASN-T26", rows))
        new_test_user(env, login="pallet_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen",
                        "wms_scan_receive_pallets", login="pallet_op_tour")  # fmt: skip
        states = {pallet.sscc: pallet.state for pallet in notice.pallet_ids}
        self.assertEqual(states, {SSCC_A: "received", SSCC_B: "received", SSCC_C: "exception"})
        receipt = notice.picking_id
        self.assertEqual(receipt.state, "done")
        exception = env["wms.exception"].search([("picking_id", "=", receipt.id)])
        self.assertEqual(exception.kind, "receiving")
        self.assertIn(f"pallet {SSCC_C} reported damaged", exception.name)
        stock = warehouse.lot_stock_id
        on_hand = self.crate.with_context(location=stock.id).qty_available
        self.assertEqual(on_hand, 10, "the damaged pallet's 30 crates wait in the backorder")
        self.assertEqual(receipt.backorder_ids.move_ids.product_uom_qty, 30)
        package = notice.pallet_ids[1].package_id
        self.assertEqual(package.quant_ids.product_id, self.scanner, "a whole pallet stays whole")
