# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

#: a pick trip nobody dropped off is handed on to the next step after this long
DROP_OFF_TIMEOUT_MIN = 20


class StockMove(models.Model):
    """A pick trip hands its units to the next step at drop-off. Each line the scan
    screen confirms is posted at once (the units leave the bin), but Odoo 18 would also
    create and reserve the next step's move (the pack, or the ship) at every line. While
    the units ride on the picker's cart, that next step is held; when the picker scans
    the drop-off location (the packing zone) the held moves are pushed on together. A
    posting made anywhere else (the transfer validated in its form), or a trip left
    undropped for DROP_OFF_TIMEOUT_MIN minutes, hands them on as well."""

    _inherit = "stock.move"

    wms_push_held = fields.Boolean(
        "Waiting for Drop-off",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Picked on the scan screen and still on the picker's cart: the next step "
        "(pack or ship) gets these units when the picker drops them off.",
    )

    def _push_apply(self):
        if not self.env.context.get("wms_hold_push"):
            return super()._push_apply()
        # held: units still in the building, with no next move chained by a pull rule
        held = self.filtered(
            lambda m: (
                m.picking_id and not m.move_dest_ids and m.location_dest_id.usage == "internal"
            )
        )
        held.wms_push_held = True
        rest = self - held
        return super(StockMove, rest)._push_apply() if rest else rest

    def _action_done(self, cancel_backorder=False):
        done = super()._action_done(cancel_backorder=cancel_backorder)
        if not self.env.context.get("wms_hold_push"):
            done.picking_id.move_ids._wms_release_pushes()
        return done

    def _wms_release_pushes(self):
        """Push the held moves among these on to their next step (one push for all of
        them); the new moves."""
        held = self.filtered("wms_push_held")
        if not held:
            return self.browse()
        held.wms_push_held = False
        pushed = held.with_context(wms_hold_push=False)._push_apply()
        # as Odoo does right after a posting: the next moves reserve what arrived
        todo = held.move_dest_ids.filtered(
            lambda m: m.state in ("waiting", "confirmed", "partially_available")
        )
        for company, moves in todo.grouped("company_id").items():
            moves.sudo().with_company(company)._action_assign()
        return pushed

    @api.model
    def _cron_wms_release_pushes(self):
        """Trips not dropped off in time: their units go on to the next step."""
        late = fields.Datetime.now() - timedelta(minutes=DROP_OFF_TIMEOUT_MIN)
        self.search([("wms_push_held", "=", True), ("date", "<", late)])._wms_release_pushes()


class StockPicking(models.Model):
    _inherit = "stock.picking"

    wms_drop_pending = fields.Boolean(
        "Waiting for Drop-off", compute="_compute_wms_drop_pending",
        help="Some of its units are still on the picker's cart.",
    )  # fmt: skip

    @api.depends("move_ids.wms_push_held")
    def _compute_wms_drop_pending(self):
        for picking in self:
            picking.wms_drop_pending = any(picking.move_ids.mapped("wms_push_held"))
