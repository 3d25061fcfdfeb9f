# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

import numpy as np

from odoo import models

from stockops import kpi as engine
from stockops.kpi import stock as kpi_stock

SHIPPED = [("location_dest_id.usage", "=", "customer"), ("state", "=", "done")]


class WmsKpiValue(models.Model):
    """The inventory side of the scorecard: fill rate, turns, stockouts, carrying cost,
    stock over 90 days; and space utilisation, which comes from the same stock on hand."""

    _inherit = "wms.kpi.value"

    def _kpi_measure(self, warehouse, window):
        out = super()._kpi_measure(warehouse, window)
        out["fill_rate"] = self._kpi_fill_rate(warehouse, window)
        out.update(self._kpi_value_held(warehouse, window))
        out.update(self._kpi_on_hand(warehouse, window))
        return out

    def _kpi_fill_rate(self, warehouse, window):
        """Units shipped over units ordered: a line shipped short keeps its demand, and a
        cancelled remainder counts as ordered, not shipped."""
        base = [("location_id.warehouse_id", "=", warehouse.id),
                ("location_dest_id.usage", "=", "customer"),
                ("state", "in", ("done", "cancel"))]  # fmt: skip
        rows = (
            self.env["stock.move"]
            .with_context(tz=window.tz_name)
            ._read_group(
                base + window.span(), ["date:day", "state"], ["product_uom_qty:sum", "quantity:sum"]
            )
        )
        ordered, shipped = defaultdict(float), defaultdict(float)
        for day, state, demand, done in rows:
            ordered[day.date()] += demand
            if state == "done":
                shipped[day.date()] += done
        return [
            (
                engine.fill_rate(window.total(ordered, p), window.total(shipped, p)),
                "stock.move",
                base + window.bounds(p),
            )
            for p in window.periods
        ]

    def _kpi_value_held(self, warehouse, window):
        """Turns and carrying cost from the valuation layers of the warehouse's moves: the
        value held at each day's close (what it held before, plus each day's layers), and
        the cost of what shipped to customers. Layers are read summed (an aggregate every
        scorecard reader may see, while the layers themselves are for stock managers)."""
        layers = self.env["stock.valuation.layer"].sudo().with_context(tz=window.tz_name)
        held = [("company_id", "=", warehouse.company_id.id), "|",
                ("stock_move_id.location_dest_id.warehouse_id", "=", warehouse.id),
                ("stock_move_id.location_id.warehouse_id", "=", warehouse.id)]  # fmt: skip
        shipped = [("stock_move_id.location_id.warehouse_id", "=", warehouse.id),
                   ("stock_move_id.location_dest_id.usage", "=", "customer")]  # fmt: skip
        span = window.span("create_date")
        [(opening,)] = layers._read_group(
            [*held, ("create_date", "<", span[0][2])], [], ["value:sum"]
        )
        days = (window.end - window.first).days
        change, cogs = np.zeros(days), np.zeros(days)
        for target, domain in ((change, held), (cogs, shipped)):
            for day, value in layers._read_group(domain + span, ["create_date:day"], ["value:sum"]):
                target[(day.date() - window.first).days] += value
        rate = warehouse.wms_carrying_rate / 100.0
        turns, carrying = [], []
        for p in window.periods:
            first = (p.start - window.first).days
            average = kpi_stock.average_balance(opening or 0.0, change, first, p.days)
            cost = 0.0 - float(cogs[first : first + p.days].sum())  # no "-0" shipped
            shipped_moves = [("location_id.warehouse_id", "=", warehouse.id), *SHIPPED]
            turns.append(
                (
                    engine.inventory_turns(cost, average, p.days),
                    "stock.move",
                    shipped_moves + window.bounds(p),
                )
            )
            carrying.append(
                (
                    engine.carrying_cost(average, rate, p.days),
                    "stock.quant",
                    [("location_id.warehouse_id", "=", warehouse.id),
                     ("location_id.usage", "=", "internal")],
                )
            )  # fmt: skip
        return {"inventory_turns": turns, "carrying_cost": carrying}

    def _kpi_flows(self, warehouse, window, first):
        """Units (in the product's unit) posted into and out of the warehouse's internal
        locations, per product: summed before ``first``, and per day from ``first`` to
        today (four grouped reads of the done move lines)."""
        into = [("state", "=", "done"),
                ("location_dest_id.warehouse_id", "=", warehouse.id),
                ("location_dest_id.usage", "=", "internal"),
                "|", ("location_id.warehouse_id", "!=", warehouse.id),
                ("location_id.usage", "!=", "internal")]  # fmt: skip
        out_of = [("state", "=", "done"),
                  ("location_id.warehouse_id", "=", warehouse.id),
                  ("location_id.usage", "=", "internal"),
                  "|", ("location_dest_id.warehouse_id", "!=", warehouse.id),
                  ("location_dest_id.usage", "!=", "internal")]  # fmt: skip
        lines = self.env["stock.move.line"].with_context(tz=window.tz_name)
        since = window.span(first=first)
        flows = {}
        for key, domain in (("in", into), ("out", out_of)):
            flows[key, "opening"] = lines._read_group(
                [*domain, ("date", "<", since[0][2])],
                ["product_id"],
                ["quantity_product_uom:sum"],
            )
            flows[key, "daily"] = lines._read_group(
                domain + since, ["product_id", "date:day"], ["quantity_product_uom:sum"]
            )
        return flows

    def _kpi_on_hand(self, warehouse, window):
        """Stockouts, stock over 90 days and space used, from the units on hand at each
        day's close: rebuilt from what was on hand when the window opened (90 days
        before its first period, so that old stock is known to be old) and each day's
        flows. A product is stocked when it has a reorder rule in the warehouse or left
        it in the window."""
        first = window.first - timedelta(days=kpi_stock.AGED_AFTER_DAYS)
        flows = self._kpi_flows(warehouse, window, first)
        products = self.env["product.product"].union(
            *(row[0] for rows in flows.values() for row in rows)
        )
        index = {pid: i for i, pid in enumerate(products.ids)}
        days = (window.end - first).days
        opening = np.zeros(len(index))
        daily = {"in": np.zeros((len(index), days)), "out": np.zeros((len(index), days))}
        for (key, what), rows in flows.items():
            sign = 1.0 if key == "in" else -1.0
            for row in rows:
                if what == "opening":
                    opening[index[row[0].id]] += sign * row[1]
                else:
                    daily[key][index[row[0].id], (row[1].date() - first).days] += row[2]
        history = kpi_stock.StockHistory(first, opening, daily["in"], daily["out"])
        ruled = self.env["stock.warehouse.orderpoint"]._read_group(
            [("warehouse_id", "=", warehouse.id), ("product_id", "in", products.ids)],
            ["product_id"],
        )
        stocked = daily["out"].sum(axis=1) > 0
        for (product,) in ruled:
            stocked[index[product.id]] = True
        priced = products.with_company(warehouse.company_id)
        cost = np.array(priced.mapped("standard_price") or [], dtype=float)
        volume = np.array(products.mapped("volume") or [], dtype=float)
        capacity = self._kpi_capacity_m3(warehouse)
        quants = [("location_id.warehouse_id", "=", warehouse.id),
                  ("location_id.usage", "=", "internal"), ("quantity", ">", 0)]  # fmt: skip
        out = {"stockouts": [], "ageing": [], "space_utilisation": []}
        ids = np.array(products.ids, dtype=int)
        for p in window.periods:
            last = p.start + timedelta(days=p.days - 1)
            short = ids[kpi_stock.ran_out(history, p.start, p.days, stocked)].tolist()
            old = ids[kpi_stock.old_qty(history, last) > kpi_stock.EPSILON].tolist()
            out["stockouts"].append(
                (kpi_stock.stockouts(history, p.start, p.days, stocked), "product.product",
                 [("id", "in", short)])
            )  # fmt: skip
            out["ageing"].append(
                (kpi_stock.aged_value(history, last, cost), "product.product", [("id", "in", old)])
            )
            out["space_utilisation"].append(
                (kpi_stock.space_used(history, last, volume, capacity), "stock.quant",
                 [*quants, ("location_id.storage_category_id.wms_max_volume_m3", ">", 0)])
            )  # fmt: skip
        return out

    def _kpi_capacity_m3(self, warehouse):
        """Storage volume of the warehouse's bins with a volume limit (m3)."""
        groups = self.env["stock.location"]._read_group(
            [("warehouse_id", "=", warehouse.id), ("usage", "=", "internal"),
             ("storage_category_id.wms_max_volume_m3", ">", 0)],
            ["storage_category_id"], ["__count"],
        )  # fmt: skip
        return sum(category.wms_max_volume_m3 * count for category, count in groups)
