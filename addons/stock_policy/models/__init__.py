from . import site_clock
from . import demand
from . import reorder
from . import classification
from . import counts
from . import ageing
from . import network
from . import channels
