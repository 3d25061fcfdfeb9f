# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestPolicyProfile(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.planner = new_test_user(
            cls.env, login="planner_t", groups="stock_policy.group_inventory_planner"
        )
        cls.operator = new_test_user(cls.env, login="storeman_t", groups="stock.group_stock_user")

    def test_planner_creates_profile_for_a_category(self):
        categ = self.env["product.category"].create({"name": "Safety gloves"})
        profile = (
            self.env["stock.policy.profile"]
            .with_user(self.planner)
            .create({"name": "Gloves", "service_level": 97.5, "categ_ids": [(6, 0, categ.ids)]})
        )
        self.assertEqual(profile.categ_ids, categ)
        self.assertEqual(profile.forecast_method, "auto")

    def test_full_service_is_refused_with_the_reason(self):
        with self.assertRaisesRegex(ValidationError, "infinite safety stock"):
            self.env["stock.policy.profile"].with_user(self.planner).create(
                {"name": "Never out", "service_level": 100.0}
            )

    def test_zero_day_review_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least one day"):
            self.env["stock.policy.profile"].with_user(self.planner).create(
                {"name": "Instant", "review_period_days": 0}
            )

    def test_storeman_reads_but_cannot_change_policy(self):
        profile = self.env["stock.policy.profile"].create({"name": "Std"})
        self.assertEqual(profile.with_user(self.operator).name, "Std")
        with self.assertRaises(AccessError):
            profile.with_user(self.operator).write({"service_level": 99.0})
