# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: limits of the ageing report where no warehouse applies (stock valued without a move)
AGEING_DEFAULTS = {
    "policy_ageing_obsolete_days": 180,
    "policy_ageing_slow_days": 90,
    "policy_ageing_cover_days": 180,
    "policy_writedown_obsolete_pct": 100.0,
    "policy_writedown_slow_pct": 50.0,
    "policy_expiry_days": 30,
}


class StockWarehouse(models.Model):
    """Per warehouse: when stock is slow or obsolete, and the share of its value finance is
    proposed to write down."""

    _inherit = "stock.warehouse"

    policy_ageing_obsolete_days = fields.Integer(
        "Obsolete After (days)",
        default=AGEING_DEFAULTS["policy_ageing_obsolete_days"],
        help="No outgoing movement for this many days makes a product obsolete here.",
    )
    policy_ageing_slow_days = fields.Integer(
        "Slow After (days)",
        default=AGEING_DEFAULTS["policy_ageing_slow_days"],
        help="No outgoing movement for more than this many days makes a product slow.",
    )
    policy_ageing_cover_days = fields.Integer(
        "Slow Above Cover (days)",
        default=AGEING_DEFAULTS["policy_ageing_cover_days"],
        help="On hand / average daily demand of the last 90 days above this is slow too "
        "(excess stock that still moves: no write-down is proposed for it).",
    )
    policy_writedown_obsolete_pct = fields.Float(
        "Write Down Obsolete (%)",
        default=AGEING_DEFAULTS["policy_writedown_obsolete_pct"],
        help="Share of an obsolete product's value proposed for write-down.",
    )
    policy_writedown_slow_pct = fields.Float(
        "Write Down Slow (%)",
        default=AGEING_DEFAULTS["policy_writedown_slow_pct"],
        help="Share of the value proposed for write-down when a product has not moved out "
        "for more than the slow limit (but less than the obsolete one).",
    )
    policy_expiry_days = fields.Integer(
        "Expiry Sweep (days)",
        default=AGEING_DEFAULTS["policy_expiry_days"],
        help="Lots expiring within this many days are listed by the expiry sweep (needs "
        "expiration dates on lots: the Product Expiry module).",
    )

    @api.constrains(
        "policy_ageing_obsolete_days",
        "policy_ageing_slow_days",
        "policy_ageing_cover_days",
        "policy_writedown_obsolete_pct",
        "policy_writedown_slow_pct",
        "policy_expiry_days",
    )
    def _check_policy_ageing(self):
        for warehouse in self:
            pcts = (warehouse.policy_writedown_obsolete_pct, warehouse.policy_writedown_slow_pct)
            if min(pcts) < 0 or max(pcts) > 100:
                raise ValidationError(_("Write-down shares are between 0 and 100 %."))
            if not 0 < warehouse.policy_ageing_slow_days < warehouse.policy_ageing_obsolete_days:
                raise ValidationError(
                    _("A product is slow before it is obsolete: 0 < slow days < obsolete days.")
                )
            if warehouse.policy_ageing_cover_days <= 0 or warehouse.policy_expiry_days < 0:
                raise ValidationError(_("Cover and expiry horizons are positive days."))

    def _policy_ageing_limits(self):
        """The ageing limits of each warehouse, by id (0: no warehouse, the defaults)."""
        limits = {0: dict(AGEING_DEFAULTS)}
        for warehouse in self:
            limits[warehouse.id] = {name: warehouse[name] for name in AGEING_DEFAULTS}
        return limits
