# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import tagged

from .common import LaborCase


@tagged("post_install", "-at_install")
class TestTasks(LaborCase):
    """Tasks from ready work, the next task per operator, standards and performance."""

    def test_ready_work_becomes_tasks_once_with_their_standard(self):
        receipt, delivery = self._putaway(), self._pick(self.bin_near)
        created = self.tasks._generate(self.warehouse)
        by_picking = {t.picking_id: t for t in created}
        self.assertIn(receipt, by_picking, created.mapped("name"))
        self.assertEqual(by_picking[receipt].kind, "putaway")
        self.assertEqual(by_picking[receipt].skill_id.code, "FORKLIFT")
        pick = by_picking[delivery]
        self.assertEqual(pick.kind, "pick")
        self.assertGreater(pick.standard_s, 20.0)
        self.assertIn("pick: travel", pick.standard_reason)
        self.assertFalse(self.tasks._generate(self.warehouse), "no task is made twice")

    def test_skills_and_zones_give_two_operators_two_different_tasks(self):
        self._putaway()
        self._pick(self.bin_near)
        self.tasks._generate(self.warehouse)
        mine, _why = self.env["wms.task"].with_user(self.operator)._assign_next(self.picker)
        theirs, _why = self.env["wms.task"].with_user(self.driver_user)._assign_next(self.driver)
        self.assertEqual(mine.kind, "pick")
        self.assertEqual(theirs.kind, "putaway")
        self.assertEqual((mine.operator_id, theirs.operator_id), (self.picker, self.driver))

    def test_a_task_in_hand_is_given_again_not_a_second_one(self):
        self._pick(self.bin_near)
        self._pick(self.bin_far)
        self.tasks._generate(self.warehouse)
        first, _why = self.tasks._assign_next(self.picker)
        again, why = self.tasks._assign_next(self.picker)
        self.assertEqual(first, again)
        self.assertIn("in hand", why)

    def test_interleaving_picks_up_near_where_the_put_away_ended(self):
        receipt = self._putaway()
        near_pick, far_pick = self._pick(self.bin_near), self._pick(self.bin_far)
        tasks = self.tasks._generate(self.warehouse)
        # the supervisor pins the put-away on the driver: it comes before anything nearer
        tasks.filtered(lambda t: t.picking_id == receipt).write(
            {"operator_id": self.driver.id, "pinned": True}
        )
        putaway, why = self.tasks._assign_next(self.driver)
        self.assertEqual(putaway.picking_id, receipt, why)
        putaway.action_start()
        putaway.action_done()
        self.driver.skill_ids = False  # any task now
        following, why = self.tasks._assign_next(self.driver)
        self.assertEqual(following.picking_id, far_pick, why)
        self.assertIn("interleaved", why)
        self.assertTrue(near_pick)

    def test_performance_is_standard_over_actual(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        task.write({"state": "assigned", "operator_id": self.picker.id})
        task.action_start()
        task.action_done()
        self.assertEqual(task.state, "done")
        self.assertGreater(task.actual_s, 0.0)
        self.assertAlmostEqual(task.performance, 100.0 * task.standard_s / task.actual_s, 0)

    def test_a_batch_is_walked_as_one_task(self):
        first, second = self._pick(self.bin_near), self._pick(self.bin_far)
        batch = self.env["stock.picking.batch"].create(
            {"picking_ids": [(6, 0, (first | second).ids)]}
        )
        task = self.tasks._generate(self.warehouse)
        self.assertEqual((task.batch_id, task.kind, task.lines), (batch, "pick", 2))

    def test_a_released_task_goes_back_to_the_queue(self):
        self._pick(self.bin_near)
        self.tasks._generate(self.warehouse)
        task, _why = self.tasks._assign_next(self.picker)
        task.with_user(self.operator).action_release()
        self.assertEqual((task.state, task.operator_id.id), ("open", False))
        self.assertIn("Released by", task.note)

    def test_zone_board_flags_work_with_no_one_based_there(self):
        self._putaway()
        task = self.tasks._generate(self.warehouse)
        self.assertEqual(task.zone_id, self.zone_res, task.read(["zone_id", "standard_s"]))
        self.driver.home_zone_id = self.zone_pack
        self.assertTrue(self.zone_res.board_flag.startswith("No operator based here"))
        self.assertEqual(self.zone_res.open_task_count, 1)
        self.assertAlmostEqual(self.zone_res.backlog_hours, task.standard_s / 3600.0, 2)

    def test_the_scorecard_counts_pick_lines_per_hour(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        task.write({"state": "assigned", "operator_id": self.picker.id})
        task.action_start()
        task.action_done()
        task.write({"actual_s": 60.0})  # one line in a minute
        today = self.warehouse._site_today()
        monday = today - timedelta(days=today.weekday())
        figures = self.env["wms.kpi.value"]._compute_week(self.warehouse, monday)
        lines = figures.filtered(lambda f: f.kpi == "lines_per_hour")
        self.assertAlmostEqual(lines.value, 60.0)
        self.assertEqual(lines.status, "good")
