# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from stockops.policy.network import available_to_promise

from . import channel_data


class StockPolicyChannelAtp(models.Model):
    """Available to promise per sales channel, product and warehouse on a date: on hand -
    reserved - held for the channels it may not take from + incoming by the date. Rows are
    replaced by each refresh (stock.policy.channel.atp.action_refresh)."""

    _name = "stock.policy.channel.atp"
    _description = "Available to Promise by Channel"
    _order = "product_id, warehouse_id, team_id"

    team_id = fields.Many2one("crm.team", "Channel", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True, ondelete="cascade")
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Date("Up To", required=True, help="Receipts due by this day are counted.")
    units = fields.Float("Available to Promise", digits="Product Unit of Measure")
    reason = fields.Char("How")

    @api.model
    def _stock_promises(self, company, products=None, warehouses=None, until=None):
        """What each channel of ``company`` may promise by ``until``, as dicts (team,
        product, warehouse, units, reason): one bulk read, one engine call. Without
        ``products``, every product with stock, an allocation or a receipt there."""
        env = self.env
        warehouses = warehouses or env["stock.warehouse"].sudo().search(
            [("company_id", "=", company.id)]
        )
        warehouses = warehouses.filtered(lambda w: w.company_id == company)
        until = until or company._site_today()
        if products is None:
            products = env["stock.quant"].sudo().search([
                ("location_id", "child_of", warehouses.lot_stock_id.ids),
                ("product_id.is_storable", "=", True),
            ]).product_id | env["stock.policy.channel.allocation"].sudo().search(
                [("warehouse_id", "in", warehouses.ids)]
            ).product_id  # fmt: skip
        if not products or not warehouses:
            return []
        names, chans = channel_data.channels(env, company)
        teams = {name: team for team, name in names.items()}
        sites = warehouses.lot_stock_id
        try:
            promises = available_to_promise(
                chans,
                channel_data.allocations(env, names, products, warehouses),
                channel_data.lots(env, names, products, sites),
                channel_data.incoming(env, products, warehouses),
                [str(s.id) for s in sites],
                until,
            )
        except ValueError as error:
            raise UserError(_("Available to promise not computed: %s", error)) from error
        by_site = {str(w.lot_stock_id.id): w for w in warehouses}
        product_by_id = {str(p.id): p for p in products}
        return [
            {"team": teams[p.channel], "product": product_by_id[p.product],
             "warehouse": by_site[p.site], "units": p.units, "reason": p.reason}
            for p in promises if p.product in product_by_id
        ]  # fmt: skip

    @api.model
    def action_refresh(self, until=None):
        """Replace the current company's rows with today's available to promise (or
        ``until``'s): one read, one engine call, one write."""
        company = self.env.company
        until = until or company._site_today()
        rows = self._stock_promises(company, until=until)
        self.sudo().search([("company_id", "=", company.id)]).unlink()
        self.sudo().create([
            {"team_id": r["team"].id, "product_id": r["product"].id,
             "warehouse_id": r["warehouse"].id, "company_id": company.id, "date": until,
             "units": r["units"], "reason": r["reason"]}
            for r in rows
        ])  # fmt: skip
        return self.env["ir.actions.act_window"]._for_xml_id(
            "stock_policy.action_stock_policy_channel_atp"
        )
