"""HTTP doors into the warehouse that are not the scan screen: a fixed RFID reader's push.
Thin: each checks the request's shape, then calls the scan service (``wms.scan``), which
decides and writes."""

from . import rfid_push
