from . import test_cutoff
from . import test_connectors
