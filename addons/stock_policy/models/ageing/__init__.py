"""Stock ageing: each product's valued stock by age, whether it moves, what finance might
write down, and lots close to expiry; xlsx exports.

Decides: the age buckets and write-down proposal (the engine's ``stockops.policy.ageing``).
Reads: stock valuation layers, moves, lots, the warehouse's thresholds. Writes:
``stock.policy.ageing`` and ``stock.policy.expiry`` rows.
"""

from . import stock_warehouse_ageing
from . import stock_policy_ageing
from . import stock_policy_ageing_expiry
