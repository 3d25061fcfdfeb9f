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
    dispatch_shop_when_packed = fields.Boolean(
        "Shop Rates When Packed",
        default=True,
        help="Ask every carrier connector for the real cartons as soon as a delivery is "
        "packed (its pack step is done, or every line of it is in a package) and book the "
        "one chosen by the rule.",
    )
    dispatch_pick_pack_min = fields.Integer(
        "Pick and Pack Time (min)",
        default=60,
        help="Minutes from releasing a delivery's wave to its parcels being ready at the "
        "dock; the cut-off board counts it for deliveries not yet packed.",
    )
    dispatch_dock_ids = fields.One2many("dispatch.dock", "warehouse_id", "Dock Doors")
