# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import _, fields, models

from stockops.execution.replenish import ReserveStock, Slot, plan_replenishment


class StockLocation(models.Model):
    _inherit = "stock.location"

    wms_replenish_min = fields.Float(
        "Top-up Below", digits="Product Unit of Measure",
        help="Forward-pick slot: refill when its stock after the open picks falls below "
        "this. 0: a quarter of what the slot holds.",
    )  # fmt: skip
    wms_replenish_max = fields.Float(
        "Top-up To", digits="Product Unit of Measure",
        help="Forward-pick slot: refill up to this. 0: what the slot holds.",
    )  # fmt: skip
    wms_zone_kind = fields.Selection(related="wms_zone_id.kind")


class StockMove(models.Model):
    _inherit = "stock.move"

    wms_replenish_reason = fields.Char("Why This Top-up", readonly=True)


class StockWarehouse(models.Model):
    """Reserve-to-forward replenishment: forward slots below their min after the open
    picks get a top-up from the nearest reserve stock, most urgent first."""

    _inherit = "stock.warehouse"

    def action_wms_plan_replenishment(self, products=None):
        """Plan top-ups now (supervisor's button; waves call it for their products).
        Returns the transfers made."""
        pickings = self.env["stock.picking"]
        for warehouse in self:
            pickings |= warehouse._wms_replenish(products)
        return pickings

    def _wms_forward_quants(self, products):
        domain = [
            ("location_id.warehouse_id", "=", self.id),
            ("location_id.wms_zone_id.kind", "=", "forward"),
            ("location_id.usage", "=", "internal"),
        ]
        if products:
            domain.append(("product_id", "in", products.ids))
        return self.env["stock.quant"].search(domain)

    def _wms_open_demand(self, products):
        """Units still to pick per (product, bin) and when the first pick is due, from the
        open outgoing work of the warehouse (reserved lines and unreserved moves)."""
        moves = self.env["stock.move"].search(
            [
                ("picking_type_id.warehouse_id", "=", self.id),
                ("picking_code", "=", "outgoing"),
                ("state", "in", ("confirmed", "partially_available", "assigned")),
                ("product_id", "in", products.ids),
            ]
        )
        demand, due, unreserved = {}, {}, {}
        for move in moves:
            when = move.picking_id.scheduled_date or move.date
            for line in move.move_line_ids:
                key = (line.product_id.id, line.location_id.id)
                demand[key] = demand.get(key, 0.0) + line.quantity_product_uom
                due[key] = min(due.get(key, when), when)
            missing = move.product_qty - sum(move.move_line_ids.mapped("quantity_product_uom"))
            if missing > 0:
                unreserved[move.product_id.id] = unreserved.get(move.product_id.id, 0.0) + missing
                due[move.product_id.id, None] = min(due.get((move.product_id.id, None), when), when)
        return demand, due, unreserved

    def _wms_replenish(self, products=None):
        """One read of the forward slots, their open picks and the reserve; one engine
        call; one transfer with every top-up."""
        forward = self._wms_forward_quants(products)
        if not forward:
            return self.env["stock.picking"]
        demand, due, unreserved = self._wms_open_demand(forward.product_id)
        reserve = self.env["stock.quant"].search(
            [
                ("location_id.warehouse_id", "=", self.id),
                ("location_id.wms_zone_id.kind", "=", "reserve"),
                ("product_id", "in", forward.product_id.ids),
                ("quantity", ">", 0),
            ]
        )
        now = fields.Datetime.now()
        slots, seen = [], set()
        for quant in forward.sorted("id"):
            product, bin_ = quant.product_id, quant.location_id
            if product.id in seen:
                continue  # a product's first forward slot takes its unreserved picks
            seen.add(product.id)
            volume = bin_.storage_category_id.wms_max_volume_m3
            capacity = math.floor(volume / product.volume) if volume and product.volume else 0
            capacity = capacity or max(bin_.wms_replenish_max, quant.quantity * 2, 1.0)
            key = (product.id, bin_.id)
            picks = demand.get(key, 0.0) + unreserved.get(product.id, 0.0)
            first = min(filter(None, (due.get(key), due.get((product.id, None)))), default=None)
            case = product.packaging_ids.filtered("purchase").sorted("qty")[:1].qty or 1.0
            slots.append(
                Slot(
                    slot_id=bin_.id, product_id=product.id,
                    # reserved picks are still in the bin: count them once
                    on_hand=quant.quantity, demand=picks,
                    min_qty=bin_.wms_replenish_min or capacity / 4,
                    max_qty=bin_.wms_replenish_max or capacity, capacity=capacity,
                    first_pick_due_s=(first - now).total_seconds() if first else math.inf,
                    case_qty=min(case, capacity),
                )
            )  # fmt: skip
        plan = plan_replenishment(
            slots,
            [ReserveStock(q.location_id.id, q.product_id.id, q.quantity - q.reserved_quantity,
                          q.location_id.wms_travel_from_pack_m) for q in reserve],
        )  # fmt: skip
        if not plan.tasks:
            return self.env["stock.picking"]
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.int_type_id.id,
                "location_id": self.lot_stock_id.id,
                "location_dest_id": self.lot_stock_id.id,
                "origin": _("Replenishment"),
                "move_ids": [
                    (0, 0, {"name": self.env._("Top-up"), "product_id": t.product_id,
                            "product_uom_qty": t.qty, "location_id": t.from_bin,
                            "location_dest_id": t.slot_id, "wms_replenish_reason": t.reason})
                    for t in plan.tasks
                ],
            }
        )  # fmt: skip
        if any(math.isfinite(t.due_s) for t in plan.tasks):
            picking.priority = "1"  # picks wait for it: it goes first
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.move_line_ids.location_dest_id = move.location_dest_id
        return picking
