# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unittest

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFloorMenusTour(HttpCase):
    def test_supervisor_walks_the_floor_menus(self):
        module = self.env["ir.module.module"].search([("name", "=", "wms_execution")])
        if not module.demo:
            raise unittest.SkipTest("the tour reads the demo warehouse")
        new_test_user(
            self.env,
            login="floor_sup_tour",
            groups="wms_execution.group_wms_supervisor,stock.group_stock_multi_locations",
        )
        self.start_tour(
            "/odoo/action-stock.stock_picking_type_action",
            "wms_execution_floor_menus",
            login="floor_sup_tour",
        )
