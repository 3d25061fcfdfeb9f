# One package per capability; see each package's docstring. The order matters: Odoo builds
# the models in import order, so a room that extends another room's model comes after it
# (scan's wms.scan before receiving, exceptions' supervisor reason before put-away).
from . import layout
from . import ledger
from . import scan
from . import exceptions
from . import putaway
from . import replenishment
from . import receiving
from . import cartons
from . import scorecard
from . import waves
from . import inbound
