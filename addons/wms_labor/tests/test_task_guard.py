# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import LaborCase

T0 = datetime(2025, 3, 4, 9, 0)


@tagged("post_install", "-at_install")
class TestTaskGuard(LaborCase):
    """Bad input: a missing skill, a blocked location, an abandoned task, a reassignment;
    nothing lost and no task done twice. Actual time from the scan events."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.helper_user = new_test_user(
            cls.env, login="wms_helper_t", groups="wms_execution.group_wms_operator"
        )
        cls.helper = cls.env["wms.operator"].create(
            {"name": "Hal Helper", "user_id": cls.helper_user.id,
             "warehouse_id": cls.warehouse.id, "home_zone_id": cls.zone_pack.id}
        )  # fmt: skip

    def _one_pick(self):
        self._pick(self.bin_near)
        return self.tasks._generate(self.warehouse)

    def test_actual_time_runs_to_the_last_scan_of_the_transfer(self):
        with freeze_time(T0) as clock:
            picking = self._pick(self.bin_near)
            task = self.tasks._generate(self.warehouse)
            mine = self.env["wms.task"].with_user(self.operator)
            given, _why = mine._assign_next(self.picker)
            self.assertEqual(given, task)
            given.action_start()
            clock.move_to(T0 + timedelta(minutes=4))
            picking.move_ids.quantity = 5
            picking.with_user(self.operator).button_validate()
            scans = self.env["wms.event"].search([("picking_id", "=", picking.id)])
            self.assertTrue(scans, "validating the transfer writes hand-off events")
            self.assertEqual(max(scans.mapped("date")), T0 + timedelta(minutes=4))
            clock.move_to(T0 + timedelta(minutes=9))  # the operator closes it late
            given.action_done()
        self.assertEqual(task.actual_s, 240.0)
        self.assertAlmostEqual(task.performance, 100.0 * task.standard_s / 240.0, 1)
        self.assertEqual(task.shift_id, self.picker.company_id.resource_calendar_id)

    def test_a_supervisor_cannot_give_a_task_to_someone_without_its_skill(self):
        self._putaway()
        putaway = self.tasks._generate(self.warehouse)
        self.assertEqual(putaway.skill_id, self.forklift)
        # assertRaises (not ...Regex) rolls back to a savepoint, as a request would
        with self.assertRaises(ValidationError) as pinned:
            putaway.write({"operator_id": self.picker.id, "pinned": True})
        self.assertIn("Pia Picker does not have the skill Forklift licence", str(pinned.exception))
        with self.assertRaises(ValidationError) as reassigned:
            self.env["wms.task.reassign"].with_user(self.supervisor).create(
                {"task_ids": putaway.ids, "operator_id": self.picker.id, "reason": "rush"}
            ).action_apply()
        self.assertIn("Operators", str(reassigned.exception))
        self.assertFalse(putaway.operator_id, "nothing changed")

    def test_a_skill_no_one_has_holds_the_task_with_the_reason(self):
        self._putaway()
        putaway = self.tasks._generate(self.warehouse)
        self.assertFalse(putaway.hold_reason)
        self.driver.active = False
        putaway.invalidate_recordset(["hold_reason"])
        self.assertIn("has the skill Forklift licence", putaway.hold_reason)
        self.assertIn(putaway, self.tasks.search([("hold_reason", "!=", False)]))
        task, why = self.tasks._assign_next(self.picker)
        self.assertFalse(task)
        self.assertIn("skills", why)

    def test_work_on_a_blocked_location_waits_until_the_problem_is_closed(self):
        blocked_task = self._one_pick()
        self._pick(self.bin_far)
        free_task = self.tasks._generate(self.warehouse)
        problem = (
            self.env["wms.exception"]
            .with_user(self.operator)
            .create({"name": "Beam bent", "kind": "location", "location_id": self.bin_near.id})
        )
        self.assertIn("is blocked: Beam bent", blocked_task.hold_reason)
        self.assertFalse(free_task.hold_reason)
        first, _why = self.tasks._assign_next(self.picker)
        self.assertEqual(first, free_task)
        first.action_done()
        self.assertEqual(self.tasks._assign_next(self.picker)[0], self.tasks.browse())
        problem.sudo().state = "resolved"
        blocked_task.invalidate_recordset(["hold_reason"])
        self.assertFalse(blocked_task.hold_reason)
        self.assertEqual(self.tasks._assign_next(self.picker)[0], blocked_task)

    def test_an_abandoned_task_goes_to_the_next_operator_and_is_never_done_twice(self):
        with freeze_time(T0) as clock:
            task = self._one_pick()
            given, _why = self.env["wms.task"].with_user(self.operator)._assign_next(self.picker)
            given.action_start()
            clock.move_to(T0 + timedelta(minutes=20))
            self.assertFalse(self.tasks._release_abandoned(), "20 min is not abandoned yet")
            clock.move_to(T0 + timedelta(minutes=31))
            self.assertEqual(self.tasks._release_abandoned(), task)
            self.assertEqual(
                (task.state, task.operator_id.id, task.release_count), ("open", False, 1)
            )
            self.assertIn("Abandoned by Pia Picker: nothing scanned for 31 min", task.note)
            theirs, _why = (
                self.env["wms.task"].with_user(self.helper_user)._assign_next(self.helper)
            )
            self.assertEqual(theirs, task)
            with self.assertRaisesRegex(UserError, "no longer yours .Hal Helper has it"):
                given.action_done()
            theirs.action_done()
            with self.assertRaisesRegex(UserError, "never done twice"):
                theirs.action_done()
        self.assertEqual((task.state, task.operator_id), ("done", self.helper))

    def test_a_supervisor_reassigns_a_task_in_hand_with_the_reason(self):
        task = self._one_pick()
        given, _why = self.env["wms.task"].with_user(self.operator)._assign_next(self.picker)
        given.action_start()
        wizard = (
            self.env["wms.task.reassign"]
            .with_user(self.supervisor)
            .with_context(active_model="wms.task", active_ids=task.ids)
            .create({"operator_id": self.helper.id, "reason": "Pia went home sick"})
        )
        self.assertEqual(wizard.task_ids, task)
        wizard.action_apply()
        self.assertEqual((task.state, task.operator_id, task.pinned), ("open", self.helper, True))
        self.assertIn("Reassigned from Pia Picker to Hal Helper", task.note)
        self.assertIn("Pia went home sick", task.note)
        with self.assertRaisesRegex(UserError, "no longer yours"):
            given.action_done()
        theirs, why = self.env["wms.task"].with_user(self.helper_user)._assign_next(self.helper)
        self.assertEqual((theirs, why), (task, "pinned by a supervisor"))
