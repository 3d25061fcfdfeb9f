from . import test_cutoff
from . import test_connectors
from . import test_bad_input
from . import test_manifest
from . import test_docks
from . import test_pack_time
from . import test_demo_flow
from . import test_dispatch_rights
