# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestScorecardTour(HttpCase):
    def test_supervisor_opens_the_scorecard_and_drills_into_the_fill_rate(self):
        env = self.env
        warehouse = env["stock.warehouse"].create({"name": "Scorecard Tour DC", "code": "STOUR"})
        warehouse.out_type_id.auto_batch = False
        product = env["product.product"].create(
            {"name": "Shop Rag (50)", "is_storable": True, "standard_price": 10.0}
        )
        env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100)
        customers = env.ref("stock.stock_location_customers")
        orders = env["stock.picking"]
        for demand, shipped in ((10, 10), (10, 8)):
            order = env["stock.picking"].create(
                {"picking_type_id": warehouse.out_type_id.id,
                 "location_id": warehouse.lot_stock_id.id, "location_dest_id": customers.id,
                 "move_ids": [(0, 0, {"name": "x", "product_id": product.id,
                                      "product_uom_qty": demand,
                                      "location_id": warehouse.lot_stock_id.id,
                                      "location_dest_id": customers.id})]}
            )  # fmt: skip
            order.action_confirm()
            order.action_assign()
            order.move_ids.quantity = shipped
            order.move_ids.picked = True
            order.with_context(cancel_backorder=True)._action_done()
            orders |= order
        supervisor = new_test_user(
            env, login="kpi_sup_tour", groups="wms_execution.group_wms_supervisor"
        )
        env["wms.kpi.value"].with_user(supervisor)._compute(warehouse)
        self.start_tour(
            "/odoo/action-stock.stock_picking_type_action",
            "wms_execution_scorecard",
            login="kpi_sup_tour",
        )
        # what the tour landed on is what the figure counts
        figure = env["wms.kpi.value"].search(
            [("warehouse_id", "=", warehouse.id), ("kpi", "=", "fill_rate"),
             ("period", "=", "week")], order="date_start desc", limit=1,
        )  # fmt: skip
        action = figure.action_drill()
        moves = env["stock.move"].search(action["domain"])
        self.assertEqual(moves.picking_id, orders)
        self.assertEqual(sum(moves.mapped("product_uom_qty")), 20)
