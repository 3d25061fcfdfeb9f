# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from stockops.labor.assign import INTERLEAVE_M, Operator, Task, next_task
from stockops.layout import travel_distance_m

from .wms_task import ENGINE_GEAR

#: how many open tasks (the most urgent first) the engine chooses among
CANDIDATES = 500
#: tries when another operator takes the chosen task at the same moment
ATTEMPTS = 5


class WmsTask(models.Model):
    """Who does what next: the engine picks the operator's next task from where they
    stand (interleaving), their skills and the due times; the row is locked so two
    operators asking at once never get the same task."""

    _inherit = "wms.task"

    def _engine_point(self, location, warehouse):
        """A location as an engine Point; the pack station (or the origin) for a location
        without coordinates."""
        if location.wms_has_coordinates:
            return location._wms_point()
        pack = warehouse.wms_pack_location_id
        return pack._wms_point() if pack.wms_has_coordinates else None

    def _last_done(self, operator):
        return self.search(
            [("operator_id", "=", operator.id), ("state", "=", "done")],
            order="done_date desc",
            limit=1,
        )

    def _operator_position(self, operator):
        last = self._last_done(operator)
        home = self.env["stock.location"].search(
            [("wms_zone_id", "=", operator.home_zone_id.id), ("wms_has_coordinates", "=", True)],
            limit=1,
        ) if operator.home_zone_id else self.env["stock.location"]  # fmt: skip
        where = last.location_dest_id or home
        return self._engine_point(where, operator.warehouse_id)

    def _assign_next(self, operator):
        """The operator's current task, or the next one assigned to them now."""
        current = self.search(
            [("operator_id", "=", operator.id), ("state", "in", ("assigned", "in_progress"))],
            limit=1,
        )
        if current:
            return current, _("You have a task in hand: finish or release it first.")
        warehouse = operator.warehouse_id
        layout = warehouse._wms_layout()
        position = self._operator_position(operator)
        if position is None:
            raise UserError(
                _("Set the pack station of %(wh)s on its Layout tab.", wh=warehouse.name)
            )
        skipped = []
        # work on a blocked location waits, but its count (see hold_reason); the skill is
        # the engine's part
        blocked = list(self._blocked_locations())
        for _attempt in range(ATTEMPTS):
            candidates = self.search(
                [
                    ("warehouse_id", "=", warehouse.id),
                    ("state", "=", "open"),
                    ("id", "not in", skipped),
                    "|",
                    ("release_date", "=", False),
                    ("release_date", "<=", fields.Datetime.now()),
                    "|",
                    ("kind", "=", "count"),
                    "&",
                    ("location_id", "not in", blocked),
                    ("location_dest_id", "not in", blocked),
                    "|",
                    ("operator_id", "=", False),
                    ("operator_id", "=", operator.id),
                ],
                limit=CANDIDATES,
            )
            if not candidates:
                return self.browse(), _("No open task in %(wh)s.", wh=warehouse.name)
            chosen, why = self._choose(operator, position, candidates, layout)
            if chosen is None:
                return self.browse(), why
            last = self._last_done(operator)
            start = self._engine_point(chosen.location_id, warehouse)
            if (
                last
                and last.kind != chosen.kind
                and start is not None
                and travel_distance_m(layout, position, start) <= INTERLEAVE_M
            ):
                why = why.replace(
                    "from where they stood", f"from the end of {last.name} (interleaved)"
                )
            if self._lock(chosen):
                chosen.sudo().write({"state": "assigned", "operator_id": operator.id,
                                     "assigned_date": fields.Datetime.now(),
                                     "assignment_reason": why})  # fmt: skip
                return chosen, why
            skipped.append(chosen.id)
        return self.browse(), _("Every task was taken at the same moment: ask again.")

    def _choose(self, operator, position, candidates, layout):
        pinned = candidates.filtered(lambda t: t.pinned and t.operator_id == operator)
        if pinned:
            # a supervisor's choice comes before anything the engine would pick
            first = pinned.sorted(lambda t: (t.due_date or fields.Datetime.now(), t.id))[:1]
            return first, _("pinned by a supervisor")
        now = fields.Datetime.now()
        warehouse = operator.warehouse_id
        skills = frozenset(operator.skill_ids.mapped("code"))
        tasks, by_id = [], {}
        for task in candidates:
            start = self._engine_point(task.location_id, warehouse)
            end = self._engine_point(task.location_dest_id, warehouse)
            if start is None or end is None:
                continue
            due_s = (task.due_date - now).total_seconds() if task.due_date else float("inf")
            tasks.append(
                Task(task.id, task.kind, start, end, zone=task.zone_id.code or None,
                     work_s=task.handling_s, due_s=due_s, skill=task.skill_id.code or None,
                     equipment=ENGINE_GEAR[task.equipment])
            )  # fmt: skip
            by_id[task.id] = task
        me = Operator(operator.id, position, skills, operator.home_zone_id.code or None)
        chosen, why = next_task(me, tasks, layout)
        return (by_id[chosen] if chosen is not None else None), why

    def _lock(self, task):
        """Take the task's row for this transaction, unless another operator holds it."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM wms_task WHERE id = %s AND state = 'open' FOR UPDATE SKIP LOCKED",
                task.id,
            )
        )
        return bool(self.env.cr.fetchone())


class WmsOperator(models.Model):
    _inherit = "wms.operator"

    task_ids = fields.One2many("wms.task", "operator_id", string="Tasks")

    def action_next_task(self):
        """The operator's "next task" button (and the scan screen's question)."""
        self.ensure_one()
        task, why = self.env["wms.task"]._assign_next(self)
        if not task:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {"title": _("Nothing to do"), "message": why, "type": "info"},
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "wms.task",
            "res_id": task.id,
            "view_mode": "form",
            "target": "current",
        }
