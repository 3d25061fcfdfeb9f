# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _site_tz(self):
        """The site's clock, a time-zone name: the company address's, else its working
        hours', else UTC. Cut-offs, door hours and the floor's days are read on it, so a
        carrier leaves at the same hour whoever looks (a user's own zone is only display)."""
        self.ensure_one()
        company = self.sudo()  # a time zone, readable by whoever reads a cut-off
        return company.partner_id.tz or company.resource_calendar_id.tz or "UTC"

    def _site_today(self):
        """Today on the site's clock (a date)."""
        return site_today(self._site_tz())


def site_now(tz_name, now_utc):
    """``(local now, offset)`` on the site clock ``tz_name`` for a naive UTC ``now_utc``;
    local = UTC + offset, both naive."""
    local = pytz.utc.localize(now_utc).astimezone(pytz.timezone(tz_name)).replace(tzinfo=None)
    return local, local - now_utc


def site_to_utc(tz_name, local):
    """Naive UTC of a naive local time on the site clock ``tz_name``."""
    return pytz.timezone(tz_name).localize(local).astimezone(pytz.utc).replace(tzinfo=None)


def site_today(tz_name, now_utc=None):
    """The date on the site clock ``tz_name`` at naive UTC ``now_utc`` (default: now)."""
    return site_now(tz_name, now_utc or fields.Datetime.now())[0].date()
