# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestReturns(WmsCase):
    """A customer return lands in the returns zone and each line's disposition moves it."""

    def test_return_is_inspected_and_dispositioned_with_the_right_moves(self):
        env, wh = self.env, self.warehouse
        beside = {"usage": "internal", "location_id": wh.view_location_id.id}
        returns_loc = env["stock.location"].create({"name": "RET", **beside})
        hold_loc = env["stock.location"].create({"name": "HOLD", **beside})
        env["wms.zone"].create(
            [{"name": n, "code": n, "kind": k, "warehouse_id": wh.id, "location_id": loc.id}
             for n, k, loc in (("RET", "returns", returns_loc), ("HOLD", "hold", hold_loc))]
        )  # fmt: skip
        wh.wms_receiving_rules = True
        wh.in_type_id.auto_batch = wh.out_type_id.auto_batch = False
        good, broken = env["product.product"].create(
            [{"name": n, "is_storable": True} for n in ("Tape Measure 25 ft", "Level 48 in")]
        )
        customers = env.ref("stock.stock_location_customers")
        for product in (good, broken):
            env["stock.quant"]._update_available_quantity(product, customers, 1)
        delivery = env["stock.picking"].create(
            {
                "picking_type_id": wh.out_type_id.id,
                "location_id": wh.lot_stock_id.id,
                "location_dest_id": customers.id,
            }
        )
        ret = env["stock.picking"].create(
            {"picking_type_id": wh.in_type_id.id, "location_id": customers.id,
             "location_dest_id": wh.lot_stock_id.id, "return_id": delivery.id,
             "move_ids": [(0, 0, {"name": p.name, "product_id": p.id, "product_uom_qty": 1,
                                  "location_id": customers.id,
                                  "location_dest_id": wh.lot_stock_id.id})
                          for p in (good, broken)]}
        )  # fmt: skip
        ret.action_confirm()
        ret.move_ids.quantity = 1
        ret.move_ids.picked = True
        ret.with_user(self.operator).button_validate()
        self.assertEqual(set(ret.move_line_ids.location_dest_id.ids), {returns_loc.id})
        with self.assertRaises(UserError):
            ret.with_user(self.supervisor).action_wms_apply_dispositions()
        by_product = {m.product_id: m for m in ret.move_ids}
        by_product[good].wms_disposition = "resale"
        by_product[broken].wms_disposition = "scrap"
        ret.with_user(self.supervisor).action_wms_apply_dispositions()
        back = by_product[good].wms_disposition_move_id
        self.assertEqual((back.location_id, back.location_dest_id), (returns_loc, wh.lot_stock_id))
        self.assertEqual(by_product[broken].wms_disposition_scrap_id.state, "done")
        scrapped = env["stock.quant"].search(
            [("product_id", "=", broken.id), ("location_id", "=", returns_loc.id)]
        )
        self.assertEqual(sum(scrapped.mapped("quantity")), 0)
