from . import test_policy_profile
from . import test_policy_run
from . import test_policy_legacy_demand
from . import test_policy_abc
from . import test_policy_counts
from . import test_policy_event_counts
from . import test_policy_ageing
from . import test_policy_tour
