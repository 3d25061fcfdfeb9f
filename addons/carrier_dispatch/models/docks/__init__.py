"""The dock: doors with their hours and capacity, truck appointments, the delivery routes
of addresses, and the end-of-day manifest handed to each carrier.

Decides: whether an appointment fits its door (``stockops.dispatch.docks``) and what a
manifest holds (``stockops.dispatch.manifest``); a parcel's place in the truck is
``dispatch.parcel``'s (booking, ``stockops.dispatch.loading``). Reads: labelled parcels,
routes. Writes: ``dispatch.dock.appointment`` and ``dispatch.manifest`` rows.
"""

from . import dispatch_dock
from . import dispatch_dock_appointment
from . import dispatch_manifest
from . import res_partner
