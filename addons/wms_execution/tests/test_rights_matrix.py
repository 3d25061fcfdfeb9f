# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib

from odoo.addons.stock_policy.tests.test_company_rules import SUITE, suite_models
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.misc import file_open

from . import rights_matrix as declared

OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


@tagged("post_install", "-at_install")
class TestRightsMatrix(TransactionCase):
    """What each role may do with every suite model is declared in one place
    (``rights_matrix``), held by the access rights a user of that role really has, and
    shown to the manager in the readme."""

    def _installed(self, module):
        return self.env["ir.module.module"]._get(module).state == "installed"

    def test_every_suite_model_has_a_row(self):
        models = suite_models(self.env)
        self.assertGreaterEqual(len(models), 30, "the suite's models are found")
        self.assertEqual(sorted(set(models) - set(declared.MATRIX)), [], "models without a row")
        if all(self._installed(m) for m in SUITE):
            stale = sorted(set(declared.MATRIX) - set(models))
            self.assertEqual(stale, [], "rows of models the suite no longer defines")
        for model, row in declared.MATRIX.items():
            self.assertEqual(sorted(row), sorted(declared.ROLES), f"{model}: one cell per role")

    def test_a_user_of_each_role_has_the_declared_rights(self):
        wrong = []
        for role, (group, _label) in declared.ROLES.items():
            user = new_test_user(self.env, login=f"matrix_{role}", groups=group)
            for model, row in declared.MATRIX.items():
                if model not in self.env:
                    continue  # its addon is not installed
                records = self.env[model].with_user(user)
                has = "".join(letter for letter, op in OPERATIONS.items() if records.has_access(op))
                if (has or "-") != row[role]:
                    wrong.append(f"{model} {role}: declared {row[role]}, has {has or '-'}")
        self.assertEqual(wrong, [], "access rights that differ from the declared matrix")

    def test_the_readme_shows_the_declared_matrix(self):
        with file_open("wms_execution/readme/CONFIGURE.md") as readme:
            text = readme.read()
        self.assertIn(declared.markdown(), text, "regenerate it: python3 rights_matrix.py")

    def test_each_protected_action_names_a_real_model_and_test(self):
        for model, action, who, test in declared.PROTECTED:
            addon, module = test.split(".")
            if not self._installed(addon):
                continue
            self.assertIn(model, self.env, action)
            self.assertTrue(who and action)
            tests = importlib.import_module(f"odoo.addons.{addon}.tests.{module}")
            self.assertTrue(
                any(name.startswith("Test") for name in vars(tests)), f"{test} holds tests"
            )
