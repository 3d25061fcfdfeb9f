# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
from datetime import datetime, time, timedelta

from odoo import api, fields, models

from stockops import kpi as engine

KPIS = [
    ("fill_rate", "Fill rate"),
    ("otif", "On time in full"),
    ("pick_accuracy", "Pick accuracy"),
    ("inventory_turns", "Inventory turns"),
    ("space_utilisation", "Space utilisation"),
]
#: (good at or above, warning at or above) for the colours; higher is better for all five
THRESHOLDS = {
    "fill_rate": (0.97, 0.93),
    "otif": (0.95, 0.90),
    "pick_accuracy": (0.995, 0.98),
    "inventory_turns": (8.0, 4.0),
    "space_utilisation": (0.70, 0.50),
}
SIDE = {"fill_rate": "policy", "inventory_turns": "policy", "otif": "floor",
        "pick_accuracy": "floor", "space_utilisation": "floor"}  # fmt: skip


class WmsKpiValue(models.Model):
    """One figure of the scorecard: a KPI of one warehouse over one week, its value,
    colour against its threshold, why, and the records behind it."""

    _name = "wms.kpi.value"
    _description = "Scorecard Figure"
    _order = "week_start desc, warehouse_id, kpi"

    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True)
    week_start = fields.Date(required=True, index=True)
    kpi = fields.Selection(KPIS, required=True)
    side = fields.Selection([("policy", "Inventory policy"), ("floor", "Warehouse floor")])
    value = fields.Float(digits=(16, 3), aggregator="avg")
    measured = fields.Boolean(help="False when the week held nothing to measure.")
    unit = fields.Char()
    status = fields.Selection([("good", "On target"), ("warn", "Watch"), ("bad", "Off target")])
    reason = fields.Char("How")
    drill_model = fields.Char()
    drill_domain = fields.Char()

    _sql_constraints = [
        ("one_figure", "unique(warehouse_id, week_start, kpi)", "One figure per week and KPI."),
    ]

    @api.model
    def _cron_compute(self):
        today = fields.Date.context_today(self)
        last_monday = today - timedelta(days=today.weekday() + 7)
        for warehouse in self.env["stock.warehouse"].search([]):
            for back in range(4):
                self._compute_week(warehouse, last_monday - timedelta(weeks=back))

    @api.model
    def action_compute_now(self):
        self._cron_compute()
        return self.env["ir.actions.act_window"]._for_xml_id("wms_execution.action_wms_scorecard")

    def action_drill(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["kpi"]._description_selection(self.env))[self.kpi],
            "res_model": self.drill_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": ast.literal_eval(self.drill_domain),
        }

    def _compute_week(self, warehouse, monday):
        """The five figures of one warehouse and week: one grouped read per source."""
        # as strings: the domains are kept on the figure for its drill-down
        start = fields.Datetime.to_string(datetime.combine(monday, time.min))
        end = fields.Datetime.to_string(datetime.combine(monday + timedelta(days=7), time.min))
        figures = {
            "fill_rate": self._fill_rate(warehouse, start, end),
            "otif": self._otif(warehouse, start, end),
            "pick_accuracy": self._pick_accuracy(warehouse, start, end),
            "inventory_turns": self._turns(warehouse, start, end),
            "space_utilisation": self._space(warehouse),
        }
        existing = self.search([("warehouse_id", "=", warehouse.id), ("week_start", "=", monday)])
        existing.unlink()
        rows = []
        for code, (figure, model, domain) in figures.items():
            good, warn = THRESHOLDS[code]
            value = figure.value
            status = False
            if value is not None:
                status = "good" if value >= good else "warn" if value >= warn else "bad"
            rows.append(
                {"warehouse_id": warehouse.id, "week_start": monday, "kpi": code,
                 "side": SIDE[code], "value": value or 0.0, "measured": value is not None,
                 "unit": figure.unit, "status": status, "reason": figure.reason,
                 "drill_model": model, "drill_domain": str(domain)}
            )  # fmt: skip
        return self.create(rows)

    def _customer_moves(self, warehouse, start, end):
        return [
            ("location_id.warehouse_id", "=", warehouse.id),
            ("location_dest_id.usage", "=", "customer"),
            ("date", ">=", start),
            ("date", "<", end),
        ]

    def _fill_rate(self, warehouse, start, end):
        """Units shipped over units ordered: a line shipped short keeps its demand, and a
        cancelled remainder counts as ordered, not shipped."""
        domain = [*self._customer_moves(warehouse, start, end), ("state", "in", ("done", "cancel"))]
        rows = self.env["stock.move"]._read_group(
            domain, ["state"], ["product_uom_qty:sum", "quantity:sum"]
        )
        ordered = sum(demand for _state, demand, _done in rows)
        shipped = sum(done for state, _demand, done in rows if state == "done")
        return engine.fill_rate(ordered, shipped), "stock.move", domain

    def _otif(self, warehouse, start, end):
        domain = [("picking_type_id", "=", warehouse.out_type_id.id), ("state", "=", "done"),
                  ("date_done", ">=", start), ("date_done", "<", end)]  # fmt: skip
        pickings = self.env["stock.picking"].search(domain)
        good = 0
        for picking in pickings:
            promised = picking.date_deadline or picking.scheduled_date
            complete = not picking.backorder_ids and all(
                m.state == "done" and m.quantity >= m.product_uom_qty for m in picking.move_ids
            )
            good += bool(complete and picking.date_done.date() <= promised.date())
        return engine.otif(len(pickings), good), "stock.picking", domain

    def _pick_accuracy(self, warehouse, start, end):
        picks = self.env["wms.event"].search_count(
            [("warehouse_id", "=", warehouse.id), ("event_type", "=", "pick"),
             ("date", ">=", start), ("date", "<", end)]
        )  # fmt: skip
        domain = [("warehouse_id", "=", warehouse.id),
                  ("kind", "in", ("short_pick", "unknown_barcode", "weight_mismatch")),
                  ("create_date", ">=", start), ("create_date", "<", end)]  # fmt: skip
        errors = self.env["wms.exception"].search_count(domain)
        return engine.pick_accuracy(picks, min(errors, picks)), "wms.exception", domain

    def _turns(self, warehouse, start, end):
        """Cost of what shipped in the week (valuation layers) over what the warehouse
        holds at cost now, scaled to a year."""
        domain = [("stock_move_id.location_id.warehouse_id", "=", warehouse.id),
                  ("stock_move_id.location_dest_id.usage", "=", "customer"),
                  ("create_date", ">=", start), ("create_date", "<", end)]  # fmt: skip
        [(cogs,)] = self.env["stock.valuation.layer"]._read_group(domain, [], ["value:sum"])
        quants = self.env["stock.quant"].search(
            [
                ("location_id.warehouse_id", "=", warehouse.id),
                ("location_id.usage", "=", "internal"),
            ]
        )
        held = sum(q.quantity * q.product_id.standard_price for q in quants)
        figure = engine.inventory_turns(-(cogs or 0.0), held, 7)
        return figure, "stock.valuation.layer", domain

    def _space(self, warehouse):
        quants = self.env["stock.quant"].search(
            [("location_id.warehouse_id", "=", warehouse.id),
             ("location_id.storage_category_id.wms_max_volume_m3", ">", 0),
             ("quantity", ">", 0)]
        )  # fmt: skip
        used = sum(q.quantity * q.product_id.volume for q in quants)
        bins = self.env["stock.location"].search(
            [("warehouse_id", "=", warehouse.id),
             ("storage_category_id.wms_max_volume_m3", ">", 0)]
        )  # fmt: skip
        capacity = sum(b.storage_category_id.wms_max_volume_m3 for b in bins)
        domain = [("id", "in", quants.ids)]
        return engine.space_utilisation(used, capacity), "stock.quant", domain
