# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LaborCase


@tagged("post_install", "-at_install")
class TestTaskRights(LaborCase):
    """An operator moves a task only through its buttons: taking, finishing and timing a
    task are the flow's, and giving it to someone is the supervisor's."""

    def _done_by_driver(self):
        self._putaway()
        task = self.tasks._generate(self.warehouse)
        given, _why = self.env["wms.task"].with_user(self.driver_user)._assign_next(self.driver)
        self.assertEqual(given, task)
        given.action_done()
        return task

    def test_an_operator_cannot_take_any_task_by_writing_it(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        mine = task.with_user(self.operator)
        with self.assertRaisesRegex(AccessError, "next task"):
            mine.write({"operator_id": self.picker.id, "state": "assigned"})
        self.assertEqual((task.state, task.operator_id.id), ("open", False))

    def test_an_operator_cannot_write_a_task_done(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        self.assertEqual(self.tasks._assign_next(self.picker)[0], task)
        with self.assertRaises(AccessError):
            task.with_user(self.operator).state = "done"
        self.assertEqual(task.state, "assigned")
        task.with_user(self.operator).action_done()  # the button still closes it
        self.assertEqual(task.state, "done")

    def test_an_operator_cannot_rewrite_the_time_of_a_finished_task(self):
        task = self._done_by_driver()
        actual, performance = task.actual_s, task.performance
        with self.assertRaises(AccessError):
            task.with_user(self.operator).write({"performance": 250.0, "actual_s": 1.0})
        with self.assertRaises(AccessError):
            task.with_user(self.driver_user).write({"actual_s": 1.0})  # not even their own
        self.assertEqual((task.actual_s, task.performance), (actual, performance))

    def test_an_operator_cannot_release_someone_elses_task(self):
        self._putaway()
        task = self.tasks._generate(self.warehouse)
        self.env["wms.task"].with_user(self.driver_user)._assign_next(self.driver)
        with self.assertRaisesRegex(UserError, "no longer yours"):
            task.with_user(self.operator).action_release()
        self.assertEqual(task.operator_id, self.driver)

    def test_a_supervisor_still_gives_and_corrects_a_task(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        task.write({"operator_id": self.picker.id, "pinned": True, "state": "assigned"})
        self.assertEqual(task.operator_id, self.picker)
        task.write({"note": "rush order"})
        task.with_user(self.operator).write({"note": "cart wheel broken"})
        self.assertEqual(task.note, "cart wheel broken", "an operator may still leave a note")
