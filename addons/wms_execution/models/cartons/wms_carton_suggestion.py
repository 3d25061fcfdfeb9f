# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cartonization in Odoo: which of the warehouse's cartons a transfer's units go in.

Public methods, on ``stock.picking`` (all work on a recordset):

* ``_wms_suggest_cartons()``: replace the not-yet-packed suggestion of the transfers by a
  new one computed from their unpacked move lines (reserved quantities; the demand when
  nothing is reserved). Returns the ``wms.carton.suggestion`` records created. It runs by
  itself when an outgoing, pick or pack transfer is reserved (pick-to-carton), and is what
  the scan screen calls when the pack station opens a transfer.
* ``action_wms_suggest_cartons()``: the *Suggest Cartons* button (says what is missing).
* ``action_wms_pack_suggested()`` / ``_wms_pack_suggested()`` (``stock_picking_carton_pack``):
  one package per suggested carton, with its package type, holding its move lines.
* ``_wms_stored_packing()``: the stored suggestion as the engine's ``Packing``, for
  ``stockops.execution.cartonize.verify``.

``wms.carton.suggestion``: one carton of a suggestion (package type, contents, expected
weight, fill, placements, reason) or one item no carton takes (``unpackable``: the user
picks a package type for it by hand). Cartons are the package types marked *Cartonize*
(``wms_cartonize``) with inner dimensions; sizes are read in the database's length and
weight units and converted to millimetres and kilograms for the engine.
"""

from collections import Counter, defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

from stockops.execution.cartonize import (
    CartonType,
    Item,
    PackedCarton,
    Packing,
    Placement,
    Unpackable,
    cartonize,
)


class StockPackageType(models.Model):
    _inherit = "stock.package.type"

    wms_cartonize = fields.Boolean(
        "Cartonize", default=True,
        help="Offer this package type when cartons are suggested for an order (needs its "
        "length, width and height). Clear it for pallets and other non-parcel types.",
    )  # fmt: skip

    def _wms_carton_types(self):
        """The engine's carton types for these package types: {CartonType: package type}.
        Dimensions in the database's length unit become mm, weights kg; a max weight of 0
        means no limit."""
        mm = self.env.ref("uom.product_uom_millimeter")
        kg = self.env.ref("uom.product_uom_kgm")
        length_uom = self.env["product.template"]._get_length_uom_id_from_ir_config_parameter()
        weight_uom = self.env["product.template"]._get_weight_uom_id_from_ir_config_parameter()
        names = Counter(self.mapped("name"))
        types = {}
        for ptype in self:
            sizes = (ptype.packaging_length, ptype.width, ptype.height)
            if min(sizes) <= 0:
                continue
            to_mm = [length_uom._compute_quantity(v, mm, round=False) for v in sizes]
            tare = weight_uom._compute_quantity(ptype.base_weight, kg, round=False)
            most = weight_uom._compute_quantity(ptype.max_weight, kg, round=False)
            if ptype.max_weight and most <= tare:
                continue
            name = ptype.name if names[ptype.name] == 1 else f"{ptype.name} ({ptype.id})"
            carton = CartonType(name, *to_mm, max_gross_kg=most or float("inf"), tare_kg=tare)
            types[carton] = ptype
        return types


class WmsCartonSuggestion(models.Model):
    """One suggested carton: made, replaced and marked packed by cartonization and the
    pack flow only (sudo, after the user's right on the transfer); by hand, a user only
    chooses the carton of an item no carton takes."""

    _name = "wms.carton.suggestion"
    _description = "Suggested carton of a transfer"
    _order = "picking_id, sequence, id"

    picking_id = fields.Many2one("stock.picking", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="picking_id.company_id", store=True)
    sequence = fields.Integer("Carton", help="1, 2, ...: the carton's number in the order.")
    package_type_id = fields.Many2one(
        "stock.package.type",
        help="The carton suggested; for a unit no carton takes, choose one by hand.",
    )
    unpackable = fields.Boolean(
        "Manual Carton", readonly=True, help="No carton type takes this item: pack it by hand."
    )
    line_ids = fields.One2many("wms.carton.suggestion.line", "suggestion_id", "Content Lines")
    contents = fields.Char(compute="_compute_contents")
    weight_expected = fields.Float(
        "Expected Weight (kg)", digits=(10, 3), readonly=True,
        help="Contents plus the empty carton: what the scale should read at the pack check.",
    )  # fmt: skip
    fill_pct = fields.Float("Fill (%)", digits=(5, 1), readonly=True)
    placement = fields.Json(
        readonly=True,
        help="Where each unit sits: [product id, x, y, z, dx, dy, dz] in mm from the "
        "carton's inner back-left-bottom corner.",
    )
    reason = fields.Char(readonly=True)
    package_id = fields.Many2one("stock.quant.package", readonly=True)

    def write(self, vals):
        if not self.env.su and (
            set(vals) - {"package_type_id"}
            or self.filtered(lambda s: not s.unpackable or s.package_id)
        ):
            raise AccessError(
                _("Suggested cartons are cartonization's: only the carton of an item no "
                  "carton takes is chosen by hand, before it is packed. Press Suggest "
                  "Cartons to suggest again.")
            )  # fmt: skip
        return super().write(vals)

    @api.depends("line_ids.quantity", "line_ids.product_id")
    def _compute_contents(self):
        for row in self:
            row.contents = ", ".join(
                f"{line.quantity:g} x {line.product_id.display_name}" for line in row.line_ids
            )

    @api.depends("sequence", "package_type_id", "unpackable")
    def _compute_display_name(self):
        for row in self:
            what = row.package_type_id.name or _("no carton")
            label = _("Manual carton") if row.unpackable else _("Carton %s", row.sequence)
            row.display_name = f"{label}: {what}"


class WmsCartonSuggestionLine(models.Model):
    """What one suggested carton holds: written with its carton only."""

    _name = "wms.carton.suggestion.line"
    _description = "Contents of a suggested carton"

    suggestion_id = fields.Many2one(
        "wms.carton.suggestion", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="suggestion_id.company_id", store=True, index=True)
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(digits="Product Unit of Measure", help="In the product's unit.")


class StockPicking(models.Model):
    _inherit = "stock.picking"

    wms_carton_suggestion_ids = fields.One2many(
        "wms.carton.suggestion", "picking_id", "Suggested Cartons"
    )
    wms_carton_note = fields.Char("Cartonization", readonly=True, copy=False)
    wms_cartonizable = fields.Boolean(compute="_compute_wms_cartonizable")
    wms_cartons_to_pack = fields.Boolean(compute="_compute_wms_cartonizable")

    @api.depends("picking_type_id", "state", "wms_carton_suggestion_ids.package_id")
    def _compute_wms_cartonizable(self):
        for picking in self:
            picking.wms_cartonizable = picking._wms_cartonizes() and picking.state not in (
                "draft", "done", "cancel",
            )  # fmt: skip
            picking.wms_cartons_to_pack = picking.wms_cartonizable and any(
                not s.package_id for s in picking.wms_carton_suggestion_ids
            )

    def _wms_cartonizes(self):
        """Whether this transfer's units travel in cartons: deliveries, picks and packs."""
        self.ensure_one()
        ptype = self.picking_type_id
        wh = ptype.warehouse_id
        return ptype.code == "outgoing" or ptype in (wh.pick_type_id | wh.pack_type_id)

    def action_wms_suggest_cartons(self):
        """The button: suggest, or say why nothing can be suggested."""
        self.check_access("write")
        if not self.env["stock.package.type"].search(self._wms_carton_domain())._wms_carton_types():
            raise UserError(
                _("No package type can serve as a carton: give your cartons their inner length, "
                  "width and height and tick Cartonize (Inventory > Configuration > Package "
                  "Types).")
            )  # fmt: skip
        self._wms_suggest_cartons()
        return True

    def _wms_carton_domain(self):
        return [("wms_cartonize", "=", True), ("company_id", "in", [False, *self.company_id.ids])]

    def _wms_units(self):
        """{product: units to pack} of one transfer, in the product's unit: its unpacked move
        lines, or the demand of its open moves when nothing is reserved."""
        self.ensure_one()
        units = defaultdict(float)
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity > 0)
        if lines:
            for line in lines.filtered(lambda ml: not ml.result_package_id):
                units[line.product_id] += line.quantity_product_uom
        else:
            for move in self.move_ids.filtered(lambda m: m.state not in ("done", "cancel")):
                units[move.product_id] += move.product_qty
        return {p: q for p, q in units.items() if not float_is_zero(q, precision_digits=6)}

    def _wms_suggest_cartons(self):
        """See the module doc. One read of the transfers' lines and the package types, one
        engine call per transfer, one create for all the suggestions."""
        pickings = self.filtered(
            lambda p: p._wms_cartonizes() and p.state not in ("done", "cancel")
        )
        if not pickings:
            return self.env["wms.carton.suggestion"]
        # the flow's own records: it runs from the user's button or reservation
        suggestions = self.env["wms.carton.suggestion"].sudo()
        old = pickings.wms_carton_suggestion_ids.sudo().filtered(lambda s: not s.package_id)
        manual = {(s.picking_id.id, s.line_ids[:1].product_id.id): s.package_type_id.id
                  for s in old if s.unpackable and s.package_type_id}  # fmt: skip
        old.unlink()
        types_by_company = {}
        vals, notes = [], {}
        for picking in pickings:
            company = picking.company_id
            if company not in types_by_company:
                ptypes = self.env["stock.package.type"].search(picking._wms_carton_domain())
                types_by_company[company] = ptypes._wms_carton_types()
            types = types_by_company[company]
            units = picking._wms_units()
            if not types or not units:
                notes[picking] = (
                    _("No carton type with inner dimensions to suggest from.")
                    if units else _("Nothing left to pack.")
                )  # fmt: skip
                continue
            items, refused = _items(units)
            packing = cartonize(items, list(types))
            notes[picking] = packing.reason
            vals += _carton_vals(picking, packing, types)
            vals += _manual_vals(picking, packing, refused, manual, start=len(packing.cartons))
        for picking, note in notes.items():
            picking.wms_carton_note = note
        return suggestions.create(vals).sudo(False)

    def _wms_cartons_changed(self):
        """Products whose units to pack differ from the not-yet-packed suggested cartons
        of this transfer (its display names, sorted); empty when the suggestion is
        current."""
        self.ensure_one()
        rows = self.wms_carton_suggestion_ids.filtered(lambda s: not s.package_id)
        need = defaultdict(float)
        for line in rows.line_ids:
            need[line.product_id] += line.quantity
        have = self._wms_units()
        return sorted(
            p.display_name
            for p in set(need) | set(have)
            if float_compare(need[p], have.get(p, 0.0), precision_rounding=p.uom_id.rounding)
        )

    def _wms_stored_packing(self):
        """The stored (not yet packed) suggestion of one transfer as the engine's Packing,
        with the engine's items for its units: ``(packing, items)`` for ``verify``."""
        self.ensure_one()
        open_rows = self.wms_carton_suggestion_ids.filtered(lambda s: not s.package_id)
        rows = open_rows.filtered(lambda s: not s.unpackable)
        types = {t.id: c for c, t in rows.package_type_id._wms_carton_types().items()}
        items, _refused = _items(self._wms_units())
        by_product = {it.product_id: it for it in items}
        cartons = []
        for row in rows:
            carton = types[row.package_type_id.id]
            places = tuple(Placement(by_product[pid], *box) for pid, *box in row.placement)
            content_kg = sum(p.item.weight_kg for p in places)
            fill = sum(p.item.volume_mm3 for p in places) / carton.volume_mm3
            cartons.append(PackedCarton(carton, places, fill, content_kg + carton.tare_kg, ""))
        manual = (open_rows - rows).line_ids
        unpackable = tuple(
            Unpackable(by_product[line.product_id.id], round(line.quantity), "")
            for line in manual
            if line.product_id.id in by_product
        )
        volume = sum(c.carton.volume_mm3 for c in cartons) / 1e9
        gross = sum(c.gross_kg for c in cartons)
        packing = Packing(tuple(cartons), unpackable, len(cartons), volume, gross, 0.0, "")
        return packing, items


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_assign(self, force_qty=False):
        """Pick-to-carton: once reserved, a transfer knows its cartons before the pick. A
        transfer an earlier step feeds (the pack after the pick) grows with every unit
        posted upstream: its cartons are suggested when its packer asks (the scan screen's
        pack flow, or *Suggest Cartons*), not again at each posting."""
        result = super()._action_assign(force_qty=force_qty)
        if not self.env.context.get("wms_history_import"):
            pickings = self.filtered(lambda m: not m.move_orig_ids).picking_id.filtered(
                lambda p: not p.wms_carton_suggestion_ids.package_id
            )
            # every reservation passes here: ask for carton types only when a transfer waits
            if pickings and self.env["stock.package.type"].search_count(
                [("wms_cartonize", "=", True), ("packaging_length", ">", 0)], limit=1
            ):
                pickings._wms_suggest_cartons()
        return result


def _items(units):
    """Engine items for {product: quantity}, and {product: (quantity, why it cannot be
    one, kg per unit)}."""
    env = next(iter(units)).env if units else None
    items, refused = [], {}
    if env is None:
        return items, refused
    mm = env.ref("uom.product_uom_millimeter")
    kg = env.ref("uom.product_uom_kgm")
    weight_uom = env["product.template"]._get_weight_uom_id_from_ir_config_parameter()
    for product, qty in units.items():
        each_kg = weight_uom._compute_quantity(product.weight, kg, round=False)
        sizes = (product.product_length, product.product_width, product.product_height)
        if min(sizes) <= 0 or not product.dimensional_uom_id:
            refused[product] = (qty, env._(
                "%(p)s has no length, width and height: set them on the product (Inventory "
                "tab)", p=product.display_name), each_kg)  # fmt: skip
            continue
        if abs(qty - round(qty)) > 1e-6:
            refused[product] = (qty, env._(
                "%(q)s %(u)s of %(p)s is not a whole number of units",
                q=qty, u=product.uom_id.name, p=product.display_name), each_kg)  # fmt: skip
            continue
        dims = [product.dimensional_uom_id._compute_quantity(v, mm, round=False) for v in sizes]
        items.append(
            Item(
                product.id, round(qty), *dims, each_kg,
                this_side_up=product.wms_this_side_up, fragile=product.wms_fragile,
                do_not_mix=product.wms_do_not_mix, name=product.display_name,
            )
        )  # fmt: skip
    return items, refused


def _carton_vals(picking, packing, types):
    vals = []
    for n, packed in enumerate(packing.cartons, start=1):
        counts = defaultdict(int)
        for p in packed.placements:
            counts[p.product_id] += 1
        vals.append(
            {
                "picking_id": picking.id,
                "sequence": n,
                "package_type_id": types[packed.carton].id,
                "line_ids": [(0, 0, {"product_id": pid, "quantity": q})
                             for pid, q in counts.items()],
                "weight_expected": packed.gross_kg,
                "fill_pct": packed.fill_ratio * 100.0,
                "placement": [
                    [p.product_id, p.x_mm, p.y_mm, p.z_mm, p.dx_mm, p.dy_mm, p.dz_mm]
                    for p in packed.placements
                ],
                "reason": packed.reason,
            }
        )  # fmt: skip
    return vals


def _manual_vals(picking, packing, refused, manual, start):
    """One row per item no carton takes (the engine's or ours), for a carton by hand."""
    rows = [(u.item.product_id, u.qty, u.reason, u.qty * u.item.weight_kg)
            for u in packing.unpackable]  # fmt: skip
    rows += [(p.id, qty, why, qty * kg) for p, (qty, why, kg) in refused.items()]
    return [
        {
            "picking_id": picking.id,
            "sequence": start + n,
            "unpackable": True,
            "package_type_id": manual.get((picking.id, pid), False),
            "line_ids": [(0, 0, {"product_id": pid, "quantity": qty})],
            "weight_expected": kg,
            "reason": picking.env._("%(why)s. Choose a package type for it by hand.", why=why),
        }
        for n, (pid, qty, why, kg) in enumerate(rows, start=1)
    ]
