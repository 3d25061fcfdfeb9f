# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

import numpy as np

from odoo import api, fields, models
from odoo.tools import SQL

from stockops.policy.ageing import DEMAND_WINDOW_DAYS, age_layers, classify_movers

from ...tools import bulk_create
from ...tools.ageing_xlsx import download_action, export_rows, workbook_bytes
from .stock_warehouse_ageing import AGEING_DEFAULTS

CLASSES = [("A", "A"), ("B", "B"), ("C", "C")]
STATUS = [
    ("ok", "Moving"),
    ("slow", "Slow"),
    ("obsolete", "Obsolete"),
    ("empty", "Nothing On Hand"),
]
BUCKETS = ("0_30", "31_60", "61_90", "91_180", "over_180")
BUCKET_TITLES = ("0-30", "31-60", "61-90", "91-180", "180+")
#: where stock leaves to when it moves out: sold, consumed, sent to another warehouse
OUT_USAGES = ("customer", "production", "transit")


class StockPolicyAgeing(models.Model):
    """A product's valued stock in one warehouse, by age, with whether it moves and what
    finance might write down; refreshed by *Compute Stock Ageing*.

    Value and age come from the FIFO *remaining* valuation layers (what deliveries have
    not consumed yet), each counted in the warehouse that received it (the layer's move
    destination, Odoo's *Receipt WH*); layers without a move (e.g. an opening value) land
    in a row without warehouse. So the report's total value is the valuation layers' sum.
    Rows exist as well for stock on hand with no remaining layer (not valued), said in
    *Why*.
    """

    _name = "stock.policy.ageing"
    _description = "Stock Valuation and Ageing"
    _order = "value desc, id"
    _rec_name = "product_id"

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    warehouse_id = fields.Many2one("stock.warehouse", index=True, readonly=True)
    product_id = fields.Many2one(
        "product.product", required=True, index=True, ondelete="cascade", readonly=True
    )
    categ_id = fields.Many2one("product.category", "Product Category", readonly=True)
    abc_class = fields.Selection(CLASSES, "ABC (value)", readonly=True)
    product_active = fields.Boolean("Active Product", readonly=True)
    qty = fields.Float("Valued Units", digits="Product Unit of Measure", readonly=True)
    value = fields.Monetary(readonly=True)
    on_hand_qty = fields.Float(
        "On Hand Here",
        digits="Product Unit of Measure",
        readonly=True,
        help="Units in this warehouse's internal locations now (quants).",
    )
    qty_0_30 = fields.Float("Units 0-30 d", digits="Product Unit of Measure", readonly=True)
    qty_31_60 = fields.Float("Units 31-60 d", digits="Product Unit of Measure", readonly=True)
    qty_61_90 = fields.Float("Units 61-90 d", digits="Product Unit of Measure", readonly=True)
    qty_91_180 = fields.Float("Units 91-180 d", digits="Product Unit of Measure", readonly=True)
    qty_over_180 = fields.Float("Units 180+ d", digits="Product Unit of Measure", readonly=True)
    value_0_30 = fields.Monetary("0-30 d", readonly=True)
    value_31_60 = fields.Monetary("31-60 d", readonly=True)
    value_61_90 = fields.Monetary("61-90 d", readonly=True)
    value_91_180 = fields.Monetary("91-180 d", readonly=True)
    value_over_180 = fields.Monetary("180+ d", readonly=True)
    layer_count = fields.Integer("Layers", readonly=True)
    oldest_days = fields.Integer("Oldest (days)", readonly=True, aggregator="max")
    last_out_date = fields.Datetime("Last Moved Out", readonly=True)
    idle_days = fields.Integer(
        "Days Without Moving Out",
        readonly=True,
        aggregator="max",
        help="Since the last outgoing move (to customers, production or another warehouse); "
        "for stock never moved out, the age of its oldest layer.",
    )
    demand_qty = fields.Float("Moved Out (90 d)", digits="Product Unit of Measure", readonly=True)
    cover_days = fields.Float(
        "Cover (days)",
        digits=(16, 1),
        readonly=True,
        aggregator=None,
        help="Units / average daily outflow of the last 90 days; 0 when nothing moved out.",
    )
    status = fields.Selection(STATUS, readonly=True, index=True)
    writedown_pct = fields.Float("Write-down (%)", digits=(16, 1), readonly=True, aggregator=None)
    writedown_value = fields.Monetary("Proposed Write-down", readonly=True)
    reason = fields.Text("Why", readonly=True)
    date = fields.Datetime("Computed On", readonly=True)

    # ---- the compute: one read per signal, two engine calls, one write -------------------

    @api.model
    def action_compute_now(self):
        """The *Compute Stock Ageing* menu: recompute the user's companies, show the rows."""
        self._compute_ageing(self.env.companies)
        return self.env["ir.actions.act_window"]._for_xml_id(
            "stock_policy.action_stock_policy_ageing"
        )

    @api.model
    def _cron_compute(self):
        """Nightly: every company's ageing, valuation and write-down rows, so the morning's
        views and exports need no wait."""
        self._compute_ageing(self.env["res.company"].search([]))

    def _compute_ageing(self, companies, now=None):
        self.check_access("create")
        now = now or fields.Datetime.now()
        layers = self._read_layers(companies)
        on_hand, transit, in_date = self._read_quants(companies)
        last_out, demand = self._read_outflow(companies, now)
        keys = sorted(set(layers["key"]) | set(on_hand))
        index = {key: i for i, key in enumerate(keys)}
        n = len(keys)
        rows_of_layers = np.array([index[k] for k in layers["key"]], dtype=np.int64)
        at = np.datetime64(now, "s")
        ageing = age_layers(
            rows_of_layers, layers["qty"], layers["value"], layers["created"], at, n
        )
        warehouses = self.env["stock.warehouse"].browse({wh for _c, wh, _p in keys if wh})
        limits = warehouses._policy_ageing_limits()
        lim = {name: np.array([limits[wh][name] for _c, wh, _p in keys], dtype=float)
               for name in AGEING_DEFAULTS}  # fmt: skip
        held = np.where(ageing.layers > 0, ageing.total_qty, [on_hand.get(k, 0.0) for k in keys])
        outs = [last_out.get(k) or last_out.get((k[0], 0, k[2])) for k in keys]
        moved = np.array([d is not None for d in outs])
        idle = np.array(
            [(now - d).total_seconds() / 86400.0 if d else np.inf for d in outs], dtype=float
        )
        # never moved out: idle since the oldest layer, else since the oldest quant came in
        arrived = np.array(
            [(now - in_date[k]).total_seconds() / 86400.0 if k in in_date else np.inf for k in keys]
        )
        idle = np.where(moved, idle, np.where(ageing.oldest_days >= 0, ageing.oldest_days, arrived))
        movers = classify_movers(
            held,
            ageing.total_value,
            idle,
            [demand.get(k, 0.0) for k in keys],
            window_days=DEMAND_WINDOW_DAYS,
            obsolete_days=lim["policy_ageing_obsolete_days"],
            slow_days=lim["policy_ageing_slow_days"],
            cover_days=lim["policy_ageing_cover_days"],
            obsolete_pct=lim["policy_writedown_obsolete_pct"],
            slow_pct=lim["policy_writedown_slow_pct"],
            moved_out=moved,
        )
        products = (
            self.env["product.product"]
            .with_context(active_test=False)
            .search_fetch([("id", "in", list({p for _c, _w, p in keys}))], ["categ_id", "active"])
        )
        product = {p.id: p for p in products}
        classes = self._abc_classes(warehouses)
        values = []
        for i, (company_id, wh, product_id) in enumerate(keys):
            prod = product[product_id]
            values.append(
                {
                    "company_id": company_id,
                    "warehouse_id": wh or False,
                    "product_id": product_id,
                    "categ_id": prod.categ_id.id,
                    "abc_class": classes.get((wh, product_id), False),
                    "product_active": prod.active,
                    "qty": float(ageing.total_qty[i]),
                    "value": float(ageing.total_value[i]),
                    "on_hand_qty": on_hand.get(keys[i], 0.0),
                    **{f"qty_{b}": float(ageing.qty[i, j]) for j, b in enumerate(BUCKETS)},
                    **{f"value_{b}": float(ageing.value[i, j]) for j, b in enumerate(BUCKETS)},
                    "layer_count": int(ageing.layers[i]),
                    "oldest_days": max(int(ageing.oldest_days[i]), 0),
                    "last_out_date": outs[i] or False,
                    "idle_days": int(idle[i]) if np.isfinite(idle[i]) else 0,
                    "demand_qty": float(demand.get(keys[i], 0.0)),
                    "cover_days": float(movers.cover_days[i])
                    if np.isfinite(movers.cover_days[i])
                    else 0.0,
                    "status": str(movers.status[i]),
                    "writedown_pct": float(movers.writedown_pct[i]),
                    "writedown_value": float(movers.writedown_value[i]),
                    "reason": self._reason(i, keys[i], prod, ageing, movers, on_hand, transit),
                    "date": now,
                }
            )
        self.search([("company_id", "in", companies.ids)]).unlink()
        created = bulk_create(self, values)
        self.env["stock.policy.expiry"]._sweep(companies, now, created)
        return created

    def _read_layers(self, companies):
        """Every remaining FIFO layer of the companies, with the warehouse that received it.
        A layer of stock shipped before it was received (negative remaining units) has no
        remaining value in Odoo; it is valued at its unit cost, as its own value does, so
        the total is the layers' value. Finance data read for the report only: the layers
        themselves stay manager-only."""
        svl = self.env["stock.valuation.layer"].sudo()
        svl.flush_model()
        self.env["stock.move"].flush_model(["location_id", "location_dest_id"])
        self.env["stock.location"].flush_model(["usage", "warehouse_id"])
        query = svl._search(
            [
                ("company_id", "in", companies.ids),
                "|",
                ("remaining_qty", "!=", 0),
                ("remaining_value", "!=", 0),
            ]
        )
        self.env.cr.execute(
            SQL(
                """SELECT svl.company_id, COALESCE(CASE WHEN dest.usage = 'internal'
                          THEN dest.warehouse_id ELSE src.warehouse_id END, 0),
                          svl.product_id, svl.remaining_qty,
                          CASE WHEN svl.remaining_qty < 0 AND COALESCE(svl.remaining_value, 0) = 0
                               THEN svl.remaining_qty * svl.unit_cost
                               ELSE svl.remaining_value END,
                          svl.create_date
                     FROM stock_valuation_layer svl
                LEFT JOIN stock_move move ON move.id = svl.stock_move_id
                LEFT JOIN stock_location dest ON dest.id = move.location_dest_id
                LEFT JOIN stock_location src ON src.id = move.location_id
                    WHERE svl.id IN %s""",
                query.subselect(),
            )
        )
        data = self.env.cr.fetchall()
        return {
            "key": [(c, w, p) for c, w, p, *_rest in data],
            "qty": np.array([r[3] or 0.0 for r in data], dtype=float),
            "value": np.array([r[4] or 0.0 for r in data], dtype=float),
            "created": np.array([r[5] for r in data], dtype="datetime64[s]"),
        }

    def _read_quants(self, companies):
        """Units on hand and the oldest incoming date per (company, warehouse, product) in
        internal locations, and units in transit locations per (company, product): valued,
        but in no warehouse's stock."""
        groups = self.env["stock.quant"]._read_group(
            [
                ("company_id", "in", companies.ids),
                ("location_id.usage", "in", ("internal", "transit")),
            ],
            ["company_id", "location_id", "product_id"],
            ["quantity:sum", "in_date:min"],
        )
        on_hand, transit, in_date = defaultdict(float), defaultdict(float), {}
        for company, location, product, qty, since in groups:
            if location.usage != "internal":
                transit[(company.id, product.id)] += qty
                continue
            key = (company.id, location.warehouse_id.id or 0, product.id)
            on_hand[key] += qty
            if since and (key not in in_date or since < in_date[key]):
                in_date[key] = since
        return on_hand, transit, in_date

    def _read_outflow(self, companies, now):
        """Last outgoing move and units moved out over the demand window, per (company,
        warehouse, product) and per (company, 0, product) for rows without warehouse."""
        domain = [
            ("state", "=", "done"),
            ("company_id", "in", companies.ids),
            ("location_id.usage", "=", "internal"),
            ("location_dest_id.usage", "in", OUT_USAGES),
        ]
        move = self.env["stock.move"]
        last_out, demand = {}, defaultdict(float)
        since = now - timedelta(days=DEMAND_WINDOW_DAYS)
        for company, location, product, date in move._read_group(
            domain, ["company_id", "location_id", "product_id"], ["date:max"]
        ):
            for key in ((company.id, location.warehouse_id.id or 0, product.id),
                        (company.id, 0, product.id)):  # fmt: skip
                if key not in last_out or last_out[key] < date:
                    last_out[key] = date
        for company, location, product, qty in move._read_group(
            [*domain, ("date", ">=", since)],
            ["company_id", "location_id", "product_id"],
            ["product_qty:sum"],
        ):
            demand[(company.id, location.warehouse_id.id or 0, product.id)] += qty
            demand[(company.id, 0, product.id)] += qty
        return last_out, demand

    def _abc_classes(self, warehouses):
        rows = self.env["stock.policy.abc"].search_fetch(
            [("warehouse_id", "in", warehouses.ids)], ["product_id", "warehouse_id", "value_class"]
        )
        return {(r.warehouse_id.id, r.product_id.id): r.value_class for r in rows}

    @staticmethod
    def _reason(i, key, product, ageing, movers, on_hand, transit):
        company_id, wh, product_id = key
        parts = [ageing.reason(i), movers.reason(i)]
        here = on_hand.get(key, 0.0)
        if ageing.layers[i] == 0 and here:
            parts[0] = f"{here:g} units on hand without a valuation layer: not valued, not aged"
        elif ageing.layers[i] and abs(here - ageing.total_qty[i]) > 1e-6:
            parts.append(
                f"{here:g} units on hand here now against {ageing.total_qty[i]:g} valued from "
                "receipts here (moved between warehouses or counted without a valued move)"
            )
        if not wh:
            parts.append("valued without a receipt into a warehouse (e.g. an opening value)")
        if transit.get((company_id, product_id)) and ageing.layers[i]:
            parts.append(
                f"{transit[(company_id, product_id)]:g} units of the product are in transit "
                "locations (valued, in no warehouse's stock)"
            )
        if not product.active:
            parts.append("archived product still holding stock")
        return "\n".join(p[:1].upper() + p[1:] for p in parts)

    # ---- exports -------------------------------------------------------------------------

    def _export_rows(self, default_domain):
        return export_rows(self, self.env.context.get("active_domain") or default_domain)

    def _common_cells(self, row):
        return [
            row.warehouse_id.name or "(no warehouse)",
            row.product_id.display_name,
            row.categ_id.display_name or "",
            row.abc_class or "",
        ]

    def action_export_ageing_xlsx(self):
        rows = self._export_rows([])
        columns = [
            ("Warehouse", "text"),
            ("Product", "text"),
            ("Category", "text"),
            ("ABC", "text"),
            ("Units", "qty"),
            ("Value", "money"),
            *((f"Value {t} d", "money") for t in BUCKET_TITLES),
            *((f"Units {t} d", "qty") for t in BUCKET_TITLES),
            ("Layers", "count"),
            ("Oldest (days)", "days"),
            ("Why", "long"),
        ]
        cells = [
            [
                *self._common_cells(r),
                r.qty,
                r.value,
                *(r[f"value_{b}"] for b in BUCKETS),
                *(r[f"qty_{b}"] for b in BUCKETS),
                r.layer_count,
                r.oldest_days,
                r.reason,
            ]
            for r in rows
        ]
        return self._download("Stock Ageing", "stock-ageing", columns, cells)

    def action_export_movers_xlsx(self):
        rows = self._export_rows([("status", "in", ("slow", "obsolete"))])
        columns = [
            ("Warehouse", "text"),
            ("Product", "text"),
            ("Category", "text"),
            ("ABC", "text"),
            ("Status", "text"),
            ("Units", "qty"),
            ("Value", "money"),
            ("Last Moved Out", "date"),
            ("Days Without Moving Out", "days"),
            ("Moved Out (90 d)", "qty"),
            ("Cover (days)", "days"),
            ("Why", "long"),
        ]
        status = dict(STATUS)
        cells = [
            [
                *self._common_cells(r),
                status.get(r.status, ""),
                r.qty,
                r.value,
                r.last_out_date or None,
                r.idle_days,
                r.demand_qty,
                r.cover_days if r.cover_days else "no demand",
                r.reason,
            ]
            for r in rows
        ]
        return self._download("Slow and Obsolete", "slow-obsolete", columns, cells)

    def action_export_writedown_xlsx(self):
        rows = self._export_rows([("writedown_value", ">", 0)])
        columns = [
            ("Warehouse", "text"),
            ("Product", "text"),
            ("Category", "text"),
            ("ABC", "text"),
            ("Status", "text"),
            ("Units", "qty"),
            ("Value", "money"),
            ("Days Without Moving Out", "days"),
            ("Write-down (%)", "pct"),
            ("Proposed Write-down", "money"),
            ("Why", "long"),
        ]
        status = dict(STATUS)
        cells = [
            [
                *self._common_cells(r),
                status.get(r.status, ""),
                r.qty,
                r.value,
                r.idle_days,
                r.writedown_pct,
                r.writedown_value,
                r.reason,
            ]
            for r in rows
        ]
        return self._download("Write-down Proposals", "write-down-proposals", columns, cells)

    def action_export_valuation_xlsx(self):
        """Value by warehouse, product category and ABC class, with its age profile."""
        rows = self._export_rows([])
        groups = defaultdict(lambda: self.browse())
        for row in rows:
            key = (row.warehouse_id.name or "(no warehouse)", row.categ_id.display_name or "",
                   row.abc_class or "(none)")  # fmt: skip
            groups[key] |= row
        columns = [
            ("Warehouse", "text"),
            ("Product Category", "text"),
            ("ABC", "text"),
            ("Products", "count"),
            ("Units", "qty"),
            ("Value", "money"),
            *((f"Value {t} d", "money") for t in BUCKET_TITLES),
            ("Proposed Write-down", "money"),
        ]
        cells = [
            [
                *key,
                len(group),
                sum(group.mapped("qty")),
                sum(group.mapped("value")),
                *(sum(group.mapped(f"value_{b}")) for b in BUCKETS),
                sum(group.mapped("writedown_value")),
            ]
            for key, group in sorted(groups.items())
        ]
        return self._download("Stock Valuation", "stock-valuation", columns, cells)

    def _download(self, title, stem, columns, cells):
        today = fields.Date.context_today(self)
        data = workbook_bytes(title, columns, cells, title=f"{title} — {today}")
        return download_action(self.env, f"{stem}-{today}.xlsx", data)
