from . import operators
from . import tasks
from . import capacity
from . import wms_kpi
from . import wms_scan_next_task
