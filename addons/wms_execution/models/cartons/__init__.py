"""Cartons: which of the warehouse's carton types a transfer's units ship in, packing into
them, and the weight check at the pack station.

Decides: the carton suggestion (``stock.picking._wms_suggest_cartons``, the engine's
``stockops.execution.cartonize.cartonize``); whether a weighed carton is within tolerance.
Reads: reserved move lines, product sizes and handling flags, package types. Writes:
``wms.carton.suggestion`` and its lines, packages, pack-check exceptions.
"""

from . import stock_pack_verification
from . import wms_carton_suggestion
from . import stock_picking_carton_pack
