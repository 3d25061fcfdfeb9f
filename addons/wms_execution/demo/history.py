# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import models
from odoo.tools import SQL

from .transfers import DemoLine


def _at(day, hour):
    return datetime.combine(day, time(hour, 0))


class WmsDemoLoader(models.AbstractModel):
    """Six months of history posted through Odoo's own moves, then moved back in time,
    and the weeks before it imported as the previous system's weekly demand.

    Posting through ``_action_done`` keeps quants, FIFO valuation layers and the hand-off
    ledger consistent; only the dates are rewritten afterwards, in one UPDATE per table.
    Receipts are posted before deliveries so stock is never negative at any moment, and
    FIFO leaves the same layers as a day-by-day posting would.
    """

    _inherit = "wms.demo.loader"

    def _load_history(self, sc, warehouse, ref):
        orders = self._load_purchases(sc, ref)
        received = sorted(
            (po for po in sc.purchase_orders if po.receipt_date), key=lambda po: po.receipt_date
        )
        receipts = self.env["stock.picking"]
        for po in received:
            receipts |= orders[po.ref].picking_ids
        receipts.move_ids.picked = True
        self._analyze_tables(everything=True)
        self._post_in_chunks(receipts)
        deliveries = self._post_deliveries(sc, warehouse, ref)
        dated = {orders[po.ref].picking_ids.id: _at(po.receipt_date, 9) for po in received}
        dated.update({picking.id: _at(day, 15) for picking, day in deliveries})
        self._backdate_pickings(dated)
        self._backdate_purchases(sc, orders)
        self._load_legacy_demand(sc, warehouse, ref)

    def _load_legacy_demand(self, sc, warehouse, ref):
        """The weeks before go-live, as the previous system exported them."""
        products = ref["products"]
        self.env["stock.policy.legacy.demand"].create(
            [
                {
                    "product_id": products[week.product_code].id,
                    "warehouse_id": warehouse.id,
                    "week_start": week.week_start,
                    "qty": week.qty,
                    "source": "Previous ERP export",
                }
                for week in sc.legacy_demand
            ]
        )

    def _load_purchases(self, sc, ref):
        products, vendors = ref["products"], ref["vendors"]
        company = self.env.company
        taxes = {
            p: p.supplier_taxes_id._filter_taxes_by_company(company) for p in products.values()
        }
        # what the purchase line's product onchange would fill in, read once per product:
        # Odoo runs that onchange on a new record per line when any of it is missing
        filled = {
            code: {
                "name": product.display_name,
                "product_uom": product.uom_po_id.id,
                "taxes_id": [(6, 0, taxes[product].ids)],
                "display_type": False,
            }
            for code, product in products.items()
        }
        orders = self.env["purchase.order"].create(
            [
                {
                    "partner_id": vendors[po.vendor_code].id,
                    "partner_ref": po.ref,
                    "date_planned": _at(po.promised_date, 9),
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                **filled[line.product_code],
                                "product_id": products[line.product_code].id,
                                "product_qty": line.qty,
                                "price_unit": line.price,
                                "date_planned": _at(po.promised_date, 9),
                            },
                        )
                        for line in po.lines
                    ],
                }
                for po in sc.purchase_orders
            ]
        )
        orders.button_confirm()
        return {po.ref: order for po, order in zip(sc.purchase_orders, orders, strict=True)}

    def _post_deliveries(self, sc, warehouse, ref):
        products, customers = ref["products"], ref["customers"]
        transfers = [
            (
                {"partner_id": customers[d.customer_code].id, "origin": d.ref},
                [
                    DemoLine(products[line.product_code], line.ordered_qty, line.shipped_qty)
                    for line in d.lines
                ],
            )
            for d in sc.deliveries
        ]
        # short lines ship what was there; the rest is cancelled, as a planner would see it
        pickings = self._post_transfers(
            warehouse.out_type_id,
            warehouse.lot_stock_id,
            self.env.ref("stock.stock_location_customers"),
            transfers,
        )
        return [(picking, d.date) for d, picking in zip(sc.deliveries, pickings, strict=True)]

    def _backdate_pickings(self, dated):
        values = SQL(", ").join(
            SQL("(%s, %s::timestamp)", pid, when) for pid, when in dated.items()
        )
        cr = self.env.cr
        self.env.flush_all()
        statements = (
            "UPDATE stock_picking t SET date_done = v.d, scheduled_date = v.d, date = v.d "
            "FROM (VALUES %s) v(id, d) WHERE t.id = v.id",
            "UPDATE stock_move t SET date = v.d FROM (VALUES %s) v(id, d) "
            "WHERE t.picking_id = v.id",
            "UPDATE stock_move_line t SET date = v.d FROM (VALUES %s) v(id, d) "
            "WHERE t.picking_id = v.id",
            "UPDATE stock_valuation_layer t SET create_date = v.d FROM stock_move m, "
            "(VALUES %s) v(id, d) WHERE t.stock_move_id = m.id AND m.picking_id = v.id",
            "UPDATE wms_event t SET date = v.d FROM (VALUES %s) v(id, d) WHERE t.picking_id = v.id",
        )
        for statement in statements:
            cr.execute(SQL(statement, values))
        self.env.invalidate_all()

    def _backdate_purchases(self, sc, orders):
        values = SQL(", ").join(
            SQL(
                "(%s, %s::timestamp, %s::timestamp)",
                orders[po.ref].id,
                _at(po.order_date, 8),
                _at(po.promised_date, 9),
            )
            for po in sc.purchase_orders
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE purchase_order t SET date_order = v.o, date_approve = v.o, "
                "date_planned = v.p FROM (VALUES %s) v(id, o, p) WHERE t.id = v.id",
                values,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE purchase_order_line t SET date_planned = v.p "
                "FROM (VALUES %s) v(id, o, p) WHERE t.order_id = v.id",
                values,
            )
        )
        self.env.invalidate_all()
