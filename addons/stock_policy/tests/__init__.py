from . import test_policy_profile
