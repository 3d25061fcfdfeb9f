# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

EQUIPMENT = [
    ("none", "On foot"),
    ("cart", "Picker cart"),
    ("pallet_jack", "Pallet jack"),
    ("forklift", "Counterbalance forklift"),
    ("reach_truck", "Reach truck"),
]


class WmsSkill(models.Model):
    """A certification or know-how a task may require (reach truck licence, hazmat).

    Shared by every company: a skill means the same everywhere and its code is unique
    across the database; it names no person, stock or figure of a company (who holds it
    is on the operator, who is of one company)."""

    _name = "wms.skill"
    _description = "Warehouse Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)

    _sql_constraints = [("code_uniq", "unique(code)", "A skill code is unique.")]


class WmsOperator(models.Model):
    """A person on the floor as task assignment sees them: where they start, what they
    may drive, what they are certified for and which shift they work."""

    _name = "wms.operator"
    _description = "Warehouse Operator"
    _order = "warehouse_id, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one("res.users", help="The login the operator scans with.", index=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    home_zone_id = fields.Many2one("wms.zone", domain="[('warehouse_id', '=', warehouse_id)]")
    equipment = fields.Selection(EQUIPMENT, default="none", required=True)
    skill_ids = fields.Many2many("wms.skill", string="Skills")
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Shift", help="Working hours; tasks are planned within them."
    )

    _sql_constraints = [
        ("user_uniq", "unique(user_id)", "A user is one operator."),
    ]
