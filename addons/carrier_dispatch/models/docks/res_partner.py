# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dispatch_route = fields.Char(
        "Delivery Route",
        help="The carrier's route (truck) this address is on; each route is loaded on its own.",
    )
    dispatch_route_stop = fields.Integer(
        "Route Stop",
        help="Position of this address on the carrier's route; empty uses the postal code. "
        "Parcels for later stops are loaded first.",
    )
