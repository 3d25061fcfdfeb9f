"""Forward-bin top-ups: reserve-to-forward replenishments planned from open demand, and the
ones a released wave triggers before its picks.

Decides: which forward bins get a top-up, how much and when
(``stock.warehouse._wms_replenish``, the engine's ``stockops.execution.replenish``).
Reads: forward bins' min/max and stock, open picks, reserve stock. Writes: replenishment
transfers, linked to the wave that asked for them.
"""

from . import stock_replenish
from . import stock_picking_batch_replenish
