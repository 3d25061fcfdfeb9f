# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.addons.stock_policy.models.site_clock import site_now
from odoo.exceptions import ValidationError

from stockops.dispatch.docks import Slot, check_slot


class DispatchDockAppointment(models.Model):
    """A truck's time slot at a dock door; a door is never booked beyond its capacity.
    Floor supervisors and inventory administrators book the slots; the others read them."""

    _name = "dispatch.dock.appointment"
    _description = "Dock Appointment"
    _order = "start, id"

    name = fields.Char(required=True, default=lambda self: _("Carrier pick-up"))
    dock_id = fields.Many2one("dispatch.dock", "Dock Door", required=True, index=True)
    warehouse_id = fields.Many2one(related="dock_id.warehouse_id", store=True)
    company_id = fields.Many2one(related="dock_id.company_id", store=True)
    carrier_id = fields.Many2one("delivery.carrier")
    start = fields.Datetime(required=True, index=True)
    end = fields.Datetime(
        required=True, compute="_compute_end", store=True, readonly=False, precompute=True
    )
    pallets = fields.Integer()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
    )
    note = fields.Char()
    slot_reason = fields.Char("Slot", compute="_compute_slot_reason")

    @api.depends("start")
    def _compute_end(self):
        for appointment in self:
            if appointment.start:
                appointment.end = appointment.start + timedelta(hours=1)

    def _local(self, moment):
        """``moment`` (UTC) on the door's site clock, where its opening hours are."""
        site = self.dock_id.warehouse_id or self.dock_id.company_id or self.env.company
        return site_now(site._site_tz(), moment)[0]

    def _slot(self):
        return Slot(
            self._local(self.start), self._local(self.end), self.carrier_id.name or self.name
        )

    def _check_all(self):
        """``{appointment: SlotCheck}`` against the other live appointments of each door
        (one read of every appointment near them, one engine call each)."""
        live = self.filtered(lambda a: a.state != "cancelled" and a.start and a.end)
        if not live:
            return {}
        near = self.search(
            [
                ("dock_id", "in", live.dock_id.ids),
                ("state", "!=", "cancelled"),
                ("start", "<", max(live.mapped("end")) + timedelta(days=8)),
                ("end", ">", min(live.mapped("start")) - timedelta(days=1)),
            ]
        )
        checks = {}
        for appointment in live:
            others = near.filtered(
                lambda o, a=appointment: o.dock_id == a.dock_id and o.id != a._origin.id
            )
            checks[appointment] = check_slot(
                appointment.dock_id._schedule(),
                appointment._slot(),
                [o._slot() for o in others],
            )
        return checks

    @api.depends("dock_id", "start", "end", "state")
    def _compute_slot_reason(self):
        checks = self._check_all()
        for appointment in self:
            check = checks.get(appointment)
            appointment.slot_reason = check.reason if check else False

    @api.constrains("dock_id", "start", "end", "state", "pallets")
    def _check_dock_capacity(self):
        for appointment in self.filtered(lambda a: a.pallets < 0):
            raise ValidationError(
                _("%(appointment)s plans %(pallets)s pallets: a truck loads none or more.",
                  appointment=appointment.name, pallets=appointment.pallets)
            )  # fmt: skip
        for appointment, check in self._check_all().items():
            dock = appointment.dock_id
            if not check.ok:
                raise ValidationError(
                    _(
                        "%(appointment)s cannot have this slot: %(reason)s.",
                        appointment=appointment.name,
                        reason=check.reason,
                    )
                )
            if dock.capacity_pallets and appointment.pallets > dock.capacity_pallets:
                raise ValidationError(
                    _(
                        "%(appointment)s plans %(pallets)s pallets; %(dock)s takes at most "
                        "%(capacity)s. Split the load or book a larger door.",
                        appointment=appointment.name,
                        pallets=appointment.pallets,
                        dock=dock.name,
                        capacity=dock.capacity_pallets,
                    )
                )

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})
