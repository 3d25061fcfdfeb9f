"""Capacity: each zone's backlog against the operators on shift hour by hour, and tomorrow's
headcount per zone and shift from today's actuals.

Decides: the hourly shortfall and who could lend a hand (``stockops.labor.capacity``);
tomorrow's staffing (``stockops.labor.staffing``). Reads: open tasks, shifts, today's
done tasks. Writes: ``wms.zone.hour`` and ``wms.staffing.line`` rows.
"""

from . import wms_zone
from . import wms_zone_hour
from . import wms_staffing
