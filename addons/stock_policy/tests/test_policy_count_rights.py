# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestCountRights(TransactionCase):
    """A counter cannot apply a variance over the tolerance without the recount and a
    supervisor's approval, whatever door they try; a supervisor still sets stock directly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counter = new_test_user(
            cls.env, login="rights_counter_t", groups="stock.group_stock_user"
        )
        cls.supervisor = new_test_user(
            cls.env, login="rights_sup_t", groups="stock.group_stock_manager"
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Rights DC", "code": "RGT", "policy_count_tolerance_qty": 2.0}
        )
        cls.bin = cls.warehouse.lot_stock_id
        cls.product = cls.env["product.product"].create(
            {"name": "Wing Nut M6", "is_storable": True, "standard_price": 0.3}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, cls.bin, 100)

    def _quants(self, user):
        return self.env["stock.quant"].with_user(user).with_context(inventory_mode=True)

    def _quant(self, user=None):
        return self._quants(user or self.counter).search(
            [("product_id", "=", self.product.id), ("location_id", "=", self.bin.id)]
        )

    def _assert_untouched(self):
        quant = self._quant()
        self.assertEqual(quant.quantity, 100, "no variance applied")
        results = self.env["stock.policy.count.result"].search(
            [("product_id", "=", self.product.id)]
        )
        self.assertFalse(results, "no count logged as applied")

    def test_a_counter_cannot_mark_his_own_count_approved(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 40, "inventory_quantity_set": True})
        with self.assertRaisesRegex(AccessError, "supervisor"):
            quant.write({"policy_count_state": "approved", "policy_count_reason": "damage"})
        with self.assertRaises(AccessError):
            quant.policy_first_count = 40
        self.assertFalse(quant.policy_count_state)
        quant.action_apply_inventory()
        self.assertEqual(quant.policy_count_state, "recount", "the count waits for a recount")
        self._assert_untouched()

    def test_the_auto_apply_key_of_a_counter_does_not_skip_the_recount(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 40, "inventory_quantity_set": True})
        quant.with_context(set_inventory_quantity_auto_apply=True).action_apply_inventory()
        self.assertEqual(quant.policy_count_state, "recount")
        self._assert_untouched()

    def test_applying_again_without_a_recount_applies_nothing(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 40, "inventory_quantity_set": True})
        quant.action_apply_inventory()
        quant.action_apply_inventory()  # the first count again, not a recount
        self.assertEqual(quant.policy_count_state, "recount")
        self._assert_untouched()

    def test_a_counter_changing_an_approved_count_sends_it_back_to_approval(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 90, "inventory_quantity_set": True})
        self._quant(self.supervisor).write(
            {"policy_count_state": "approved", "policy_count_reason": "damage"}
        )
        quant.inventory_quantity = 10
        self.assertEqual(quant.policy_count_state, "to_approve")
        quant.action_apply_inventory()
        self._assert_untouched()

    def test_a_counter_cannot_set_the_on_hand_quantity_through_a_new_quant(self):
        # Odoo's create in inventory mode writes the on-hand field under sudo: the rights
        # are decided on the user behind the call, not on the sudo
        self._quants(self.counter).create(
            {"product_id": self.product.id, "location_id": self.bin.id,
             "inventory_quantity_auto_apply": 40}
        )  # fmt: skip
        self.assertEqual(self._quant().policy_count_state, "recount")
        self._assert_untouched()

    def test_the_update_quantity_wizard_keeps_the_tolerance_for_a_counter(self):
        # the wizard counts in the first warehouse of the company
        first = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        first.policy_count_tolerance_qty = 2.0
        self.env["stock.quant"]._update_available_quantity(self.product, first.lot_stock_id, 50)
        wizard = (
            self.env["stock.change.product.qty"]
            .with_user(self.counter)
            .create({"product_id": self.product.id,
                     "product_tmpl_id": self.product.product_tmpl_id.id, "new_quantity": 10})
        )  # fmt: skip
        with self.assertRaisesRegex(UserError, "recount"):
            wizard.change_product_qty()
        quant = self._quant().search(
            [("product_id", "=", self.product.id), ("location_id", "=", first.lot_stock_id.id)]
        )
        self.assertEqual(quant.quantity, 50)

    def test_the_tracked_products_confirmation_keeps_the_tolerance_for_a_counter(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 40, "inventory_quantity_set": True})
        wizard = (
            self.env["stock.track.confirmation"]
            .with_user(self.counter)
            .create({"quant_ids": [(6, 0, quant.ids)]})
        )
        with self.assertRaisesRegex(UserError, "recount"):
            wizard.action_confirm()
        self._assert_untouched()

    def test_a_counter_within_tolerance_still_applies_and_a_supervisor_sets_stock(self):
        quant = self._quant()
        quant.write({"inventory_quantity": 99, "inventory_quantity_set": True})
        quant.with_context(set_inventory_quantity_auto_apply=True).action_apply_inventory()
        self.assertEqual(quant.quantity, 99)
        # the supervisor's "On Hand Quantity" (Odoo's own auto-apply) is applied at once
        self._quant(self.supervisor).inventory_quantity_auto_apply = 60
        self.assertEqual(quant.quantity, 60)
        self.assertFalse(quant.policy_count_state)

    def test_a_supervisor_may_still_approve_by_the_state(self):
        quant = self._quant(self.supervisor)
        quant.write({"inventory_quantity": 40, "inventory_quantity_set": True,
                     "policy_count_state": "approved", "policy_count_reason": "theft"})  # fmt: skip
        quant.action_apply_inventory()
        self.assertEqual(quant.quantity, 40)
