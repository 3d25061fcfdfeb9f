# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.addons.wms_execution.tests.common import WmsCase
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTasks(WmsCase):
    """Tasks from ready work, the next task per operator, standards and performance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.product = env["product.product"].create(
            {"name": "Safety Cone 28 in", "is_storable": True, "weight": 1.5}
        )
        for location in (cls.bin_near, cls.bin_far):
            env["stock.quant"]._update_available_quantity(cls.product, location, 20)
        forklift = env["wms.skill"].search([("code", "=", "FORKLIFT")]) or env["wms.skill"].create(
            {"name": "Forklift licence", "code": "FORKLIFT"}
        )
        cls.driver_user = new_test_user(
            env, login="wms_driver_t", groups="wms_execution.group_wms_operator"
        )
        cls.driver = env["wms.operator"].create(
            {"name": "Dan Driver", "user_id": cls.driver_user.id, "warehouse_id": cls.warehouse.id,
             "home_zone_id": cls.zone_res.id, "equipment": "forklift",
             "skill_ids": [(6, 0, forklift.ids)]}
        )  # fmt: skip
        cls.picker = env["wms.operator"].create(
            {"name": "Pia Picker", "user_id": cls.operator.id, "warehouse_id": cls.warehouse.id,
             "home_zone_id": cls.zone_pack.id, "equipment": "cart"}
        )  # fmt: skip
        cls.tasks = env["wms.task"].with_user(cls.supervisor)
        # one transfer, one task: automatic batches are tested on their own
        cls.warehouse.in_type_id.auto_batch = cls.warehouse.out_type_id.auto_batch = False

    def _transfer(self, picking_type, source, dest, qty):
        picking = self.env["stock.picking"].create(
            {"picking_type_id": picking_type.id, "location_id": source.id,
             "location_dest_id": dest.id,
             "move_ids": [(0, 0, {"name": self.product.name, "product_id": self.product.id,
                                  "product_uom_qty": qty, "location_id": source.id,
                                  "location_dest_id": dest.id})]}
        )  # fmt: skip
        picking.action_confirm()
        picking.action_assign()
        return picking

    def _putaway(self):
        vendors = self.env.ref("stock.stock_location_suppliers")
        return self._transfer(self.warehouse.in_type_id, vendors, self.bin_far, 40)

    def _pick(self, source):
        customers = self.env.ref("stock.stock_location_customers")
        return self._transfer(self.warehouse.out_type_id, source, customers, 5)

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
        self.assertEqual(self.zone_res.board_flag, "No operator based here")
        self.assertEqual(self.zone_res.open_task_count, 1)
        self.assertAlmostEqual(self.zone_res.backlog_hours, task.standard_s / 3600.0, 2)

    def test_the_scorecard_counts_pick_lines_per_hour(self):
        self._pick(self.bin_near)
        task = self.tasks._generate(self.warehouse)
        task.write({"state": "assigned", "operator_id": self.picker.id})
        task.action_start()
        task.action_done()
        task.write({"actual_s": 60.0})  # one line in a minute
        today = fields.Date.context_today(task)
        monday = today - timedelta(days=today.weekday())
        figures = self.env["wms.kpi.value"]._compute_week(self.warehouse, monday)
        lines = figures.filtered(lambda f: f.kpi == "lines_per_hour")
        self.assertAlmostEqual(lines.value, 60.0)
        self.assertEqual(lines.status, "good")
