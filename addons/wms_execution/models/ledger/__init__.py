"""The hand-off ledger: one ``wms.event`` per confirmed receipt, put-away, replenishment,
pick, pack and shipment, never edited or deleted.

Decides: which hand-off a posting confirms (``stock.move.line._wms_log_handoffs``, the
engine's ``stockops.execution.handoff``). Reads: the posted move lines and their operation
types. Writes: ``wms.event`` rows, which the scorecard and the labour tasks read.
"""

from . import wms_event
from . import stock_move
