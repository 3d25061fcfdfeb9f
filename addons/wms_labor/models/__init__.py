from . import wms_operator
