# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

SUITE = {"stock_policy", "wms_execution", "wms_labor", "carrier_dispatch"}


@tagged("post_install", "-at_install")
class TestCompanyRules(TransactionCase):
    """Company data stays in its company: every suite model with a stored company holds a
    record rule on it, and a user of another company neither finds nor opens a record."""

    def test_every_suite_model_with_a_company_has_a_company_rule(self):
        models = [
            name
            for name, model in self.env.registry.items()
            if model._original_module in SUITE
            and not model._abstract
            and not model._transient
            and "company_id" in model._fields
            and model._fields["company_id"].store
        ]
        self.assertGreaterEqual(len(models), 20, "the suite's company models are found")
        ruled = {
            rule.model_id.model
            for rule in self.env["ir.rule"].sudo().search([("model_id.model", "in", models)])
            if "company_id" in (rule.domain_force or "")
        }
        self.assertEqual(sorted(set(models) - ruled), [], "models without a company rule")

    def test_a_user_of_another_company_neither_finds_nor_opens_an_exclusion(self):
        product = self.env["product.product"].create({"name": "Barrier Tape", "type": "consu"})
        ours = self.env["stock.policy.exclusion"].create(
            {"product_id": product.id, "date_from": "2026-03-02", "date_to": "2026-03-08",
             "kind": "promotion", "note": "spring promotion"}
        )  # fmt: skip
        other = self.env["res.company"].create({"name": "Harbour Supplies"})
        planner = new_test_user(
            self.env,
            login="planner_other_co",
            groups="stock_policy.group_inventory_planner",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        exclusions = self.env["stock.policy.exclusion"].with_user(planner)
        self.assertFalse(exclusions.search([("id", "=", ours.id)]))
        with self.assertRaises(AccessError):
            exclusions.browse(ours.id).read(["note"])
        with self.assertRaises(AccessError):
            exclusions.browse(ours.id).write({"note": "changed from elsewhere"})
