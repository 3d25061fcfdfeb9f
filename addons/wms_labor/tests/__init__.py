from . import test_operator
from . import test_tasks
from . import test_task_guard
from . import test_capacity
from . import test_demo
from . import test_demo_floor_tasks
from . import test_scan_next_task
from . import test_task_rights
