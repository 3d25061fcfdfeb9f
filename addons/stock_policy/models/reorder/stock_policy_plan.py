# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

import numpy as np

from odoo import fields, models

from stockops.policy.forecast import STEADY_METHODS, forecast_many
from stockops.policy.reorder import decide_policies, demand_per_day_over
from stockops.policy.service.achieved import REPLAY_WEEKS, achieved_service

from ...tools import bulk_update

DAYS_PER_WEEK = 7.0
MIN_RECEIPTS_FOR_MEASURED_LEAD_TIME = 3
# no profile applies: plan anyway, at a service level most planners start from
DEFAULT_SERVICE_LEVEL, DEFAULT_REVIEW_DAYS, DEFAULT_HISTORY_DAYS = 95.0, 7, 728


def _demand_day_share(daily):
    """Share of history days with demand, per product; 1 when its daily history shows no
    demand day (none, or only weeks imported by week): the engine then reads the
    forecast as demand every day."""
    seen = np.isfinite(daily).sum(axis=1)
    sold = (np.nan_to_num(daily) > 0).sum(axis=1)
    return np.where(sold > 0, sold / np.maximum(seen, 1), 1.0)


class RulePending:
    """The rules a run writes, gathered to be written at once: the run's figures onto
    existing rules, Min/Max onto those not frozen, new rules where none exists yet and the
    proposal has a max."""

    def __init__(self):
        self.update, self.update_rows, self.set, self.set_rows, self.create = [], [], [], [], []

    def add(self, rule, values, quantities, product, warehouse, extra=None):
        if rule:
            self.update.append(rule.id)
            self.update_rows.append(values)
            # a frozen rule keeps what the planner typed; the proposal sits beside it
            if not rule.policy_frozen:
                self.set.append(rule.id)
                self.set_rows.append(quantities)
        elif values["policy_proposed_max"] > 0:
            self.create.append(
                {
                    **values,
                    **quantities,
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "trigger": "auto",
                    **(extra or {}),
                }
            )

    def flush(self, rules):
        """One UPDATE of the figures, one of Min/Max, one create."""
        bulk_update(rules.browse(self.update), self.update_rows)
        bulk_update(rules.browse(self.set), self.set_rows)
        rules.create(self.create)


class StockPolicyRun(models.Model):
    """Plan one chunk of products of one warehouse: read, decide, write."""

    _inherit = "stock.policy.run"

    def _plan_chunk(self, warehouse, products, scopes):
        chosen = self._choose_profiles(warehouse, products, scopes)
        history = self.env["stock.policy.history"]
        days = max(
            (p.history_days for p, _why in chosen.values() if p), default=DEFAULT_HISTORY_DAYS
        )
        demand = history._demand_history(warehouse, products, max(days // 7, 8, REPLAY_WEEKS))
        horizon = max((p.horizon_days for p, _why in chosen.values() if p), default=91) // 7
        methods = [
            (chosen[p.id][0].forecast_method if chosen[p.id][0] else "auto") for p in products
        ]
        marked = history._marked_weeks(warehouse, products, demand.columns)
        sold_before = history._sold_before(warehouse, products, demand.columns[0])
        exclude = history._not_history(demand.shipped, demand.lost, marked, sold_before)
        forecasts = forecast_many(demand.shipped, max(horizon, 1), methods=methods, exclude=exclude)
        daily = demand.daily_history(exclude)
        lead = self._lead_time_inputs(products, history._lead_times(products))
        profiles = [chosen[p.id][0] for p in products]
        service = np.array([(p.service_level if p else DEFAULT_SERVICE_LEVEL) for p in profiles])
        measure = [(p.service_measure if p else "cycle") for p in profiles]
        review = np.array([(p.review_period_days if p else DEFAULT_REVIEW_DAYS) for p in profiles])
        lead_days = np.array(
            [m if m is not None else d for m, d in zip(lead["mean"], lead["default"], strict=True)]
        )
        decisions = decide_policies(
            # the demand of the weeks the purchase ordered tonight must cover
            demand_per_day=demand_per_day_over(forecasts.per_period, lead_days + 1.0),
            demand_sd_per_day=np.asarray(forecasts.sigma) / math.sqrt(DAYS_PER_WEEK),
            lead_time_days=lead["mean"],
            lead_time_sd_days=lead["sd"],
            review_period_days=review,
            service_level=service / 100.0,
            min_order_qty=lead["moq"],
            order_multiple=lead["multiple"],
            default_lead_time_days=lead["default"],
            service_measure=measure,
            demand_day_share=_demand_day_share(daily),
            history=daily,
            history_weeks=np.asarray(forecasts.real_periods, dtype=float),
            pattern=forecasts.pattern,
            forecast_level_sd_per_day=np.asarray(forecasts.level_sd) / DAYS_PER_WEEK,
            forecast_steady=np.isin(forecasts.method, STEADY_METHODS),
        )
        achieved = achieved_service(
            daily,
            decisions.min_qty,
            decisions.max_qty,
            decisions.order_multiple,
            decisions.lead_time_days_used,
            decisions.service_measure,
        )
        self._write_orderpoints(warehouse, products, chosen, forecasts, lead, decisions, achieved)
        return len(products)

    def _lead_time_inputs(self, products, measured):
        """Lead time per product: measured on past receipts from its main vendor when
        there are enough of them, else the vendor's promise with no spread, else None
        (the engine's default, said so in the reason)."""
        out = {k: [] for k in ("mean", "sd", "moq", "multiple", "default", "source")}
        # read vendors and packagings of the whole chunk at once, through the templates
        sellers = products.product_tmpl_id.seller_ids
        sellers.fetch(["partner_id", "delay", "min_qty", "product_tmpl_id"])
        sellers.mapped("product_uom")
        products.packaging_ids.fetch(["qty", "purchase"])
        for product in products:
            seller = product.product_tmpl_id.seller_ids[:1]
            stats = measured.get((product.id, seller.partner_id.id)) if seller else None
            if stats and stats[2] >= MIN_RECEIPTS_FOR_MEASURED_LEAD_TIME:
                mean, sd, count = stats
                source = f"measured on {count} receipts"
            elif seller:
                mean, sd, source = float(seller.delay), None, "vendor's promise"
            else:
                mean, sd, source = None, None, "no vendor: default"
            packs = product.packaging_ids.filtered("purchase").sorted("qty")
            out["mean"].append(mean)
            out["sd"].append(sd)
            # the vendor's minimum is in its purchase unit; the engine works in stock units
            moq = (
                seller.product_uom._compute_quantity(seller.min_qty, product.uom_id)
                if seller
                else 0.0
            )
            out["moq"].append(moq)
            out["multiple"].append(packs[:1].qty or 1.0)
            out["default"].append(14.0)
            out["source"].append(source)
        return out

    def _write_orderpoints(self, warehouse, products, chosen, forecasts, lead, decisions, achieved):
        rules = self.env["stock.warehouse.orderpoint"].search(
            [("warehouse_id", "=", warehouse.id), ("product_id", "in", products.ids)]
        )
        rule_of = {rule.product_id.id: rule for rule in rules}
        now = fields.Datetime.now()
        below = achieved.below(decisions.service_level)
        pending = RulePending()
        for i, product in enumerate(products):
            profile, profile_why = chosen[product.id]
            values = {
                "policy_profile_id": profile.id if profile else False,
                "policy_pattern": str(forecasts.pattern[i]),
                "policy_method": str(forecasts.method[i]),
                "policy_forecast_per_day": float(decisions.demand_per_day[i]),
                "policy_lead_time_days": float(decisions.lead_time_days_used[i]),
                "policy_lead_time_source": lead["source"][i],
                "policy_service_level": float(decisions.service_level[i]) * 100.0,
                "policy_service_measure": str(decisions.service_measure[i]),
                "policy_achieved_service": float(np.nan_to_num(achieved.service[i])) * 100.0,
                "policy_replay_cycles": int(achieved.cycles[i]),
                "policy_below_target": bool(below[i]),
                "policy_fallback": bool(decisions.fallback[i]),
                "policy_safety_stock": float(decisions.safety_stock[i]),
                "policy_mase": float(np.nan_to_num(forecasts.mase[i])),
                "policy_bias": float(np.nan_to_num(forecasts.bias[i])),
                "policy_proposed_min": float(decisions.min_qty[i]),
                "policy_proposed_max": float(decisions.max_qty[i]),
                "policy_reason": "\n".join(
                    [
                        f"Profile: {profile.name if profile else 'none'} ({profile_why}).",
                        f"Forecast: {forecasts.reason(i)}",
                        f"Lead time: {lead['source'][i]}.",
                        f"Stock: {decisions.reason(i)}",
                        f"Achieved: {achieved.reason(i, float(decisions.service_level[i]))}",
                    ]
                ),
                "policy_date": now,
            }
            rule = rule_of.get(product.id)
            quantities = {
                "product_min_qty": values["policy_proposed_min"],
                "product_max_qty": values["policy_proposed_max"],
                # the pack the engine sized max - min in; Odoo rounds max - position down
                # to it, so every order is whole packs of at least max - min
                "qty_multiple": float(decisions.order_multiple[i]),
                # no visibility days (purchase_stock's stored value behind them): they
                # would add deliveries planned beyond the lead time to what the rule
                # orders; the policy sizes the order as max - position
                "purchase_visibility_days": 0.0,
            }
            pending.add(rule, values, quantities, product, warehouse)
        pending.flush(self.env["stock.warehouse.orderpoint"])
