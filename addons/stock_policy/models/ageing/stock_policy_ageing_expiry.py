# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import numpy as np

from odoo import _, api, fields, models

from stockops.policy.ageing import days_until

from ...tools.ageing_xlsx import download_action, export_rows, workbook_bytes
from .stock_warehouse_ageing import AGEING_DEFAULTS


class StockPolicyExpiry(models.Model):
    """Lots in stock expiring within the warehouse's sweep horizon (or expired), refreshed
    with the ageing. Only when lots carry an expiration date (the Product Expiry module,
    which this add-on does not depend on): without it the sweep is skipped and says so."""

    _name = "stock.policy.expiry"
    _description = "Expiry Sweep"
    _order = "days_left, id"
    _rec_name = "lot_id"

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    location_id = fields.Many2one("stock.location", readonly=True)
    product_id = fields.Many2one(
        "product.product", required=True, ondelete="cascade", readonly=True
    )
    lot_id = fields.Many2one("stock.lot", required=True, ondelete="cascade", readonly=True)
    expiration_date = fields.Datetime("Expires On", readonly=True)
    days_left = fields.Integer(readonly=True, aggregator="min")
    qty = fields.Float("Units", digits="Product Unit of Measure", readonly=True)
    value = fields.Monetary(
        "Value (est.)", readonly=True, help="Units x the product's unit value in the ageing."
    )
    expired = fields.Boolean(readonly=True)
    reason = fields.Char("Why", readonly=True)
    date = fields.Datetime("Computed On", readonly=True)

    @api.model
    def _expiry_tracked(self):
        return "expiration_date" in self.env["stock.lot"]._fields

    @api.model
    def action_open_sweep(self):
        """The *Expiry Sweep* menu: the list, or a note that expiry dates are not tracked."""
        if not self._expiry_tracked():
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": _("Expiry sweep unavailable"),
                    "message": _(
                        "Lots have no expiration date in this database: install the Product "
                        "Expiry module (Inventory settings, Expiration Dates) to sweep them."
                    ),
                    "type": "warning",
                    "sticky": False,
                },
            }
        return self.env["ir.actions.act_window"]._for_xml_id(
            "stock_policy.action_stock_policy_expiry"
        )

    def _sweep(self, companies, now, ageing_rows):
        """Replace the companies' sweep: one read of the quants of lots expiring within the
        longest horizon, kept per warehouse horizon. Returns False when not tracked."""
        self.search([("company_id", "in", companies.ids)]).unlink()
        if not self._expiry_tracked():
            return False
        warehouses = self.env["stock.warehouse"].search([("company_id", "in", companies.ids)])
        limits = warehouses._policy_ageing_limits()
        horizon = max(lim["policy_expiry_days"] for lim in limits.values())
        groups = self.env["stock.quant"]._read_group(
            [
                ("company_id", "in", companies.ids),
                ("location_id.usage", "=", "internal"),
                ("lot_id.expiration_date", "!=", False),
                ("lot_id.expiration_date", "<=", now + timedelta(days=horizon)),
            ],
            ["company_id", "location_id", "lot_id"],
            ["quantity:sum"],
        )
        groups = [g for g in groups if g[3] > 0]
        if not groups:
            return True
        unit_value = {}
        for row in ageing_rows:
            key = (row.company_id.id, row.product_id.id)
            qty, value = unit_value.get(key, (0.0, 0.0))
            unit_value[key] = (qty + row.qty, value + row.value)
        expiry = np.array([g[2].expiration_date for g in groups], dtype="datetime64[s]")
        left = days_until(expiry, np.datetime64(now, "s"))
        values = []
        for (company, location, lot, qty), days in zip(groups, left.tolist(), strict=True):
            wh = location.warehouse_id
            sweep_days = limits.get(wh.id, AGEING_DEFAULTS)["policy_expiry_days"]
            if days > sweep_days:
                continue
            valued_qty, valued = unit_value.get((company.id, lot.product_id.id), (0.0, 0.0))
            if valued_qty > 0:
                unit, how = valued / valued_qty, "at its FIFO unit value"
            else:
                unit = lot.product_id.with_company(company).standard_price
                how = "at its cost (no remaining layer)"
            when = f"expired {-days} days ago" if days < 0 else f"expires in {days} days"
            values.append(
                {
                    "company_id": company.id,
                    "warehouse_id": wh.id,
                    "location_id": location.id,
                    "product_id": lot.product_id.id,
                    "lot_id": lot.id,
                    "expiration_date": lot.expiration_date,
                    "days_left": days,
                    "qty": qty,
                    "value": qty * unit,
                    "expired": days < 0,
                    "reason": f"{when} (sweep: {sweep_days} days); {qty:g} units valued {how}",
                    "date": now,
                }
            )
        self.create(values)
        return True

    def action_export_xlsx(self):
        rows = export_rows(self, self.env.context.get("active_domain") or [])
        columns = [
            ("Warehouse", "text"),
            ("Location", "text"),
            ("Product", "text"),
            ("Lot", "text"),
            ("Expires On", "date"),
            ("Days Left", "days"),
            ("Units", "qty"),
            ("Value (est.)", "money"),
            ("Why", "long"),
        ]
        cells = [
            [
                r.warehouse_id.name or "",
                r.location_id.display_name,
                r.product_id.display_name,
                r.lot_id.name,
                r.expiration_date,
                r.days_left,
                r.qty,
                r.value,
                r.reason,
            ]
            for r in rows
        ]
        today = fields.Date.context_today(self)
        data = workbook_bytes("Expiry Sweep", columns, cells, title=f"Expiry Sweep — {today}")
        return download_action(self.env, f"expiry-sweep-{today}.xlsx", data)
