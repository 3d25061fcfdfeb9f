# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.addons.wms_execution.tests.test_demo_floor_week import as_demo_supervisor
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoFloorTasks(TransactionCase):
    """The demo's last two weeks of put-aways and picks are done tasks of its operators,
    timed from start to the last hand-off, so the scorecard has lines per hour."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        as_demo_supervisor(cls, "wms_labor", "wms_floor_tasks_t")
        cls.tasks = cls.env["wms.task"].search(
            [("warehouse_id", "=", cls.warehouse.id), ("state", "=", "done"),
             *cls.window.span("done_date")]
        )  # fmt: skip

    def test_lines_per_hour_from_the_pick_tasks(self):
        measured = self.env["wms.kpi.value"]._kpi_measure(self.warehouse, self.window)
        [(figure, _model, _domain)] = measured["lines_per_hour"]
        picks = self.tasks.filtered(lambda t: t.kind == "pick")
        self.assertGreaterEqual(len(picks), 10)
        hours = sum(picks.mapped("actual_s")) / 3600.0
        self.assertAlmostEqual(figure.value, sum(picks.mapped("lines")) / hours)
        self.assertTrue(5.0 < figure.value < 200.0, figure.reason)

    def test_each_task_is_done_by_the_operator_who_posted_it(self):
        self.assertEqual(set(self.tasks.mapped("kind")), {"pick", "putaway"})
        for task in self.tasks:
            self.assertLess(task.start_date, task.done_date)
            self.assertAlmostEqual(
                (task.done_date - task.start_date).total_seconds(), task.actual_s, delta=1.0
            )
            self.assertLess(task.done_date - task.start_date, timedelta(hours=2))
            posted = self.env["wms.event"].search([("picking_id", "=", task.picking_id.id)])
            self.assertEqual(posted.operator_id, task.operator_id.user_id)
            self.assertTrue(task.shift_id and task.performance > 0)
