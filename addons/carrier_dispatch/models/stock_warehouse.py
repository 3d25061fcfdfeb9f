# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    dispatch_rate_rule = fields.Selection(
        [("cheapest_on_time", "Cheapest on time"), ("fastest", "Fastest")],
        "Rate Shopping Rule",
        default="cheapest_on_time",
        help="Cheapest on time: the cheapest quote delivering by the promised date (the "
        "order's commitment date, else the transfer's deadline), else the fastest. "
        "Fastest: the earliest delivery, then the cheapest.",
    )
    dispatch_dock_ids = fields.One2many("dispatch.dock", "warehouse_id", "Dock Doors")
