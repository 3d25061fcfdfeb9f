"""The warehouse's floor: zones, aisles and cross aisles, each location's place (aisle, bay,
level, coordinates in metres) and the walk to it from the pack station.

Decides: a location's walk from the pack station
(``stock.warehouse.action_wms_compute_travel``, the engine's ``stockops.layout``). Reads:
zones, aisles, locations. Writes: each location's travel metres. Also here: the product
handling flags and storage-category limits that put-away and cartons read.
"""

from . import product_template
from . import wms_zone
from . import wms_aisle
from . import stock_location
from . import stock_warehouse
