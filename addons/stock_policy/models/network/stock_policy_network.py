# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

import numpy as np

from odoo import fields, models

from stockops.policy.network import (
    Lane,
    SiteStock,
    Stage,
    plan_network,
    propose_rebalancing,
    reorder_rules,
)

from ..reorder.stock_policy_plan import DEFAULT_REVIEW_DAYS, DEFAULT_SERVICE_LEVEL, RulePending

_logger = logging.getLogger(__name__)

#: weeks of daily customer demand behind a warehouse's mean and spread in the network plan
NETWORK_WEEKS = 26
#: a lane with no transfer measured yet: the route's own delay, else this (days)
DEFAULT_TRANSFER_DAYS = 1.0


class StockPolicyRun(models.Model):
    """The network pass of the run: after each warehouse is planned alone, the warehouses
    joined by resupply routes are planned again as one supply tree per product, and the
    rebalancing proposals between them are made afresh."""

    _inherit = "stock.policy.run"

    def _network_pass(self, warehouses, products=None):
        """The network plan, then the rebalancing proposals; each that fails is logged
        on the run and rolled back, the single-site plan stands."""
        lines = []
        for what, step in (
            ("network plan", self._plan_networks),
            ("rebalancing", self._propose_rebalancing),
        ):
            try:
                with self.env.cr.savepoint():
                    step(warehouses, products)
            except Exception as err:  # logged on the run, the run goes on
                lines.append(f"{what}: {err}")
                _logger.warning("policy %s failed: %s", what, err)
        return lines

    # -- the supply trees ------------------------------------------------------------------

    def _network_lanes(self, warehouses):
        """(supplier, supplied, route) of every warehouse of ``warehouses`` resupplied by
        another of them (its first resupply warehouse when it has several: the engine
        plans a tree)."""
        routes = self.env["stock.route"].search(
            [
                ("supplied_wh_id", "in", warehouses.ids),
                ("supplier_wh_id", "in", warehouses.ids),
            ]
        )
        route_of = {(r.supplier_wh_id.id, r.supplied_wh_id.id): r for r in routes}
        lanes = []
        for warehouse in warehouses:
            for supplier in warehouse.resupply_wh_ids.sorted("id"):
                if supplier in warehouses and supplier != warehouse:
                    route = route_of.get((supplier.id, warehouse.id), routes.browse())
                    lanes.append((supplier, warehouse, route))
                    break
        return lanes

    @staticmethod
    def _site_keys(warehouses):
        """Warehouse id -> the name the engine and its reasons use: the code, with the id
        when two warehouses (of two companies) share it."""
        codes = [w.code for w in warehouses]
        return {
            w.id: w.code if codes.count(w.code) == 1 else f"{w.code}-{w.id}" for w in warehouses
        }

    @staticmethod
    def _product_keys(products):
        """Product id -> the name the engine's messages use: its display name, with the
        id when two products share it."""
        names = [p.display_name for p in products]
        return {
            p.id: p.display_name
            if names.count(p.display_name) == 1
            else f"{p.display_name} #{p.id}"
            for p in products
        }

    def _transfer_lead_times(self, lanes):
        """Per (supplier id, supplied id): (days, where from) — the mean days from the
        supplier's shipment being created to the receipt being posted, over the done moves
        from transit into the supplied warehouse (one read); else the route's delay."""
        if not lanes:
            return {}
        moves = self.env["stock.move"].search_fetch(
            [
                ("state", "=", "done"),
                ("location_id.usage", "=", "transit"),
                ("location_dest_id.warehouse_id", "in", [w.id for _s, w, _r in lanes]),
                ("move_orig_ids", "!=", False),
            ],
            ["date", "location_dest_id", "move_orig_ids"],
        )
        moves.move_orig_ids.fetch(["create_date", "location_id"])
        days = {}
        for move in moves:
            origin = move.move_orig_ids[:1]
            key = (origin.location_id.warehouse_id.id, move.location_dest_id.warehouse_id.id)
            days.setdefault(key, []).append((move.date - origin.create_date).total_seconds())
        out = {}
        for supplier, warehouse, route in lanes:
            seen = days.get((supplier.id, warehouse.id))
            if seen:
                out[supplier.id, warehouse.id] = (
                    max(float(np.mean(seen)) / 86400.0, 0.0),
                    f"transfer from {supplier.code} measured on {len(seen)} moves",
                )
            elif route and any(route.rule_ids.mapped("delay")):
                out[supplier.id, warehouse.id] = (
                    float(sum(route.rule_ids.mapped("delay"))),
                    f"transfer from {supplier.code}: the route's delay",
                )
            else:
                out[supplier.id, warehouse.id] = (
                    DEFAULT_TRANSFER_DAYS,
                    f"transfer from {supplier.code}: none measured, {DEFAULT_TRANSFER_DAYS:g} d",
                )
        return out

    def _daily_demand(self, warehouse, products):
        """Mean and standard deviation of a day's customer demand (units/day) of
        ``products`` at ``warehouse`` over the last weeks: one grouped read."""
        demand = self.env["stock.policy.history"]._demand_history(
            warehouse, products, NETWORK_WEEKS
        )
        daily = demand.daily_history(np.zeros(demand.lost.shape, dtype=bool))
        seen = np.isfinite(daily).sum(axis=1)
        filled = np.nan_to_num(daily)
        mean = filled.sum(axis=1) / np.maximum(seen, 1)
        var = ((filled - mean[:, None]) ** 2 * np.isfinite(daily)).sum(axis=1)
        sd = np.sqrt(var / np.maximum(seen - 1, 1))
        return mean, sd

    def _plan_networks(self, warehouses, only=None):
        """Plan every product of the warehouses joined by resupply routes as one supply
        tree: one demand read per warehouse, one engine call, one bulk write. Returns the
        number of (product, warehouse) rules planned."""
        lanes = self._network_lanes(warehouses)
        if not lanes:
            return 0
        supplier_of = {w.id: s for s, w, _r in lanes}
        members = self.env["stock.warehouse"].browse(
            sorted({s.id for s, _w, _r in lanes} | {w.id for _s, w, _r in lanes})
        )
        products = self.env["product.product"].union(*(self._products_to_plan(w) for w in members))
        products = (products if only is None else products & only).sorted("id")
        if not products:
            return 0
        rules = self.env["stock.warehouse.orderpoint"].search(
            [("warehouse_id", "in", members.ids), ("product_id", "in", products.ids)]
        )
        rule_of = {(r.warehouse_id.id, r.product_id.id): r for r in rules}
        transfer = self._transfer_lead_times(lanes)
        vendor = self._lead_time_inputs(
            products, self.env["stock.policy.history"]._lead_times(products)
        )
        key, pkey = self._site_keys(members), self._product_keys(products)
        stages, where, sources = [], [], []
        for warehouse in members:
            mean, sd = self._daily_demand(warehouse, products)
            supplier = supplier_of.get(warehouse.id)
            for i, product in enumerate(products):
                rule = rule_of.get((warehouse.id, product.id))
                if supplier:
                    lead, source = transfer[supplier.id, warehouse.id]
                else:
                    lead = vendor["mean"][i] if vendor["mean"][i] is not None else 14.0
                    source = vendor["source"][i]
                service = rule.policy_service_level if rule and rule.policy_service_level else 0
                stages.append(
                    Stage(
                        pkey[product.id],
                        key[warehouse.id],
                        float(mean[i]),
                        float(sd[i]),
                        float(lead),
                        supplier=key[supplier.id] if supplier else None,
                        service_level=(service or DEFAULT_SERVICE_LEVEL) / 100.0,
                    )
                )
                where.append((warehouse, product, supplier, rule))
                sources.append(source)
        plan = plan_network(stages)
        index = {(s.product, s.site): i for i, s in enumerate(stages)}
        review = []
        for p in plan.placements:
            _wh, _product, _supplier, rule = where[index[p.product, p.site]]
            profile = rule.policy_profile_id if rule else False
            review.append(profile.review_period_days if profile else DEFAULT_REVIEW_DAYS)
        batch = reorder_rules(plan, np.asarray(review, dtype=float))
        return self._write_network_rules(plan, batch, index, where, sources, lanes)

    def _write_network_rules(self, plan, batch, index, where, sources, lanes):
        route_of = {w.id: r for _s, w, r in lanes}
        now = fields.Datetime.now()
        pending = RulePending()
        for j, p in enumerate(plan.placements):
            warehouse, product, supplier, rule = where[index[p.product, p.site]]
            # the single-site pass's profile and forecast lines stay beside the network's
            alone = [
                line
                for line in ((rule.policy_reason or "").splitlines() if rule else [])
                if line.startswith(("Profile:", "Forecast:"))
            ]
            values = {
                "policy_supplier_wh_id": supplier.id if supplier else False,
                "policy_forecast_per_day": float(p.network_demand_per_day),
                "policy_lead_time_days": float(p.lead_time_days),
                "policy_lead_time_source": sources[index[p.product, p.site]],
                "policy_service_level": float(p.service_level) * 100.0,
                "policy_safety_stock": float(p.safety_stock),
                "policy_stacked_safety_stock": float(p.stacked_safety_stock),
                "policy_proposed_min": float(batch.min_qty[j]),
                "policy_proposed_max": float(batch.max_qty[j]),
                "policy_reason": "\n".join(
                    [
                        f"Network ({warehouse.code}"
                        + (f", resupplied by {supplier.code}" if supplier else ", supplies")
                        + f"): {p.reason}.",
                        f"Stock: {batch.reason(j)}",
                        *alone,
                    ]
                ),
                "policy_date": now,
            }
            quantities = {
                "product_min_qty": values["policy_proposed_min"],
                "product_max_qty": values["policy_proposed_max"],
            }
            route = route_of.get(warehouse.id)
            extra = {"route_id": route.id} if route else {}
            pending.add(rule, values, quantities, product, warehouse, extra)
        pending.flush(self.env["stock.warehouse.orderpoint"])
        return len(plan.placements)

    # -- rebalancing -----------------------------------------------------------------------

    def _propose_rebalancing(self, warehouses, only=None):
        """Replace the open rebalancing proposals between the warehouses joined by
        resupply routes: free stock, next receipts and the rules' demand and safety stock
        read in bulk, one engine call, one create. Returns the proposals."""
        rebalance = self.env["stock.policy.rebalance"]
        lanes = self._network_lanes(warehouses)
        members = self.env["stock.warehouse"].union(*(s | w for s, w, _r in lanes))
        stale = [("state", "=", "proposed"), ("dest_warehouse_id", "in", members.ids)]
        if only is not None:
            stale.append(("product_id", "in", only.ids))
        rebalance.search(stale).unlink()
        if not lanes:
            return rebalance
        domain = [("warehouse_id", "in", members.ids), ("policy_date", "!=", False)]
        if only is not None:
            domain.append(("product_id", "in", only.ids))
        rules = self.env["stock.warehouse.orderpoint"].search(domain)
        products = rules.product_id
        free = {w.id: self._free_stock(w, products) for w in members}
        key, pkey = self._site_keys(members), self._product_keys(products)
        wh_of = {k: wid for wid, k in key.items()}
        receipts = self._next_receipts(members, products)
        today = fields.Datetime.now()
        rows = []
        for rule in rules:
            wh, product = rule.warehouse_id.id, rule.product_id
            nxt = receipts.get((wh, product.id))
            rows.append(
                SiteStock(
                    pkey[product.id],
                    key[wh],
                    max(free[wh].get(product.id, 0.0), 0.0),
                    float(rule.policy_forecast_per_day),
                    None if nxt is None else max((nxt - today).total_seconds() / 86400.0, 0.0),
                    safety_stock=float(rule.policy_safety_stock),
                    stockout_cost=float(product.list_price),
                )
            )
        transfer = self._transfer_lead_times(lanes)
        routes = [
            Lane(
                key[s.id],
                key[w.id],
                transfer[s.id, w.id][0],
                w.policy_transfer_cost_per_unit,
                w.policy_transfer_cost,
            )
            for s, w, _r in lanes
        ]
        proposals = propose_rebalancing(rows, routes)
        vals = []
        product_of = {name: pid for pid, name in pkey.items()}
        for p in proposals:
            source, dest = wh_of[p.source], wh_of[p.destination]
            product = product_of[p.product]
            vals.append(
                {
                    "product_id": product,
                    "source_warehouse_id": source,
                    "dest_warehouse_id": dest,
                    "units": p.units,
                    "transfer_cost": p.transfer_cost,
                    "stockout_cost_avoided": p.stockout_cost_avoided,
                    "reason": p.reason,
                    "source_free_qty": free[source].get(product, 0.0),
                    "dest_free_qty": free[dest].get(product, 0.0),
                    "company_id": self.env["stock.warehouse"].browse(dest).company_id.id,
                }
            )
        return rebalance.create(vals)

    def _free_stock(self, warehouse, products):
        """Units on hand and not reserved per product in ``warehouse`` (one computation)."""
        products.invalidate_recordset(["free_qty"])  # quants move under a cached figure
        rows = products.with_context(warehouse_id=warehouse.id).read(["free_qty"])
        return {row["id"]: row["free_qty"] for row in rows}

    def _next_receipts(self, warehouses, products):
        """(warehouse id, product id) -> the date of the next receipt planned into it
        (a vendor's or a transfer's), one grouped read."""
        groups = self.env["stock.move"]._read_group(
            [
                ("state", "not in", ("draft", "done", "cancel")),
                ("product_id", "in", products.ids),
                ("location_dest_id.warehouse_id", "in", warehouses.ids),
                ("location_id.usage", "in", ("supplier", "transit")),
            ],
            ["location_dest_id", "product_id"],
            ["date:min"],
        )
        out = {}
        for location, product, date in groups:
            key = (location.warehouse_id.id, product.id)
            out[key] = min(out.get(key, date), date)
        return out
