from . import test_policy_profile
from . import test_policy_run
