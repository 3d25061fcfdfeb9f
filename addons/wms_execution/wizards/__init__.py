from . import wms_wave_plan
from . import wms_inbound_import
