"""Operators: the people on the floor as task assignment sees them (start location,
equipment, skills) and when they work (shift calendars).

Decides: an operator's working seconds per hour. Reads: resource calendars and holidays.
Writes: nothing beyond the operator records.
"""

from . import wms_operator
from . import wms_shift
