"""Demand as the forecast sees it: shipped demand per product and week, the previous
system's weekly export, and the weeks a planner excludes (promotions, one-offs).

Decides: nothing on its own; it is what the policy run reads
(``stock.policy.history``, one grouped query per signal). Reads: done moves to customers,
``stock.policy.legacy.demand``, ``stock.policy.exclusion``. Writes: nothing.
"""

from . import stock_policy_exclusion
from . import stock_policy_history
from . import stock_policy_legacy_demand
