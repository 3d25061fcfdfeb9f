# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from stockops.execution.waves import Order, OrderLine
from stockops.layout import Point

PICK_METHODS = [
    ("discrete", "Discrete"),
    ("cluster", "Cluster"),
    ("batch", "Batch"),
    ("zone", "Zone"),
]


def location_point(location):
    """The engine's Point of a placed location, None for one without coordinates."""
    if not location.wms_has_coordinates:
        return None
    return Point(
        location.wms_x_m, location.wms_y_m, location.wms_z_m, location.wms_aisle_id.name or None
    )


class StockPicking(models.Model):
    """An order as wave planning sees it: its lines, where they are picked, their load,
    its carrier cut-off, priority and promised date; and what the plan decided for it."""

    _inherit = "stock.picking"

    wms_release_rank = fields.Integer("Release Rank", readonly=True, aggregator=None)
    wms_release_reason = fields.Char("Why This Rank", readonly=True)
    wms_pick_method = fields.Selection(PICK_METHODS, "Pick Method", readonly=True)
    wms_pick_method_reason = fields.Char("Why This Method", readonly=True)

    def _wms_wave_cutoffs(self):
        """{picking id: carrier cut-off (UTC)} where a carrier with a cut-off is known: the
        transfer's shipping method, else its sale order's. Read through whatever add-on
        provides them (carrier_dispatch gives ``dispatch_next_cutoff``); empty without."""
        carriers = {}
        for picking in self:
            carrier = picking["carrier_id"] if "carrier_id" in self._fields else None
            if not carrier and "sale_id" in self._fields:
                order = picking.sale_id
                carrier = order["carrier_id"] if "carrier_id" in order._fields else None
            if carrier:
                carriers[picking.id] = carrier
        if not carriers:
            return {}
        model = next(iter(carriers.values())).browse()
        if "dispatch_next_cutoff" not in model._fields:
            return {}
        cutoff = {c.id: c.dispatch_next_cutoff for c in model.union(*carriers.values())}
        return {pid: cutoff[c.id] for pid, c in carriers.items() if cutoff[c.id]}

    def _wms_promised_date(self):
        self.ensure_one()
        order = self.sale_id if "sale_id" in self._fields else None
        when = (order and order.commitment_date) or self.date_deadline or self.scheduled_date
        return when.date() if when else None

    def _wms_wave_orders(self, depot):
        """Engine orders of these transfers (one bulk read of their move lines, products
        and bins) and {(order id, line no): move line}. A line at a bin without coordinates
        is batched as if at ``depot`` (no walk known) and reported in ``unplaced``."""
        lines = self.env["stock.move.line"].search_fetch(
            [("picking_id", "in", self.ids)],
            ["picking_id", "product_id", "quantity_product_uom", "location_id"],
            order="picking_id, id",
        )
        template = self.env["product.template"]
        to_kg = template._get_weight_uom_id_from_ir_config_parameter()._compute_quantity(
            1.0, self.env.ref("uom.product_uom_kgm"), round=False
        )
        to_m3 = template._get_volume_uom_id_from_ir_config_parameter()._compute_quantity(
            1.0, self.env.ref("uom.product_uom_cubic_meter"), round=False
        )
        cutoffs = self._wms_wave_cutoffs()
        ids = self._wms_order_ids()
        by_picking = {p: [] for p in self}
        for line in lines:
            by_picking[line.picking_id].append(line)
        orders, line_map = [], {}
        unplaced = self.env["stock.location"]
        for picking, own in by_picking.items():
            order_lines = []
            for k, line in enumerate(own):
                point = location_point(line.location_id)
                if point is None:
                    unplaced |= line.location_id
                qty = line.quantity_product_uom
                order_lines.append(
                    OrderLine(
                        line.product_id.id,
                        qty,
                        point or depot,
                        line.product_id.weight * qty * to_kg,
                        line.product_id.volume * qty * to_m3,
                        line.location_id.wms_zone_id.code or "",
                    )
                )
                line_map[(ids[picking.id], k)] = line
            orders.append(
                Order(
                    ids[picking.id],
                    tuple(order_lines),
                    cutoffs.get(picking.id),
                    int(picking.priority or 0),
                    picking._wms_promised_date(),
                )
            )
        return orders, line_map, unplaced

    def _wms_order_ids(self):
        """{picking id: the engine's order id}: its reference, made unique if needed."""
        seen = {}
        for picking in self:
            seen.setdefault(picking.name, []).append(picking.id)
        return {
            picking.id: picking.name
            if len(seen[picking.name]) == 1
            else f"{picking.name}#{picking.id}"
            for picking in self
        }
