# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import time
from typing import NamedTuple

from odoo import models

_logger = logging.getLogger(__name__)


class DemoLine(NamedTuple):
    """One line of a demo transfer: what was asked, what was done, and where it went
    (None: the transfer's destination)."""

    product: models.BaseModel
    ordered_qty: float
    done_qty: float
    dest: models.BaseModel | None = None


#: moves posted by one ``_action_done`` while loading the demo
MOVES_PER_POSTING = 1000


class WmsDemoLoader(models.AbstractModel):
    _inherit = "wms.demo.loader"

    def _post_transfers(self, ptype, source, dest, transfers):
        """Create and post many transfers at once through Odoo's own ``_action_done``.

        ``transfers`` is a list of ``(picking values, [DemoLine, ...])``. Move lines are
        written with the quantities done, so nothing is reserved on the way; lines done
        short are split and the rest cancelled, as Odoo does without a backorder.
        """
        pickings = self.env["stock.picking"].create(
            [
                {
                    **values,
                    "picking_type_id": ptype.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "move_ids": [
                        (0, 0, {"name": line.product.display_name, "product_id": line.product.id,
                                "product_uom_qty": line.ordered_qty, "location_id": source.id,
                                "location_dest_id": dest.id})
                        for line in lines
                    ],
                }
                for values, lines in transfers
            ]
        )  # fmt: skip
        self._analyze_tables(everything=True)
        done = [
            (move, line)
            for (_values, lines), picking in zip(transfers, pickings, strict=True)
            for move, line in zip(picking.move_ids, lines, strict=True)
            if line.done_qty > 0
        ]
        self.env["stock.move.line"].create(
            [
                {
                    "move_id": move.id,
                    "picking_id": move.picking_id.id,
                    "product_id": move.product_id.id,
                    "product_uom_id": move.product_uom.id,
                    "location_id": source.id,
                    "location_dest_id": (line.dest or dest).id,
                    "quantity": line.done_qty,
                    "picked": True,
                }
                for move, line in done
            ]
        )
        pickings.move_ids.picked = True
        self._post_in_chunks(pickings)
        return pickings

    def _post_in_chunks(self, pickings, moves_per_chunk=MOVES_PER_POSTING):
        """``_action_done`` on about ``moves_per_chunk`` moves at a time: after a posting
        Odoo looks for moves waiting on each posted (product, location) with one nested OR
        per move, which PostgreSQL cannot parse for the large demo's tens of thousands."""
        chunks, chunk, size = [], self.env["stock.picking"], 0
        for picking in pickings:
            chunk, size = chunk | picking, size + len(picking.move_ids)
            if size >= moves_per_chunk:
                chunks.append(chunk)
                chunk, size = self.env["stock.picking"], 0
        if chunk:
            chunks.append(chunk)
        started, posted, total = time.monotonic(), 0, len(pickings.move_ids)
        for chunk in chunks:
            self._analyze_tables()
            chunk.with_context(cancel_backorder=True)._action_done()
            posted += len(chunk.move_ids)
            if len(chunks) > 1:  # the large demo takes long: say how far it is
                _logger.info(
                    "stockops demo: %d of %d moves posted (%.0f moves/s)",
                    posted, total, posted / (time.monotonic() - started),
                )  # fmt: skip

    def _analyze_tables(self, everything=False):
        """Refresh PostgreSQL's statistics of the tables the demo fills in its one long
        transaction (the stock tables, or ``everything``: a few seconds on the large demo).
        Left at the few rows they had when it began, the planner finds a quant through the
        package and lot indexes, which hold every row version the transaction wrote (none
        can be cleaned up before it commits): each reservation then reads the whole table.
        ANALYZE inside the transaction counts its own rows."""
        self.env.flush_all()
        self.env.cr.execute(
            "ANALYZE"
            if everything
            else "ANALYZE stock_quant, stock_move, stock_move_line, stock_valuation_layer"
        )
