"""Booking a delivery: rate shopping on the real cartons, the booking with its retries,
labels, parcels and tracking.

Decides: the carrier service a delivery ships with (``stock.picking``'s rate shop, the
engine's ``stockops.dispatch.rates``) and each parcel's place in the truck
(``stockops.dispatch.loading``). Reads: packages, the warehouse's rule, connector answers.
Writes: ``dispatch.quote``, ``dispatch.parcel`` and tracking events, labels.
"""

from . import dispatch_parcel
from . import dispatch_quote
from . import stock_picking
from . import stock_picking_rates
from . import stock_quant_package
