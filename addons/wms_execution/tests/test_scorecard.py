# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestScorecard(TransactionCase):
    """Each figure against a value computed by hand on a small fixed week."""

    def test_figures_of_a_small_week(self):
        env = self.env
        manager = new_test_user(env, login="kpi_mgr_t", groups="stock.group_stock_manager")
        wh = env["stock.warehouse"].create({"name": "KPI DC", "code": "KPI"})
        wh.out_type_id.auto_batch = False
        product = env["product.product"].create(
            {"name": "Shop Rag (50)", "is_storable": True, "standard_price": 10.0}
        )
        env["stock.quant"]._update_available_quantity(product, wh.lot_stock_id, 100)
        customers = env.ref("stock.stock_location_customers")
        for demand, shipped in ((10, 10), (10, 8)):
            order = env["stock.picking"].create(
                {"picking_type_id": wh.out_type_id.id, "location_id": wh.lot_stock_id.id,
                 "location_dest_id": customers.id,
                 "move_ids": [(0, 0, {"name": "x", "product_id": product.id,
                                      "product_uom_qty": demand,
                                      "location_id": wh.lot_stock_id.id,
                                      "location_dest_id": customers.id})]}
            )  # fmt: skip
            order.action_confirm()
            order.action_assign()
            order.move_ids.quantity = shipped
            order.move_ids.picked = True
            order.with_context(cancel_backorder=True)._action_done()
        today = fields.Date.context_today(wh)
        monday = today - timedelta(days=today.weekday())
        figures = env["wms.kpi.value"].with_user(manager)._compute_week(wh, monday)
        by_kpi = {f.kpi: f for f in figures}
        self.assertAlmostEqual(by_kpi["fill_rate"].value, 18 / 20)
        self.assertAlmostEqual(by_kpi["otif"].value, 1 / 2)
        self.assertEqual(by_kpi["otif"].status, "bad")
        # 180 shipped at cost over 82 units x 10 held, over a week
        self.assertAlmostEqual(by_kpi["inventory_turns"].value, 180 / 820 * 365 / 7, 3)
        self.assertFalse(by_kpi["space_utilisation"].measured)
        action = figures.action_export_xlsx()
        attachment = env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        cells = {row[1].value: row[2].value for row in sheet.iter_rows(min_row=2)}
        self.assertAlmostEqual(cells["Fill rate"], 18 / 20)
        self.assertEqual(sheet.freeze_panes, "C2")
        drill = by_kpi["fill_rate"].action_drill()
        moves = env["stock.move"].search(drill["domain"])
        self.assertEqual(sum(moves.mapped("product_uom_qty")), 20)
