# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Asking for a count today: the one place that marks quants for counting, whoever asks (a
posting that upset a bin, a floor exception, a supervisor)."""

from odoo import models

from ...tools import bulk_update


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def _policy_mark_for_count(self, whys):
        """Ask for a count today (the site's day) of these quants, ``whys[i]`` saying why
        for ``self[i]``: one write. An empty bin keeps its quant (and the count) only with
        someone assigned."""
        today = self.location_id._site_days()
        rows = [{"inventory_date": today[quant.location_id.id], "policy_count_trigger": why,
                 "user_id": quant.user_id.id or self.env.user.id}
                for quant, why in zip(self, whys, strict=True)]  # fmt: skip
        bulk_update(self.sudo(), rows)


class StockLocation(models.Model):
    _inherit = "stock.location"

    def _policy_countable(self):
        """The storage bins among these locations: internal, and not a warehouse's staging
        area (input, quality control, output, packing), which empties by design."""
        staging = self.env["stock.location"]
        for warehouse in self.warehouse_id:
            staging |= (
                warehouse.wh_input_stock_loc_id
                | warehouse.wh_qc_stock_loc_id
                | warehouse.wh_output_stock_loc_id
                | warehouse.wh_pack_stock_loc_id
            )
        return self.filtered(
            lambda loc: (
                loc.usage == "internal"
                and not any(loc.parent_path.startswith(s.parent_path) for s in staging)
            )
        )

    def _policy_request_counts(self, events):
        """Count requests for ``events``: ``{(product id or 0, location id): why}``, product 0
        meaning everything the bin holds. One read of the quants, one write; a product said
        to be in a bin where no quant records it gets an empty quant, so the count can prove
        the bin right or wrong. Returns the quants asked for."""
        locations = self.browse({loc for _p, loc in events})._policy_countable()
        if not locations:
            return self.env["stock.quant"]
        quants = self.env["stock.quant"].search_fetch(
            [("location_id", "in", locations.ids)], ["product_id", "location_id", "user_id"]
        )
        marked, whys, seen = self.env["stock.quant"], [], set()
        for quant in quants:
            pair = (quant.product_id.id, quant.location_id.id)
            why = events.get(pair) or events.get((0, quant.location_id.id))
            if why:
                marked |= quant
                whys.append(why)
                seen.add(pair)
        missing = [(p, loc) for p, loc in events if p and loc in locations.ids]
        missing = [pair for pair in missing if pair not in seen]
        if missing:
            marked |= (
                self.env["stock.quant"]
                .sudo()
                .create([{"product_id": p, "location_id": loc} for p, loc in missing])
            )
            whys += [events[pair] for pair in missing]
        marked._policy_mark_for_count(whys)
        return marked
