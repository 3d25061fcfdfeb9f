# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from typing import NamedTuple

from odoo import api, fields, models
from odoo.tools import SQL

from stockops.execution.putaway import BinState, Item, fit_units, suggest

#: beam heights (m) a person picks from without bending or a step: waist to shoulder (a
#: pallet beam at 1.6 m is forklift work, not a golden-zone pick face)
GOLDEN_ZONE_M = (0.5, 1.5)
#: the class of a product not yet ranked by picks in its warehouse
UNRANKED_CLASS = "B"


class CategoryLimits(NamedTuple):
    """A storage category's limits per bin: volume m3, weight kg, longest unit m (0: no
    limit), mixing rule, hazardous goods only, Odoo's units of the product (0: none)."""

    name: str
    volume: float
    weight: float
    length: float
    mixing: str
    hazardous: bool
    units: float


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
        if self.env.context.get("wms_defer_putaway"):
            return area  # reservation is creating the line: the bin is chosen right after
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
        rows = self._wms_bin_rows()
        if not rows:
            return self.browse(), "no placed bin under this area", None
        item, problem = self._wms_item(product, quantity)
        if problem:
            return self.browse(), problem, None
        bin_ids = [r["id"] for r in rows]
        load = self._wms_load(self.browse(bin_ids), product, additional_qty)
        plan = suggest(self._wms_bin_state(rows, load, item), item)
        if not plan.placements:
            why = ", ".join(f"{n} {k}" for k, n in plan.rejected.items()) or "none free"
            return self.browse(), f"no bin takes a unit ({why})", None
        reason = f"Directed put-away ({item.velocity} by picks): {plan.reasons[0]}"
        return self.browse(plan.bin_id), reason, plan

    def _wms_bin_rows(self, bin_ids=None):
        """The placed bins under this area (or the given bins), one SQL read: id, name,
        storage category, walk from packing, beam height, zone kind, blocked."""
        fields_ = ["name", "storage_category_id", "wms_travel_from_pack_m", "wms_z_m",
                   "wms_zone_id", "wms_blocked"]  # fmt: skip
        locations = self.env["stock.location"]
        locations.flush_model([*fields_, "location_id", "usage", "wms_aisle_id"])
        self.env["wms.zone"].flush_model(["kind"])
        domain = (
            [("id", "in", list(bin_ids))]
            if bin_ids is not None
            else [("id", "child_of", self.id), ("wms_aisle_id", "!=", False),
                  ("usage", "=", "internal"), ("wms_has_coordinates", "=", True)]
        )  # fmt: skip
        query = locations._search(domain, order="id")
        columns = [
            SQL.identifier(query.table, "id"),
            *(SQL.identifier(query.table, f) for f in fields_),
        ]
        rows = [dict(zip(["id", *fields_], row, strict=True))
                for row in self.env.execute_query(query.select(*columns))]  # fmt: skip
        kinds = dict(
            self.env["wms.zone"].browse({r["wms_zone_id"] for r in rows} - {None})
            .sudo().mapped(lambda z: (z.id, z.kind))
        )  # fmt: skip
        for row in rows:
            row["kind"] = kinds.get(row["wms_zone_id"])
        # a bin refused for these units is no alternative to itself
        excluded = self.env.context.get("wms_exclude_bin_ids") or set()
        return [r for r in rows if r["id"] not in excluded]

    def _wms_item(self, product, quantity, lot=""):
        """The engine's view of ``quantity`` units of ``product`` (metres, kg, its pick
        class in this warehouse), or None and why it cannot be directed."""
        tmpl = product.product_tmpl_id
        metre = self.env.ref("uom.product_uom_meter")
        uom = tmpl.dimensional_uom_id
        to_m = uom._compute_quantity(1.0, metre) if uom else 1.0
        dims = [d * to_m for d in (tmpl.product_length, tmpl.product_width, tmpl.product_height)]
        # a unit's volume as bins count their load: the product's, else its box
        volume, _weight = product._wms_unit_sizes()[product.id]
        if volume <= 0 or max(dims) <= 0:
            return None, (
                f"{product.display_name} has no dimensions: set its length, width and "
                "height (Inventory tab) to have it directed"
            )
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
            hazard=product.wms_hazard_class or "", lot=lot,
        )  # fmt: skip
        return item, None

    def _wms_bin_state(self, rows, load, item):
        """The engine's bins from their rows and loads (``Slot``; the units are of
        ``item``'s product), Odoo's per-product capacity included."""
        info = {None: CategoryLimits("", 0.0, 0.0, 0.0, "mixed", False, 0.0)}
        for c in self.env["stock.storage.category"].browse(
            {r["storage_category_id"] for r in rows} - {None}
        ):
            units = c.product_capacity_ids.filtered(lambda k: k.product_id.id == item.product_id)
            info[c.id] = CategoryLimits(
                c.name, c.wms_max_volume_m3, c.max_weight, c.wms_max_length_m,
                c.allow_new_product or "mixed", c.wms_hazardous, sum(units.mapped("quantity")),
            )  # fmt: skip
        pairs = [(info[r["storage_category_id"]], load.get(r["id"], EMPTY_SLOT)) for r in rows]
        return BinState(
            ids=[r["id"] for r in rows],
            names=[r["name"] for r in rows],
            category=[c.name for c, _s in pairs],
            free_volume_m3=[(c.volume or 1e9) - s.volume for c, s in pairs],
            capacity_volume_m3=[c.volume for c, _s in pairs],
            free_weight_kg=[(c.weight or 1e9) - s.weight for c, s in pairs],
            free_count=[c.units - s.units if c.units else math.inf for c, s in pairs],
            max_side_m=[c.length or 1e9 for c, _s in pairs],
            travel_m=[r["wms_travel_from_pack_m"] or 0.0 for r in rows],
            golden=[GOLDEN_ZONE_M[0] <= (r["wms_z_m"] or 0.0) <= GOLDEN_ZONE_M[1] for r in rows],
            forward=[r["kind"] == "forward" for r in rows],
            blocked=[bool(r["wms_blocked"]) for r in rows],
            mixing=[c.mixing for c, _s in pairs],
            hazard=[(item.hazard or "hazardous") if c.hazardous else "" for c, _s in pairs],
            products=[s.products for _c, s in pairs],
            lots=[s.lots for _c, s in pairs],
        )

    def _wms_load(self, bins, product, additional_qty, leaving=()):
        """What each bin holding anything holds (``Slot``): stock on hand, units already
        on their way in (open move lines, but those in ``exclude_sml_ids``), this
        transfer's own earlier lines (``additional_qty``: {bin id: units of ``product``})
        and less the units ``leaving`` it in the same posting ((bin id, product id, lot
        id, units)). One SQL read, summed in the database; a unit's volume is the
        product's, else its box from its dimensions."""
        for model, names in (
            ("stock.quant", ["location_id", "product_id", "lot_id", "quantity"]),
            ("stock.move.line", ["location_dest_id", "product_id", "lot_id", "state",
                                 "quantity_product_uom"]),
            ("stock.lot", ["name"]),
        ):  # fmt: skip
            self.env[model].flush_model(names)
        extra = [(loc, product.id, None, qty) for loc, qty in additional_qty.items()]
        extra += [(loc, pid, lot or None, -qty) for loc, pid, lot, qty in leaving]
        extra_sql = SQL("").join(
            SQL(" UNION ALL SELECT %s::int, %s::int, %s::int, %s::float8", *row) for row in extra
        )
        rows = self.env.execute_query(
            SQL(
                """WITH r AS (
                     SELECT location_id AS loc, product_id, lot_id, quantity::float8 AS qty
                       FROM stock_quant WHERE location_id = ANY(%(bins)s)
                     UNION ALL
                     SELECT location_dest_id, product_id, lot_id, quantity_product_uom::float8
                       FROM stock_move_line
                      WHERE location_dest_id = ANY(%(bins)s)
                        AND state NOT IN ('draft', 'done', 'cancel')
                        AND NOT id = ANY(%(excluded)s)%(extra)s),
                   g AS (SELECT loc, product_id, lot_id, SUM(qty) AS qty FROM r GROUP BY 1, 2, 3),
                   s AS (%(sizes)s)
                   SELECT g.loc, SUM(g.qty * s.m3), SUM(g.qty * s.kg),
                          ARRAY_AGG(DISTINCT g.product_id) FILTER (WHERE g.qty > 0),
                          ARRAY_AGG(DISTINCT l.name) FILTER (WHERE g.qty > 0 AND l.id IS NOT NULL),
                          COALESCE(SUM(g.qty) FILTER (WHERE g.product_id = %(product)s), 0)
                     FROM g JOIN s ON s.id = g.product_id
                LEFT JOIN stock_lot l ON l.id = g.lot_id
                 GROUP BY g.loc""",
                bins=bins.ids,
                excluded=list(self.env.context.get("exclude_sml_ids", set())) or [0],
                extra=extra_sql,
                sizes=_unit_sizes_sql(SQL("SELECT product_id FROM g")),
                product=product.id,
            )
        )
        return {
            loc: Slot(volume or 0.0, weight or 0.0, tuple(products or ()), tuple(lots or ()), units)
            for loc, volume, weight, products, lots, units in rows
        }


class Slot(NamedTuple):
    """What a bin holds: volume (m3), weight (kg), the products and lots in it, and the
    units of the product being placed."""

    volume: float
    weight: float
    products: tuple
    lots: tuple
    units: float


EMPTY_SLOT = Slot(0.0, 0.0, (), (), 0.0)


def _unit_sizes_sql(product_ids):
    """SQL of (id, m3, kg) of one unit of the products ``product_ids`` selects: the
    product's volume, else the box of its length, width and height (metres by their
    unit's factor)."""
    return SQL(
        """SELECT pp.id,
                  COALESCE(NULLIF(pp.volume, 0), pp.product_length * pp.product_width
                           * pp.product_height / POWER(COALESCE(u.factor, 1), 3), 0) AS m3,
                  COALESCE(pp.weight, 0) AS kg
             FROM product_product pp
        LEFT JOIN uom_uom u ON u.id = pp.dimensional_uom_id
            WHERE pp.id IN (%s)""",
        product_ids,
    )


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _wms_unit_sizes(self):
        """{product id: (m3, kg) of one unit}: the product's volume, else its box."""
        if not self:
            return {}
        self.flush_model(
            ["volume", "weight", "product_length", "product_width", "product_height",
             "dimensional_uom_id"]
        )  # fmt: skip
        ids = SQL(",").join(SQL("%s", pid) for pid in self.ids)
        rows = self.env.execute_query(_unit_sizes_sql(ids))
        return {pid: (volume, weight) for pid, volume, weight in rows}


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wms_directed_putaway = fields.Boolean(
        "Directed Put-away",
        help="Choose the bin of every receipt line from capacity, size, mixing, hazard and "
        "pick velocity, inside the area Odoo's put-away rules choose.",
    )


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_assign(self, force_qty=False):
        # Odoo chooses a line's bin when it creates the line and again when it applies
        # put-away to the lines it reserved: directed put-away decides once, at the second
        return super(StockMove, self.with_context(wms_defer_putaway=True))._action_assign(
            force_qty=force_qty
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
        lines = self.with_context(wms_defer_putaway=False)
        result = super(StockMoveLine, lines)._apply_putaway_strategy()
        lines._wms_note_putaway_reasons()
        return result

    def _wms_note_putaway_reasons(self):
        """Copy the engine's reason onto each directed line, and keep on the line only
        what its bin takes now (its stock and the other lines into it counted): the rest
        goes to the next best bins, each within its capacity, and what no bin takes stays
        in the area with that said."""
        directed = self.env.cr.cache.get("wms_putaway")
        if not directed or self.env.context.get("wms_no_fit"):
            return
        for line in self:
            entry = directed.get((line.product_id.id, line.location_dest_id.id))
            if not entry or line.state in ("done", "cancel"):
                continue
            reason, plan, area_id = entry
            if plan is None or line.product_uom_id != line.product_id.uom_id:
                if line.wms_putaway_reason != reason:
                    line.wms_putaway_reason = reason
                continue
            line._wms_fit_bin(reason, self.env["stock.location"].browse(area_id))

    def _wms_fit_bin(self, reason, area):
        """See ``_wms_note_putaway_reasons``: one bin check, a plan for the excess."""
        self.ensure_one()
        bin_, product, qty = self.location_dest_id, self.product_id, self.quantity
        item, _missing = bin_._wms_item(product, qty)
        load = bin_.with_context(exclude_sml_ids={self.id})._wms_load(bin_, product, {})
        takes = fit_units(bin_._wms_bin_state(bin_._wms_bin_rows([bin_.id]), load, item), item)
        keep = min(float(takes[0]), qty)
        if keep >= qty:
            if self.wms_putaway_reason != reason:
                self.wms_putaway_reason = reason
            return
        # the bin takes ``keep``: the rest is placed again, this line's share counted
        self.write({"quantity": keep, "location_dest_id": (bin_ if keep else area).id,
                    "wms_putaway_reason": reason})  # fmt: skip
        _chosen, why, plan = area._wms_direct(product, qty - keep, {})
        extra, rest = [], qty - keep
        steps = zip(plan.placements, plan.reasons, strict=True) if plan else ()
        for (bin_id, take), note in steps:
            extra.append({"location_dest_id": bin_id, "quantity": take,
                          "wms_putaway_reason": f"Directed put-away (split): {note}"})  # fmt: skip
            rest -= take
        if rest > 1e-9:
            extra.append({"location_dest_id": area.id, "quantity": rest,
                          "wms_putaway_reason": f"No bin takes these units ({why}): left "
                          "in the area for a supervisor to place"})  # fmt: skip
        if not keep and extra:
            first = extra.pop(0)  # the line itself takes the first placement
            self.write(first)
        for values in extra:
            self.with_context(wms_no_fit=True).copy(values)
