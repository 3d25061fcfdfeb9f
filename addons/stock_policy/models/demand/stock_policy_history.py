# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import numpy as np

from odoo import models
from odoo.tools import SQL


@dataclass(frozen=True, eq=False)
class DemandHistory:
    """Demand of a chunk of products (rows) as the policy run reads it: ``shipped``
    units per week (columns: the Mondays ``columns``, oldest first), ``lost`` the weeks
    with demand lost to a stockout, ``daily`` the units shipped per day from the first
    Monday on (7 columns a week), ``imported`` the weeks read from the previous system
    (known by week only, so their days are not daily history)."""

    shipped: np.ndarray
    lost: np.ndarray
    columns: list
    daily: np.ndarray
    imported: np.ndarray

    def daily_history(self, not_history):
        """Units per day, NaN on the days of weeks that are not history (``not_history``,
        products x weeks) or were imported by week."""
        hidden = np.repeat(not_history | self.imported, 7, axis=1)
        return np.where(hidden, np.nan, self.daily)


def week_start(day):
    """Monday of ``day``'s ISO week: demand is bucketed by week."""
    return day - timedelta(days=day.weekday())


class StockPolicyHistory(models.AbstractModel):
    """What the policy run reads from Odoo, one grouped query per signal.

    - shipped demand: done moves out of the warehouse to customers, per product per week,
      and per day (the daily history the reorder point and the replay read);
    - lost demand: customer moves cancelled (a line shipped short and not backordered),
      per product per week — those weeks are flagged so a stockout is not read as zero
      demand; customer returns are not subtracted (a return is not negative demand);
    - imported demand (``stock.policy.legacy.demand``): what the previous system recorded,
      per week, read up to the warehouse's first delivery posted in Odoo;
    - weeks before a product's first demand are not history (it was not sold yet, unless
      it sold before the window), nor are weeks a planner excluded
      (``stock.policy.exclusion``: promotions, one-offs);
    - real lead times: days from purchase-order confirmation to the receipt being posted,
      mean, spread and count per product and vendor.
    """

    _name = "stock.policy.history"
    _description = "Inventory policy: history reader"

    def _week_columns(self, weeks, today=None):
        """The ``weeks`` Mondays before this week's, oldest first (this week is not over);
        this week is the site's (the company's clock) unless ``today`` is given."""
        this_week = week_start(today or self.env.company._site_today())
        return [this_week - timedelta(weeks=weeks - i) for i in range(weeks)]

    @staticmethod
    def _customer_moves(warehouse, state):
        """Domain of the moves in ``state`` from ``warehouse`` to customers."""
        return [
            ("state", "=", state),
            ("location_dest_id.usage", "=", "customer"),
            ("location_id.warehouse_id", "=", warehouse.id),
        ]

    def _customer_moves_by_day(self, warehouse, products, start, state):
        """(product, day, units) of customer moves in ``state`` from ``start`` on. By day:
        Odoo's ``date:week`` starts the week on the language's first day (Sunday in
        en_US), which would put Monday to Saturday in the week before."""
        return self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("date", ">=", datetime.combine(start, time.min)),
                *self._customer_moves(warehouse, state),
            ],
            ["product_id", "date:day"],
            ["product_qty:sum"],
        )

    def _legacy_by_week(self, warehouse, products, start):
        """Imported (product, Monday, units) rows from ``start`` on, up to the warehouse's
        first delivery in Odoo: from then on Odoo's own moves are the history."""
        rows = self.env["stock.policy.legacy.demand"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("warehouse_id", "=", warehouse.id),
                ("week_start", ">=", start),
            ],
            ["product_id", "week_start:day"],
            ["qty:sum"],
        )
        if not rows:
            return []
        [(first_delivery,)] = self.env["stock.move"]._read_group(
            self._customer_moves(warehouse, "done"), [], ["date:min"]
        )
        if first_delivery:
            rows = [row for row in rows if row[1] < first_delivery.date()]
        return rows

    def _weekly_demand(self, warehouse, products, weeks, today=None):
        """Demand per product (rows, in ``products`` order) and week (columns): units
        shipped, or ordered in the imported weeks before Odoo; a boolean matrix of the weeks
        with lost demand; and the column dates."""
        demand = self._demand_history(warehouse, products, weeks, today)
        return demand.shipped, demand.lost, demand.columns

    def _demand_history(self, warehouse, products, weeks, today=None):
        """:class:`DemandHistory` of ``products`` over the ``weeks`` full weeks before
        this one, from one grouped read of the customer moves per state (by day) and one
        of the imported weeks."""
        columns = self._week_columns(weeks, today)
        col_of = {day: i for i, day in enumerate(columns)}
        row_of = {pid: i for i, pid in enumerate(products.ids)}
        shipped = np.zeros((len(products), weeks))
        daily = np.zeros((len(products), weeks * 7))
        lost = np.zeros((len(products), weeks), dtype=bool)
        for state in ("done", "cancel"):
            for product, day, qty in self._customer_moves_by_day(
                warehouse, products, columns[0], state
            ):
                day = day.date() if hasattr(day, "date") else day
                col = col_of.get(week_start(day))
                if col is None or not qty:
                    continue
                row = row_of[product.id]
                if state == "done":
                    shipped[row, col] += qty
                    daily[row, (day - columns[0]).days] += qty
                else:
                    lost[row, col] = True
        imported = np.zeros((len(products), weeks), dtype=bool)
        for product, week, qty in self._legacy_by_week(warehouse, products, columns[0]):
            col = col_of.get(week_start(week))
            if col is not None:
                shipped[row_of[product.id], col] += qty
                imported[row_of[product.id], col] = True
        return DemandHistory(shipped, lost, columns, daily, imported)

    def _not_history(self, shipped, lost, marked=None, sold_before=None):
        """Weeks a forecast must not read: demand lost to a stockout, weeks a planner
        marked (promotions, one-off orders), and the weeks before a product's first
        demand (it was not sold yet: those zeros are not demand) unless it sold before
        the window (``sold_before``, one flag per product): then they are real zeros."""
        seen = (shipped > 0) | lost
        started = np.maximum.accumulate(seen, axis=1)
        before_first = ~started & seen.any(axis=1, keepdims=True)
        if sold_before is not None:
            before_first &= ~np.asarray(sold_before, dtype=bool)[:, None]
        out = lost | before_first
        return out if marked is None else out | marked

    def _sold_before(self, warehouse, products, start):
        """Per product (in ``products`` order): whether it shipped from the warehouse
        before ``start`` (a date), in Odoo or in the imported history; one grouped read
        each."""
        moves = self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("date", "<", datetime.combine(start, time.min)),
                *self._customer_moves(warehouse, "done"),
            ],
            ["product_id"],
        )
        imported = self.env["stock.policy.legacy.demand"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("warehouse_id", "=", warehouse.id),
                ("week_start", "<", start),
                ("qty", ">", 0),
            ],
            ["product_id"],
        )
        sold = {product.id for (product,) in moves + imported}
        return np.array([pid in sold for pid in products.ids], dtype=bool)

    def _marked_weeks(self, warehouse, products, columns):
        """Weeks (columns) of each product (rows) covered by a planner's exclusion."""
        marked = np.zeros((len(products), len(columns)), dtype=bool)
        exclusions = self.env["stock.policy.exclusion"].search_fetch(
            [
                ("product_id", "in", products.ids),
                ("warehouse_id", "in", [warehouse.id, False]),
                ("date_to", ">=", columns[0]),
            ],
            ["product_id", "date_from", "date_to"],
        )
        row_of = {pid: i for i, pid in enumerate(products.ids)}
        starts = np.array(columns, dtype="datetime64[D]")
        for exclusion in exclusions:
            first = np.datetime64(week_start(exclusion.date_from), "D")
            last = np.datetime64(exclusion.date_to, "D")
            marked[row_of[exclusion.product_id.id]] |= (starts >= first) & (starts <= last)
        return marked

    def _lead_times(self, products):
        """Measured supplier lead time per (product id, vendor id): (mean days, sd days,
        receipts), from purchase confirmation to the posted receipt."""
        if not products:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.product_id, po.partner_id,
                       AVG(EXTRACT(EPOCH FROM m.date - po.date_approve) / 86400.0),
                       COALESCE(STDDEV_SAMP(EXTRACT(EPOCH FROM m.date - po.date_approve)
                                / 86400.0), 0),
                       COUNT(*)
                  FROM stock_move m
                  JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
                  JOIN purchase_order po ON po.id = pol.order_id
                 WHERE m.state = 'done' AND m.product_id IN %s
                   AND po.date_approve IS NOT NULL AND m.date >= po.date_approve
                 GROUP BY m.product_id, po.partner_id
                """,
                tuple(products.ids),
            )
        )
        return {
            (product_id, vendor_id): (float(mean), float(sd), count)
            for product_id, vendor_id, mean, sd, count in self.env.cr.fetchall()
        }
