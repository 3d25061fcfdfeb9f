"""Sales channels: the order in which their orders reserve stock and what each may promise.

Decides (the engine's ``stockops.policy.network.reserve`` and ``available_to_promise``):
which waiting sale deliveries get stock and from which lots — channel rank, then the
customer's commitment date, then FEFO or FIFO — and each channel's available to promise
per product and warehouse. Reads: sales teams (rank, allocations), quants, move lines,
waiting and incoming moves. Writes: the moves' reservations (Odoo's own move lines),
``stock.policy.channel.atp`` rows, a channel's hashed API key.
"""

from . import channel_data
from . import crm_team
from . import stock_policy_channel_allocation
from . import stock_move
from . import stock_policy_channel_atp
