# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ProductTemplate(models.Model):
    """Handling flags the floor needs beyond size and weight: what may share a carton
    or a bin, and how a unit must travel."""

    _inherit = "product.template"

    wms_hazard_class = fields.Char(
        "Hazard Class", help="UN class (e.g. 2.1 aerosols); such goods go to hazard-rated bins."
    )
    wms_fragile = fields.Boolean("Fragile")
    wms_this_side_up = fields.Boolean("This Side Up")
    wms_do_not_mix = fields.Boolean(
        "Do Not Mix", help="Ships in cartons of its own: no other product in the same carton."
    )


class StockStorageCategory(models.Model):
    _inherit = "stock.storage.category"

    wms_max_volume_m3 = fields.Float(
        "Max Volume (m³)", digits=(10, 3), help="Usable volume of one location of this category."
    )
    wms_max_length_m = fields.Float(
        "Longest Unit (m)", digits=(10, 2), help="The longest unit a location takes; 0: any."
    )
    wms_hazardous = fields.Boolean(
        "Hazardous Goods Only",
        help="Only products with a hazard class go here, and they go nowhere else.",
    )
