# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """Pack into the suggested cartons: one package per carton, its package type set, the
    move lines' quantities in it (lines split where a product spans cartons). The
    package's expected weight is the pack check's (``stock_pack_verification``)."""

    _inherit = "stock.picking"

    def action_wms_pack_suggested(self):
        """The *Pack into Suggested Cartons* button."""
        self._wms_pack_suggested()
        return True

    def _wms_pack_suggested(self):
        """Packages for every not-yet-packed suggested carton of these transfers; returns
        them. Raises UserError, changing nothing, when an item has no carton yet or the
        transfer changed since the suggestion."""
        packages = self.env["stock.quant.package"]
        for picking in self:
            packages |= picking._wms_pack_one()
        return packages

    def _wms_pack_one(self):
        self.ensure_one()
        rows = self.wms_carton_suggestion_ids.filtered(lambda s: not s.package_id)
        if not rows:
            raise UserError(
                _("%(p)s has no carton suggestion to pack: press Suggest Cartons first.",
                  p=self.name)
            )  # fmt: skip
        missing = rows.filtered(lambda s: not s.package_type_id)
        if missing:
            raise UserError(
                _("No carton takes these items of %(p)s:\n%(rows)s\nChoose a package type for "
                  "each on the Cartons tab, then pack again.", p=self.name,
                  rows="\n".join(f"- {r.contents}: {r.reason}" for r in missing))
            )  # fmt: skip
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity > 0 and not ml.result_package_id)
        changed = (
            self._wms_cartons_changed()
            if lines
            else rows.line_ids.product_id.mapped("display_name")
        )
        if changed:
            raise UserError(
                _("%(p)s changed since its cartons were suggested (%(what)s; is it reserved?): "
                  "press Suggest Cartons again.", p=self.name, what=", ".join(changed))
            )  # fmt: skip
        packages = self.env["stock.quant.package"].create(
            [{"package_type_id": r.package_type_id.id} for r in rows]
        )
        queues = defaultdict(list)
        for line in lines.sorted("id"):
            queues[line.product_id].append([line, line.quantity_product_uom])
        by_package, splits = defaultdict(list), []
        for row, package in zip(rows, packages, strict=True):
            for content in row.line_ids:
                _take(queues[content.product_id], content.quantity, package, by_package, splits)
        for line, quantity, package in splits:  # a line shared by cartons: split it
            by_package[package].append(line._wms_split_off(quantity))
        for package, pack_lines in by_package.items():
            self.env["stock.move.line"].concat(*pack_lines).result_package_id = package
        self.env["stock.package_level"].with_context(from_put_in_pack=True).create(
            [
                {"package_id": package.id, "picking_id": self.id, "location_id": False,
                 "location_dest_id": pack_lines[0].location_dest_id.id,
                 "move_line_ids": [(6, 0, [ml.id for ml in pack_lines])],
                 "company_id": self.company_id.id}
                for package, pack_lines in by_package.items()
            ]
        )  # fmt: skip
        for row, package in zip(rows.sudo(), packages, strict=True):
            row.package_id = package  # the pack flow's, on a transfer the user packs
        return packages


def _take(queue, quantity, package, by_package, splits):
    """Assign ``quantity`` (product unit) of the queued lines to ``package``: whole lines
    where they fit, else the part needed is split off the line later."""
    while quantity > 1e-9:
        entry = queue[0]
        line, left = entry
        if left <= quantity + 1e-9:
            # the whole line, or what is left of it once earlier parts are split off
            queue.pop(0)
            quantity -= left
            by_package[package].append(line)
        else:
            splits.append((line, quantity, package))
            entry[1] = left - quantity
            quantity = 0.0


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _wms_split_off(self, quantity):
        """A new line of ``quantity`` (product unit) taken off this one, same reservation."""
        self.ensure_one()
        qty = self.product_id.uom_id._compute_quantity(quantity, self.product_uom_id)
        self.quantity -= qty
        return self.create(self.copy_data({"quantity": qty})[0])
