"""Waves: the orders a wave takes, the carts' limits and each batch's walking order.

Decides: who shares a cart, in the *Plan Waves* wizard (``wizards/wms_wave_plan.py``,
``action_plan`` -> the engine's ``stockops.execution.waves.plan_waves``), from the orders
of ``stock.picking._wms_wave_orders`` under ``stock.warehouse._wms_cart_limits``; the pick
path (``stock.picking.batch._wms_route`` -> ``stockops.execution.pick_path.pick_paths``).
Reads: ready transfers, their bins' coordinates, cut-offs and promised dates. Writes:
batches (waves), each move line's pick sequence and walk.
"""

from . import stock_warehouse_wave
from . import stock_picking_wave
from . import stock_picking_batch_route
