# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

KINDS = [
    ("kpi", "Scorecard figure"),
    ("lead_time", "Measured lead time"),
    ("abc", "Pick velocity and value (ABC)"),
    ("slotting", "Pick velocity (slotting)"),
    ("count", "Count requested"),
    ("variance", "Count variance"),
]


def _figure(expr, unit):
    """A value as people read it, in SQL: 97.5 %, 12.4 h, 1,234.00 EUR."""
    return SQL(
        "CASE WHEN %(unit)s = 'share' THEN to_char(%(x)s * 100, 'FM999990.0') || %(pct)s "
        "WHEN %(unit)s = 'hours' THEN to_char(%(x)s, 'FM999990.0') || ' h' "
        "ELSE to_char(%(x)s, 'FM999G999G990.00') || ' ' || COALESCE(%(unit)s, '') END",
        x=expr,
        unit=unit,
        pct=" %",
    )


class WmsKpiChange(models.Model):
    """The feedback loop in one list: each number the floor's measurements changed, and
    why — a scorecard figure against the period before, a reorder rule set on a measured
    vendor lead time, an ABC class moved by picks and consumption, a re-slot proposal
    driven by pick velocity, a count an exception or a stockout asked for, and a count
    that corrected the stock. Read live from the records themselves (a database view);
    *Open* shows the record behind the change."""

    _name = "wms.kpi.change"
    _description = "Scorecard Change and its Cause"
    _auto = False
    _order = "date desc, id desc"

    date = fields.Datetime(readonly=True)
    kind = fields.Selection(KINDS, "Feedback", readonly=True)
    kpi = fields.Selection(selection="_kpi_selection", string="KPI", readonly=True)
    figure = fields.Char(compute="_compute_figure")
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    change = fields.Char("Changed", readonly=True)
    cause = fields.Text("Because", readonly=True)
    res_model = fields.Char("Source Model", readonly=True)
    res_id = fields.Integer("Source Record", readonly=True)

    @api.model
    def _kpi_selection(self):
        return self.env["wms.kpi.value"]._fields["kpi"].selection

    @api.depends("kind", "kpi")
    def _compute_figure(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        kpis = dict(self._fields["kpi"]._description_selection(self.env))
        for row in self:
            row.figure = kpis.get(row.kpi) or kinds.get(row.kind)

    def action_open_source(self):
        """The record behind the change."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _query(self):
        qty = "FM999G999G990.##"
        return SQL(
            """
            SELECT v.id * 8 AS id, v.date_end::timestamp AS date, 'kpi' AS kind, v.kpi,
                   v.warehouse_id, NULL::int AS product_id,
                   %(before)s || ' -> ' || %(after)s AS change, v.reason AS cause,
                   'wms.kpi.value' AS res_model, v.id AS res_id
              FROM wms_kpi_value v
             WHERE v.period = 'week' AND v.measured AND v.previous_measured
               AND abs(v.value - v.previous_value) > 1e-9
            UNION ALL
            SELECT o.id * 8 + 1, o.policy_date, 'lead_time', NULL, o.warehouse_id, o.product_id,
                   'Reorder min / max ' || to_char(o.product_min_qty, %(qty)s) || ' / '
                   || to_char(o.product_max_qty, %(qty)s),
                   'Lead time ' || to_char(o.policy_lead_time_days, 'FM99990.0') || ' days, '
                   || o.policy_lead_time_source
                   || COALESCE(' (the vendor promises ' || s.delay || ' days)', ''),
                   'stock.warehouse.orderpoint', o.id
              FROM stock_warehouse_orderpoint o
              JOIN product_product pp ON pp.id = o.product_id
              LEFT JOIN LATERAL (
                    SELECT si.delay FROM product_supplierinfo si
                     WHERE si.product_tmpl_id = pp.product_tmpl_id
                     ORDER BY si.sequence, si.min_qty DESC, si.price, si.id LIMIT 1
                   ) s ON TRUE
             WHERE o.policy_date IS NOT NULL AND o.policy_lead_time_source LIKE %(measured)s
            UNION ALL
            SELECT c.id * 8 + 2, c.date, 'abc', NULL, c.warehouse_id, c.product_id,
                   'ABC class ' || c.old_class || ' -> ' || COALESCE(c.new_class, '-'),
                   COALESCE(a.reason, c.note),
                   CASE WHEN a.id IS NULL THEN 'stock.policy.abc.change'
                        ELSE 'stock.policy.abc' END,
                   COALESCE(a.id, c.id)
              FROM stock_policy_abc_change c
              LEFT JOIN stock_policy_abc a
                ON a.product_id = c.product_id AND a.warehouse_id = c.warehouse_id
             WHERE c.old_class IS NOT NULL
            UNION ALL
            SELECT rl.id * 8 + 3, r.create_date, 'slotting', NULL, r.warehouse_id, rl.product_id,
                   'Slot ' || src.name || ' -> ' || dst.name, rl.reason, 'wms.reslot', r.id
              FROM wms_reslot_line rl
              JOIN wms_reslot r ON r.id = rl.reslot_id
              JOIN stock_location src ON src.id = rl.location_id
              JOIN stock_location dst ON dst.id = rl.location_dest_id
            UNION ALL
            SELECT q.id * 8 + 4, q.write_date, 'count', NULL, l.warehouse_id, q.product_id,
                   'Count of ' || l.name || ' due ' || COALESCE(q.inventory_date::text, '-'),
                   q.policy_count_trigger, 'stock.quant', q.id
              FROM stock_quant q
              JOIN stock_location l ON l.id = q.location_id
             WHERE q.policy_count_trigger IS NOT NULL
               AND q.policy_count_trigger NOT LIKE %(planned)s
            UNION ALL
            SELECT cr.id * 8 + 5, cr.date, 'variance', NULL, cr.warehouse_id, cr.product_id,
                   'On hand in ' || l.name || ' ' || to_char(cr.expected_qty, %(qty)s)
                   || ' -> ' || to_char(cr.counted_qty, %(qty)s),
                   'Counted' || COALESCE(' after: ' || cr.trigger, '')
                   || COALESCE(' (' || cr.reason || ')', ''),
                   'stock.policy.count.result', cr.id
              FROM stock_policy_count_result cr
              JOIN stock_location l ON l.id = cr.location_id
             WHERE cr.variance_qty <> 0
            """,
            before=_figure(SQL("v.previous_value"), SQL("v.unit")),
            after=_figure(SQL("v.value"), SQL("v.unit")),
            qty=qty,
            measured="measured%",
            planned="Cycle count%",
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT x.*, w.company_id FROM (%(query)s) x
                      LEFT JOIN stock_warehouse w ON w.id = x.warehouse_id)""",
                view=SQL.identifier(self._table),
                query=self._query(),
            )
        )
