# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import pytz
from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.addons.stock_policy.tools import bulk_update
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from stockops.labor.standards import standard_times_s
from stockops.layout import travel_distance_m

from ..operators.wms_operator import EQUIPMENT

KINDS = [
    ("putaway", "Put-away"),
    ("replenish", "Replenishment"),
    ("pick", "Pick"),
    ("pack", "Pack"),
    ("load", "Load"),
    ("count", "Count"),
    ("returns", "Returns inspection"),
]
#: the engine's travel speeds are keyed by equipment; "none" is walking
ENGINE_GEAR = {"none": "foot", "cart": "cart", "pallet_jack": "pallet_jack",
               "forklift": "forklift", "reach_truck": "reach_truck"}  # fmt: skip
#: who has a task, where it stands and how long it took: written by the task's own flow
#: (assign, start, done, release: sudo, after their checks) or by a supervisor
FLOW_FIELDS = frozenset({
    "operator_id", "pinned", "state", "assigned_date", "start_date", "done_date", "actual_s",
    "performance", "shift_id", "shift_date", "release_count", "assignment_reason",
    "standard_s", "handling_s", "travel_m", "standard_reason",
})  # fmt: skip


class WmsTask(models.Model):
    """One directed movement for one operator: a put-away, a replenishment, a pick (batch),
    a pack, a load, a count or a returns inspection, with where it starts and ends, when it
    is due, what it requires, its engineered standard time and, once done, its actual time
    and performance to standard."""

    _name = "wms.task"
    _description = "Warehouse Task"
    _order = "priority desc, due_date, id"

    name = fields.Char(required=True, readonly=True, default=lambda self: _("New"))
    kind = fields.Selection(KINDS, required=True, readonly=True, index=True)
    state = fields.Selection(
        [("open", "Open"), ("assigned", "Assigned"), ("in_progress", "In progress"),
         ("done", "Done"), ("cancel", "Cancelled")],
        default="open", required=True, index=True, readonly=True,
    )  # fmt: skip
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    warehouse_id = fields.Many2one("stock.warehouse", required=True, index=True, readonly=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    zone_id = fields.Many2one("wms.zone", index=True, readonly=True)
    location_id = fields.Many2one("stock.location", "Starts At", readonly=True)
    location_dest_id = fields.Many2one("stock.location", "Ends At", readonly=True)
    picking_id = fields.Many2one("stock.picking", index=True, readonly=True)
    batch_id = fields.Many2one("stock.picking.batch", index=True, readonly=True)
    quant_id = fields.Many2one("stock.quant", "Bin to Count", index=True, readonly=True)
    skill_id = fields.Many2one("wms.skill", "Required Skill")
    equipment = fields.Selection(EQUIPMENT, default="none", required=True)
    operator_id = fields.Many2one("wms.operator", index=True)
    pinned = fields.Boolean(help="A supervisor chose the operator: assignment keeps it.")
    due_date = fields.Datetime("Due", index=True)
    lines = fields.Integer(default=1)
    units = fields.Float(digits="Product Unit of Measure")
    travel_m = fields.Float("Travel (m)", digits=(10, 1), readonly=True)
    standard_s = fields.Float("Standard (s)", digits=(10, 1), readonly=True)
    handling_s = fields.Float("Handling (s)", digits=(10, 1), readonly=True)
    standard_reason = fields.Char("Standard", readonly=True)
    assigned_date = fields.Datetime(readonly=True)
    start_date = fields.Datetime(readonly=True)
    done_date = fields.Datetime(readonly=True)
    actual_s = fields.Float("Actual (s)", digits=(10, 1), readonly=True)
    performance = fields.Float(
        "Performance (%)", digits=(10, 1), readonly=True, aggregator="avg",
        help="Standard time over actual time: above 100 is faster than standard.",
    )  # fmt: skip
    assignment_reason = fields.Char("Why This Operator", readonly=True)
    note = fields.Char(help="Why the task was released back or cancelled.")
    shift_id = fields.Many2one(
        "resource.calendar", readonly=True, index=True,
        help="The shift of the operator who did the task: plan against actual per shift.",
    )  # fmt: skip
    shift_date = fields.Date(readonly=True, index=True, help="The day the task was done.")
    release_count = fields.Integer(
        "Released", readonly=True, help="Times the task was given back or taken off someone."
    )

    _sql_constraints = [
        ("one_open_count", "EXCLUDE (quant_id WITH =) WHERE (state in ('open', 'assigned', "
         "'in_progress') and quant_id is not null)", "A bin already has an open count."),
    ]  # fmt: skip

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        tasks._set_names_and_standards()
        return tasks

    def write(self, vals):
        if not self.env.su and FLOW_FIELDS.intersection(vals) and not self._is_boss():
            raise AccessError(
                _("Only a supervisor gives a task to someone or changes its state or times. "
                  "Ask for your next task on the scanner and close it with Done or Release.")
            )  # fmt: skip
        return super().write(vals)

    @api.model
    def _is_boss(self):
        """Whether the user may give tasks and correct them: a floor supervisor or an
        inventory administrator."""
        user = self.env.user
        return user.has_group("wms_execution.group_wms_supervisor") or user.has_group(
            "stock.group_stock_manager"
        )

    def _set_names_and_standards(self):
        """Names and engineered standards of new tasks: one engine call, one UPDATE."""
        if not self:
            return
        travel = self._travel_m()
        times = standard_times_s(
            self.mapped("kind"),
            travel,
            self.mapped("lines"),
            self.mapped("units"),
            [ENGINE_GEAR[e] for e in self.mapped("equipment")],
        )
        labels = dict(KINDS)
        bulk_update(
            self,
            [
                {
                    "name": f"{labels[task.kind]} "
                    f"{task.batch_id.name or task.picking_id.name or task.location_id.name}",
                    "travel_m": travel[i],
                    "standard_s": float(times.total_s[i]),
                    "handling_s": float(times.handling_s[i]),
                    "standard_reason": times.reason(i),
                }
                for i, task in enumerate(self)
            ],
        )

    def _travel_m(self):
        """Walk (m) from start to end of each task on its warehouse's layout (built once
        per warehouse); 0 when a location has no coordinates (the standard then says
        travel 0 m)."""
        layouts, out = {}, []
        for task in self:
            src, dst = task.location_id, task.location_dest_id
            if not (src.wms_has_coordinates and dst.wms_has_coordinates) or src == dst:
                out.append(0.0)
                continue
            warehouse = task.warehouse_id
            if warehouse.id not in layouts:
                layouts[warehouse.id] = warehouse._wms_layout()
            walk = travel_distance_m(layouts[warehouse.id], src._wms_point(), dst._wms_point())
            out.append(round(walk, 1))
        return out

    # --- the operator's buttons -------------------------------------------------------------

    def _lock_in_hand(self, allowed_states):
        """Lock the tasks' rows (a second click or a second device waits for nothing: it is
        refused) and check each is still in ``allowed_states`` and the caller's."""
        if not self:
            return
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL("SELECT id FROM wms_task WHERE id IN %s FOR UPDATE NOWAIT", tuple(self.ids))
                )
        except LockNotAvailable:
            raise UserError(
                _("%(tasks)s is being closed on another device: refresh and look again.",
                  tasks=", ".join(self.mapped("name")))
            ) from None  # fmt: skip
        self.invalidate_recordset(["state", "operator_id"])
        boss = self._is_boss()
        for task in self:
            if not boss and task.operator_id.user_id != self.env.user:
                raise UserError(
                    _("%(task)s is no longer yours (%(who)s has it; %(note)s). Ask for your "
                      "next task.", task=task.name, who=task.operator_id.name or _("no one"),
                      note=task.note or _("released"))
                )  # fmt: skip
            if task.state not in allowed_states:
                raise UserError(
                    _("%(task)s is %(state)s: nothing to do (it is never done twice).",
                      task=task.name, state=dict(self._fields["state"].selection)[task.state])
                )  # fmt: skip

    def action_start(self):
        self._lock_in_hand(("assigned",))
        self.sudo().write({"state": "in_progress", "start_date": fields.Datetime.now()})

    def action_done(self):
        now = fields.Datetime.now()
        self._lock_in_hand(("assigned", "in_progress"))
        actual = self._actual_seconds(now)
        for task in self:
            seconds = actual[task.id]
            shift = task.operator_id._shift() if task.operator_id else task.shift_id
            tz = pytz.timezone(shift.tz or self.env.user.tz or "UTC")
            began = pytz.utc.localize(task.start_date or task.assigned_date or now).astimezone(tz)
            task.sudo().write(
                {
                    "state": "done",
                    "done_date": now,
                    "actual_s": seconds,
                    "performance": 100.0 * task.standard_s / seconds if seconds else 0.0,
                    "shift_id": shift.id,
                    "shift_date": began.date(),
                }
            )

    def _last_scans(self):
        """("picking" | "batch", id) -> the last hand-off scanned for it in ``wms.event``."""
        groups = self.env["wms.event"]._read_group(
            [
                "|",
                ("picking_id", "in", self.picking_id.ids),
                ("batch_id", "in", self.batch_id.ids),
            ],
            ["picking_id", "batch_id"],
            ["date:max"],
        )
        last_scan = {}
        for picking, batch, last in groups:
            for key in (("picking", picking.id), ("batch", batch.id)):
                if key[1]:
                    last_scan[key] = max(last, last_scan.get(key, last))
        return last_scan

    def _actual_seconds(self, now):
        """Seconds from start (or assignment) to the last hand-off scanned for the task's
        transfer or batch (``wms.event``), or to now when none was scanned."""
        last_scan = self._last_scans()
        out = {}
        for task in self:
            began = task.start_date or task.assigned_date or now
            end = last_scan.get(("batch", task.batch_id.id)) or last_scan.get(
                ("picking", task.picking_id.id)
            )
            end = end if end and end > began else now
            out[task.id] = max((end - began).total_seconds(), 1.0)
        return out

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Performance of a group is its standard over its actual time, not an average of
        percentages: 10 tasks at 50 % and one at 200 % are not a crew at 63 %."""
        if aggregate_spec.split(":")[0] == "performance":
            table = query.table
            return SQL(
                "100.0 * SUM(CASE WHEN %s > 0 THEN %s END) / NULLIF(SUM(%s), 0)",
                SQL.identifier(table, "actual_s"),
                SQL.identifier(table, "standard_s"),
                SQL.identifier(table, "actual_s"),
            )
        return super()._read_group_select(aggregate_spec, query)

    def action_release(self):
        """Give the task back (abandoned mid-way, wrong equipment): open again, nothing
        lost, with who released it and why in the note."""
        in_hand = self.filtered(lambda t: t.state in ("assigned", "in_progress"))
        in_hand._lock_in_hand(("assigned", "in_progress"))  # an operator's own only
        for task in in_hand:
            who = task.operator_id.name or self.env.user.name
            task._release(_("Released by %(who)s", who=who))

    def _release(self, note, **vals):
        """Back to the open queue with ``note`` (why): the transfer, its lines and what was
        already scanned stay as they are; the next operator carries on from there."""
        self.ensure_one()
        self.sudo().write({"state": "open", "operator_id": False, "pinned": False,
                    "assigned_date": False, "start_date": False, "note": note,
                    "release_count": self.release_count + 1, **vals})  # fmt: skip
