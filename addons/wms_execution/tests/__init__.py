from . import test_layout
from . import test_event_ledger
from . import test_demo_warehouse
from . import test_tour
from . import test_putaway
from . import test_reslot
from . import test_replenish
from . import test_receiving
