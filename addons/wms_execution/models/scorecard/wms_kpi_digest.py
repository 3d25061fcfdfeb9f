# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wms_kpi_recipient_ids = fields.Many2many(
        "res.users",
        "wms_kpi_digest_user_rel",
        "warehouse_id",
        "user_id",
        string="Scorecard Digest To",
        help="Who gets the weekly scorecard by email. Empty: the warehouse supervisors and "
        "inventory planners of the warehouse's company.",
    )
    wms_carrying_rate = fields.Float(
        "Carrying Rate (% a year)",
        default=25.0,
        help="Yearly cost of holding stock (capital, space, insurance, shrinkage) as a "
        "share of its value; the scorecard's carrying cost uses it.",
    )

    @api.constrains("wms_carrying_rate")
    def _check_wms_carrying_rate(self):
        for warehouse in self:
            if not 0 <= warehouse.wms_carrying_rate <= 100:
                raise ValidationError(
                    _("%(wh)s: the carrying rate is a yearly percentage between 0 and 100, "
                      "not %(rate)s.", wh=warehouse.name, rate=warehouse.wms_carrying_rate)
                )  # fmt: skip

    def _wms_digest_recipients(self):
        """The configured people, else the supervisors and planners of the company."""
        self.ensure_one()
        if self.wms_kpi_recipient_ids:
            return self.wms_kpi_recipient_ids
        groups = self.env.ref("wms_execution.group_wms_supervisor") | self.env.ref(
            "stock_policy.group_inventory_planner"
        )
        root = self.env.ref("base.user_root")
        return groups.users.filtered(
            lambda u: u != root and not u.share and self.company_id in u.company_ids
        )

    def action_wms_send_digest(self):
        """Send this week's scorecard digest now (the button beside the recipients)."""
        self.env["wms.kpi.value"]._send_digest(self)
        return True


class WmsKpiValue(models.Model):
    _inherit = "wms.kpi.value"

    @api.model
    def _cron_send_digest(self):
        """Every Monday: the week just ended, by email, to each warehouse's people."""
        self._send_digest(self.env["stock.warehouse"].search([]))

    @api.model
    def _send_digest(self, warehouses, today=None):
        """One mail per warehouse with the figures of its last complete week (on its clock
        unless ``today`` is given)."""
        template = self.env.ref("wms_execution.mail_template_wms_scorecard_digest")
        mails = self.env["mail.mail"]
        for warehouse in warehouses:
            day = today or warehouse._site_today()
            monday = day - timedelta(days=day.weekday() + 7)
            figures = self._compute_week(warehouse, monday)
            recipients = warehouse._wms_digest_recipients()
            if not recipients:
                continue
            context = self._digest_context(warehouse, figures, monday)
            mail_id = template.with_context(**context).send_mail(
                warehouse.id,
                email_values={"recipient_ids": [(6, 0, recipients.partner_id.ids)]},
            )
            mails |= self.env["mail.mail"].browse(mail_id)
        return mails

    def _digest_context(self, warehouse, figures, monday):
        """What the digest shows: the figures side by side, each with the period before."""
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        statuses = dict(self._fields["status"]._description_selection(self.env))
        sides = []
        for side, title in self._fields["side"]._description_selection(self.env):
            rows = [
                {"label": labels[f.kpi], "figure": f.display_value,
                 "before": f._format(f.previous_value, f.previous_measured),
                 "status": statuses.get(f.status) or (
                     _("No threshold") if f.measured else _("Not measured")),
                 "colour": {"good": "#198754", "warn": "#b8860b", "bad": "#dc3545"}.get(
                     f.status, "#6c757d"),
                 "reason": f.reason}
                for f in figures.filtered(lambda f, s=side: f.side == s).sorted("sequence")
            ]  # fmt: skip
            sides.append({"title": title, "rows": rows})
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return {
            "digest_week": fields.Date.to_string(monday),
            "digest_sides": sides,
            "digest_url": f"{base}/odoo/action-wms_execution.action_wms_scorecard_page",
        }
