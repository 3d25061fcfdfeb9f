from . import carriers
from . import booking
from . import docks
