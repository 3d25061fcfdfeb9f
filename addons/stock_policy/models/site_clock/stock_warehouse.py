# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .res_company import site_today


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _site_tz(self):
        """The site's clock of this warehouse: its address's time zone, else its company's."""
        self.ensure_one()
        return self.sudo().partner_id.tz or self.company_id._site_tz()

    def _site_today(self):
        """Today on this warehouse's clock (a date)."""
        return site_today(self._site_tz())


class StockLocation(models.Model):
    _inherit = "stock.location"

    def _site_days(self):
        """{location id: today on its warehouse's clock (its company's outside a
        warehouse)}: one time-zone read per warehouse or company."""
        days, seen = {}, {}
        for location in self:
            site = location.warehouse_id or location.company_id or self.env.company
            if site not in seen:
                seen[site] = site._site_today()
            days[location.id] = seen[site]
        return days
