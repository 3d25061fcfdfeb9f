"""Cycle counts: the count plan by class, counts asked for by events (an emptied bin, a
short pick, a valuable receipt), and the variance workflow with its accuracy log.

Decides: each bin's next count date (``stock.policy.count.plan``, the engine's
``stockops.policy.cycle_count``); whether a count needs a recount and approval. Reads:
quants, classes, the warehouse's tolerances. Writes: quants' scheduled dates and reasons,
``stock.policy.count.result`` rows.
"""

from . import stock_quant
from . import stock_policy_count_result
from . import stock_policy_count_plan
from . import stock_count_request
from . import stock_move
