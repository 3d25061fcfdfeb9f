"""The demo warehouse loader (``wms.demo.loader``), out of the business code: the demo XML
calls ``_load``, which builds the generated warehouse (``stockops.scenario``) in bulk:
master data, six months of history posted through Odoo's moves, the layout, stock put
away, open orders, two weeks of floor work, two advance ship notices waiting for their
truck, a serial-tracked drill tagged for the RFID bin count, and a regional warehouse
resupplied by the main one (network planning and rebalancing).
"""

from . import loader
from . import transfers
from . import master_data
from . import history
from . import layout
from . import stock
from . import floor_week
from . import notices
from . import rfid
from . import network
