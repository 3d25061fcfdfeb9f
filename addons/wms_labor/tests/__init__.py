from . import test_operator
from . import test_tasks
