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


@tagged("post_install", "-at_install")
class TestScanPickTour(HttpCase):
    def test_operator_picks_a_line_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Tour DC", "code": "TOUR"})
        warehouse.out_type_id.auto_batch = False
        bins = env["stock.location"].create(
            [{"name": n, "barcode": b, "location_id": warehouse.lot_stock_id.id}
             for n, b in (("R01-01-1L", "R0101"), ("R01-12-1L", "R0112"))]
        )  # fmt: skip
        product = env["product.product"].create(
            {"name": "Utility Knife", "is_storable": True, "barcode": "0840000000026"}
        )
        env["stock.quant"]._update_available_quantity(product, bins[0], 3)
        customers = env.ref("stock.stock_location_customers")
        order = env["stock.picking"].create(
            {"picking_type_id": warehouse.out_type_id.id, "location_id": bins[0].id,
             "location_dest_id": customers.id,
             "move_ids": [(0, 0, {"name": "x", "product_id": product.id, "product_uom_qty": 3,
                                  "location_id": bins[0].id, "location_dest_id": customers.id})]}
        )  # fmt: skip
        order.action_confirm()
        order.action_assign()
        new_test_user(env, login="scan_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_pick",
                        login="scan_op_tour")  # fmt: skip
        self.assertEqual(order.move_ids.state, "done")


@tagged("post_install", "-at_install")
class TestScanCountTour(HttpCase):
    def test_operator_counts_a_bin_blind_on_the_scan_screen(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Count Tour DC", "code": "CTD"})
        location = env["stock.location"].create(
            {"name": "C-01-01", "barcode": "C0101", "location_id": warehouse.lot_stock_id.id}
        )
        product = env["product.product"].create(
            {"name": "Pipe Tape", "is_storable": True, "barcode": "0840000000033"}
        )
        env["stock.quant"]._update_available_quantity(product, location, 7)
        new_test_user(env, login="count_op_tour", groups="wms_execution.group_wms_operator")
        self.start_tour("/odoo/action-wms_execution.action_wms_scan_screen", "wms_scan_count",
                        login="count_op_tour")  # fmt: skip
        result = env["stock.policy.count.result"].search([("product_id", "=", product.id)])
        self.assertEqual((result.counted_qty, result.accurate), (7, True))
