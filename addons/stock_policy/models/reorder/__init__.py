"""The policy run: per warehouse and product, the forecast and the reorder rule (min = the
reorder point, max), under the planner's policy profile.

Decides: the reorder point and max (``stock.policy.run._plan_chunk``, the engine's
``stockops.policy.forecast.forecast_many`` and ``stockops.policy.reorder.decide_policies``,
fed the forecast of the lead time's weeks and the product's own daily demand); the
service that rule would have achieved over the last 26 weeks
(``stockops.policy.service.achieved``); which profile governs a product. Reads: demand
history (weekly and daily, one grouped read), lead times, profiles (target and measure).
Writes: the proposed min/max, the pack as multiple and no visibility days on
``stock.warehouse.orderpoint`` with every number behind them (target, achieved, fallback),
the run.
"""

from . import stock_policy_profile
from . import stock_warehouse_orderpoint
from . import stock_policy_run
from . import stock_policy_plan
from . import product_template
