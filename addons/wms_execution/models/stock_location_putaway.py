# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from stockops.execution.putaway import BinState, Item, suggest

#: beam heights (m) a person reaches without bending or a ladder
GOLDEN_ZONE_M = (0.5, 1.6)
#: the class of a product not yet ranked by picks in its warehouse
UNRANKED_CLASS = "B"


class StockLocation(models.Model):
    """Directed put-away through Odoo's own put-away hook: Odoo's rules choose the area
    (so standard put-away rules still work), then, in a warehouse with directed put-away,
    the engine chooses the bin inside it from capacity, size, mixing, hazard and the
    product's pick velocity; the move line keeps the reason."""

    _inherit = "stock.location"

    def _get_putaway_strategy(
        self, product, quantity=0, package=None, packaging=None, additional_qty=None
    ):
        area = super()._get_putaway_strategy(product, quantity, package, packaging, additional_qty)
        warehouse = area.warehouse_id
        if not (warehouse.wms_directed_putaway and product and area.usage in ("internal", "view")):
            return area
        if area.wms_aisle_id:
            return area  # a rule or the user named the bin itself
        chosen, reason, plan = area._wms_direct(product, quantity or 1.0, additional_qty or {})
        # the move line picks these up when it is written (reason, and a split when one bin
        # cannot take the whole quantity); without a bin, the line stays in the area and
        # says why
        target = chosen or area
        note = reason if chosen else f"Directed put-away: {reason}; left in {area.name}"
        self.env.cr.cache.setdefault("wms_putaway", {})[product.id, target.id] = (
            note,
            plan,
            area.id,
        )
        return target

    def _wms_direct(self, product, quantity, additional_qty):
        """The best bin under this area for ``quantity`` units of ``product``, and why; an
        empty recordset and the reason when none can take a unit."""
        bins = self.env["stock.location"].search(
            [("id", "child_of", self.id), ("wms_aisle_id", "!=", False),
             ("usage", "=", "internal"), ("wms_has_coordinates", "=", True)]
        )  # fmt: skip
        if not bins:
            return bins, "no placed bin under this area", None
        load = self._wms_load(bins, product, additional_qty)
        tmpl = product.product_tmpl_id
        metre = self.env.ref("uom.product_uom_meter")
        uom = tmpl.dimensional_uom_id
        to_m = uom._compute_quantity(1.0, metre) if uom else 1.0
        dims = [d * to_m for d in (tmpl.product_length, tmpl.product_width, tmpl.product_height)]
        # the unit's box from its dimensions; the product's volume when they are not all set
        volume = dims[0] * dims[1] * dims[2] if all(dims) else product.volume or 0.0
        velocity = (
            self.env["stock.policy.abc"]
            .search(
                [("product_id", "=", product.id), ("warehouse_id", "=", self.warehouse_id.id)],
                limit=1,
            )
            .lines_class
            or UNRANKED_CLASS
        )
        item = Item(
            product_id=product.id, qty=float(quantity), unit_volume_m3=volume,
            unit_weight_kg=product.weight or 0.0, unit_max_side_m=max(dims), velocity=velocity,
            hazard=product.wms_hazard_class or "",
        )  # fmt: skip
        if item.unit_volume_m3 <= 0 or item.unit_max_side_m <= 0:
            return bins.browse(), f"{product.display_name} has no dimensions", None
        category = [b.storage_category_id for b in bins]
        plan = suggest(
            BinState(
                ids=bins.ids,
                names=bins.mapped("name"),
                category=[c.name or "" for c in category],
                free_volume_m3=[
                    (c.wms_max_volume_m3 or 1e9) - load[b.id]["volume"]
                    for b, c in zip(bins, category, strict=True)
                ],
                capacity_volume_m3=[c.wms_max_volume_m3 for c in category],
                free_weight_kg=[
                    (c.max_weight or 1e9) - load[b.id]["weight"]
                    for b, c in zip(bins, category, strict=True)
                ],
                max_side_m=[c.wms_max_length_m or 1e9 for c in category],
                travel_m=bins.mapped("wms_travel_from_pack_m"),
                golden=[GOLDEN_ZONE_M[0] <= b.wms_z_m <= GOLDEN_ZONE_M[1] for b in bins],
                forward=[b.wms_zone_id.kind == "forward" for b in bins],
                mixing=[c.allow_new_product or "mixed" for c in category],
                hazard=[(item.hazard or "hazardous") if c.wms_hazardous else "" for c in category],
                products=[tuple(load[b.id]["products"]) for b in bins],
            ),
            item,
        )
        if not plan.placements:
            why = ", ".join(f"{n} {k}" for k, n in plan.rejected.items()) or "none free"
            return bins.browse(), f"no bin takes a unit ({why})", None
        reason = f"Directed put-away ({velocity} by picks): {plan.reasons[0]}"
        return bins.browse(plan.bin_id), reason, plan

    def _wms_load(self, bins, product, additional_qty):
        """Volume (m3), weight (kg) and products in each bin: stock on hand, units already
        on their way in (open move lines), and this transfer's own earlier lines."""
        load = defaultdict(lambda: {"volume": 0.0, "weight": 0.0, "products": set()})
        on_hand = self.env["stock.quant"]._read_group(
            [("location_id", "in", bins.ids)], ["location_id", "product_id"], ["quantity:sum"]
        )
        incoming = self.env["stock.move.line"]._read_group(
            [("location_dest_id", "in", bins.ids), ("state", "not in", ("draft", "done", "cancel")),
             ("id", "not in", list(self.env.context.get("exclude_sml_ids", set())))],
            ["location_dest_id", "product_id"], ["quantity_product_uom:sum"],
        )  # fmt: skip
        rows = (
            on_hand
            + incoming
            + [(self.browse(loc), product, qty) for loc, qty in additional_qty.items()]
        )
        for location, item, qty in rows:
            slot = load[location.id]
            slot["volume"] += qty * (item.volume or 0.0)
            slot["weight"] += qty * (item.weight or 0.0)
            if qty > 0:
                slot["products"].add(item.id)
        return load


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wms_directed_putaway = fields.Boolean(
        "Directed Put-away",
        help="Choose the bin of every receipt line from capacity, size, mixing, hazard and "
        "pick velocity, inside the area Odoo's put-away rules choose.",
    )


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    wms_putaway_reason = fields.Char("Why This Bin", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._wms_note_putaway_reasons()
        return lines

    def _apply_putaway_strategy(self):
        result = super()._apply_putaway_strategy()
        self._wms_note_putaway_reasons()
        return result

    def _wms_note_putaway_reasons(self):
        """Copy the engine's reason onto each directed line, and split a line one bin
        cannot take whole over the next bins of the plan, each within its capacity; units
        no bin takes stay in the area with that said (one write per line split)."""
        directed = self.env.cr.cache.get("wms_putaway")
        if not directed:
            return
        for line in self:
            entry = directed.get((line.product_id.id, line.location_dest_id.id))
            if not entry or line.wms_putaway_reason:
                continue
            reason, plan, area_id = entry
            if plan is None:
                line.wms_putaway_reason = reason
                continue
            first_qty = plan.placements[0][1]
            if line.quantity <= first_qty + 1e-9:
                line.wms_putaway_reason = reason
                continue
            rest = line.quantity - first_qty
            line.write({"quantity": first_qty, "wms_putaway_reason": reason})
            extra = []
            for (bin_id, qty), why in zip(plan.placements[1:], plan.reasons[1:], strict=True):
                take = min(qty, rest)
                if take <= 0:
                    break
                why = f"Directed put-away (split): {why}"
                extra.append(
                    {"location_dest_id": bin_id, "quantity": take, "wms_putaway_reason": why}
                )
                rest -= take
            if rest > 1e-9:
                extra.append({"location_dest_id": area_id, "quantity": rest,
                              "wms_putaway_reason": "No bin takes these units: left in the "
                              "area for a supervisor to place"})  # fmt: skip
            for values in extra:
                line.copy(values)
