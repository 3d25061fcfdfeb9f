"""Directed put-away: which bin a received unit goes to, the bin check at posting, and
re-slotting proposals.

Decides: the put-away bin (``stock.location._get_putaway_strategy`` ->
``_wms_direct``, the engine's ``stockops.execution.putaway.suggest``); whether a bin may
take posted lines (``stock.move.line._wms_bin_problems``); which products to move
(``wms.reslot``). Reads: bins with their storage categories, load and contents, product
sizes and pick velocity. Writes: the move line's bin and reason, ``wms.reslot`` lines.
"""

from . import stock_location_putaway
from . import stock_move_line_bin_check
from . import wms_reslot
