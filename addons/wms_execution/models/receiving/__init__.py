"""Receipts: where a received line goes first (hold, quality control, cross-dock or
put-away), over-receipts, packages and expiry captured at receipt, customer returns'
inspection, and the status of stock (available, hold, QC, returned, consigned).

Decides: a receipt line's route (``stock.picking._wms_route_receipt``, the engine's
``stockops.execution.receiving``); which stock a move may reserve by status. Reads:
receipt lines, waiting demand, zones. Writes: the next-step moves, cross-dock
reservations, return dispositions.
"""

from . import stock_picking_receive
from . import stock_picking_over_receipt
from . import stock_location_status
from . import stock_return_inspection
from . import stock_package_receive
