# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import models

from stockops import kpi as engine

#: exceptions that say a pick line went wrong
PICK_ERRORS = ("short_pick", "unknown_barcode", "weight_mismatch")
#: closing reasons that clear the picker: a count showed the stock was not there, or the
#: review found nothing wrong
CLEARED = ("adjusted", "no_issue")
#: hand-offs before a put-away that may stand between it and its receipt (QC, cross-dock)
CHAIN_DEPTH = 4


class WmsKpiValue(models.Model):
    """The floor side of the scorecard: dock-to-stock time, pick accuracy, order cycle
    time and on time in full, from the hand-off ledger, the exceptions and the shipped
    orders."""

    _inherit = "wms.kpi.value"

    def _kpi_measure(self, warehouse, window):
        out = super()._kpi_measure(warehouse, window)
        out["dock_to_stock"] = self._kpi_dock_to_stock(warehouse, window)
        out["pick_accuracy"] = self._kpi_pick_accuracy(warehouse, window)
        out.update(self._kpi_orders(warehouse, window))
        return out

    def _kpi_dock_to_stock(self, warehouse, window):
        """Hours from a receipt posted to its put-away confirmed, per put-away in the
        ledger, following the put-away's move back to the receipt it came from (a
        one-step receipt into storage is put away when posted: 0 h)."""
        events = self.env["wms.event"].search_fetch(
            [("warehouse_id", "=", warehouse.id), ("event_type", "=", "putaway"),
             ("move_line_id", "!=", False), *window.span()],
            ["date", "move_line_id"],
        )  # fmt: skip
        events.move_line_id.fetch(["move_id"])
        hours, ids = defaultdict(list), defaultdict(list)
        for event in events:
            moves = event.move_line_id.move_id
            for _step in range(CHAIN_DEPTH):
                receipts = moves.filtered(lambda m: m.picking_code == "incoming")
                if receipts or not moves:
                    break
                moves = moves.move_orig_ids
            if not receipts:
                continue
            waited = (event.date - max(receipts.mapped("date"))).total_seconds() / 3600.0
            day = window.local_day(event.date)
            hours[day].append(max(waited, 0.0))
            ids[day].append(event.id)
        return [
            (
                engine.mean_hours(window.pooled(hours, p), "received lines put away"),
                "wms.event",
                [("id", "in", window.pooled(ids, p))],
            )
            for p in window.periods
        ]

    def _kpi_pick_accuracy(self, warehouse, window):
        """Pick lines confirmed in the ledger against the pick exceptions raised, less
        those a count or review cleared."""
        picks = (
            self.env["wms.event"]
            .with_context(tz=window.tz_name)
            ._read_group(
                [("warehouse_id", "=", warehouse.id), ("event_type", "=", "pick"),
                 *window.span()],
                ["date:day"], ["__count"],
            )
        )  # fmt: skip
        errors = [("warehouse_id", "=", warehouse.id), ("kind", "in", PICK_ERRORS)]
        raised = (
            self.env["wms.exception"]
            .with_context(tz=window.tz_name)
            ._read_group(
                errors + window.span("create_date"), ["create_date:day", "closing_reason"],
                ["__count"],
            )
        )  # fmt: skip
        lines, exceptions, cleared = defaultdict(int), defaultdict(int), defaultdict(int)
        for day, count in picks:
            lines[day.date()] += count
        for day, closing, count in raised:
            exceptions[day.date()] += count
            if closing in CLEARED:
                cleared[day.date()] += count
        return [
            (
                engine.pick_accuracy_after_review(
                    window.total(lines, p), window.total(exceptions, p), window.total(cleared, p)
                ),
                "wms.exception",
                errors + window.bounds(p, "create_date"),
            )
            for p in window.periods
        ]

    def _kpi_orders(self, warehouse, window):
        """Delivery orders shipped (done on the warehouse's delivery operation): on time
        and in full against their deadline (else scheduled date), and hours from the sale
        order's confirmation (else the transfer's creation) to shipping."""
        base = [("picking_type_id", "=", warehouse.out_type_id.id), ("state", "=", "done")]
        pickings = self.env["stock.picking"].search_fetch(
            base + window.span("date_done"),
            ["date_done", "date_deadline", "scheduled_date", "date", "sale_id"],
        )
        pickings.sale_id.fetch(["date_order"])
        moves = self.env["stock.move"]._read_group(
            [("picking_id", "in", pickings.ids)],
            ["picking_id", "state"],
            ["product_uom_qty:sum", "quantity:sum"],
        )
        ordered, shipped = defaultdict(float), defaultdict(float)
        for picking, state, demand, done in moves:
            ordered[picking.id] += demand
            if state == "done":
                shipped[picking.id] += done
        backordered = {
            picking.id
            for (picking,) in self.env["stock.picking"]._read_group(
                [("backorder_id", "in", pickings.ids)], ["backorder_id"]
            )
        }
        good, orders, cycle = defaultdict(int), defaultdict(int), defaultdict(list)
        for picking in pickings:
            day = window.local_day(picking.date_done)
            promised = picking.date_deadline or picking.scheduled_date
            orders[day] += 1
            good[day] += engine.is_on_time_in_full(
                day, window.local_day(promised), ordered[picking.id], shipped[picking.id],
                picking.id in backordered,
            )  # fmt: skip
            began = picking.sale_id.date_order or picking.date
            cycle[day].append(max((picking.date_done - began).total_seconds() / 3600.0, 0.0))
        otif, cycle_time = [], []
        for p in window.periods:
            domain = base + window.bounds(p, "date_done")
            otif.append(
                (engine.otif(window.total(orders, p), window.total(good, p)), "stock.picking",
                 domain)
            )  # fmt: skip
            cycle_time.append(
                (engine.mean_hours(window.pooled(cycle, p), "orders shipped"), "stock.picking",
                 domain)
            )  # fmt: skip
        return {"otif": otif, "order_cycle_time": cycle_time}
