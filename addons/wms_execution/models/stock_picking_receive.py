# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models

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
        result = super().button_validate()
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
        return self.env["stock.move"].search(
            [("product_id", "in", products.ids), ("picking_code", "=", "outgoing"),
             ("picking_type_id.warehouse_id", "=", warehouse.id),
             ("state", "in", ("confirmed", "partially_available"))],
            order="priority desc, date, id",
        )  # fmt: skip

    def _wms_route_receipt(self):
        """Split each receipt line over hold, QC, cross-dock and put-away (one read of the
        first receipts and of the waiting orders per receipt, one engine call per line).
        Returns {product: (units sent to cross-dock, the orders waiting for them)}."""
        crossdocked = {}
        for picking in self:
            warehouse = picking.picking_type_id.warehouse_id
            moves = picking.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel") and m.product_id.tracking == "none"
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
                move._wms_divert(shares, warehouse)
                move.wms_route_reason = "; ".join(notes)
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

    def _wms_divert(self, shares, warehouse):
        """Take the routed units off this move's put-away lines (last lines first) and give
        them lines to their zones (products without lots or serials only)."""
        self.ensure_one()
        diverted = sum(shares.values())
        if not diverted:
            return
        left = diverted
        for line in self.move_line_ids.sorted("id", reverse=True):
            take = min(line.quantity, left)
            left -= take
            if take >= line.quantity:
                line.unlink()
            else:
                line.quantity -= take
            if left <= 0:
                break
        for kind, qty in shares.items():
            if qty:
                values = {
                    "move_id": self.id,
                    "picking_id": self.picking_id.id,
                    "product_id": self.product_id.id,
                    "product_uom_id": self.product_uom.id,
                    "location_id": self.location_id.id,
                    "location_dest_id": warehouse._wms_zone_location(DESTINATION_KIND[kind]).id,
                    "quantity": qty,
                    "picked": True,
                    "wms_putaway_reason": _("Receiving rule: %(kind)s", kind=kind),
                }
                self.env["stock.move.line"].create(values)
