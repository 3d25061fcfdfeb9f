# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The planner's and the stock manager's bad inputs: a policy profile, a warehouse's ABC,
count and ageing settings, a demand exclusion and an export of lines a newer run replaced
are refused with a clear sentence and change nothing."""

from datetime import date

from odoo.tests import new_test_user, tagged

from .bad_input import REFUSED, BadInputCase

SETTINGS = [
    "policy_abc_a", "policy_abc_b", "policy_abc_c", "policy_counts_a",
    "policy_writedown_obsolete_pct", "policy_ageing_slow_days",
    "policy_ageing_obsolete_days", "policy_ageing_cover_days",
]  # fmt: skip


@tagged("post_install", "-at_install")
class TestPolicyBadInput(BadInputCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.planner = new_test_user(
            env, login="plan_bad_t", groups="stock_policy.group_inventory_planner"
        )
        manager = "stock.group_stock_manager"
        cls.manager = new_test_user(env, login="stock_mgr_bad_t", groups=manager)
        cls.warehouse = env["stock.warehouse"].create({"name": "Bad Input DC", "code": "BAD"})
        cls.profile = env["stock.policy.profile"].create(
            {"name": "Bad 95", "service_level": 95.0, "review_period_days": 7,
             "warehouse_ids": [(6, 0, cls.warehouse.ids)]}
        )  # fmt: skip
        cls.product = env["product.product"].create({"name": "Bad Bolt", "is_storable": True})
        cls.exclusion = env["stock.policy.exclusion"].create(
            {"product_id": cls.product.id, "date_from": date(2030, 3, 1),
             "date_to": date(2030, 3, 14)}
        )  # fmt: skip

    def _state(self):
        env = self.env
        return (
            self.profile.read(["service_level", "review_period_days", "history_days"]),
            self.warehouse.read(SETTINGS),
            env["stock.policy.exclusion"].search_read([], ["date_from", "date_to"]),
            env["stock.policy.profile"].search_count([]),
            env["ir.attachment"].search_count([("mimetype", "like", "spreadsheet")]),
        )

    def test_bad_policy_inputs_are_refused_clearly(self):
        profile = self.profile.with_user(self.planner)
        profiles = self.env["stock.policy.profile"].with_user(self.planner)
        warehouse = self.warehouse.with_user(self.manager)
        exclusion = self.exclusion.with_user(self.planner)
        gone = 2**31 - 1
        ageing = self.env["stock.policy.ageing"].with_user(self.planner).browse(gone)
        expiry = self.env["stock.policy.expiry"].with_user(self.planner).browse(gone)
        level, days = "must be above 50% and below 100%", "must be at least one day"
        abc = "must be positive and add up to 100"

        def shares(a, b, c):
            return {"policy_abc_a": a, "policy_abc_b": b, "policy_abc_c": c}

        rows = [
            ("service level 100", REFUSED, level, lambda: profile.write({"service_level": 100})),
            ("service level 30", REFUSED, level, lambda: profile.write({"service_level": 30})),
            ("new profile at 150", REFUSED, level,
             lambda: profiles.create({"name": "Too sure", "service_level": 150})),
            ("review period 0", REFUSED, days, lambda: profile.write({"review_period_days": 0})),
            ("history -5 days", REFUSED, days, lambda: profile.write({"history_days": -5})),
            ("ABC share negative", REFUSED, abc,
             lambda: warehouse.write(shares(-10, 60, 50))),
            ("ABC shares over 100", REFUSED, abc,
             lambda: warehouse.write(shares(50, 30, 30))),
            ("counted -1 times a year", REFUSED, "negative number of times",
             lambda: warehouse.write({"policy_counts_a": -1})),
            ("write-down 150 %", REFUSED, "between 0 and 100",
             lambda: warehouse.write({"policy_writedown_obsolete_pct": 150})),
            ("slow after obsolete", REFUSED, "slow before it is obsolete",
             lambda: warehouse.write({"policy_ageing_slow_days": 400,
                                      "policy_ageing_obsolete_days": 300})),
            ("cover of 0 days", REFUSED, "positive days",
             lambda: warehouse.write({"policy_ageing_cover_days": 0})),
            ("exclusion ending before it starts", REFUSED, "ends before it starts",
             lambda: exclusion.write({"date_to": date(2030, 2, 1)})),
            ("ageing export of gone lines", REFUSED, "are gone",
             lambda: ageing.action_export_ageing_xlsx()),
            ("movers export of gone lines", REFUSED, "are gone",
             lambda: ageing.action_export_movers_xlsx()),
            ("expiry export of gone lines", REFUSED, "are gone",
             lambda: expiry.action_export_xlsx()),
        ]  # fmt: skip
        self.check_catalogue(rows, self._state)
