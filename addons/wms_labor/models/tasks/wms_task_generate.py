# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.addons.stock_policy.tools import bulk_update

#: what a task is done with when it needs no truck
GEAR = {"pick": "cart", "putaway": "cart", "replenish": "pallet_jack", "load": "pallet_jack"}


class WmsTask(models.Model):
    """Where tasks come from: transfers ready to move (a batch is one task), and bins due
    for a count. Run by a cron every few minutes and by the supervisor's button."""

    _inherit = "wms.task"

    release_date = fields.Datetime(
        "Not Before", readonly=True,
        help="A receipt's put-away is offered from the truck's expected arrival on.",
    )  # fmt: skip

    @api.model
    def _cron_generate(self):
        """Every few minutes: tasks from new ready work, and tasks left in hand released."""
        warehouses = self.env["wms.operator"].search([]).warehouse_id
        self.sudo()._generate(warehouses)
        self.sudo()._release_abandoned()

    @api.model
    def action_generate_now(self):
        self._generate(self.env["stock.warehouse"].search([]))
        return self.env["ir.actions.act_window"]._for_xml_id("wms_labor.action_wms_task_queue")

    def _generate(self, warehouses):
        created = self.browse()
        for warehouse in warehouses:
            created |= self._generate_for(warehouse)
        return created

    def _kind_of(self, picking, warehouse):
        """The task a ready transfer calls for, or None when it is not floor work."""
        ptype = picking.picking_type_id
        if picking.return_id and ptype == warehouse.in_type_id:
            return "returns"
        if ptype == warehouse.pick_type_id:
            return "pick"
        if ptype == warehouse.pack_type_id:
            return "pack"
        if ptype == warehouse.out_type_id:
            return "pick" if warehouse.delivery_steps == "ship_only" else "load"
        if ptype in (warehouse.store_type_id, warehouse.int_type_id):
            into = picking.location_dest_id.wms_zone_id.kind
            frm = picking.location_id.wms_zone_id.kind
            moves_into = set(picking.move_ids.location_dest_id.wms_zone_id.mapped("kind"))
            forward = into == "forward" or moves_into == {"forward"}
            return "replenish" if forward and frm != "receiving" else "putaway"
        if ptype == warehouse.in_type_id and (
            warehouse.reception_steps == "one_step"
            or picking.location_dest_id != warehouse.wh_input_stock_loc_id
        ):
            return "putaway"  # received straight into the racks
        return None

    def _skill(self, code):
        return self.env["wms.skill"].search([("code", "=", code)], limit=1)

    def _retire_stale(self, warehouse):
        """Open tasks overtaken by events are cancelled, with why: a transfer since picked
        with a batch (wave planning) gets the batch's task instead; a transfer or batch done
        or cancelled outside its task leaves nothing to do."""
        waiting = self.search(
            [("warehouse_id", "=", warehouse.id), ("state", "=", "open"),
             "|", ("picking_id", "!=", False), ("batch_id", "!=", False)]
        )  # fmt: skip
        stale, notes = self.browse(), []
        for task in waiting:
            doc = task.batch_id or task.picking_id
            if task.picking_id.batch_id and not task.batch_id:
                note = _("Now picked with %(batch)s", batch=task.picking_id.batch_id.name)
            elif doc.state in ("done", "cancel"):
                note = _("%(doc)s was closed outside the task", doc=doc.name)
            else:
                continue
            stale |= task
            notes.append({"state": "cancel", "note": note})
        bulk_update(stale, notes)
        return stale

    def _generate_for(self, warehouse):
        """One read of the ready transfers and due bins without an open task, one create."""
        self._retire_stale(warehouse)
        active = self.search_fetch(
            [("warehouse_id", "=", warehouse.id), ("state", "!=", "cancel")],
            ["picking_id", "batch_id", "quant_id"],
        )
        pickings = self.env["stock.picking"].search(
            [
                ("picking_type_id.warehouse_id", "=", warehouse.id),
                ("state", "=", "assigned"),
                ("id", "not in", active.picking_id.ids),
            ]
        )
        pickings = pickings.filtered(lambda p: p.batch_id not in active.batch_id or not p.batch_id)
        forklift = self._skill("FORKLIFT")
        # goods received straight into the racks are taken from the receiving dock
        dock = self.env["stock.location"].search(
            [("warehouse_id", "=", warehouse.id), ("wms_zone_id.kind", "=", "receiving"),
             ("wms_has_coordinates", "=", True)], limit=1,
        )  # fmt: skip
        vals, batches = [], {}
        for picking in pickings:
            kind = self._kind_of(picking, warehouse)
            if not kind:
                continue
            if picking.batch_id:
                batches.setdefault((picking.batch_id, kind), []).append(picking)
                continue
            vals.append(self._picking_values(warehouse, kind, picking, forklift, dock))
        for (batch, kind), members in batches.items():
            # a batch is walked as one task: it starts where its first line is
            one = self._picking_values(warehouse, kind, members[0], forklift, dock)
            vals.append(self._batch_values(one, batch, members))
        vals += self._count_values(warehouse, active)
        return self.create(vals)

    def _picking_values(self, warehouse, kind, picking, forklift, dock):
        moves = picking.move_ids
        # pallets into or out of the reserve racks need a truck and its licence
        ends = picking.move_ids.location_id | picking.move_ids.location_dest_id
        zones = set(
            (ends | picking.location_id | picking.location_dest_id).wms_zone_id.mapped("kind")
        )
        truck = kind in ("putaway", "replenish") and "reserve" in zones
        start = picking.move_line_ids[:1].location_id or picking.location_id
        if picking.picking_type_code == "incoming" and dock:
            start = dock
        return {
            "kind": kind,
            "warehouse_id": warehouse.id,
            "picking_id": picking.id,
            "zone_id": (start.wms_zone_id or picking.location_dest_id.wms_zone_id).id,
            "location_id": start.id,
            "location_dest_id": (
                picking.move_line_ids[:1].location_dest_id or picking.location_dest_id
            ).id,
            "due_date": picking.scheduled_date,
            "release_date": picking.picking_type_code == "incoming" and picking.scheduled_date,
            "priority": picking.priority,
            "lines": len(moves),
            "units": sum(moves.mapped("product_uom_qty")),
            "equipment": "forklift" if truck else GEAR.get(kind, "none"),
            "skill_id": forklift.id if truck else False,
        }

    def _batch_values(self, first, batch, members):
        # the transfers of the batch not already in someone's hands
        moves = self.env["stock.move"].union(*(p.move_ids for p in members))
        return {
            **first,
            "picking_id": False,
            "batch_id": batch.id,
            "due_date": min(p.scheduled_date for p in members),
            "priority": max(p.priority for p in members),
            "lines": len(moves),
            "units": sum(moves.mapped("product_uom_qty")),
        }

    def _count_values(self, warehouse, active):
        today = warehouse._site_today()
        quants = self.env["stock.quant"].search(
            [
                ("location_id.warehouse_id", "=", warehouse.id),
                ("location_id.usage", "=", "internal"),
                ("inventory_date", "<=", today),
                ("inventory_quantity_set", "=", False),
                ("id", "not in", active.quant_id.ids),
            ]
        )
        counter = self._skill("COUNT")
        return [
            {
                "kind": "count",
                "warehouse_id": warehouse.id,
                "quant_id": quant.id,
                "zone_id": quant.location_id.wms_zone_id.id,
                "location_id": quant.location_id.id,
                "location_dest_id": quant.location_id.id,
                "due_date": datetime.combine(quant.inventory_date, time(23, 59)),
                "lines": 1,
                "units": quant.quantity,
                "skill_id": counter.id,
            }
            for quant in quants
        ]
