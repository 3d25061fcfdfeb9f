# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import api, models
from odoo.tools import SQL

from stockops.scenario.floor import plan_floor_work

_logger = logging.getLogger(__name__)


class WmsDemoLoader(models.AbstractModel):
    """The tasks behind the demo's last two weeks of floor work (``wms_execution``'s
    demo/floor_week.py): each put-away and pick done by the operator who posted it, from
    the plan's start to its last hand-off in the ledger, so the scorecard's lines per hour
    and the shift plan-vs-actual have real figures."""

    _inherit = "wms.demo.loader"

    @api.model
    def _load_floor_tasks(self, size=None):
        warehouse = self.env.ref("stock.warehouse0")
        sc = self._demo_scenario(size)
        jobs = self._floor_jobs(plan_floor_work(sc), warehouse)
        tasks = self.env["wms.task"].sudo()
        if not jobs or tasks.search_count([("picking_id", "in", [j.picking.id for j in jobs])]):
            _logger.info("stockops demo: no floor work without its tasks, none recorded")
            return False
        operators = self._floor_operators(warehouse, jobs)
        forklift = tasks._skill("FORKLIFT")
        dock = self.env["stock.location"].search(
            [("warehouse_id", "=", warehouse.id), ("wms_zone_id.kind", "=", "receiving"),
             ("wms_has_coordinates", "=", True)], limit=1,
        )  # fmt: skip
        done = [(job, operators[job.user.id]) for job in jobs if job.user.id in operators]
        created = tasks.create(
            [
                {**tasks._picking_values(warehouse, tasks._kind_of(job.picking, warehouse),
                                         job.picking, forklift, dock),
                 "operator_id": operator.id, "state": "in_progress",
                 "assigned_date": job.start, "start_date": job.start}
                for job, operator in done
            ]
        )  # fmt: skip
        # closed by the supervisor: actual time up to the last hand-off scanned
        supervisor = self.env.ref("wms_execution.user_supervisor_james")
        created.with_user(supervisor).action_done()
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE wms_task SET done_date = start_date + actual_s * interval '1 second' "
                "WHERE id IN %s", tuple(created.ids))
        )  # fmt: skip
        self.env.invalidate_all()
        _logger.info("stockops demo: %d floor tasks done in the last two weeks", len(created))
        return True

    def _floor_operators(self, warehouse, jobs):
        """user id -> operator; a demo operator without a login gets the floor user of
        the same name."""
        operators = self.env["wms.operator"].search([("warehouse_id", "=", warehouse.id)])
        users = {job.user.name: job.user for job in jobs}
        linked = {op.user_id.id for op in operators}
        for operator in operators.filtered(lambda op: not op.user_id):
            user = users.get(operator.name)
            if user and user.id not in linked:
                operator.user_id = user
        return {op.user_id.id: op for op in operators if op.user_id}
