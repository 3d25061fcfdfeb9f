"""HTTP doors into the warehouse that are not the scan screen: a vendor's advance ship
notice, a fixed RFID reader's push. Thin: each checks who calls and the request's shape,
then calls the model that decides and writes (``wms.inbound.notice``, ``wms.scan``)."""

from . import inbound_notice
from . import rfid_push
