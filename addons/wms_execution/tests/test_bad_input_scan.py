# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scan service's bad inputs, as a careless or hostile scanner sends them over
JSON-RPC: each is answered with a clear sentence and changes nothing."""

from odoo.addons.stock_policy.tests.bad_input import HANDLED, MESSAGE, REFUSED, BadInputCase
from odoo.tests import tagged

from .common import ScanCase

BIN, ITEM = ScanCase.BIN, ScanCase.ITEM


@tagged("post_install", "-at_install")
class TestScanBadInput(ScanCase, BadInputCase):
    def _state(self):
        """What a bad input must not change: stock, lines, answers kept, exceptions."""
        env = self.env
        quants = env["stock.quant"].search([("product_id", "=", self.product.id)])
        lines = self.order.move_line_ids
        return (
            sorted(quants.mapped(lambda q: (q.location_id.id, q.quantity, q.reserved_quantity))),
            sorted(lines.mapped(lambda ml: (ml.id, ml.quantity, ml.picked, ml.state))),
            self.order.move_ids.mapped("state"),
            env["wms.scan.request"].search_count([]),
            env["wms.exception"].search_count([]),
            env["stock.quant.package"].search_count([]),
        )

    def test_bad_inputs_to_the_scan_service_are_answered_clearly(self):
        scan = self.scan
        line = scan.take_line(self.order.id)["line_id"]

        def confirm(qty=4, line_id=line, where=BIN, what=ITEM, key="bad", lot=None):
            return lambda: scan.confirm_line(line_id, where, what, qty, key, lot_code=lot)

        number, missing, negative = "must be a number", "is missing", "cannot be negative"
        not_given = "is not one the screen gave"
        no_key = "The scanner sent no confirmation key"
        rows = [
            ("quantity text", MESSAGE, number, confirm(qty="abc")),
            ("quantity None", MESSAGE, missing, confirm(qty=None)),
            ("quantity list", MESSAGE, number, confirm(qty=[1])),
            ("quantity digit text", MESSAGE, number, confirm(qty="1")),
            ("quantity yes/no", MESSAGE, number, confirm(qty=True)),
            ("quantity -1", MESSAGE, negative, confirm(qty=-1)),
            ("quantity 0.0001", MESSAGE, "less than the smallest quantity", confirm(qty=0.0001)),
            ("quantity NaN", MESSAGE, "is not a quantity", confirm(qty=float("nan"))),
            ("quantity infinite", MESSAGE, "is not a quantity", confirm(qty=float("inf"))),
            ("quantity over", MESSAGE, "Too many: 5", confirm(qty=5)),
            ("line id text", MESSAGE, not_given, confirm(line_id="abc")),
            ("line id None", MESSAGE, not_given, confirm(line_id=None)),
            ("line id list", MESSAGE, not_given, confirm(line_id=[line])),
            ("line id negative", MESSAGE, not_given, confirm(line_id=-3)),
            ("line id missing", MESSAGE, "already confirmed or gone", confirm(line_id=2**31 - 1)),
            ("key empty", MESSAGE, no_key, confirm(key="")),
            ("key blank", MESSAGE, no_key, confirm(key="   ")),
            ("key None", MESSAGE, no_key, confirm(key=None)),
            ("key number", MESSAGE, no_key, confirm(key=5)),
            ("key too long", MESSAGE, "500 characters", confirm(key="k" * 500)),
            ("bin list", MESSAGE, "is not a barcode", confirm(where=[1])),
            ("bin wrong", MESSAGE, "scanned TDC/Stock/R01-12-1L", confirm(where="R0112")),
            ("product dict", MESSAGE, "is not a barcode", confirm(what={"a": 1})),
            ("GS1 lot on an untracked product", MESSAGE, "is not tracked by lot, yet lot LOT9",
             confirm(what="010084000000001910LOT9")),
            ("lot scanned for an untracked product", MESSAGE, "is not tracked by lot",
             confirm(lot="LOT9")),
            ("resolve a number", HANDLED, '"unknown"', lambda: scan.resolve(12345)),
            ("resolve None", HANDLED, '"unknown"', lambda: scan.resolve(None)),
            ("resolve a list", REFUSED, "is not a barcode", lambda: scan.resolve([1])),
            ("take a text transfer", REFUSED, not_given, lambda: scan.take_line("abc")),
            ("take a missing transfer", REFUSED, "does not exist any more",
             lambda: scan.take_line(2**31 - 1)),
            ("count text", MESSAGE, number, lambda: scan.count(BIN, ITEM, "abc", "c1")),
            ("count None", MESSAGE, missing, lambda: scan.count(BIN, ITEM, None, "c2")),
            ("count -1", MESSAGE, negative, lambda: scan.count(BIN, ITEM, -1, "c3")),
            ("count without a bin", MESSAGE, "Scan the bin first",
             lambda: scan.count("", ITEM, 1, "c4")),
            ("count an unknown product", MESSAGE, "is not a product we know",
             lambda: scan.count(BIN, "nope", 1, "c5")),
            ("count no key", MESSAGE, no_key, lambda: scan.count(BIN, ITEM, 1, "")),
            ("top-up quantity text", MESSAGE, number,
             lambda: scan.replenish_confirm(line, BIN, ITEM, "abc", "R0112", "r1")),
            ("top-up line text", MESSAGE, not_given,
             lambda: scan.replenish_confirm("abc", BIN, ITEM, 1, "R0112", "r2")),
            ("drop-off transfers text", MESSAGE, not_given,
             lambda: scan.pick_drop("abc", "PACK", "d1")),
            ("drop-off no transfers", MESSAGE, not_given, lambda: scan.pick_drop([], "PACK", "d2")),
            ("put-away lines text", MESSAGE, not_given,
             lambda: scan.putaway_confirm("abc", BIN, 1, None, "p1")),
            ("put-away quantity text", MESSAGE, number,
             lambda: scan.putaway_confirm([line], BIN, "abc", None, "p2")),
            ("put-away bin check of nothing", REFUSED, not_given,
             lambda: scan.putaway_check_bin(None, BIN)),
            ("pack into a text carton", MESSAGE, not_given,
             lambda: scan.pack_add(self.order.id, "abc", ITEM, None, "k1")),
            ("pack quantity text", MESSAGE, number,
             lambda: scan.pack_add(self.order.id, 1, ITEM, "2", "k2")),
            ("weigh a text carton", MESSAGE, not_given, lambda: scan.pack_weigh("abc", 1.0, "k3")),
            ("weigh text", MESSAGE, number, lambda: scan.pack_weigh(1, "heavy", "k4")),
            ("weigh negative", MESSAGE, negative, lambda: scan.pack_weigh(1, -2, "k5")),
            ("close a text carton", REFUSED, not_given, lambda: scan.pack_close("abc", "X")),
            ("open a None transfer", REFUSED, not_given, lambda: scan.pack_open(None)),
            ("carton for a text transfer", MESSAGE, not_given,
             lambda: scan.pack_carton("abc", "BOX", "k6")),
            ("receipt text", MESSAGE, "Receipt 'abc'",
             lambda: scan.receive_count("abc", ITEM, 1, 0, "v1")),
            ("receipt that is a pick", MESSAGE, "That receipt does not exist any more",
             lambda: scan.receive_count(self.order.id, ITEM, 1, 0, "v2")),
            ("receipt quantity text", MESSAGE, number,
             lambda: scan.receive_count(self.order.id, ITEM, "abc", 0, "v3")),
            ("receipt damaged text", MESSAGE, "The damaged quantity must be a number",
             lambda: scan.receive_count(self.order.id, ITEM, 1, "x", "v4")),
            ("receipt lines of text", REFUSED, "Receipt 'abc'", lambda: scan.receive_lines("abc")),
            ("close a receipt without a key", MESSAGE, no_key, lambda: scan.receive_close(1, "")),
            ("find a number", MESSAGE, "123 is no open pick transfer",
             lambda: scan.find_transfer("pick", 123)),
            ("find a list", REFUSED, "is not a barcode", lambda: scan.find_transfer("pick", [1])),
        ]  # fmt: skip
        self.check_catalogue(rows, self._state)
