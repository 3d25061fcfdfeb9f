"""Carriers: services with their tender windows and cut-offs, the connectors that talk to a
carrier (REST or SOAP) and the cut-off board.

Decides: which carrier cut-off a delivery makes and when its wave must be released
(``stock.picking._compute_dispatch_cutoff``, the engine's ``stockops.dispatch.cutoff``);
how a connector's call is retried. Reads: carriers, services, open deliveries. Writes:
the board's computed fields and the waves it releases.
"""

from . import delivery_carrier
from . import delivery_carrier_connector
from . import dispatch_carrier_service
from . import stock_warehouse
from . import stock_picking_cutoff
