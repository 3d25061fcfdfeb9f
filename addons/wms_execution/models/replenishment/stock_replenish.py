# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import timedelta

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


class StockPicking(models.Model):
    _inherit = "stock.picking"

    wms_topup_batch_id = fields.Many2one(
        "stock.picking.batch", "Top-up For Wave", readonly=True, index="btree_not_null",
        help="The wave whose picks this replenishment refills the forward bins for.",
    )  # fmt: skip


class StockWarehouse(models.Model):
    """Reserve-to-forward replenishment: forward slots below their min after the open
    picks get a top-up from the nearest reserve stock, most urgent first, scheduled a
    lead time before the first pick that needs it."""

    _inherit = "stock.warehouse"

    wms_topup_lead_min = fields.Integer(
        "Top-up Lead (min)",
        default=15,
        help="A top-up a pick waits for is scheduled this long before that pick (or a "
        "wave's start), so the forward bin is refilled first.",
    )

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

    def _wms_pick_types(self):
        """The operation types that take stock out of the forward bins: picks (multi-step
        delivery) and deliveries."""
        return self.pick_type_id | self.out_type_id

    def _wms_open_demand(self, products):
        """Units still to pick per (product, bin) and when the first pick is due, from the
        open pick work of the warehouse (reserved lines and unreserved moves)."""
        moves = self.env["stock.move"].search(
            [
                ("picking_type_id", "in", self._wms_pick_types().ids),
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

    def _wms_topups_in_transit(self, bins, products):
        """Units already on their way into each forward bin: open top-ups of the product."""
        rows = self.env["stock.move"]._read_group(
            [("location_dest_id", "in", bins.ids), ("product_id", "in", products.ids),
             ("picking_type_id", "=", self.int_type_id.id),
             ("state", "not in", ("draft", "done", "cancel"))],
            ["product_id", "location_dest_id"], ["product_qty:sum"],
        )  # fmt: skip
        return {(product.id, bin_.id): qty for product, bin_, qty in rows}

    def _wms_slots(self, forward, demand, due, unreserved, now, wave_start=None):
        """The engine's forward slots: one per product (its first forward bin takes its
        unreserved picks), stock counted with the top-ups already on their way; a wave's
        start makes its picks due then."""
        transit = self._wms_topups_in_transit(forward.location_id, forward.product_id)
        slots, seen = [], set()
        for quant in forward.sorted("id"):
            product, bin_ = quant.product_id, quant.location_id
            if product.id in seen:
                continue
            seen.add(product.id)
            volume = bin_.storage_category_id.wms_max_volume_m3
            capacity = math.floor(volume / product.volume) if volume and product.volume else 0
            capacity = capacity or max(bin_.wms_replenish_max, quant.quantity * 2, 1.0)
            key = (product.id, bin_.id)
            picks = demand.get(key, 0.0) + unreserved.get(product.id, 0.0)
            times = [due.get(key), due.get((product.id, None))]
            if wave_start and picks:
                times.append(wave_start)
            first = min(filter(None, times), default=None)
            case = product.packaging_ids.filtered("purchase").sorted("qty")[:1].qty or 1.0
            slots.append(
                Slot(
                    slot_id=bin_.id, product_id=product.id,
                    # reserved picks are still in the bin: count them once
                    on_hand=quant.quantity + transit.get(key, 0.0), demand=picks,
                    min_qty=bin_.wms_replenish_min or capacity / 4,
                    max_qty=bin_.wms_replenish_max or capacity, capacity=capacity,
                    first_pick_due_s=(first - now).total_seconds() if first else math.inf,
                    case_qty=min(case, capacity),
                )
            )  # fmt: skip
        return slots

    def _wms_replenish(self, products=None, wave=None):
        """One read of the forward slots, their open picks and the reserve; one engine
        call; one transfer with every top-up, each move dated a lead time before the pick
        it refills for. For a ``wave`` (a batch being released) its products only, its
        picks due at its start, and the transfer is tied to it."""
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
                ("wms_stock_status", "in", ("available", "consigned")),
            ]
        )
        now = fields.Datetime.now()
        start = (wave.scheduled_date or now) if wave else None
        plan = plan_replenishment(
            self._wms_slots(forward, demand, due, unreserved, now, start),
            [ReserveStock(q.location_id.id, q.product_id.id, q.quantity - q.reserved_quantity,
                          q.location_id.wms_travel_from_pack_m) for q in reserve],
        )  # fmt: skip
        if not plan.tasks:
            return self.env["stock.picking"]
        lead = timedelta(minutes=self.wms_topup_lead_min)
        dates = [self._wms_topup_date(t.due_s, now, lead) for t in plan.tasks]
        if wave:
            # the wave's pickers start at its start: its bins are refilled before that
            dates = [max(now, min(d, start - lead)) for d in dates]
        for_wave = _(" for wave %(w)s", w=wave.name) if wave else ""
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.int_type_id.id,
                "scheduled_date": min(dates),
                "location_id": self.lot_stock_id.id,
                "location_dest_id": self.lot_stock_id.id,
                "origin": _("Replenishment%(w)s", w=for_wave),
                "wms_topup_batch_id": wave.id if wave else False,
                "move_ids": [
                    (0, 0, {"name": self.env._("Top-up"), "product_id": t.product_id,
                            "product_uom_qty": t.qty, "location_id": t.from_bin,
                            "location_dest_id": t.slot_id, "wms_replenish_reason": t.reason})
                    for t in plan.tasks
                ],
            }
        )  # fmt: skip
        # each top-up due before its own pick (the transfer is due with the first)
        for move, when in zip(picking.move_ids, dates, strict=True):
            if move.date != when:
                move.date = when
        if wave or any(math.isfinite(t.due_s) for t in plan.tasks):
            picking.priority = "1"  # picks wait for it: it goes first
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.move_line_ids.location_dest_id = move.location_dest_id
        return picking

    def _wms_topup_date(self, due_s, now, lead):
        """When a top-up should be done by: a lead time before the pick it refills for,
        not in the past; now when no pick waits for it."""
        if not math.isfinite(due_s):
            return now
        return max(now, now + timedelta(seconds=due_s) - lead)
