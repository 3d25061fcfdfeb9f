"""Tasks: one directed movement for one operator, where tasks come from, who does what next,
and what keeps a task from getting stuck or done twice.

Decides: the engineered standard time (the engine's ``stockops.labor.standards``) and an
operator's next task (``wms.task``'s assignment, ``stockops.labor.assign``, under a row
lock). Reads: ready transfers, bins due for a count, operators. Writes: ``wms.task`` rows.
"""

from . import wms_task
from . import wms_task_generate
from . import wms_task_assign
from . import wms_task_guard
from . import wms_task_reassign
