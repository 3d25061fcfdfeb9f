# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.addons.stock_policy.tools import bulk_update
from odoo.exceptions import UserError

from stockops.execution.waves import plan_waves


class WmsWavePlan(models.TransientModel):
    """Plan waves: the ready picks of a warehouse released by carrier cut-off, priority
    and promised date, a pick method per order, carts filled under their limits so the
    tours walk least, as Odoo batches (waves where an order is split) with their pick
    paths. One bulk read, one engine call, one bulk write."""

    _name = "wms.wave.plan"
    _description = "Plan Waves"

    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, default=lambda self: self._default_warehouse()
    )
    picking_ids = fields.Many2many(
        "stock.picking",
        string="Transfers",
        help="The transfers to plan; empty plans every ready pick of the warehouse that "
        "is in no batch yet.",
    )
    # one compute per limit: a limit typed in (or passed to create) keeps its value
    max_totes = fields.Integer(
        "Totes per Cart", compute="_compute_max_totes", store=True, readonly=False
    )
    max_lines = fields.Integer(
        "Lines per Cart", compute="_compute_max_lines", store=True, readonly=False
    )
    max_weight_kg = fields.Float(
        "Cart Load (kg)", digits=(10, 1), compute="_compute_max_weight_kg", store=True,
        readonly=False,
    )  # fmt: skip
    max_volume_m3 = fields.Float(
        "Cart Volume (m³)", digits=(10, 3), compute="_compute_max_volume_m3", store=True,
        readonly=False,
    )  # fmt: skip
    state = fields.Selection([("draft", "To Plan"), ("done", "Planned")], default="draft")
    summary = fields.Text(readonly=True)
    batch_ids = fields.Many2many("stock.picking.batch", string="Batches", readonly=True)

    @api.model
    def _default_warehouse(self):
        pickings = self.env["stock.picking"].browse(self._selected_ids())
        return pickings.picking_type_id.warehouse_id[:1] or self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.model
    def _selected_ids(self):
        if self.env.context.get("active_model") != "stock.picking":
            return []
        return self.env.context.get("active_ids") or []

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "picking_ids" in fields_list and self._selected_ids():
            values["picking_ids"] = [Command.set(self._selected_ids())]
        return values

    @api.depends("warehouse_id")
    def _compute_max_totes(self):
        for plan in self:
            plan.max_totes = plan.warehouse_id.wms_cart_max_totes

    @api.depends("warehouse_id")
    def _compute_max_lines(self):
        for plan in self:
            plan.max_lines = plan.warehouse_id.wms_cart_max_lines

    @api.depends("warehouse_id")
    def _compute_max_weight_kg(self):
        for plan in self:
            plan.max_weight_kg = plan.warehouse_id.wms_cart_max_weight_kg

    @api.depends("warehouse_id")
    def _compute_max_volume_m3(self):
        for plan in self:
            plan.max_volume_m3 = plan.warehouse_id.wms_cart_max_volume_m3

    def action_plan(self):
        self.ensure_one()
        wh = self.warehouse_id
        limits = wh._wms_cart_limits(
            {"totes": self.max_totes, "lines": self.max_lines, "kg": self.max_weight_kg,
             "m3": self.max_volume_m3}
        )  # fmt: skip
        pickings, skipped = self._candidates()
        layout, depot = wh._wms_layout(), wh._wms_depot()
        orders, line_map, unplaced = pickings._wms_wave_orders(depot)
        try:
            plan = plan_waves(
                layout, depot, orders, fields.Datetime.now(), limits, wh._wms_method_rules()
            )
        except ValueError as err:
            raise UserError(
                self.env._("Wave planning in %(wh)s: %(err)s", wh=wh.name, err=err)
            ) from err
        by_id = {v: k for k, v in pickings._wms_order_ids().items()}
        self._write_releases(plan, pickings.browse([by_id[r.order_id] for r in plan.releases]))
        batches = self._create_batches(plan, line_map)
        batches._wms_route()
        for batch in batches.filtered(lambda b: b.state == "draft"):
            batch.action_confirm()
        summary = self._summary(plan, batches, skipped, unplaced, limits)
        self.write({"state": "done", "summary": summary, "batch_ids": [Command.set(batches.ids)]})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Waves Planned"),
        }

    def action_open_batches(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking.batch",
            "name": self.env._("Planned Waves"),
            "view_mode": "list,form",
            "domain": [("id", "in", self.batch_ids.ids)],
        }

    def _candidates(self):
        """Ready transfers of the warehouse's pick operation in no batch yet, with a
        sentence for each selected transfer that cannot go; UserError when none can."""
        wh = self.warehouse_id
        ptype = wh._wms_wave_picking_type()
        domain = [("picking_type_id", "=", ptype.id), ("state", "=", "assigned"),
                  ("batch_id", "=", False)]  # fmt: skip
        if self.picking_ids:
            pickings = self.picking_ids.filtered_domain(domain)
        else:
            pickings = self.env["stock.picking"].search(domain, order="id")
        skipped = [self._why_not(p, ptype) for p in self.picking_ids - pickings]
        empty = pickings.filtered(lambda p: not p.move_line_ids)
        skipped += [self.env._("%(p)s: nothing reserved to pick", p=p.name) for p in empty]
        pickings -= empty
        if not pickings:
            raise UserError(
                self.env._(
                    "No transfer to wave in %(wh)s: waves take the Ready transfers of "
                    "operation %(type)s that are in no batch yet. %(why)s",
                    wh=wh.name,
                    type=ptype.display_name,
                    why="; ".join(skipped)
                    or self.env._(
                        "None is ready now: check availability of the open orders first."
                    ),
                )
            )
        return pickings, skipped

    def _why_not(self, picking, ptype):
        if picking.picking_type_id != ptype:
            return self.env._(
                "%(p)s: operation %(t)s, not %(want)s",
                p=picking.name,
                t=picking.picking_type_id.display_name,
                want=ptype.display_name,
            )
        if picking.batch_id:
            return self.env._("%(p)s: already in %(b)s", p=picking.name, b=picking.batch_id.name)
        state = dict(picking._fields["state"]._description_selection(self.env))[picking.state]
        return self.env._("%(p)s: %(s)s, not Ready", p=picking.name, s=state)

    def _write_releases(self, plan, ranked):
        methods = {m.order_id: m for m in plan.methods}
        bulk_update(
            ranked,
            [
                {
                    "wms_release_rank": r.rank,
                    "wms_release_reason": r.reason,
                    "wms_pick_method": methods[r.order_id].method,
                    "wms_pick_method_reason": methods[r.order_id].reason,
                }
                for r in plan.releases
            ],
        )

    def _create_batches(self, plan, line_map):
        """Odoo batches of the plan, in its order. A batch holding part of a transfer is a
        wave: Odoo moves those lines to a transfer of their own (``_add_to_wave``)."""
        lines_of = [
            self.env["stock.move.line"].union(
                *(line_map[(bl.order_id, bl.line_no)] for bl in b.lines)
            )
            for b in plan.batches
        ]
        spans = defaultdict(set)
        for k, lines in enumerate(lines_of):
            for picking in lines.picking_id:
                spans[picking].add(k)
        is_wave = [any(len(spans[p]) > 1 for p in lines.picking_id) for lines in lines_of]
        ptype = self.warehouse_id._wms_wave_picking_type()
        batches = self.env["stock.picking.batch"].create(
            [
                {
                    "is_wave": wave,
                    "picking_type_id": ptype.id,
                    "description": self.env._(
                        "Wave %(w)s, %(m)s: %(n)s order(s), %(l)s line(s)",
                        w=b.wave,
                        m=b.method,
                        n=len(b.order_ids),
                        l=len(b.lines),
                    ),
                    "picking_ids": [] if wave else [Command.set(lines.picking_id.ids)],
                    "wms_pick_method": b.method.split()[0],
                    "wms_wave_no": b.wave,
                    "wms_plan_reason": b.reason,
                    "wms_cart_totes": b.totes,
                    "wms_cart_weight_kg": b.weight_kg,
                    "wms_cart_volume_m3": b.volume_m3,
                    "wms_over_limit": b.over_limit,
                }
                for b, lines, wave in zip(plan.batches, lines_of, is_wave, strict=True)
            ]
        )
        for batch, lines, wave in zip(batches, lines_of, is_wave, strict=True):
            if wave:
                lines._add_to_wave(batch)
        return batches

    def _summary(self, plan, batches, skipped, unplaced, limits):
        out = [plan.reason + "."]
        methods = {m.order_id: m.method for m in plan.methods}
        spread = defaultdict(list)
        for batch, eb in zip(batches, plan.batches, strict=True):
            for order_id in eb.order_ids:
                spread[order_id].append(batch.name)
        for order_id, names in spread.items():
            if len(names) > 1:
                why = (
                    self.env._("zone picking, one part per zone")
                    if methods[order_id] == "zone"
                    else self.env._("it does not fit one cart (%(l)s)", l=limits.describe())
                )
                out.append(
                    self.env._(
                        "%(o)s split over %(b)s: %(why)s; each part rides in a tote of its own.",
                        o=order_id,
                        b=", ".join(names),
                        why=why,
                    )
                )
        for batch, eb in zip(batches, plan.batches, strict=True):
            if eb.over_limit:
                out.append(
                    self.env._(
                        "%(b)s carries a line bigger than a cart (%(l)s): pick it with "
                        "suitable equipment.",
                        b=batch.name,
                        l=limits.describe(),
                    )
                )
        if unplaced:
            out.append(
                self.env._(
                    "Bins without coordinates, picked last on their path and not counted in "
                    "its distance: %(bins)s. Place them on the layout (location form), then "
                    "Sequence Pick Path on their batches.",
                    bins=", ".join(unplaced.mapped("complete_name")),
                )
            )
        if skipped:
            out.append(self.env._("Not planned: %(s)s.", s="; ".join(skipped)))
        for batch in batches:
            out.append(
                self.env._(
                    "%(b)s (%(m)s): %(t)s tote(s), %(n)s line(s), %(kg).1f kg, %(m3).3f m³, "
                    "pick path %(d).0f m (%(k)s).",
                    b=batch.name,
                    m=batch.wms_pick_method,
                    t=batch.wms_cart_totes,
                    n=len(batch.move_line_ids),
                    kg=batch.wms_cart_weight_kg,
                    m3=batch.wms_cart_volume_m3,
                    d=batch.wms_route_distance_m,
                    k=batch.wms_route_kind,
                )
            )
        return "\n".join(out)
