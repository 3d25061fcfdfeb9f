# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.tools import float_compare, float_is_zero

from stockops.execution.receiving import ReceiptLine, route_line

#: zone kind each routed share of a receipt line goes to (put-away keeps its bins)
DESTINATION_KIND = {"hold": "hold", "qc": "qc", "crossdock": "crossdock"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    wms_receive_to_qc = fields.Boolean(
        "Inspect Receipts", help="Receipts from this vendor go to quality control first."
    )
    wms_qc_sample = fields.Float(
        "QC Sample (units)", help="Units of each line inspected; 0: the whole line."
    )


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wms_receiving_rules = fields.Boolean(
        "Route Receipts",
        help="On validation, send damaged units to hold, first receipts (and receipts from "
        "inspected vendors) to QC, units open orders wait for to cross-dock, the rest to "
        "put-away.",
    )

    def _wms_zone_location(self, kind):
        zone = self.wms_zone_ids.filtered(lambda z: z.kind == kind and z.location_id)[:1]
        return zone.location_id


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        receipts = self.filtered(
            lambda p: (
                p.picking_type_code == "incoming"
                and p.picking_type_id.warehouse_id.wms_receiving_rules
                and p.state not in ("done", "cancel")
            )
        )
        crossdocked = receipts._wms_route_receipt()
        todo = receipts.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        result = super().button_validate()
        done = todo.filtered(lambda m: m.state == "done")
        for move in done.filtered("wms_diverted_qty"):
            move._wms_shrink_next_step(move.wms_diverted_qty)
        if not crossdocked and done.filtered("wms_crossdock_qty"):
            # routed in an earlier call that stopped for a question (backorder?)
            crossdocked = done._wms_crossdocked()
        if crossdocked and all(p.state == "done" for p in receipts):
            self._wms_reserve_crossdock(crossdocked)
        return result

    def _wms_first_receipts(self, products, warehouse):
        seen = self.env["stock.move"]._read_group(
            [("product_id", "in", products.ids), ("state", "=", "done"),
             ("picking_code", "=", "incoming"),
             ("picking_type_id.warehouse_id", "=", warehouse.id)],
            ["product_id"],
        )  # fmt: skip
        return products - self.env["product.product"].union(*(p for (p,) in seen))

    def _wms_waiting_moves(self, products, warehouse):
        """The moves that take stock out for customers and wait for it: deliveries, or
        the pick step of a multi-step delivery (its later steps wait on the pick)."""
        return self.env["stock.move"].search(
            [("product_id", "in", products.ids),
             ("picking_type_id", "in", warehouse._wms_pick_types().ids),
             ("state", "in", ("confirmed", "partially_available"))],
            order="priority desc, date, id",
        )  # fmt: skip

    def _wms_route_receipt(self):
        """Split each receipt line over hold, QC, cross-dock and put-away (one read of the
        first receipts and of the waiting orders per receipt, one engine call per line).
        Lines keep their lot, serial and package: routed units move with them.
        Returns {product: (units sent to cross-dock, the orders waiting for them)}."""
        crossdocked = {}
        for picking in self:
            warehouse = picking.picking_type_id.warehouse_id
            # a validation that stopped for a question (backorder?) comes back: route once
            moves = picking.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel") and not m.wms_route_reason
            )
            first = self._wms_first_receipts(moves.product_id, warehouse)
            waiting = self._wms_waiting_moves(moves.product_id, warehouse)
            open_demand = {}
            for move in waiting:
                missing = move.product_qty - sum(move.move_line_ids.mapped("quantity_product_uom"))
                open_demand[move.product_id] = open_demand.get(move.product_id, 0.0) + missing
            vendor = picking.partner_id.commercial_partner_id
            for move in moves:
                received = move.quantity
                routing = route_line(
                    ReceiptLine(
                        received=received,
                        damaged=min(move.wms_damaged_qty, received),
                        open_demand=max(open_demand.get(move.product_id, 0.0), 0.0),
                        first_receipt=move.product_id in first,
                        vendor_inspected=vendor.wms_receive_to_qc,
                        qc_sample=vendor.wms_qc_sample,
                    )
                )
                shares = {k: getattr(routing, k) for k in DESTINATION_KIND}
                notes = [routing.reason]
                for kind, qty in shares.items():
                    target = warehouse._wms_zone_location(DESTINATION_KIND[kind])
                    if qty and not target:
                        notes.append(_("no %(kind)s zone: put away instead", kind=kind))
                        shares[kind] = 0.0
                notes += move._wms_divert(shares, warehouse)
                move.write(
                    {"wms_route_reason": "; ".join(notes), "wms_diverted_qty": sum(shares.values()),
                     "wms_crossdock_qty": shares["crossdock"]}
                )  # fmt: skip
                if shares["crossdock"]:
                    qty, orders = crossdocked.get(move.product_id, (0.0, self.env["stock.move"]))
                    mine = waiting.filtered(lambda m, p=move.product_id: m.product_id == p)
                    crossdocked[move.product_id] = (qty + shares["crossdock"], orders | mine)
                    open_demand[move.product_id] -= shares["crossdock"]
        return crossdocked

    def _wms_reserve_crossdock(self, crossdocked):
        """Reserve what landed in cross-dock staging for the orders that waited for it,
        before anything else (Odoo's own reservation may have taken the put-away units)."""
        for qty, orders in crossdocked.values():
            orders = orders.filtered(lambda m: m.state not in ("done", "cancel"))
            orders._do_unreserve()
            left = qty
            for move in orders:
                staging = move.picking_type_id.warehouse_id._wms_zone_location("crossdock")
                if left <= 0 or not staging:
                    break
                left -= move._update_reserved_quantity(min(move.product_qty, left), staging)
                move._recompute_state()
            # whatever the staging did not cover is reserved as usual
            orders.filtered(lambda m: m.state != "assigned")._action_assign()


class StockMove(models.Model):
    _inherit = "stock.move"

    wms_damaged_qty = fields.Float(
        "Damaged", digits="Product Unit of Measure",
        help="Units found damaged at the dock: they go to the hold zone.",
    )  # fmt: skip
    wms_route_reason = fields.Char("Receiving Route", readonly=True)
    wms_diverted_qty = fields.Float(
        "Routed Elsewhere", digits="Product Unit of Measure", readonly=True,
        help="Units the receiving rules sent to QC, hold or cross-dock instead of put-away.",
    )  # fmt: skip
    wms_crossdock_qty = fields.Float(
        "Cross-docked", digits="Product Unit of Measure", readonly=True
    )

    def _wms_crossdocked(self):
        """{product: (units these receipt moves cross-docked, the orders waiting now)}."""
        crossdocked = {}
        for move in self:
            warehouse = move.picking_type_id.warehouse_id
            qty, _orders = crossdocked.get(move.product_id, (0.0, None))
            waiting = move.picking_id._wms_waiting_moves(move.product_id, warehouse)
            crossdocked[move.product_id] = (qty + move.wms_crossdock_qty, waiting)
        return crossdocked

    def _wms_shrink_next_step(self, diverted):
        """In a multi-step reception the put-away step (Odoo pushes it for the whole
        receipt) waits only for what is put away: the units routed elsewhere come off it."""
        rounding = self.product_uom.rounding
        for nxt in self.move_dest_ids.filtered(lambda m: m.state not in ("done", "cancel")):
            if float_compare(diverted, 0, precision_rounding=rounding) <= 0:
                break
            take = min(diverted, nxt.product_uom_qty)
            nxt.product_uom_qty -= take
            diverted -= take
            if float_is_zero(nxt.product_uom_qty, precision_rounding=nxt.product_uom.rounding):
                nxt._action_cancel()

    def _wms_divert(self, shares, warehouse):
        """Send the routed units to their zones: the lines of this move are re-addressed
        (last lines first) and split where a share ends inside one, so each unit keeps its
        lot, serial and package. A package split over two zones cannot stay one handling
        unit: the units taken from it leave the package, and the note says so.
        Returns the notes."""
        self.ensure_one()
        notes = []
        lines = self.move_line_ids.sorted("id", reverse=True)
        rounding = self.product_uom.rounding
        for kind, qty in shares.items():
            if float_is_zero(qty, precision_rounding=rounding):
                continue
            target = warehouse._wms_zone_location(DESTINATION_KIND[kind])
            why = _("Receiving rule: %(kind)s", kind=kind)
            left = qty
            for line in lines:
                if float_compare(left, 0, precision_rounding=rounding) <= 0:
                    break
                if float_is_zero(line.quantity, precision_rounding=rounding):
                    continue
                take = min(line.quantity, left)
                left -= take
                if float_compare(take, line.quantity, precision_rounding=rounding) >= 0:
                    line.write({"location_dest_id": target.id, "wms_putaway_reason": why})
                    lines -= line
                    continue
                package = line.result_package_id
                line.quantity -= take
                line.copy(
                    {"quantity": take, "location_dest_id": target.id, "result_package_id": False,
                     "wms_putaway_reason": why, "picked": True}
                )  # fmt: skip
                if package:
                    notes.append(
                        _("%(qty)s taken out of package %(pack)s to %(kind)s",
                          qty=f"{take:g}", pack=package.name, kind=kind)
                    )  # fmt: skip
        return notes
