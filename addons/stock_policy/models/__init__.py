from . import stock_policy_profile
from . import stock_policy_exclusion
from . import stock_policy_history
from . import stock_policy_legacy_demand
from . import stock_warehouse_orderpoint
from . import stock_policy_run
from . import stock_policy_plan
from . import product_template
