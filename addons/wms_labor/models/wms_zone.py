# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

#: a zone whose backlog takes its crew longer than this to clear is flagged (hours)
PEAK_HOURS = 2.0


class WmsZone(models.Model):
    """The supervisor's zone board: each zone's queue, its backlog in standard hours
    against the operators at home there, and a flag before a bottleneck forms."""

    _inherit = "wms.zone"

    open_task_count = fields.Integer("Open Tasks", compute="_compute_board")
    backlog_hours = fields.Float("Backlog (h)", digits=(10, 2), compute="_compute_board")
    operator_count = fields.Integer("Operators", compute="_compute_board")
    hours_to_clear = fields.Float("Hours to Clear", digits=(10, 1), compute="_compute_board")
    board_flag = fields.Char("Flag", compute="_compute_board")

    def _compute_board(self):
        """One grouped read of the open tasks and one of the operators, for all zones."""
        backlog = {
            zone.id: (count, seconds)
            for zone, count, seconds in self.env["wms.task"]._read_group(
                [("zone_id", "in", self.ids), ("state", "in", ("open", "assigned", "in_progress"))],
                ["zone_id"],
                ["__count", "standard_s:sum"],
            )
        }
        crew = dict(
            self.env["wms.operator"]._read_group(
                [("home_zone_id", "in", self.ids)], ["home_zone_id"], ["__count"]
            )
        )
        for zone in self:
            count, seconds = backlog.get(zone.id, (0, 0.0))
            people = crew.get(zone, 0)
            hours = seconds / 3600.0
            zone.open_task_count = count
            zone.backlog_hours = hours
            zone.operator_count = people
            zone.hours_to_clear = hours / people if people else 0.0
            if count and not people:
                zone.board_flag = "No operator based here"
            elif people and hours / people > PEAK_HOURS:
                zone.board_flag = f"Peak: over {PEAK_HOURS:g} h of work per operator"
            else:
                zone.board_flag = False
