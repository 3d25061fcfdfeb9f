# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.stock_policy.tests.test_company_rules import suite_models
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestCompanyData(WmsCase):
    """A second company with its own warehouse and a user holding every suite role there:
    they find, read and change nothing of the first company, model by model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_a = cls.warehouse.company_id
        cls.company_b = env["res.company"].create({"name": "Harbour Supplies B"})
        cls.warehouse_b = (
            env["stock.warehouse"]
            .with_company(cls.company_b)
            .create({"name": "Harbour DC", "code": "HBR", "company_id": cls.company_b.id})
        )
        cls.boss_b = new_test_user(
            env,
            login="boss_company_b",
            groups="wms_execution.group_wms_supervisor,stock_policy.group_inventory_planner,"
            "stock.group_stock_manager",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        # company A's floor as its supervisor makes it: an exception and a general threshold
        cls.exception_a = (
            env["wms.exception"]
            .with_user(cls.supervisor)
            .create({"name": "Torn label", "kind": "damage", "warehouse_id": cls.warehouse.id})
        )
        cls.threshold_a = (
            env["wms.kpi.threshold"]
            .with_user(cls.supervisor)
            .create({"kpi": "otif", "good": 0.30, "warn": 0.20})
        )

    def test_new_floor_records_take_their_company(self):
        self.assertEqual(self.exception_a.company_id, self.company_a)
        self.assertEqual(self.threshold_a.company_id, self.company_a, "the creator's company")
        self.assertEqual(self.aisle_1.company_id, self.company_a)
        reported = (
            self.env["wms.exception"]
            .with_user(self.boss_b)
            .create({"name": "Wet carton", "kind": "damage"})
        )
        self.assertEqual(reported.company_id, self.company_b, "no warehouse: the reporter's")

    def test_a_general_threshold_colours_only_its_own_company(self):
        kpis = self.env["wms.kpi.value"]
        self.assertEqual(kpis._thresholds(self.warehouse)["otif"], (0.30, 0.20))
        default = kpis._kpi_specs()["otif"]
        self.assertEqual(kpis._thresholds(self.warehouse_b)["otif"], (default.good, default.warn))

    def test_a_user_of_company_b_reads_and_writes_nothing_of_company_a(self):
        checked, leaks = [], []
        for name in sorted(suite_models(self.env)):
            field = self.env[name]._fields.get("company_id")
            if not (field and field.store):
                continue  # shared by every company, with its reason (test_company_rules)
            theirs = self.env[name].sudo().search([("company_id", "=", self.company_a.id)])
            if not theirs:
                continue
            checked.append(name)
            mine = self.env[name].with_user(self.boss_b)
            if mine.has_access("read") and mine.search([("id", "in", theirs.ids)]):
                leaks.append(f"{name}: found")
            for operation in ("read", "write", "unlink"):
                if not mine.has_access(operation):
                    continue  # not even the role may
                try:
                    mine.browse(theirs.ids).check_access(operation)
                except AccessError:
                    continue
                leaks.append(f"{name}: {operation}")
        self.assertGreaterEqual(len(checked), 8, f"company A holds records of {checked}")
        self.assertEqual(leaks, [], "company A's records a company B user reached")
        with self.assertRaises(AccessError):
            self.exception_a.with_user(self.boss_b).write({"name": "changed from B"})
