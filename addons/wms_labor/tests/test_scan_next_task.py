# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.wms_execution.tests.common import WmsCase, reserved_order
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestScanNextTask(WmsCase):
    """The scan screen's "my next task": the task is handed out, opened in its flow and
    done when its transfer is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        wh.out_type_id.auto_batch = False
        cls.bin_near.barcode = "R0101"
        cls.product = env["product.product"].create(
            {"name": "Wire Brush", "is_storable": True, "barcode": "0840000000026"}
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_near, 4)
        cls.order = reserved_order(env, wh.out_type_id, [(cls.product, cls.bin_near, 4)])
        env["wms.operator"].create(
            {"name": "Pia Picker", "user_id": cls.operator.id, "warehouse_id": wh.id,
             "home_zone_id": cls.zone_res.id, "equipment": "cart"}
        )  # fmt: skip
        env["wms.task"].with_user(cls.supervisor)._generate(wh)
        cls.scan = env["wms.scan"].with_user(cls.operator)

    def test_the_next_task_opens_in_its_flow_and_ends_with_its_transfer(self):
        self.assertTrue(self.scan.screen_info()["next_task"])
        task = self.scan.next_task()
        self.assertTrue(task["ok"], task)
        self.assertEqual((task["flow"], task["picking_ids"]), ("pick", [self.order.id]))
        record = self.env["wms.task"].browse(task["task_id"])
        self.assertEqual(record.state, "in_progress")
        line = self.scan.take_line(task["picking_id"])
        posted = self.scan.confirm_line(line["line_id"], "R0101", "0840000000026", 4, "n1")
        self.assertTrue(posted["next"]["done"])
        self.assertTrue(self.scan.finish_task(task["task_id"])["ok"])
        self.assertEqual(record.state, "done")
        self.assertGreater(record.actual_s, 0)

    def test_a_user_who_is_no_operator_is_told_so(self):
        stranger = new_test_user(
            self.env, login="wms_op_nt2", groups="wms_execution.group_wms_operator"
        )
        answer = self.env["wms.scan"].with_user(stranger).next_task()
        self.assertIn("is not set up as an operator", answer["error"])
