# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockPolicyChannelAllocation(models.Model):
    """Stock of a product at a warehouse held for a sales channel: channels ranked below
    it cannot reserve or promise it; channels ranked above it can while it is unreserved."""

    _name = "stock.policy.channel.allocation"
    _description = "Stock Held for a Sales Channel"
    _order = "team_id, product_id, warehouse_id"

    team_id = fields.Many2one("crm.team", "Channel", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one(
        "product.product", required=True, ondelete="cascade", index=True,
        domain=[("is_storable", "=", True)],
    )  # fmt: skip
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, index=True, string="Company"
    )
    kind = fields.Selection(
        [("units", "Units"), ("share", "Share of stock")], "Held As", required=True,
        default="units",
    )  # fmt: skip
    units = fields.Float("Units Held", digits="Product Unit of Measure")
    share_percent = fields.Float("Share Held (%)", help="Share of the warehouse's on-hand stock.")
    atp_units = fields.Float(
        "Available to Promise", compute="_compute_atp", digits="Product Unit of Measure",
        help="What the channel may promise today: on hand - reserved - held for channels "
        "it may not take from + incoming by today (stockops.policy.network."
        "available_to_promise).",
    )  # fmt: skip
    atp_reason = fields.Char("How", compute="_compute_atp")

    _sql_constraints = [
        (
            "channel_product_warehouse_uniq",
            "unique(team_id, product_id, warehouse_id)",
            "A channel holds stock of a product at a warehouse once: change the existing line.",
        )
    ]

    @api.constrains("kind", "units", "share_percent", "team_id", "warehouse_id")
    def _check_held(self):
        for row in self:
            if row.kind == "units" and row.units <= 0:
                raise ValidationError(
                    _("%(channel)s holds %(units)s of %(product)s: give more than 0 units.",
                      channel=row.team_id.name, units=row.units,
                      product=row.product_id.display_name)
                )  # fmt: skip
            if row.kind == "share" and not 0 < row.share_percent <= 100:
                raise ValidationError(
                    _("%(channel)s holds %(share)s%% of %(product)s: give a share above 0 and "
                      "up to 100%%.", channel=row.team_id.name, share=row.share_percent,
                      product=row.product_id.display_name)
                )  # fmt: skip
            team_company = row.team_id.company_id
            if team_company and team_company != row.warehouse_id.company_id:
                raise ValidationError(
                    _("%(channel)s sells for %(company)s: it cannot hold stock at %(wh)s.",
                      channel=row.team_id.name, company=team_company.name,
                      wh=row.warehouse_id.name)
                )  # fmt: skip

    @api.depends_context("uid")
    def _compute_atp(self):
        found = {}
        for company in self.company_id:
            rows = self.filtered(lambda r, c=company: r.company_id == c)
            promises = self.env["stock.policy.channel.atp"]._stock_promises(
                company, rows.product_id, rows.warehouse_id, company._site_today()
            )
            found.update({(p["team"], p["product"], p["warehouse"]): p for p in promises})
        for row in self:
            p = found.get((row.team_id, row.product_id, row.warehouse_id))
            row.atp_units = p["units"] if p else 0.0
            row.atp_reason = p["reason"] if p else ""
