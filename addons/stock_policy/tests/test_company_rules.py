# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

SUITE = {"stock_policy", "wms_execution", "wms_labor", "carrier_dispatch"}
#: the suite models every company shares, with why; each says so in its docstring too
SHARED = {
    "wms.skill": "a certification means the same in every company; its code is unique "
    "across the database and it names no person, stock or figure of a company",
}
SHARED_MARK = "Shared by every company"


def suite_models(env):
    """Every model the suite defines that holds records (abstract services and wizards
    aside), found in the registry: {name: model class}."""
    return {
        name: model
        for name, model in env.registry.items()
        if model._original_module in SUITE and not model._abstract and not model._transient
    }


@tagged("post_install", "-at_install")
class TestCompanyRules(TransactionCase):
    """Company data stays in its company: every suite model holds a stored company and a
    record rule on it, or is shared with a written reason, and a user of another company
    neither finds nor opens a record."""

    def test_every_suite_model_has_a_company_rule_or_is_shared_with_a_reason(self):
        models = suite_models(self.env)
        self.assertGreaterEqual(len(models), 34, "the suite's models are found")
        ruled = {
            rule.model_id.model
            for rule in self.env["ir.rule"].sudo().search([("model_id.model", "in", list(models))])
            if "company_id" in (rule.domain_force or "") and not rule.groups
        }
        stored = {
            name for name, model in models.items()
            if "company_id" in model._fields and model._fields["company_id"].store
        }  # fmt: skip
        for name, why in SHARED.items():
            self.assertTrue(name in models, f"{name}: shared, but no longer a suite model")
            self.assertTrue(why.strip(), f"{name}: shared without a reason")
            self.assertNotIn(name, stored, f"{name} has a company: give it a rule instead")
            docs = [cls.__doc__ or "" for cls in type(self.env[name]).__mro__]
            self.assertTrue(any(SHARED_MARK in d for d in docs), f"{name}: docstring says why")
        missing = sorted(set(models) - (stored & ruled) - set(SHARED))
        self.assertEqual(missing, [], "models neither ruled by company nor shared with a reason")

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
