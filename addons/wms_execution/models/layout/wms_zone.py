# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

ZONE_KINDS = [
    ("receiving", "Receiving dock"),
    ("qc", "Quality control"),
    ("hold", "Hold"),
    ("reserve", "Reserve storage"),
    ("forward", "Forward pick"),
    ("pack", "Pack stations"),
    ("shipping", "Shipping docks"),
    ("returns", "Returns"),
    ("crossdock", "Cross-dock staging"),
]


class WmsZone(models.Model):
    """An area of one warehouse that work is organised by: its kind decides what may be
    stored or reserved there (nothing in QC or on hold is picked for customers)."""

    _name = "wms.zone"
    _description = "Warehouse Zone"
    _order = "warehouse_id, sequence, code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code printed on labels, e.g. RES.")
    kind = fields.Selection(ZONE_KINDS, required=True, default="reserve")
    sequence = fields.Integer(default=10)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    location_id = fields.Many2one(
        "stock.location",
        string="Parent Location",
        help="The location under which this zone's bins are created.",
    )
    location_ids = fields.One2many("stock.location", "wms_zone_id", string="Locations")
    location_count = fields.Integer(compute="_compute_location_count")
    color = fields.Integer()

    _sql_constraints = [
        ("code_uniq", "unique(warehouse_id, code)", "A zone code is unique per warehouse."),
    ]

    def _compute_location_count(self):
        counts = dict(
            self.env["stock.location"]._read_group(
                [("wms_zone_id", "in", self.ids)], ["wms_zone_id"], ["__count"]
            )
        )
        for zone in self:
            zone.location_count = counts.get(zone, 0)

    def action_open_locations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_location_form")
        action["domain"] = [("wms_zone_id", "=", self.id)]
        action["context"] = {"default_wms_zone_id": self.id}
        return action
