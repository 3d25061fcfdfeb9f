# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, fields, models
from odoo.addons.stock_policy.tools import bulk_update
from odoo.exceptions import UserError

from stockops.execution.pick_path import pick_paths

from .stock_picking_wave import PICK_METHODS, location_point


class StockMoveLine(models.Model):
    """A line's place on its batch's pick path and the walk to it."""

    _inherit = "stock.move.line"

    # distances are stored as the engine gave them (no rounding); views show decimetres

    wms_route_seq = fields.Integer(
        "Pick Order",
        readonly=True,
        copy=False,
        aggregator=None,
        help="Place of this line on its batch's pick path (1 = picked first).",
    )
    wms_route_leg_m = fields.Float(
        "Walk To (m)",
        readonly=True,
        copy=False,
        help="Walk from the previous line's bin (the first: from the pack station).",
    )
    wms_route_distance_m = fields.Float(
        "Walked So Far (m)", readonly=True, copy=False, aggregator=None
    )
    wms_route_note = fields.Char("Path Note", readonly=True, copy=False)


class StockPickingBatch(models.Model):
    """Waves and batches planned on the layout: how they were built, and the pick path
    through their lines (exact where it can be proven, else the best heuristic)."""

    _inherit = "stock.picking.batch"

    wms_pick_method = fields.Selection(PICK_METHODS, "Pick Method", readonly=True)
    wms_wave_no = fields.Integer(
        "Release Wave",
        readonly=True,
        aggregator=None,
        help="1 for the orders of the earliest carrier cut-off, 2 for the next, ...",
    )
    wms_plan_reason = fields.Text("Why This Batch", readonly=True)
    wms_cart_totes = fields.Integer("Totes", readonly=True)
    wms_cart_weight_kg = fields.Float("Load (kg)", digits=(10, 1), readonly=True)
    wms_cart_volume_m3 = fields.Float("Volume (m³)", digits=(10, 3), readonly=True)
    wms_over_limit = fields.Boolean(
        "Over Cart Limit",
        readonly=True,
        help="A single line heavier or bulkier than a cart: it needs suitable equipment.",
    )
    wms_route_distance_m = fields.Float(
        "Pick Path (m)",
        readonly=True,
        help="Walk from the pack station through every placed line and back.",
    )
    wms_route_return_m = fields.Float("Back to Packing (m)", readonly=True)
    wms_route_kind = fields.Selection(
        [("exact", "Exact"), ("heuristic", "Heuristic")], "Path Method", readonly=True
    )
    wms_route_reason = fields.Text("Why This Path", readonly=True)

    def action_wms_route(self):
        """Sequence the pick path of these batches again (after lines changed)."""
        self._wms_route()
        return True

    def action_wms_print_pick_list(self):
        return self.env.ref("wms_execution.action_report_wms_pick_list").report_action(self)

    def _wms_route(self):
        """Pick path of every batch: one read of their lines and bins, one engine call
        per warehouse, one UPDATE of the lines and one of the batches. A line at a bin
        without coordinates comes last, named in its note and in the batch's reason."""
        lines = self.env["stock.move.line"].search_fetch(
            [("batch_id", "in", self.ids), ("state", "!=", "cancel")],
            ["batch_id", "location_id"],
            order="batch_id, id",
        )
        ids = defaultdict(list)
        for line in lines:
            ids[line.batch_id.id].append(line.id)
        own = {batch: lines.browse(ids[batch.id]) for batch in self}
        homeless = self.filtered(lambda b: not b.picking_type_id.warehouse_id)
        if homeless:
            raise UserError(
                _(
                    "%(b)s: no operation type of a warehouse, so no layout to walk. Set the "
                    "operation type of the batch first.",
                    b=", ".join(homeless.mapped("name")),
                )
            )
        for warehouse in self.picking_type_id.warehouse_id:
            batches = self.filtered(lambda b, w=warehouse: b.picking_type_id.warehouse_id == w)
            layout, depot = warehouse._wms_layout(), warehouse._wms_depot()
            stops = [[location_point(ml.location_id) for ml in own[b]] for b in batches]
            try:
                paths = pick_paths(layout, depot, stops)
            except ValueError as err:
                raise UserError(
                    _("Pick path in %(wh)s: %(err)s", wh=warehouse.name, err=err)
                ) from err
            line_rows, batch_rows, routed = [], [], self.env["stock.move.line"]
            for batch, path in zip(batches, paths, strict=True):
                batch_rows.append(_batch_row(own[batch], path))
                routed |= own[batch]
                line_rows += [_line_row(ml, path, k) for k, ml in enumerate(own[batch])]
            bulk_update(routed, line_rows)
            bulk_update(batches, batch_rows)
        return True


def _batch_row(lines, path):
    reason = path.reason
    missing = lines.browse([lines.ids[k] for k in path.unplaced]).location_id
    if missing:
        reason += lines.env._(
            ". No coordinates: %(bins)s. Set their aisle and x/y (m) on the location form, "
            "then sequence the pick path again.",
            bins=", ".join(missing.mapped("complete_name")),
        )
    return {
        "wms_route_distance_m": path.distance_m,
        "wms_route_return_m": path.return_m,
        "wms_route_kind": path.kind,
        "wms_route_reason": reason,
    }


def _line_row(line, path, k):
    if path.leg_m[k] is None:
        note = line.env._(
            "%(bin)s has no coordinates on the layout: picked last, walk not counted.",
            bin=line.location_id.complete_name,
        )
        return {"wms_route_seq": path.sequence[k], "wms_route_leg_m": 0.0,
                "wms_route_distance_m": 0.0, "wms_route_note": note}  # fmt: skip
    return {"wms_route_seq": path.sequence[k], "wms_route_leg_m": path.leg_m[k],
            "wms_route_distance_m": path.cumulative_m[k], "wms_route_note": ""}  # fmt: skip
