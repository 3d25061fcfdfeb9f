# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from stockops.dispatch.docks import WEEKDAYS, DoorSchedule


class DispatchDock(models.Model):
    """A dock door: where the parcels of its carriers wait for the truck, and when trucks
    may stand at it."""

    _name = "dispatch.dock"
    _description = "Dock Door"
    _order = "warehouse_id, sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    carrier_ids = fields.Many2many(
        "delivery.carrier",
        string="Carriers",
        help="Carriers loaded at this door; a door without carriers takes any carrier.",
    )
    truck_capacity = fields.Integer(
        "Trucks at Once",
        default=1,
        help="How many trucks can stand at the door at the same time; an appointment that "
        "would put more there is refused.",
    )
    capacity_parcels = fields.Integer("Capacity (parcels)")
    capacity_pallets = fields.Integer(
        "Capacity (pallets)", help="Most pallets one appointment may load at this door."
    )
    open_time = fields.Float("Opens", default=7.0)
    close_time = fields.Float("Closes", default=18.0)
    open_weekends = fields.Boolean("Open on Weekends")
    appointment_ids = fields.One2many("dispatch.dock.appointment", "dock_id", "Appointments")
    parcel_count = fields.Integer("Parcels Waiting", compute="_compute_parcel_count")
    load_reason = fields.Char("Load", compute="_compute_parcel_count")

    @api.constrains(
        "open_time", "close_time", "truck_capacity", "capacity_parcels", "capacity_pallets"
    )
    def _check_schedule(self):
        for dock in self:
            if not 0.0 <= dock.open_time < dock.close_time <= 24.0:
                raise ValidationError(
                    _("Dock %s must open before it closes, within the day.", dock.name)
                )
            if dock.truck_capacity < 1:
                raise ValidationError(_("Dock %s must take at least one truck.", dock.name))
            if dock.capacity_parcels < 0 or dock.capacity_pallets < 0:
                raise ValidationError(
                    _("The capacity of dock %s cannot be negative (0: no limit).", dock.name)
                )

    def _schedule(self):
        """The engine's view of this door: capacity, opening hours, working days."""
        self.ensure_one()
        return DoorSchedule(
            self.name,
            self.truck_capacity,
            self.open_time,
            self.close_time,
            (*WEEKDAYS, 6, 7) if self.open_weekends else WEEKDAYS,
        )

    def _loading_domain(self, carrier=None):
        domain = [("dock_id", "in", self.ids), ("status", "=", "label_created")]
        if carrier:
            domain.append(("carrier_id", "=", carrier.id))
        return domain

    def _compute_parcel_count(self):
        groups = self.env["dispatch.parcel"]._read_group(
            self._loading_domain(), ["dock_id"], ["__count"]
        )
        counts = {dock.id: count for dock, count in groups}
        for dock in self:
            count = counts.get(dock.id, 0)
            dock.parcel_count = count
            if dock.capacity_parcels and count > dock.capacity_parcels:
                dock.load_reason = _(
                    "%(count)s parcels, %(over)s over capacity",
                    count=count,
                    over=count - dock.capacity_parcels,
                )
            else:
                dock.load_reason = _("%s parcels", count)

    def get_loading_list(self, carrier=None):
        """Parcels waiting at these doors, per carrier and route, in loading order: the
        last stop first (the order ``loading_order`` gives and explains per parcel)."""
        return self.env["dispatch.parcel"].search(
            self._loading_domain(carrier),
            order="dock_id, carrier_id, route, stop_sequence desc, id",
        )

    def action_open_loading_list(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "carrier_dispatch.action_dispatch_loading_list"
        )
        action["domain"] = self._loading_domain()
        action["display_name"] = _("Loading list: %s", self.display_name)
        return action

    def action_open_appointments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "carrier_dispatch.action_dispatch_dock_appointment"
        )
        action["domain"] = [("dock_id", "=", self.id)]
        action["context"] = {"default_dock_id": self.id}
        action["display_name"] = _("Appointments: %s", self.display_name)
        return action
