from . import wms_operator
from . import wms_task
from . import wms_task_generate
from . import wms_task_assign
from . import wms_zone
from . import wms_kpi
