# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime as dt

from odoo import _, api, models
from odoo.exceptions import UserError

from stockops.policy.network import Request, reserve

from . import channel_data


class StockMove(models.Model):
    """Sale deliveries reserve stock by sales channel: every batch Odoo assigns (a
    confirmation, Check Availability, the scheduler's run over all waiting moves) hands its
    channel moves to the engine together, so the batch is served by channel rank, then
    commitment date, then FEFO/FIFO, and no order takes what is held for a higher channel."""

    _inherit = "stock.move"

    def _action_assign(self, force_qty=False):
        if force_qty or self.env.context.get("stock_channel_skip"):
            return super()._action_assign(force_qty=force_qty)
        channel_moves = self._stock_channel_moves()
        if channel_moves:
            channel_moves._stock_channel_reserve()
        return super(StockMove, self - channel_moves)._action_assign(force_qty=force_qty)

    def _stock_channel_moves(self):
        """The moves reserved by channel: sale deliveries of a sales team taking storable
        stock from a warehouse, not yet picked."""
        return self.filtered(
            lambda m: (
                m.sale_line_id.order_id.team_id
                and m.product_id.is_storable
                and m.state in ("confirmed", "partially_available")
                and not m.picked
                and not m.move_orig_ids
                and m.location_id.usage == "internal"
                and m.location_id.warehouse_id
                and not m._should_bypass_reservation()
            )
        )

    def _stock_channel_reserve(self):
        """Reserve these moves in one engine call (stockops.policy.network.reserve) and
        write its lots as Odoo reservations. Bad data: a clear message, nothing reserved."""
        moves = self
        if not moves:
            return []
        env = self.env
        names, chans = channel_data.channels(env, moves.company_id)
        sites = moves.location_id
        products = moves.product_id
        warehouses = sites.warehouse_id
        site_ids = {str(s.id) for s in sites} | {str(w.lot_stock_id.id) for w in warehouses}
        requests = []
        for move in moves:
            order = move.sale_line_id.order_id
            done = move.product_uom._compute_quantity(move.quantity, move.product_id.uom_id)
            need = move.product_qty - done
            if need <= 0:
                continue
            commitment = order.commitment_date
            requests.append(Request(
                str(move.id), names[order.team_id], str(move.product_id.id),
                str(move.location_id.id), need,
                commitment.date() if isinstance(commitment, dt.datetime) else None,
            ))  # fmt: skip
        try:
            answers = reserve(
                requests, chans,
                channel_data.allocations(env, names, products, warehouses),
                channel_data.lots(env, names, products, sites),
                sorted(site_ids), channel_data.removal(env, products, sites[:1]),
            )  # fmt: skip
        except ValueError as error:
            raise UserError(_("Nothing reserved by channel: %s", error)) from error
        lots = env["stock.lot"]
        for answer in answers:
            move = moves.browse(int(answer.request))
            for lot, units in answer.lots:
                lot_rec = lots.browse(int(lot)) if lot != channel_data.NO_LOT else None
                move._update_reserved_quantity(
                    units, move.location_id, lot_id=lot_rec, strict=False
                )
        moves._recompute_state()
        return answers

    @api.model
    def action_stock_channel_reserve(self):
        """Planner's Reserve by Channel: every waiting sale delivery of the current
        company (those reserved by hand too), in one batch."""
        waiting = self.search([
            ("company_id", "=", self.env.company.id), ("sale_line_id", "!=", False),
            ("state", "in", ("confirmed", "partially_available")),
        ])  # fmt: skip
        answers = waiting._stock_channel_moves()._stock_channel_reserve()
        short = sum(1 for a in answers if ":" in a.reason)
        message = _(
            "%(n)s sale deliveries reserved by channel rank, commitment date and "
            "FEFO/FIFO; %(short)s still short.", n=len(answers), short=short,
        )  # fmt: skip
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"title": _("Reserved by channel"), "message": message, "sticky": False},
        }
