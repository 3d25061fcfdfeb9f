# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.addons.stock_policy.tools import bulk_update
from odoo.exceptions import AccessError, UserError

from stockops.layout import Aisle, Layout, Point, distances_m


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wms_zone_ids = fields.One2many("wms.zone", "warehouse_id", string="Zones")
    wms_aisle_ids = fields.One2many("wms.aisle", "warehouse_id", string="Aisles")
    wms_cross_aisle_ids = fields.One2many("wms.cross.aisle", "warehouse_id", string="Cross Aisles")
    wms_pack_location_id = fields.Many2one(
        "stock.location",
        string="Pack Station",
        domain="[('warehouse_id', '=', id), ('wms_has_coordinates', '=', True)]",
        help="The point walking distances are measured from: fast movers belong near it.",
    )

    def _wms_layout(self):
        """The engine's aisle network for this warehouse (one read of aisles and cross aisles)."""
        self.ensure_one()
        if not self.wms_cross_aisle_ids:
            raise UserError(
                _(
                    "%(wh)s has no cross aisles: add at least the front one on the "
                    "warehouse's Layout tab.",
                    wh=self.name,
                )
            )
        try:
            return Layout(
                aisles=tuple(
                    Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in self.wms_aisle_ids
                ),
                cross_aisles_y_m=tuple(sorted(self.wms_cross_aisle_ids.mapped("y_m"))),
            )
        except ValueError as err:
            raise UserError(_("The layout of %(wh)s: %(err)s", wh=self.name, err=err)) from err

    def action_wms_compute_travel(self):
        """Store on every placed location the walk (m) from the pack station: one read of
        the locations, one engine call, one UPDATE. Supervisors and managers only."""
        user = self.env.user
        if not (
            user.has_group("wms_execution.group_wms_supervisor")
            or user.has_group("stock.group_stock_manager")
        ):
            raise AccessError(_("Only a warehouse supervisor can recompute walking distances."))
        for warehouse in self:
            if not warehouse.wms_pack_location_id:
                raise UserError(_("Set the pack station of %(wh)s first.", wh=warehouse.name))
            layout = warehouse._wms_layout()
            rows = self.env["stock.location"].search_fetch(
                [("warehouse_id", "=", warehouse.id), ("wms_has_coordinates", "=", True)],
                ["wms_x_m", "wms_y_m", "wms_z_m", "wms_aisle_id"],
            )
            points = [
                Point(r.wms_x_m, r.wms_y_m, r.wms_z_m, r.wms_aisle_id.name or None) for r in rows
            ]
            origin = warehouse.wms_pack_location_id._wms_point()
            try:
                walks = distances_m(layout, [origin], points)[0]
            except ValueError as err:
                raise UserError(str(err)) from err
            bulk_update(rows, [{"wms_travel_from_pack_m": w} for w in walks.round(1).tolist()])
        return True
