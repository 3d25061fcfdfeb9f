"""The policy run: per warehouse and product, the forecast and the reorder rule (min = the
reorder point, max), under the planner's policy profile.

Decides: the reorder point and max (``stock.policy.run._plan_chunk``, the engine's
``stockops.policy.forecast.forecast_many`` and ``stockops.policy.reorder.decide_policies``);
which profile governs a product. Reads: demand history, lead times, profiles. Writes: the
proposed min/max on ``stock.warehouse.orderpoint`` with every number behind them, the run.
"""

from . import stock_policy_profile
from . import stock_warehouse_orderpoint
from . import stock_policy_run
from . import stock_policy_plan
from . import product_template
