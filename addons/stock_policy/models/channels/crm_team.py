# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ...tools import api_keys


class CrmTeam(models.Model):
    """A sales team as a sales channel: its rank in reservation, the stock held for it
    and the API key its storefront polls availability with."""

    _inherit = "crm.team"

    stock_rank = fields.Integer(
        "Reservation Rank", default=10,
        help="1 is served first: when stock is short, orders of a lower rank wait and may "
        "not take what is held for this channel (stock.move._stock_channel_reserve).",
    )  # fmt: skip
    stock_allocation_ids = fields.One2many(
        "stock.policy.channel.allocation", "team_id", "Stock Held",
        help="Units or a share of a product's stock at a warehouse held for this channel.",
    )  # fmt: skip
    stock_atp_token_hash = fields.Char(copy=False, groups="base.group_system", index=True)
    stock_atp_company_id = fields.Many2one(
        "res.company", "Availability Company", copy=False, readonly=True,
        help="The company whose availability the channel's key reads: the one it was "
        "issued in (crm.team.action_stock_issue_atp_key).",
    )  # fmt: skip
    stock_atp_token_date = fields.Datetime(
        "Availability Key Issued", copy=False, readonly=True,
        help="When the current key was issued; issuing again revokes the previous one.",
    )  # fmt: skip

    @api.constrains("stock_rank")
    def _check_stock_rank(self):
        for team in self:
            if team.stock_rank < 1:
                raise ValidationError(
                    _("%(team)s: the reservation rank is a whole number from 1 (served "
                      "first).", team=team.name)
                )  # fmt: skip

    def action_stock_issue_atp_key(self):
        """Issue the channel a new availability key (revoking the previous one) and show
        it once: only its hash is stored. Planners and inventory admins only."""
        return api_keys.issue_key(
            self, "stock_atp",
            ["stock_policy.group_inventory_planner", "stock.group_stock_manager"],
            _("Only an inventory planner issues a channel's availability key."),
            _("Availability key issued"),
            _("Availability key of %(channel)s for %%(company)s — copy it now, it is not "
              "shown again: %%(token)s", channel=self.display_name),
        )  # fmt: skip

    def _stock_atp_channel(self, token):
        """The channel whose availability key is ``token`` (an empty recordset if none)."""
        return api_keys.key_holder(self, "stock_atp", token)
