from . import stock_policy_profile
