from . import wms_wave_plan
