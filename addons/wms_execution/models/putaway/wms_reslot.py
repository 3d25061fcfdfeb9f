# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError

from stockops.execution.slotting import propose

#: a year of pick lines, read as lines a week
WEEKS_PER_YEAR = 52.0


class WmsReslot(models.Model):
    """A re-slot proposal for a warehouse's forward-pick zone: which products should move
    to which bins so pickers walk less, ranked by walking saved, within a move budget.
    Approving it creates one internal transfer with the moves."""

    _name = "wms.reslot"
    _description = "Re-slot Proposal"
    _order = "id desc"

    name = fields.Char(default=lambda self: _("Re-slot proposal"), required=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True, index=True)
    zone_id = fields.Many2one(
        "wms.zone", "Forward Zone", required=True, domain="[('warehouse_id', '=', warehouse_id)]"
    )
    move_budget = fields.Integer(default=50, required=True, help="Most product moves to make.")
    state = fields.Selection(
        [("draft", "Proposed"), ("approved", "Approved")], default="draft", readonly=True
    )
    line_ids = fields.One2many("wms.reslot.line", "reslot_id", readonly=True)
    saving_m = fields.Float("Walk Saved (m a week)", digits=(10, 0), readonly=True)
    walk_before_m = fields.Float("Walk Before (m a week)", digits=(10, 0), readonly=True)
    note = fields.Text(readonly=True)
    picking_id = fields.Many2one("stock.picking", "Transfer", readonly=True)

    def action_propose(self):
        """One read of the zone's bins, stock and pick velocity, one engine call."""
        for reslot in self:
            reslot.line_ids.unlink()
            bins = self.env["stock.location"].search(
                [("wms_zone_id", "=", reslot.zone_id.id), ("wms_has_coordinates", "=", True),
                 ("usage", "=", "internal")]
            )  # fmt: skip
            quants = self.env["stock.quant"].search(
                [("location_id", "in", bins.ids), ("quantity", ">", 0)]
            )
            per_bin, reserved = {}, set()
            for quant in quants:
                per_bin.setdefault(quant.location_id, set()).add(quant.product_id)
                if quant.reserved_quantity > 0:
                    reserved.add(quant.location_id)
            # a bin holding several products is left where it is: there is no one slot;
            # so is a bin with picks reserved on it, until they are picked
            slotted = {
                loc: next(iter(p))
                for loc, p in per_bin.items()
                if len(p) == 1 and loc not in reserved
            }
            mixed = len(per_bin) - len(slotted)
            products = self.env["product.product"].union(*slotted.values())
            sizes = products._wms_unit_sizes()
            picks = {
                row.product_id: row.pick_lines
                for row in self.env["stock.policy.abc"].search(
                    [("warehouse_id", "=", reslot.warehouse_id.id),
                     ("product_id", "in", products.ids)]
                )
            }  # fmt: skip
            stock = {
                (q.location_id, q.product_id): q.quantity
                for q in quants
                if q.location_id in slotted
            }
            locations = list(slotted)
            index = {loc: i for i, loc in enumerate(bins)}
            plan = propose(
                lines=[picks.get(slotted[loc], 0) / WEEKS_PER_YEAR for loc in locations],
                current_bin=[index[loc] for loc in locations],
                bin_travel_m=bins.mapped("wms_travel_from_pack_m"),
                # a bin left as it is takes nothing, not even a product of no volume
                bin_capacity_m3=[
                    -1.0
                    if b in per_bin and b not in slotted
                    else b.storage_category_id.wms_max_volume_m3 or 1e9
                    for b in bins
                ],
                # a unit as bins count it: the product's volume, else its box
                product_volume_m3=[
                    stock[loc, slotted[loc]] * sizes[slotted[loc].id][0] for loc in locations
                ],
                move_budget=reslot.move_budget,
                names=[slotted[loc].display_name for loc in locations],
            )
            reslot.write(
                {
                    "saving_m": plan.saving_m,
                    "walk_before_m": plan.walk_before_m,
                    "note": _(
                        "%(n)s slotted products in %(bins)s bins; %(mixed)s bins holding "
                        "several products or reserved picks left as they are.",
                        n=len(locations),
                        bins=len(bins),
                        mixed=mixed,
                    ),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": slotted[locations[m.product]].id,
                                "location_id": locations[m.product].id,
                                "location_dest_id": bins[m.to_bin].id,
                                "quantity": stock[
                                    locations[m.product], slotted[locations[m.product]]
                                ],
                                "saving_m": m.saving_m,
                                "reason": m.reason,
                            },
                        )
                        for m in plan.moves
                    ],
                }
            )
        return True

    def action_approve(self):
        """One internal transfer with every move of the proposal."""
        for reslot in self:
            if reslot.state != "draft" or not reslot.line_ids:
                raise UserError(_("Propose moves first; an approved proposal is not re-run."))
            warehouse = reslot.warehouse_id
            stock = warehouse.lot_stock_id
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": stock.id,
                    "location_dest_id": stock.id,
                    "origin": reslot.name,
                    "move_ids": [
                        (0, 0, {
                            "name": self.env._("Re-slot %(p)s", p=line.product_id.display_name),
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "location_id": line.location_id.id,
                            "location_dest_id": line.location_dest_id.id,
                        })
                        for line in reslot.line_ids
                    ],
                }
            )  # fmt: skip
            picking.action_confirm()
            picking.action_assign()
            # each move goes to the bin the proposal chose, whatever put-away would say
            for move in picking.move_ids:
                move.move_line_ids.location_dest_id = move.location_dest_id
            reslot.write({"state": "approved", "picking_id": picking.id})
        return True


class WmsReslotLine(models.Model):
    _name = "wms.reslot.line"
    _description = "Re-slot Move"
    _order = "saving_m desc, id"

    reslot_id = fields.Many2one("wms.reslot", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="reslot_id.company_id", store=True, index=True)
    product_id = fields.Many2one("product.product", required=True)
    location_id = fields.Many2one("stock.location", "From", required=True)
    location_dest_id = fields.Many2one("stock.location", "To", required=True)
    quantity = fields.Float(digits="Product Unit of Measure")
    saving_m = fields.Float("Own Walk Saved (m a week)", digits=(10, 0))
    reason = fields.Char("Why")
