# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class WmsAisle(models.Model):
    """One aisle of the rack block: its centre line (m) and the stretch it is open along."""

    _name = "wms.aisle"
    _description = "Warehouse Aisle"
    _order = "warehouse_id, x_m, name"

    name = fields.Char(required=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    zone_id = fields.Many2one("wms.zone", domain="[('warehouse_id', '=', warehouse_id)]")
    x_m = fields.Float("Centre line x (m)", digits=(10, 2), required=True, aggregator=None)
    y_start_m = fields.Float("Starts at y (m)", digits=(10, 2), required=True, aggregator=None)
    y_end_m = fields.Float("Ends at y (m)", digits=(10, 2), required=True, aggregator=None)
    width_m = fields.Float("Width (m)", digits=(10, 2), default=3.0, aggregator=None)
    rack_depth_m = fields.Float("Rack depth (m)", digits=(10, 2), default=1.2, aggregator=None)
    location_ids = fields.One2many("stock.location", "wms_aisle_id", string="Bins")

    _sql_constraints = [
        ("name_uniq", "unique(warehouse_id, name)", "An aisle name is unique per warehouse."),
    ]


class WmsCrossAisle(models.Model):
    """A cross aisle: a gangway along x at ``y_m`` that joins every aisle."""

    _name = "wms.cross.aisle"
    _description = "Warehouse Cross Aisle"
    _order = "warehouse_id, y_m"

    name = fields.Char(required=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    y_m = fields.Float("Position y (m)", digits=(10, 2), required=True, aggregator=None)
