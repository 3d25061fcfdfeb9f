# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestOperator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env, login="lab_sup_t", groups="wms_execution.group_wms_supervisor"
        )
        cls.picker = new_test_user(
            cls.env, login="lab_op_t", groups="wms_execution.group_wms_operator"
        )
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.reach = cls.env["wms.skill"].create({"code": "REACH_T", "name": "Reach truck"})
        cls.shift = cls.env["resource.calendar"].create({"name": "Night shift"})

    def _operator(self, user, **vals):
        return (
            self.env["wms.operator"]
            .with_user(self.supervisor)
            .create({"name": user.name, "user_id": user.id, "warehouse_id": self.warehouse.id,
                     **vals})
        )  # fmt: skip

    def test_supervisor_registers_an_operator_with_skills_and_shift(self):
        operator = self._operator(
            self.picker,
            equipment="reach_truck",
            skill_ids=[(6, 0, self.reach.ids)],
            resource_calendar_id=self.shift.id,
        )
        self.assertEqual(operator.skill_ids, self.reach)
        self.assertEqual(operator.resource_calendar_id, self.shift)
        self.assertEqual(operator.company_id, self.warehouse.company_id)

    def test_one_login_is_one_operator(self):
        self._operator(self.picker)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._operator(self.picker)
            self.env.flush_all()

    def test_operator_cannot_grant_themselves_a_licence(self):
        operator = self._operator(self.picker)
        with self.assertRaises(AccessError):
            operator.with_user(self.picker).write({"skill_ids": [(4, self.reach.id)]})

    def test_demo_crew_covers_both_shifts_and_has_home_zones(self):
        crew = self.env["wms.operator"].search([("warehouse_id", "=", self.warehouse.id)])
        if not crew:
            self.skipTest("installed without demo data")
        self.assertEqual(len(crew.resource_calendar_id), 2)
        self.assertTrue(all(crew.mapped("home_zone_id")))
