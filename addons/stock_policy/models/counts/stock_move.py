# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import float_compare


class StockMove(models.Model):
    """Event-driven counts: a posting that leaves a storage bin empty or negative, a short
    pick, or a receipt worth more than the warehouse's threshold asks for a count of the
    bins concerned today (the quant's *Scheduled Date* and *Why Counted*)."""

    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        short = self.filtered(
            lambda m: (
                m.picking_code == "outgoing"
                and m.location_id.usage == "internal"
                and float_compare(
                    m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding
                )
                < 0
            )
        )
        short_lines = {(m.product_id.id, m.location_id.id): m.reference for m in short}
        for line in short.move_line_ids:
            short_lines[line.product_id.id, line.location_id.id] = line.reference
        done = super()._action_done(cancel_backorder=cancel_backorder)
        # history loaded from another system is not floor work: no count for it
        if not self.env.context.get("wms_history_import"):
            done._policy_request_event_counts(short_lines)
        return done

    def _policy_event_pairs(self, short_lines):
        """(product id, location id) -> why, for every bin these postings may have upset."""
        events = {pair: f"Short pick on {ref}" for pair, ref in short_lines.items()}
        for move in self.filtered(lambda m: m.state == "done" and not m.is_inventory):
            warehouse = move.location_dest_id.warehouse_id
            threshold = warehouse.policy_count_receipt_value if warehouse else 0.0
            if (
                threshold
                and move.location_id.usage == "supplier"
                and move.product_qty * move.product_id.standard_price > threshold
            ):
                for line in move.move_line_ids:
                    events.setdefault(
                        (line.product_id.id, line.location_dest_id.id),
                        f"Large receipt {move.reference}",
                    )
            for line in move.move_line_ids:
                if line.location_id.usage == "internal":
                    events.setdefault((line.product_id.id, line.location_id.id), move.reference)
        return events

    def _policy_request_event_counts(self, short_lines):
        """One read of the quants concerned, one write of their count requests."""
        events = self._policy_event_pairs(short_lines)
        if not events:
            return
        locations = self.env["stock.location"].browse({loc for _p, loc in events})
        countable = locations._policy_countable()
        quants = self.env["stock.quant"].search_fetch(
            [
                ("product_id", "in", list({p for p, _loc in events})),
                ("location_id", "in", countable.ids),
            ],
            ["product_id", "location_id", "quantity", "user_id"],
        )
        to_count, whys = self.env["stock.quant"], []
        for quant in quants:
            why = events.get((quant.product_id.id, quant.location_id.id))
            if why is None:
                continue
            if quant.quantity < 0:
                why = f"Negative quantity after {why}"
            elif quant.quantity == 0 and not why.startswith(("Short", "Large")):
                why = f"Stockout after {why}"
            elif not why.startswith(("Short", "Large")):
                continue  # an ordinary posting
            to_count |= quant
            whys.append(why)
        to_count._policy_mark_for_count(whys)
