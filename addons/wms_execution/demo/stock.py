# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import models

from .transfers import MOVES_PER_POSTING, DemoLine

#: open sale orders confirmed together: the large demo's 2,000 at once would reserve
#: with one nested OR per move, which PostgreSQL cannot parse
ORDERS_PER_CONFIRM = 200


class WmsDemoLoader(models.AbstractModel):
    """Today's stock in the racks and the open orders waiting to be waved."""

    _inherit = "wms.demo.loader"

    def _put_stock_away(self, sc, warehouse, ref):
        """Move what the history left in WH/Stock into its bins: put-away transfers of at
        most MOVES_PER_POSTING lines (one per pallet run), posted in chunks."""
        products, bins = ref["products"], ref["bins"]
        stock = warehouse.lot_stock_id
        lines = [
            DemoLine(products[q.product_code], q.qty, q.qty, bins[q.bin_name])
            for q in sc.quants
            if q.qty > 0
        ]
        runs = [lines[k : k + MOVES_PER_POSTING] for k in range(0, len(lines), MOVES_PER_POSTING)]
        return self._post_transfers(
            warehouse.int_type_id, stock, stock,
            [({"origin": "Initial put-away"}, run) for run in runs],
        )  # fmt: skip

    def _load_open_orders(self, sc, ref):
        products, customers = ref["products"], ref["customers"]
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": customers[so.customer_code].id,
                    "client_order_ref": so.ref,
                    "date_order": datetime.combine(so.date_order, time(8, 0)),
                    "commitment_date": datetime.combine(so.commitment_date, time(16, 0)),
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": products[line.product_code].id,
                                "product_uom_qty": line.qty,
                                "price_unit": line.price,
                            },
                        )
                        for line in so.lines
                    ],
                }
                for so in sc.sale_orders
            ]
        )
        # confirmed (and reserved) a few hundred at a time, as for the postings
        for start in range(0, len(orders), ORDERS_PER_CONFIRM):
            orders[start : start + ORDERS_PER_CONFIRM].action_confirm()
        urgent = orders.filtered(
            lambda o, refs={s.ref for s in sc.sale_orders if s.priority == "1"}: (
                o.client_order_ref in refs
            )
        )
        urgent.picking_ids.priority = "1"
        return orders
