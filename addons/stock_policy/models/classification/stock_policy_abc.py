# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import numpy as np

from odoo import api, fields, models

from stockops.policy.abc import classify_abc, classify_xyz

from ...tools import bulk_update

CLASSES = [("A", "A"), ("B", "B"), ("C", "C")]
XYZ = [("X", "X (steady)"), ("Y", "Y (variable)"), ("Z", "Z (erratic)")]
YEAR_WEEKS = 52


class StockPolicyAbc(models.Model):
    """A product's ABC and XYZ class in one warehouse, from the last 52 weeks.

    Value class: consumption value (units shipped x cost) — what the policy profiles use;
    velocity class: pick lines — what slotting uses; XYZ: how steady weekly demand is.
    Reclassified monthly (and on demand); every class change is kept in
    ``stock.policy.abc.change``.
    """

    _name = "stock.policy.abc"
    _description = "ABC / XYZ Class per Product and Warehouse"
    _order = "warehouse_id, value_rank, id"

    product_id = fields.Many2one("product.product", required=True, index=True, ondelete="cascade")
    product_tmpl_id = fields.Many2one(related="product_id.product_tmpl_id", store=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    value_class = fields.Selection(CLASSES, "ABC (value)", required=True)
    lines_class = fields.Selection(CLASSES, "ABC (picks)", required=True)
    xyz_class = fields.Selection(XYZ, "XYZ", required=True)
    value_class_xyz = fields.Char("Class", compute="_compute_value_class_xyz")
    consumption_qty = fields.Float("Units Shipped", digits="Product Unit of Measure")
    consumption_value = fields.Float(digits="Product Price")
    pick_lines = fields.Integer()
    value_rank = fields.Integer("Rank", help="1 = largest consumption value in the warehouse.")
    value_share = fields.Float("Cumulative Share (%)", digits=(16, 1))
    demand_cv = fields.Float("Demand CV", digits=(16, 2))
    reason = fields.Text("Why", readonly=True)
    date = fields.Datetime("Classified On", readonly=True)

    _sql_constraints = [
        ("one_per_warehouse", "unique(product_id, warehouse_id)", "One class per warehouse."),
    ]

    @api.depends("value_class", "xyz_class")
    def _compute_value_class_xyz(self):
        for row in self:
            row.value_class_xyz = f"{row.value_class or ''}{row.xyz_class or ''}"

    @api.model
    def _cron_classify(self):
        self.sudo()._classify(self.env["stock.warehouse"].search([]))

    @api.model
    def action_classify_now(self):
        """The planner's menu entry: reclassify every warehouse, then show the classes."""
        self._classify(self.env["stock.warehouse"].search([]))
        return self.env["ir.actions.act_window"]._for_xml_id("stock_policy.action_stock_policy_abc")

    def _classify(self, warehouses):
        for warehouse in warehouses:
            self._classify_warehouse(warehouse)

    def _consumption(self, warehouse, since):
        """(product, units, lines) shipped to customers from the warehouse since ``since``."""
        return self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("location_id.warehouse_id", "=", warehouse.id),
                ("date", ">=", since),
            ],
            ["product_id"],
            ["product_qty:sum", "__count"],
        )

    def _stocked(self, warehouse):
        groups = self.env["stock.quant"]._read_group(
            [
                ("location_id.usage", "=", "internal"),
                ("location_id.warehouse_id", "=", warehouse.id),
            ],
            ["product_id"],
        )
        return self.env["product.product"].union(*(product for (product,) in groups))

    def _classify_warehouse(self, warehouse):
        """One read of the year's consumption and stock, one engine call per segmentation,
        one write of the classes and their changes."""
        now = fields.Datetime.now()
        consumed = self._consumption(warehouse, fields.Datetime.subtract(now, weeks=YEAR_WEEKS))
        existing = self.search([("warehouse_id", "=", warehouse.id)])
        products = (
            self.env["product.product"].union(*(p for p, _q, _n in consumed))
            | self._stocked(warehouse)
            | existing.product_id
        )
        archived = existing.filtered(lambda r: not r.product_id.active)
        products = products.filtered(lambda p: p.active and p.is_storable).sorted("id")
        qty = {p.id: (q, n) for p, q, n in consumed}
        units = np.array([qty.get(p.id, (0.0, 0))[0] for p in products])
        lines = np.array([qty.get(p.id, (0.0, 0))[1] for p in products], dtype=float)
        priced = products.with_company(warehouse.company_id)
        cost = np.array(priced.mapped("standard_price"), dtype=float).reshape(-1)
        value = units * np.maximum(cost, 0.0)
        thresholds = warehouse._policy_abc_thresholds()
        by_value = classify_abc(value, thresholds)
        by_lines = classify_abc(lines, thresholds, label="picks")
        weekly, _lost, _weeks = self.env["stock.policy.history"]._weekly_demand(
            warehouse, products, YEAR_WEEKS
        )
        by_xyz = classify_xyz(weekly)
        rows = []
        for i in range(len(products)):
            value_why = by_value.reason(i)
            if units[i] > 0 and cost[i] <= 0:
                value_why = f"C: shipped {units[i]:g} units but has no cost; set one to rank it"
            rows.append(
                {
                    "value_class": str(by_value.classes[i]),
                    "lines_class": str(by_lines.classes[i]),
                    "xyz_class": str(by_xyz.classes[i]),
                    "consumption_qty": float(units[i]),
                    "consumption_value": float(value[i]),
                    "pick_lines": int(lines[i]),
                    "value_rank": int(by_value.rank[i]) + 1,
                    "value_share": float(by_value.cumulative[i]) * 100.0,
                    "demand_cv": float(np.nan_to_num(by_xyz.cv[i])),
                    "reason": "\n".join(
                        [
                            f"Value: {value_why}",
                            f"Picks: {by_lines.reason(i)}",
                            f"Demand: {by_xyz.reason(i)}",
                        ]
                    ),
                    "date": now,
                }
            )
        self._write_classes(warehouse, products, rows, existing - archived, now)
        if archived:
            self.env["stock.policy.abc.change"].create(
                [
                    {**self._change(row, row.value_class, False, now), "note": "archived"}
                    for row in archived
                ]
            )
            archived.unlink()

    @staticmethod
    def _change(row, old, new, now):
        return {"product_id": row.product_id.id, "warehouse_id": row.warehouse_id.id,
                "old_class": old, "new_class": new, "date": now}  # fmt: skip

    def _write_classes(self, warehouse, products, rows, existing, now):
        by_product = {row.product_id.id: row for row in existing}
        changes, to_update, update_rows, to_create = [], [], [], []
        for product, values in zip(products, rows, strict=True):
            row = by_product.get(product.id)
            if row is None:
                to_create.append({**values, "product_id": product.id, "warehouse_id": warehouse.id})
                continue
            if row.value_class != values["value_class"]:
                changes.append(self._change(row, row.value_class, values["value_class"], now))
            to_update.append(row.id)
            update_rows.append(values)
        bulk_update(self.browse(to_update), update_rows)
        created = self.create(to_create)
        changes += [self._change(row, False, row.value_class, now) for row in created]
        self.env["stock.policy.abc.change"].create(changes)


class StockPolicyAbcChange(models.Model):
    """A product's value class changing in a warehouse: the history of reclassifications."""

    _name = "stock.policy.abc.change"
    _description = "ABC Class Change"
    _order = "date desc, id desc"

    product_id = fields.Many2one("product.product", required=True, index=True, ondelete="cascade")
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    date = fields.Datetime(required=True)
    old_class = fields.Selection(CLASSES, "From")
    new_class = fields.Selection(CLASSES, "To")
    note = fields.Char()
