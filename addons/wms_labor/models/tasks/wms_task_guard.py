# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

OPEN = ("open", "assigned", "in_progress")
#: a task in hand with nothing scanned for this many times its standard is abandoned...
ABANDON_FACTOR = 3.0
#: ...and never before this long (s)
ABANDON_MIN_S = 1800.0


class WmsTask(models.Model):
    """What keeps a task from getting stuck or done twice: the skill is checked whoever
    assigns it, work on a blocked location is held with the reason, a task left in hand is
    released back to the queue, and a supervisor can reassign with a reason."""

    _inherit = "wms.task"

    hold_reason = fields.Char(
        "On Hold", compute="_compute_hold_reason", search="_search_hold_reason",
        help="Why no one is offered this task now: its location is blocked by an open "
        "location problem, or no operator of the warehouse has the skill it needs.",
    )  # fmt: skip

    @api.constrains("operator_id", "skill_id", "state")
    def _check_operator_skill(self):
        for task in self.filtered(lambda t: t.state in OPEN and t.operator_id and t.skill_id):
            if task.skill_id not in task.operator_id.skill_ids:
                raise ValidationError(
                    _("%(op)s does not have the skill %(skill)s that %(task)s needs: choose an "
                      "operator who has it, or add the skill on %(op)s's form (Warehouse Floor "
                      "▸ Operators).", op=task.operator_id.name, skill=task.skill_id.name,
                      task=task.name)
                )  # fmt: skip

    def _blocked_locations(self):
        """Location id -> why work there is held: an open *Location problem* exception.
        Counts are not held: counting the bin is how the problem gets looked at."""
        problems = (
            self.env["wms.exception"]
            .sudo()
            .search(
                [("kind", "=", "location"), ("state", "=", "open"), ("location_id", "!=", False)]
            )
        )
        return {
            exc.location_id.id: _("%(loc)s is blocked: %(problem)s (open %(age).1f h)",
                                  loc=exc.location_id.display_name, problem=exc.name,
                                  age=exc.age_hours)
            for exc in problems
        }  # fmt: skip

    def _skills_on_floor(self):
        """Warehouse id -> ids of the skills its active operators have."""
        held = {}
        for operator in self.env["wms.operator"].sudo().search([]):
            held.setdefault(operator.warehouse_id.id, set()).update(operator.skill_ids.ids)
        return held

    def _compute_hold_reason(self):
        blocked = self._blocked_locations()
        held = self._skills_on_floor()
        for task in self:
            why = False
            if task.state in OPEN:
                where = task.kind != "count" and (task.location_id | task.location_dest_id)
                why = next((blocked[loc.id] for loc in where or () if loc.id in blocked), False)
                lacking = task.skill_id.id not in held.get(task.warehouse_id.id, set())
                if not why and task.skill_id and lacking:
                    why = _("No operator of %(wh)s has the skill %(skill)s: add it on one in "
                            "Warehouse Floor ▸ Operators.", wh=task.warehouse_id.name,
                            skill=task.skill_id.name)  # fmt: skip
            task.hold_reason = why

    def _search_hold_reason(self, operator, value):
        if operator not in ("=", "!=") or value is not False:
            raise UserError(_("Filter tasks on hold with 'is set' or 'is not set'."))
        blocked = list(self._blocked_locations())
        held = self._skills_on_floor()
        unskilled = [
            [("warehouse_id", "=", wh), ("skill_id", "!=", False), ("skill_id", "not in", list(s))]
            for wh, s in held.items()
        ]
        places = [
            [("kind", "!=", "count"), ("location_id", "in", blocked)],
            [("kind", "!=", "count"), ("location_dest_id", "in", blocked)],
        ]
        no_crew = [("skill_id", "!=", False), ("warehouse_id", "not in", list(held))]
        on_hold = expression.AND(
            [[("state", "in", OPEN)], expression.OR([*places, no_crew, *unskilled])]
        )
        return on_hold if operator == "!=" else ["!", *on_hold]

    @api.model
    def _release_abandoned(self):
        """Tasks in hand with nothing scanned for ABANDON_FACTOR x their standard (at least
        ABANDON_MIN_S) go back to the queue, with who left them and for how long."""
        now = fields.Datetime.now()
        in_hand = self.search([("state", "in", ("assigned", "in_progress"))])
        scans = in_hand._last_scans()
        released = self.browse()
        for task in in_hand:
            since = task.start_date or task.assigned_date
            if not since:
                continue
            scanned = scans.get(("batch", task.batch_id.id)) or scans.get(
                ("picking", task.picking_id.id)
            )
            if scanned and scanned > since:
                since = scanned
            idle = (now - since).total_seconds()
            if idle > max(ABANDON_FACTOR * task.standard_s, ABANDON_MIN_S):
                task._release(
                    _("Abandoned by %(who)s: nothing scanned for %(idle).0f min (standard "
                      "%(std).0f min); back in the queue", who=task.operator_id.name,
                      idle=idle / 60, std=task.standard_s / 60)
                )  # fmt: skip
                released |= task
        return released

    def _reassign(self, operator, reason):
        """A supervisor gives the tasks to ``operator`` (pinned: first in their queue),
        taking them off whoever had them; the one who had them can no longer close them."""
        self._lock_in_hand(OPEN)
        for task in self:
            before = task.operator_id.name or _("the queue")
            task._release(
                _("Reassigned from %(before)s to %(after)s by %(who)s: %(why)s", before=before,
                  after=operator.name, who=self.env.user.name, why=reason),
                operator_id=operator.id, pinned=True,
            )  # fmt: skip
