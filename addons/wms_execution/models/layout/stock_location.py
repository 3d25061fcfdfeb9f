# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from stockops.layout import Point, travel


class StockLocation(models.Model):
    """Where a location sits: zone, aisle, bay, level (Odoo's posx/posy/posz) and its
    coordinates in metres, which the travel-distance engine walks between."""

    _inherit = "stock.location"

    posx = fields.Integer(string="Aisle No. (X)", aggregator=None)
    posy = fields.Integer(string="Bay (Y)", aggregator=None)
    posz = fields.Integer(string="Level (Z)", aggregator=None)
    wms_zone_id = fields.Many2one("wms.zone", string="Zone", index=True)
    wms_aisle_id = fields.Many2one("wms.aisle", string="Aisle", index=True)
    wms_side = fields.Selection([("L", "Left"), ("R", "Right")], string="Side")
    wms_x_m = fields.Float("x (m)", digits=(10, 2), aggregator=None)
    wms_y_m = fields.Float("y (m)", digits=(10, 2), aggregator=None)
    wms_z_m = fields.Float("Height (m)", digits=(10, 2), aggregator=None)
    wms_has_coordinates = fields.Boolean(
        "Placed on the layout",
        help="Unset for locations nobody has measured yet: travel to them is unknown.",
    )
    wms_travel_from_pack_m = fields.Float(
        "Walk from packing (m)",
        digits=(10, 1),
        readonly=True,
        aggregator="avg",
        help="Walking distance through the aisles from the warehouse's pack station, "
        "refreshed by Recompute distances on the warehouse.",
    )

    @api.constrains("wms_aisle_id", "wms_y_m", "wms_has_coordinates")
    def _check_on_aisle(self):
        for location in self.filtered(lambda loc: loc.wms_aisle_id and loc.wms_has_coordinates):
            aisle = location.wms_aisle_id
            if not aisle.y_start_m <= location.wms_y_m <= aisle.y_end_m:
                raise ValidationError(
                    _(
                        "%(loc)s is at y=%(y)s m, outside aisle %(aisle)s (%(start)s-%(end)s m).",
                        loc=location.complete_name,
                        y=location.wms_y_m,
                        aisle=aisle.name,
                        start=aisle.y_start_m,
                        end=aisle.y_end_m,
                    )
                )

    def _wms_point(self):
        """The engine's view of this location; a clear error when it is not placed."""
        self.ensure_one()
        if not self.wms_has_coordinates:
            raise UserError(
                _(
                    "%(loc)s has no coordinates on the warehouse layout: set its zone, "
                    "aisle and x/y in Inventory ▸ Configuration ▸ Locations.",
                    loc=self.complete_name,
                )
            )
        return Point(self.wms_x_m, self.wms_y_m, self.wms_z_m, self.wms_aisle_id.name or None)

    def wms_travel_to(self, other):
        """Walk from this location to ``other`` through the aisles (engine Travel: m + reason)."""
        self.ensure_one()
        warehouse = self.warehouse_id
        if warehouse != other.warehouse_id:
            raise UserError(
                _(
                    "%(a)s and %(b)s are in different warehouses: there is no walk between them.",
                    a=self.complete_name,
                    b=other.complete_name,
                )
            )
        return travel(warehouse._wms_layout(), self._wms_point(), other._wms_point())


class StockQuant(models.Model):
    _inherit = "stock.quant"

    wms_zone_id = fields.Many2one(
        related="location_id.wms_zone_id", store=True, string="Zone", index=True
    )
