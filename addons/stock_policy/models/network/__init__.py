"""Network planning: warehouses resupplied by another warehouse (Odoo's resupply routes)
planned as one supply tree per product, and rebalancing proposals between them.

Decides: where each product's safety stock sits across a warehouse and the warehouses it
resupplies (``stock.policy.run._plan_networks``, the engine's
``stockops.policy.network.plan_network`` and ``reorder_rules``: the supplying warehouse
plans on its own demand plus the dependent demand of the warehouses it resupplies, the
safety stock is not stacked at both levels); which units to move between them before one
runs short (``stock.policy.run._propose_rebalancing``, the engine's
``propose_rebalancing``). Reads: each warehouse's daily customer demand (the history
reader, one grouped read per warehouse), the measured transfer lead time (done moves from
the supplier's warehouse through transit), free stock, next receipts, the reorder rules
the single-site pass wrote. Writes: the reorder rules of the warehouses in a network (the
run's figures and the reason), ``stock.policy.rebalance`` proposals; a planner approves a
proposal into an inter-warehouse transfer along the resupply route.
"""

from . import stock_warehouse
from . import stock_warehouse_orderpoint
from . import stock_policy_network
from . import stock_policy_rebalance
