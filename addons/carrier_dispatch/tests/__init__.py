from . import test_cutoff
