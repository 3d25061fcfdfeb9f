from . import test_operator
