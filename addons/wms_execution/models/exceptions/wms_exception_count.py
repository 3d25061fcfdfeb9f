# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

#: problems that put a bin's stock in doubt: each asks for a count of the bin today. A short
#: pick asks for its own count where the pick is posted (stock_policy's stock.move).
COUNTED_KINDS = ("location", "damage", "unknown_barcode")


class WmsException(models.Model):
    """A problem reported in a storage bin (location problem, damage, mislabel) asks for a
    count of that bin today: of the product when one is named, else of everything in it
    (the quant's *Scheduled Date* and *Why Counted*, through stock_policy's one place that
    asks for counts)."""

    _inherit = "wms.exception"

    @api.model_create_multi
    def create(self, vals_list):
        exceptions = super().create(vals_list)
        counted = exceptions.filtered(lambda e: e.kind in COUNTED_KINDS and e.location_id)
        # history loaded from another system is not floor work: no count for it
        if counted and not self.env.context.get("wms_history_import"):
            events = {(e.product_id.id or 0, e.location_id.id): e.name for e in counted}
            self.env["stock.location"]._policy_request_counts(events)
        return exceptions
