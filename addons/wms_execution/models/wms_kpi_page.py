# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from stockops.kpi.periods import PERIOD_KINDS, TREND_LENGTH

CHANGES_SHOWN = 10
CHANGES_PER_KIND = 3
CHANGES_READ = 500


class WmsKpiValue(models.Model):
    """What the scorecard page (the ``wms_scorecard`` client action) reads and asks."""

    _inherit = "wms.kpi.value"

    @api.model
    def _page_warehouse(self, warehouse_id):
        warehouses = self.env["stock.warehouse"].search([])
        if not warehouses:
            raise UserError(_("No warehouse you may see: ask for access to one."))
        chosen = warehouses.filtered(lambda w: w.id == warehouse_id)
        return chosen or warehouses[:1], warehouses

    @api.model
    def _page_period(self, period):
        if period not in PERIOD_KINDS:
            raise UserError(
                _("Unknown period %(p)s: choose one of %(kinds)s.", p=period,
                  kinds=", ".join(PERIOD_KINDS))
            )  # fmt: skip
        return period

    @api.model
    def scorecard_data(self, warehouse_id=False, period="week"):
        """Both sides of one warehouse's scorecard: the latest figure of each KPI, its
        colour, why, the period before and its trend; and the latest changes with their
        cause."""
        period = self._page_period(period)
        warehouse, warehouses = self._page_warehouse(warehouse_id)
        figures = self.search(
            [("warehouse_id", "=", warehouse.id), ("period", "=", period)], order="date_start"
        )
        starts = sorted(set(figures.mapped("date_start")))[-TREND_LENGTH[period] :]
        labels = dict(self._fields["kpi"]._description_selection(self.env))
        by_kpi = {}
        for figure in figures.filtered(lambda f: f.date_start in starts):
            by_kpi.setdefault(figure.kpi, {})[figure.date_start] = figure
        cards = []
        for kpi, series in by_kpi.items():
            latest = series[max(series)]
            cards.append(
                {"id": latest.id, "kpi": kpi, "label": labels[kpi], "side": latest.side,
                 "sequence": latest.sequence, "figure": latest.display_value,
                 "before": latest._format(latest.previous_value, latest.previous_measured),
                 "status": latest.status or "none", "status_reason": latest.status_reason,
                 "reason": latest.reason, "to_date": latest.to_date,
                 "trend": [series[s].value if s in series and series[s].measured else None
                           for s in starts]}
            )  # fmt: skip
        cards.sort(key=lambda c: c["sequence"])
        changes = self._page_changes(warehouse)
        return {
            "warehouse_id": warehouse.id,
            "warehouses": [{"id": w.id, "name": w.name} for w in warehouses],
            "period": period,
            "starts": [str(s) for s in starts],
            "cards": cards,
            "changes": [
                {
                    "id": c.id,
                    "date": fields.Datetime.to_string(c.date)[:16] if c.date else "",
                    "figure": c.figure,
                    "product": c.product_id.display_name or "",
                    "change": c.change,
                    "cause": c.cause,
                }
                for c in changes
            ],
            "can_compute": self._page_can_compute(),
        }

    @api.model
    def _page_changes(self, warehouse):
        """The latest changes, at most a few of each kind so one kind does not hide the
        others (one read)."""
        recent = self.env["wms.kpi.change"].search(
            [("warehouse_id", "in", (warehouse.id, False))], limit=CHANGES_READ
        )
        shown, per_kind = self.env["wms.kpi.change"], {}
        for change in recent:
            per_kind[change.kind] = per_kind.get(change.kind, 0) + 1
            if per_kind[change.kind] <= CHANGES_PER_KIND:
                shown |= change
        return shown[:CHANGES_SHOWN]

    @api.model
    def _page_can_compute(self):
        user = self.env.user
        return any(
            user.has_group(group)
            for group in ("wms_execution.group_wms_supervisor", "stock.group_stock_manager",
                          "stock_policy.group_inventory_planner")
        )  # fmt: skip

    @api.model
    def scorecard_compute(self, warehouse_id=False):
        """The page's *Compute now*: recompute the warehouse's figures."""
        if not self._page_can_compute():
            raise AccessError(
                _("Only a warehouse supervisor, planner or stock manager computes figures.")
            )
        warehouse, _all = self._page_warehouse(warehouse_id)
        self._compute(warehouse)
        return True

    @api.model
    def scorecard_export(self, warehouse_id=False, period="week"):
        """The page's *Export*: the figures it shows, as a workbook."""
        warehouse, _all = self._page_warehouse(warehouse_id)
        figures = self.search(
            [("warehouse_id", "=", warehouse.id), ("period", "=", self._page_period(period))]
        )
        if not figures:
            raise UserError(_("No figure to export yet: compute the scorecard first."))
        return figures.action_export_xlsx()

    def scorecard_drill(self):
        """The page's click on a figure: the records behind it."""
        return self.action_drill()
