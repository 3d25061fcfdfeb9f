# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common import WmsCase

TODAY = date(2025, 3, 12)
MONDAY = date(2025, 3, 3)


def at(day, hour=12):
    return datetime(day.year, day.month, day.day, hour)


@tagged("post_install", "-at_install")
class TestScorecard(WmsCase):
    """Every figure of a small warehouse's week (3-9 March 2025), computed by hand.

    Two-step receipts: 50 A (cost 10, 0.01 m3) received on 20 November, 30 A received
    on Monday 3 March at 08:00 and put away at 14:00 (6 h), 40 B (cost 4, 0.002 m3)
    received on the 3rd at 08:00 and put away on the 4th at 08:00 (24 h). Deliveries
    from a reserve bin (each a pick and a shipment): D1 20 A on the 4th (ordered the
    3rd, on time), D2 40 B on the 5th (ordered at midnight, due the 4th: late), D3 8 of
    10 A on the 6th (ordered the 5th at midnight; no backorder). A short pick
    on D3 stays open; a mislabel on the 5th was closed as no issue.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse.company_id.partner_id.tz = "UTC"
        cls.warehouse.reception_steps = "two_steps"
        category = env["stock.storage.category"].create({"name": "Pallet", "wms_max_volume_m3": 10})
        cls.bin_near.storage_category_id = category
        cls.a, cls.b = env["product.product"].create(
            [{"name": "Shop Rag (50)", "is_storable": True, "standard_price": 10.0,
              "volume": 0.01},
             {"name": "Cable Ties (100)", "is_storable": True, "standard_price": 4.0,
              "volume": 0.002}]
        )  # fmt: skip
        cls._receive(cls.a, 50, at(date(2024, 11, 20), 8), at(date(2024, 11, 20), 10))
        cls._receive(cls.a, 30, at(MONDAY, 8), at(MONDAY, 14))
        cls._receive(cls.b, 40, at(MONDAY, 8), at(date(2025, 3, 4), 8))
        cls.d1 = cls._ship(cls.a, 20, 20, at(date(2025, 3, 4)), ordered=at(MONDAY))
        cls.d2 = cls._ship(cls.b, 40, 40, at(date(2025, 3, 5)), ordered=at(date(2025, 3, 5), 0),
                           due=at(date(2025, 3, 4)))  # fmt: skip
        cls.d3 = cls._ship(cls.a, 10, 8, at(date(2025, 3, 6)), ordered=at(date(2025, 3, 5), 0))
        short = env["wms.exception"].search([("picking_id", "=", cls.d3.id)])
        mislabel = env["wms.exception"].create(
            {"name": "Unreadable label", "kind": "unknown_barcode",
             "warehouse_id": cls.warehouse.id, "closing_reason": "no_issue"}
        )  # fmt: skip
        mislabel.action_close()
        cls._set("wms_exception", "create_date", {short.id: at(date(2025, 3, 6)),
                                                   mislabel.id: at(date(2025, 3, 5))})  # fmt: skip
        cls.figures = (
            env["wms.kpi.value"].with_user(cls.supervisor)._compute(cls.warehouse, today=TODAY)
        )

    @classmethod
    def _validate(cls, picking, done=None):
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty if done is None else done
        picking.move_ids.picked = True
        picking.with_user(cls.operator).with_context(cancel_backorder=True)._action_done()
        return picking

    @classmethod
    def _set(cls, table, column, values):
        cls.env.flush_all()
        for record_id, value in values.items():
            cls.env.cr.execute(
                SQL("UPDATE %s SET %s = %s WHERE id = %s", SQL.identifier(table),
                    SQL.identifier(column), value, record_id)
            )  # fmt: skip
        cls.env.invalidate_all()

    @classmethod
    def _receive(cls, product, qty, received, put_away):
        env, wh = cls.env, cls.warehouse
        supplier = env.ref("stock.stock_location_suppliers")
        dock = wh.in_type_id.default_location_dest_id
        receipt = env["stock.picking"].create(
            {"picking_type_id": wh.in_type_id.id, "location_id": supplier.id,
             "location_dest_id": dock.id,
             "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                                  "product_uom_qty": qty, "location_id": supplier.id,
                                  "location_dest_id": dock.id})]}
        )  # fmt: skip
        cls._validate(receipt)
        storage = receipt.move_ids.move_dest_ids.picking_id
        storage.action_assign()
        storage.move_line_ids.location_dest_id = cls.bin_near
        cls._validate(storage)
        env["wms.demo.loader"]._backdate_pickings({receipt.id: received, storage.id: put_away})

    @classmethod
    def _ship(cls, product, ordered_qty, shipped, when, ordered, due=None):
        env, wh = cls.env, cls.warehouse
        customers = env.ref("stock.stock_location_customers")
        order = env["stock.picking"].create(
            {"picking_type_id": wh.out_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                                  "product_uom_qty": ordered_qty,
                                  "location_id": wh.lot_stock_id.id,
                                  "location_dest_id": customers.id})]}
        )  # fmt: skip
        cls._validate(order, shipped)
        env["wms.demo.loader"]._backdate_pickings({order.id: when})
        cls._set("stock_picking", "date", {order.id: ordered})
        if due:
            cls._set("stock_picking", "date_deadline", {order.id: due})
        return order

    def _figure(self, kpi, period="week", start=MONDAY):
        figure = self.figures.filtered(
            lambda f: (f.kpi, f.period, f.date_start) == (kpi, period, start)
        )
        self.assertEqual(len(figure), 1, f"{kpi} {period} {start}")
        return figure

    def test_each_figure_of_the_week_against_its_hand_computed_value(self):
        expected = {
            "fill_rate": 68 / 70,  # 20 + 40 + 8 shipped of 20 + 40 + 10 ordered
            # day-end values held 960, 760, 600, 520 x 4: 4,400 / 7 on average; 440 shipped
            "inventory_turns": 440 / (4400 / 7) * 365 / 7,
            "carrying_cost": 4400 / 7 * 0.25 * 7 / 365,
            "stockouts": 5 / 14,  # A 7 days held, none out; B 7 days held, out from the 5th
            "ageing": 220 / 520,  # 22 of A's 52 left are from November, at 10 each
            "dock_to_stock": (6 + 24) / 2,
            "pick_accuracy": 2 / 3,  # 3 picks, 2 exceptions, 1 cleared
            "order_cycle_time": (24 + 12 + 36) / 3,
            "otif": 1 / 3,  # D2 late, D3 short
            "space_utilisation": 52 * 0.01 / 10,
        }
        for kpi, value in expected.items():
            figure = self._figure(kpi)
            self.assertTrue(figure.measured, f"{kpi}: {figure.reason}")
            self.assertAlmostEqual(figure.value, value, 6, f"{kpi}: {figure.reason}")
        self.assertEqual(self._figure("fill_rate").status, "good")
        self.assertEqual(self._figure("otif").status, "bad")
        self.assertEqual(self._figure("dock_to_stock").status, "good")
        self.assertEqual(self._figure("stockouts").side, "policy")
        self.assertEqual(
            self._figure("carrying_cost").unit, self.warehouse.company_id.currency_id.name
        )
        self.assertEqual(self._figure("ageing").previous_value, 1.0)  # all 50 A were old
        self.assertEqual(self._figure("dock_to_stock").display_value, "15.0 h")

    def test_days_and_months_bucket_the_same_history(self):
        self.assertAlmostEqual(self._figure("fill_rate", "day", date(2025, 3, 6)).value, 0.8)
        self.assertAlmostEqual(self._figure("stockouts", "day", date(2025, 3, 5)).value, 0.5)
        month = self._figure("fill_rate", "month", date(2025, 3, 1))
        self.assertTrue(month.to_date)
        self.assertAlmostEqual(month.value, 68 / 70)
        self.assertAlmostEqual(self._figure("dock_to_stock", "month", date(2024, 11, 1)).value, 2)
        quiet = self._figure("fill_rate", "week", date(2025, 2, 24))
        self.assertEqual((quiet.measured, quiet.status), (False, False))

    def test_drill_down_lands_on_the_records_behind_each_figure(self):
        def records(kpi):
            action = self._figure(kpi).with_user(self.supervisor).action_drill()
            return self.env[action["res_model"]].with_user(self.supervisor).search(action["domain"])

        self.assertEqual(records("fill_rate").picking_id, self.d1 | self.d2 | self.d3)
        self.assertEqual(sum(records("fill_rate").mapped("product_uom_qty")), 70)
        self.assertEqual(records("stockouts"), self.b)
        self.assertEqual(records("ageing"), self.a)
        self.assertEqual(len(records("dock_to_stock")), 2)
        self.assertEqual(records("otif"), self.d1 | self.d2 | self.d3)
        self.assertEqual(
            set(records("pick_accuracy").mapped("kind")), {"unknown_barcode", "short_pick"}
        )

    def test_the_workbook_holds_the_same_figures(self):
        action = self.figures.with_user(self.supervisor).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        self.assertEqual(book.sheetnames, ["Day", "Week", "Month"])
        labels = dict(self.figures._fields["kpi"]._description_selection(self.env))
        compared = 0
        for period, title in (("day", "Day"), ("week", "Week"), ("month", "Month")):
            sheet = book[title]
            header = [cell.value for cell in sheet[1]]
            self.assertEqual(sheet.freeze_panes, "E2")
            for row in sheet.iter_rows(min_row=2, values_only=True):
                for col, value in enumerate(row[4:-1], start=4):
                    start = date.fromisoformat(header[col])
                    figure = self.figures.filtered(
                        lambda f, s=start, p=period, k=row[2]: (f.period, f.date_start) == (p, s)
                        and labels[f.kpi] == k
                    )  # fmt: skip
                    self.assertEqual(value is not None, figure.measured, (period, start, row[2]))
                    if value is not None:
                        self.assertAlmostEqual(value, figure.value, 6)
                        compared += 1
        self.assertGreater(compared, 30)

    def test_the_page_shows_both_sides_with_trend_and_colour(self):
        data = (
            self.env["wms.kpi.value"]
            .with_user(self.supervisor)
            .scorecard_data(self.warehouse.id, "week")
        )
        cards = {card["kpi"]: card for card in data["cards"]}
        self.assertEqual(len(data["starts"]), 8)
        self.assertEqual({c["side"] for c in data["cards"]}, {"policy", "floor"})
        # the latest week (10-12 March, to date) shipped nothing: its trend ends empty
        self.assertTrue(cards["fill_rate"]["to_date"])
        self.assertAlmostEqual(cards["fill_rate"]["trend"][-2], 68 / 70)
        self.assertIsNone(cards["fill_rate"]["trend"][-1])
        self.assertEqual(cards["ageing"]["figure"], "42.3 %")

    def test_the_weekly_digest_carries_the_figures(self):
        planner = new_test_user(
            self.env, login="kpi_planner_t", email="planner@example.com",
            groups="stock_policy.group_inventory_planner",
        )  # fmt: skip
        mails = (
            self.env["wms.kpi.value"]
            .with_user(self.supervisor)
            ._send_digest(self.warehouse, today=TODAY)
        )
        self.assertEqual(len(mails), 1)
        self.assertIn(planner.partner_id, mails.recipient_ids)
        self.assertIn(self.supervisor.partner_id, mails.recipient_ids)
        self.assertIn("week of 2025-03-03", mails.subject)
        body = mails.body_html
        for text in ("Inventory policy", "Warehouse floor", "Fill rate", "97.1 %", "33.3 %",
                     "15.0 h", "Off target"):  # fmt: skip
            self.assertIn(text, body)
        # set on the warehouse, only those people get it
        self.warehouse.wms_kpi_recipient_ids = planner
        mails = self.env["wms.kpi.value"]._send_digest(self.warehouse, today=TODAY)
        self.assertEqual(mails.recipient_ids, planner.partner_id)

    def test_what_changed_and_why(self):
        changes = (
            self.env["wms.kpi.change"]
            .with_user(self.supervisor)
            .search([("warehouse_id", "=", self.warehouse.id)])
        )
        ageing = changes.filtered(lambda c: c.kpi == "ageing" and c.date.date() == date(2025, 3, 9))
        self.assertEqual(ageing.change, "100.0 % -> 42.3 %")
        self.assertEqual(ageing.figure, "Stock over 90 days")
        self.assertIn("220 of 520", ageing.cause)
        # the short pick on D3 asked for a count of the bin
        count = changes.filtered(lambda c: c.kind == "count" and c.product_id == self.a)
        self.assertIn(self.d3.name, count.cause)
        source = count.action_open_source()
        self.assertEqual(source["res_model"], "stock.quant")
        quant = self.env["stock.quant"].browse(source["res_id"])
        self.assertEqual((quant.product_id, quant.location_id), (self.a, self.bin_near))

    def test_a_warehouse_threshold_recolours_its_figures(self):
        self.env["wms.kpi.threshold"].with_user(self.supervisor).create(
            {"kpi": "otif", "warehouse_id": self.warehouse.id, "good": 0.30, "warn": 0.20}
        )
        figures = (
            self.env["wms.kpi.value"]
            .with_user(self.supervisor)
            ._compute(self.warehouse, kinds=("week",), today=TODAY)
        )
        otif = figures.filtered(lambda f: f.kpi == "otif" and f.date_start == MONDAY)
        self.assertEqual(otif.status, "good")
        with self.assertRaisesRegex(Exception, "higher is better"):
            self.env["wms.kpi.threshold"].create({"kpi": "fill_rate", "good": 0.9, "warn": 0.95})

    def test_reads_stay_bulk_as_the_history_grows(self):
        """The queries of a computation do not grow with the records behind the figures."""

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.env["wms.kpi.value"].with_user(self.supervisor)._compute(
                self.warehouse, today=TODAY
            )
            return self.env.cr.sql_log_count - before

        first = queries()
        for day in (date(2025, 3, 7), date(2025, 3, 8)):
            self._ship(self.a, 2, 2, at(day), ordered=at(day, 6))
        self._receive(self.b, 10, at(date(2025, 3, 7), 8), at(date(2025, 3, 7), 9))
        second = queries()
        self.assertLessEqual(second, first)

    def test_each_feedback_says_what_changed_because_of_what(self):
        env, wh = self.env, self.warehouse
        vendor = env["res.partner"].create({"name": "Midwest Safety Supply"})
        env["product.supplierinfo"].create(
            {"partner_id": vendor.id, "product_tmpl_id": self.a.product_tmpl_id.id, "delay": 7}
        )
        # as the policy run leaves a rule planned on a measured lead time
        env["stock.warehouse.orderpoint"].create(
            {"product_id": self.a.id, "warehouse_id": wh.id, "location_id": wh.lot_stock_id.id,
             "product_min_qty": 40, "product_max_qty": 90, "policy_lead_time_days": 9.5,
             "policy_lead_time_source": "measured on 4 receipts",
             "policy_date": at(TODAY, 2)}
        )  # fmt: skip
        # as the monthly reclassification leaves a class moved by picks
        env["stock.policy.abc"].create(
            {"product_id": self.b.id, "warehouse_id": wh.id, "value_class": "A",
             "lines_class": "A", "xyz_class": "X", "reason": "Picks: 12 lines, top 20 %"}
        )  # fmt: skip
        env["stock.policy.abc.change"].create(
            {"product_id": self.b.id, "warehouse_id": wh.id, "date": at(TODAY, 3),
             "old_class": "C", "new_class": "A"}
        )  # fmt: skip
        reslot = env["wms.reslot"].create(
            {"warehouse_id": wh.id, "zone_id": self.zone_res.id,
             "line_ids": [(0, 0, {"product_id": self.a.id, "location_id": self.bin_far.id,
                                  "location_dest_id": self.bin_near.id, "quantity": 5,
                                  "reason": "3.1 picks a week: 70 m less walk"})]}
        )  # fmt: skip
        changes = (
            env["wms.kpi.change"].with_user(self.supervisor).search([("warehouse_id", "=", wh.id)])
        )
        by_kind = {c.kind: c for c in changes if c.kind in ("lead_time", "abc", "slotting")}
        self.assertEqual(
            (by_kind["lead_time"].change, by_kind["lead_time"].cause),
            ("Reorder min / max 40 / 90",
             "Lead time 9.5 days, measured on 4 receipts (the vendor promises 7 days)"),
        )  # fmt: skip
        self.assertEqual(by_kind["abc"].change, "ABC class C -> A")
        self.assertEqual(by_kind["abc"].cause, "Picks: 12 lines, top 20 %")
        self.assertEqual(by_kind["slotting"].change, "Slot R01-12-1L -> R01-01-1L")
        self.assertEqual(by_kind["slotting"].action_open_source()["res_id"], reslot.id)
        self.assertEqual(by_kind["slotting"].figure, "Pick velocity (slotting)")
