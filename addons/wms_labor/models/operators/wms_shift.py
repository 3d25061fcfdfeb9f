# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import numpy as np
import pytz

from odoo import models


def slot_seconds(calendar, begin, hours):
    """Seconds of ``calendar``'s working time (public holidays off) in each one-hour slot
    from ``begin`` (aware UTC, on the hour)."""
    out = np.zeros(hours)
    if not calendar:
        return out
    end = begin + timedelta(hours=hours)
    for start, stop, _att in calendar._work_intervals_batch(begin, end)[False]:
        first = (start.astimezone(pytz.utc) - begin).total_seconds()
        last = (stop.astimezone(pytz.utc) - begin).total_seconds()
        for slot in range(max(0, int(first // 3600)), min(hours, int(np.ceil(last / 3600)))):
            lo, hi = max(first, slot * 3600.0), min(last, (slot + 1) * 3600.0)
            out[slot] += max(0.0, hi - lo)
    return out


class WmsOperator(models.Model):
    """When operators work: their shift calendar, or their company's working hours."""

    _inherit = "wms.operator"

    def _shift(self):
        self.ensure_one()
        return self.resource_calendar_id or self.company_id.resource_calendar_id

    def _seconds_on_shift(self, start, hours):
        """Operator id -> seconds on shift in each one-hour slot from ``start`` (naive UTC,
        on the hour): one calendar read per distinct shift, whatever the crew's size."""
        begin = pytz.utc.localize(start)
        by_calendar, out = {}, {}
        for operator in self:
            calendar = operator._shift()
            if calendar not in by_calendar:
                by_calendar[calendar] = slot_seconds(calendar, begin, hours)
            out[operator.id] = by_calendar[calendar]
        return out
