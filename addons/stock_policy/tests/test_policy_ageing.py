# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import post_valued_move


@tagged("post_install", "-at_install")
class TestAgeing(TransactionCase):
    """A planner ages a warehouse's FIFO stock, finds slow and obsolete items, proposes
    write-downs and exports each list to Excel; totals are the valuation layers' sums."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.planner = new_test_user(
            cls.env, login="plan_ageing_t", groups="stock_policy.group_inventory_planner"
        )
        cls.now = fields.Datetime.now()
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "Ageing DC", "code": "AGDC"})
        cls.stock = cls.warehouse.lot_stock_id
        cls.fifo = cls.env["product.category"].create(
            {"name": "FIFO parts", "property_cost_method": "fifo",
             "property_valuation": "manual_periodic"}
        )  # fmt: skip
        make = cls._product
        cls.bolts = make("Ageing Bolts", 5.0)
        cls.valves = make("Ageing Valves", 50.0)
        cls.gauges = make("Ageing Gauges", 20.0)
        cls.samples = make("Ageing Samples", 0.0)
        cls.retired = make("Ageing Retired", 10.0)
        cls.loose = make("Ageing Loose", 4.0)
        cls.pins = make("Ageing Pins", 3.0)
        # bolts: 10 @ 5 (200 days ago) and 20 @ 6 (100 days ago); 12 shipped 40 days ago take
        # the first layer and 2 of the second; then 5 @ 7 (10 days ago)
        first = cls._receive(cls.bolts, 10, 5.0, 200)
        second = cls._receive(cls.bolts, 20, 6.0, 100)
        cls._ship(cls.bolts, 12, 40)
        cls._receive(cls.bolts, 5, 7.0, 10)
        cls.env.cr.execute("SELECT remaining_qty FROM stock_valuation_layer WHERE id IN %s "
                           "ORDER BY id", [(first.id, second.id)])  # fmt: skip
        assert [r[0] for r in cls.env.cr.fetchall()] == [0.0, 18.0]
        cls._receive(cls.valves, 4, 50.0, 250)  # never shipped: obsolete
        cls._receive(cls.gauges, 10, 20.0, 150)
        cls._ship(cls.gauges, 2, 120)  # idle 120 days: slow
        cls._receive(cls.samples, 6, 0.0, 20)  # no cost
        cls._receive(cls.retired, 3, 10.0, 30)
        cls.retired.active = False
        cls.env["stock.quant"]._update_available_quantity(cls.loose, cls.stock, 7)  # no layer
        cls._ship(cls.pins, 2, 5)  # shipped before any receipt: negative layer
        transit = cls.env["stock.location"].create(
            {"name": "Ageing Transit", "usage": "transit", "company_id": cls.env.company.id}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.bolts, transit, 3)
        cls.products = (
            cls.bolts | cls.valves | cls.gauges | cls.samples | cls.retired | cls.loose | cls.pins
        )
        cls.env.invalidate_all()

    @classmethod
    def _product(cls, name, cost):
        return cls.env["product.product"].create(
            {"name": name, "is_storable": True, "categ_id": cls.fifo.id, "standard_price": cost}
        )

    @classmethod
    def _done(cls, product, qty, source, dest, price, days_ago):
        when = cls.now - timedelta(days=days_ago)
        return post_valued_move(cls.env, product, qty, source, dest, price, when)

    @classmethod
    def _receive(cls, product, qty, price, days_ago):
        supplier = cls.env.ref("stock.stock_location_suppliers")
        return cls._done(product, qty, supplier, cls.stock, price, days_ago)

    @classmethod
    def _ship(cls, product, qty, days_ago):
        customers = cls.env.ref("stock.stock_location_customers")
        return cls._done(product, qty, cls.stock, customers, 0.0, days_ago)

    def _compute(self):
        ageing = self.env["stock.policy.ageing"].with_user(self.planner)
        ageing._compute_ageing(self.env.company, now=self.now)
        rows = ageing.search([("product_id", "in", self.products.ids)])
        return {row.product_id.name: row for row in rows}

    def _layer_sums(self, products=None):
        domain = [("company_id", "=", self.env.company.id)]
        if products:
            domain.append(("product_id", "in", products.ids))
        layers = self.env["stock.valuation.layer"].search(domain)
        return sum(layers.mapped("remaining_value")), sum(layers.mapped("value"))

    def test_remaining_layers_are_aged_fifo(self):
        rows = self._compute()
        bolts = rows["Ageing Bolts"]
        self.assertEqual(bolts.warehouse_id, self.warehouse)
        self.assertEqual(bolts.categ_id, self.fifo)
        self.assertAlmostEqual(bolts.qty, 23.0)
        self.assertAlmostEqual(bolts.value, 18 * 6.0 + 5 * 7.0)
        self.assertEqual(
            [bolts[f"qty_{b}"] for b in ("0_30", "31_60", "61_90", "91_180", "over_180")],
            [5.0, 0.0, 0.0, 18.0, 0.0],
        )
        self.assertAlmostEqual(bolts.value_91_180, 108.0)
        self.assertEqual(bolts.oldest_days, 100)
        self.assertEqual(bolts.status, "ok")
        self.assertAlmostEqual(bolts.demand_qty, 12.0)
        self.assertAlmostEqual(bolts.cover_days, 172.5, places=1)  # 23 / (12 / 90)
        self.assertIn("in transit", bolts.reason)
        self.assertAlmostEqual(rows["Ageing Valves"].value_over_180, 200.0)

    def test_totals_are_the_valuation_layers_sums(self):
        self._compute()
        rows = (
            self.env["stock.policy.ageing"]
            .with_user(self.planner)
            .search([("company_id", "=", self.env.company.id)])
        )
        _remaining, value = self._layer_sums()
        self.assertAlmostEqual(sum(rows.mapped("value")), value, places=2)
        buckets = sum(
            sum(rows.mapped(f"value_{b}")) for b in ("0_30", "31_60", "61_90", "91_180", "over_180")
        )
        self.assertAlmostEqual(buckets, value, places=2)
        # the pins' negative layer has no remaining value: it counts at its unit cost
        mine_remaining, mine_value = self._layer_sums(self.products)
        self.assertAlmostEqual(mine_remaining - mine_value, 6.0, places=2)
        mine = rows.filtered(lambda r: r.product_id in self.products)
        self.assertAlmostEqual(sum(mine.mapped("value")), mine_value, places=2)
        self.assertAlmostEqual(mine.filtered(lambda r: r.product_id == self.pins).value, -6.0)

    def test_the_nightly_job_refreshes_every_company(self):
        self._compute()
        stale = self.env["stock.policy.ageing"].search([("company_id", "=", self.env.company.id)])
        self.env.ref("stock_policy.ir_cron_policy_ageing").method_direct_trigger()
        self.assertFalse(stale.exists(), "the night's rows replace the previous ones")
        rows = self.env["stock.policy.ageing"].search([("company_id", "=", self.env.company.id)])
        self.assertAlmostEqual(sum(rows.mapped("value")), self._layer_sums()[1], places=2)

    def test_slow_obsolete_and_write_downs(self):
        rows = self._compute()
        valves, gauges = rows["Ageing Valves"], rows["Ageing Gauges"]
        self.assertEqual(valves.status, "obsolete")
        self.assertEqual(valves.writedown_pct, 100.0)
        self.assertAlmostEqual(valves.writedown_value, 200.0)
        self.assertIn("never moved out, oldest stock 250 days old", valves.reason)
        self.assertEqual(gauges.status, "slow")
        self.assertEqual(gauges.idle_days, 120)
        self.assertAlmostEqual(gauges.writedown_value, 80.0)  # 50 % of 8 x 20
        self.assertIn("no demand in the last 90 days", gauges.reason)
        self.warehouse.policy_writedown_slow_pct = 25.0
        self.assertAlmostEqual(self._compute()["Ageing Gauges"].writedown_value, 40.0)

    def test_bad_input_has_a_reason(self):
        rows = self._compute()
        self.assertIn("have no cost", rows["Ageing Samples"].reason)
        self.assertEqual(rows["Ageing Samples"].writedown_value, 0.0)
        retired = rows["Ageing Retired"]
        self.assertFalse(retired.product_active)
        self.assertIn("Archived product still holding stock", retired.reason)
        self.assertAlmostEqual(retired.value, 30.0)
        loose = rows["Ageing Loose"]
        self.assertEqual((loose.qty, loose.on_hand_qty, loose.value), (0.0, 7.0, 0.0))
        self.assertIn("without a valuation layer", loose.reason)
        pins = rows["Ageing Pins"]
        self.assertAlmostEqual(pins.qty, -2.0)
        self.assertIn("shipped before they were received", pins.reason)
        self.assertEqual(pins.status, "empty")

    def test_abc_class_is_read_per_warehouse(self):
        self.env["stock.policy.abc"].create(
            {"product_id": self.valves.id, "warehouse_id": self.warehouse.id,
             "value_class": "C", "lines_class": "C", "xyz_class": "Z"}
        )  # fmt: skip
        rows = self._compute()
        self.assertEqual(rows["Ageing Valves"].abc_class, "C")
        self.assertFalse(rows["Ageing Bolts"].abc_class)

    def _open(self, action, value_column="Value"):
        try:
            import openpyxl
        except ImportError:  # pragma: no cover - openpyxl ships with Odoo's requirements
            self.skipTest("openpyxl is not installed")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = book.active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        head = next(i for i, r in enumerate(rows) if r[0] == "Warehouse")
        self.assertEqual(sheet.freeze_panes, f"C{head + 2}")
        self.assertEqual(rows[-1][0], "Total")
        total_cell = sheet.cell(len(rows), rows[head].index(value_column) + 1)
        self.assertTrue(str(total_cell.value).startswith("=SUM("))
        cached = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(attachment.datas)), data_only=True
        ).active
        totals = [c.value for c in cached[len(rows)]]
        return dict(zip(rows[head], totals, strict=True)), rows[head + 1 : -1]

    def test_exports_open_with_the_layers_totals(self):
        self._compute()
        ageing = self.env["stock.policy.ageing"].with_user(self.planner)
        mine = [("product_id", "in", self.products.ids)]
        _remaining, value = self._layer_sums(self.products)
        totals, lines = self._open(
            ageing.with_context(active_domain=mine).action_export_ageing_xlsx()
        )
        self.assertEqual(len(lines), len(self.products))
        self.assertAlmostEqual(totals["Value"], value, places=2)
        self.assertAlmostEqual(
            sum(totals[f"Value {b} d"] for b in ("0-30", "31-60", "61-90", "91-180", "180+")),
            value,
            places=2,
        )
        totals, _lines = self._open(ageing.action_export_valuation_xlsx())
        _remaining, company_value = self._layer_sums()
        self.assertAlmostEqual(totals["Value"], company_value, places=2)
        writedowns = ageing.search([*mine, ("writedown_value", ">", 0)])
        totals, lines = self._open(writedowns.action_export_writedown_xlsx())
        self.assertAlmostEqual(totals["Proposed Write-down"], 280.0, places=2)
        self.assertEqual(len(lines), 2)
        totals, lines = self._open(
            ageing.with_context(
                active_domain=[*mine, ("status", "in", ("slow", "obsolete"))]
            ).action_export_movers_xlsx()
        )
        self.assertEqual({line[1] for line in lines}, {"Ageing Valves", "Ageing Gauges"})

    def test_expiry_sweep_only_with_expiry_dates(self):
        expiry = self.env["stock.policy.expiry"].with_user(self.planner)
        if expiry._expiry_tracked():
            lot = self.env["stock.lot"].create(
                {"name": "AG-LOT-1", "product_id": self.bolts.id,
                 "expiration_date": self.now + timedelta(days=12)}
            )  # fmt: skip
            self.env["stock.quant"]._update_available_quantity(
                self.bolts, self.stock, 4, lot_id=lot
            )
            self._compute()
            sweep = expiry.search([("lot_id", "=", lot.id)])
            self.assertEqual(sweep.days_left, 12)
            self.assertIn("expires in", sweep.reason)
            totals, lines = self._open(sweep.action_export_xlsx(), "Value (est.)")
            self.assertEqual((len(lines), totals["Units"]), (1, 4.0))
            self.assertAlmostEqual(totals["Value (est.)"], 4 * 143.0 / 23.0, places=2)
        else:
            self._compute()
            self.assertFalse(expiry.search([]))
            action = expiry.action_open_sweep()
            self.assertEqual(action["tag"], "display_notification")
            self.assertIn("Product Expiry", action["params"]["message"])
