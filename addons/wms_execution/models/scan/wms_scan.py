# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare


class WmsScanRequest(models.Model):
    """One confirmation a scanner sent, by the key the device made for it: a repeat (double
    tap, retry after a timeout) by the same user about the same thing gets the first answer
    back and posts nothing again; the key is bound to its user and its ``scope``."""

    _name = "wms.scan.request"
    _description = "Scan Confirmation"

    key = fields.Char(required=True, index=True)
    scope = fields.Char(
        help="What the confirmation was about: the method and its line, bin or transfer "
        "(a key sent again for something else is refused)."
    )
    user_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    result = fields.Text(required=True)

    _sql_constraints = [("key_uniq", "unique(key)", "A scan confirmation is sent once.")]


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    wms_taken_by = fields.Many2one("res.users", "Taken By", readonly=True, index=True)


class WmsScan(models.AbstractModel):
    """The scan screen's server side: what a barcode is, the next line to work (handed out
    under a row lock), and the confirmation of a line, checked against what was expected
    and posted at once, idempotently."""

    _name = "wms.scan"
    _description = "Scan-to-confirm service"

    @api.model
    def resolve(self, code):
        """What ``code`` is: a bin, a product (or one of its packagings), a lot or a
        package; {"type": "unknown"} when nothing matches."""
        code = self._code(code)  # wms_scan_input.py
        if not code:
            return {"type": "unknown", "code": code}
        location = self.env["stock.location"].search([("barcode", "=", code)], limit=1)
        if location:
            return {"type": "location", "id": location.id, "name": location.display_name}
        product = self.env["product.product"].search(
            ["|", ("barcode", "=", code), ("default_code", "=", code)], limit=1
        )
        if product:
            return {"type": "product", "id": product.id, "name": product.display_name, "qty": 1}
        packaging = self.env["product.packaging"].search([("barcode", "=", code)], limit=1)
        if packaging:
            return {"type": "product", "id": packaging.product_id.id, "qty": packaging.qty,
                    "name": f"{packaging.product_id.display_name} ({packaging.name})"}  # fmt: skip
        package = self.env["stock.quant.package"].search([("name", "=", code)], limit=1)
        if package:
            return {"type": "package", "id": package.id, "name": package.name}
        lot = self.env["stock.lot"].search([("name", "=", code)], limit=1)
        if lot:
            return {"type": "lot", "id": lot.id, "name": lot.name, "product_id": lot.product_id.id}
        return {"type": "unknown", "code": code}

    @api.model
    def take_line(self, picking_id):
        """Hand the next open line of a transfer to this user, in walking order (the
        batch's pick path first; lines not on one by their walk from packing): one query
        that takes the line under a row lock and skips lines another operator holds or
        is taking right now (SKIP LOCKED), so no line is handed out twice. When nothing
        is left: {"done": True, "message", "drop": where the trip's units go, if they are
        still on the cart}."""
        picking_id = self._record_id(picking_id, _("Transfer"))
        picking = self.env["stock.picking"].browse(picking_id).exists()
        if not picking:
            raise UserError(_("That transfer does not exist any more."))
        lines = self.env["stock.move.line"]
        lines.flush_model(["picking_id", "picked", "state", "wms_taken_by", "wms_route_seq"])
        self.env["stock.location"].flush_model(["wms_travel_from_pack_m", "name"])
        self.env.cr.execute(
            SQL(
                """SELECT ml.id FROM stock_move_line ml
                     JOIN stock_location loc ON loc.id = ml.location_id
                    WHERE ml.picking_id = %(picking)s AND ml.picked IS NOT TRUE
                      AND ml.state NOT IN ('done', 'cancel')
                      AND (ml.wms_taken_by IS NULL OR ml.wms_taken_by = %(user)s)
                    ORDER BY COALESCE(NULLIF(ml.wms_route_seq, 0), 1000000000),
                             loc.wms_travel_from_pack_m, loc.name, ml.id
                    LIMIT 1
                      FOR UPDATE OF ml SKIP LOCKED""",
                picking=picking.id,
                user=self.env.uid,
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            held = picking.move_ids.filtered("wms_push_held")
            return {"done": True, "drop": self._drop_info(held),
                    "message": _("Nothing left to do on %(p)s.", p=picking.name)}  # fmt: skip
        line = lines.browse(row[0])
        line.wms_taken_by = self.env.user
        return self._describe(line)

    def _describe(self, line):
        return {
            "line_id": line.id,
            "picking": line.picking_id.name,
            "location": line.location_id.display_name,
            "location_barcode": line.location_id.barcode or "",
            "location_dest": line.location_dest_id.display_name,
            "location_dest_barcode": line.location_dest_id.barcode or "",
            "lot": line.lot_id.name or "",
            "product": line.product_id.display_name,
            "product_id": line.product_id.id,
            "product_barcode": line.product_id.barcode or "",
            "quantity": line.quantity,
            "uom": line.product_uom_id.name,
        }

    @api.model
    def confirm_line(self, line_id, location_code, product_code, quantity, key, lot_code=None):
        """Confirm one line: the bin and product scanned must be the ones expected and the
        quantity no more than asked; then the line is posted at once (its move split if the
        rest of it is still to do). A short quantity posts what was found and opens a
        short-pick exception; 0 (the bin is empty: no product to scan, ``product_code``
        may be empty) posts nothing and opens it for the whole line. A line reserved on a
        lot takes that lot (``lot_code``, or the lot of a GS1-128 product label). A bad
        scan posts nothing and answers {"ok": False, "error": what was expected}. The same
        ``key`` again, by the same user for the same line, returns the first answer."""
        return self._once(  # wms_scan_work.py
            key,
            ("confirm_line", line_id),
            lambda: self._confirm_line(line_id, location_code, product_code, quantity, lot_code),
        )

    def _confirm_line(self, line_id, location_code, product_code, quantity, lot_code):
        quantity = self._number(quantity)  # wms_scan_input.py
        line = self._lock_line(self._record_id(line_id, _("Line")))
        problem = self._check(line, location_code, product_code, quantity, lot_code)
        if problem:
            return {"ok": False, "error": problem}
        expected = line.quantity
        if not quantity:
            # the bin is empty: nothing to post, the whole line is short
            picking = line.picking_id
            self._short(line, expected)
            return {"ok": True, "posted": 0.0, "short": expected,
                    "next": self.take_line(picking.id)}  # fmt: skip
        rounding = line.product_uom_id.rounding
        short = float_compare(quantity, expected, precision_rounding=rounding) < 0
        # the next step (the pack) gets the units when the picker drops them off
        self._post(line.with_context(wms_hold_push=True), quantity)
        if short:
            self._short(line, expected - quantity)  # before the next line: it re-allocates
        return {"ok": True, "posted": quantity, "short": expected - quantity if short else 0.0,
                "next": self.take_line(line.picking_id.id)}  # fmt: skip

    @api.model
    def count(self, location_code, product_code, quantity, key):
        """A blind count of one product in one bin: the counted quantity is applied as an
        Odoo count (the variance workflow may hold it for a recount or an approval). The
        same ``key`` again returns the first answer."""
        return self._once(
            key,
            ("count", location_code, product_code),
            lambda: self._count(location_code, product_code, quantity),
        )

    def _count(self, location_code, product_code, quantity):
        quantity = self._number(quantity, _("The count"))
        where, what = self.resolve(location_code), self.resolve(product_code)
        if where["type"] != "location":
            return {"ok": False, "error": _("Scan the bin first: %(c)s is not a bin.",
                                            c=location_code)}  # fmt: skip
        if what["type"] != "product":
            return {"ok": False, "error": _("%(c)s is not a product we know.", c=product_code)}
        quants = self.env["stock.quant"].with_context(inventory_mode=True)
        quant = quants.search(
            [("location_id", "=", where["id"]), ("product_id", "=", what["id"]),
             ("lot_id", "=", False), ("package_id", "=", False)], limit=1,
        ) or quants.create({"location_id": where["id"], "product_id": what["id"]})  # fmt: skip
        quant.write({"inventory_quantity": quantity, "inventory_quantity_set": True,
                     "user_id": self.env.uid})  # fmt: skip
        quant.action_apply_inventory()
        held = bool(quant.policy_count_state)
        return {
            "ok": True,
            "held": held,
            "message": _("Counted %(q)s %(p)s: recount or approval needed", q=quantity,
                         p=what["name"]) if held else _("Counted %(q)s %(p)s", q=quantity,
                                                          p=what["name"]),
        }  # fmt: skip

    def _check(self, line, location_code, product_code, quantity, lot_code=None):
        """What is wrong with this confirmation (a sentence saying what was expected), or
        None; an unknown barcode also opens an exception."""
        if not line or line.picked or line.state in ("done", "cancel"):
            return _("This line is already confirmed or gone: ask for the next one.")
        if line.wms_taken_by and line.wms_taken_by != self.env.user:
            return _("%(who)s is working this line.", who=line.wms_taken_by.name)
        where = self._expected(location_code, line.location_id, [line.location_id.barcode])
        if where["type"] != "location" or where["id"] != line.location_id.id:
            got = where.get("name") or location_code
            want = line.location_id.display_name
            return _("Wrong bin: scanned %(got)s, expected %(want)s.", got=got, want=want)
        if not quantity and not self._code(product_code):
            return None  # the bin is empty: nothing in hand to check
        self._in_steps(quantity, line.product_uom_id)
        product = line.product_id
        what = self._expected(product_code, product, [product.barcode, product.default_code])
        if what["type"] != "product" or what["id"] != line.product_id.id:
            if what["type"] == "unknown":
                self._unknown_barcode(line, product_code)
            got = what.get("name") or product_code
            want = line.product_id.display_name
            return _("Wrong product: scanned %(got)s, expected %(want)s.", got=got, want=want)
        lot_problem = self._lot_problem(line, what, lot_code)  # wms_scan_lot.py
        if lot_problem:
            return lot_problem
        rounding = line.product_uom_id.rounding
        if float_compare(quantity, line.quantity, precision_rounding=rounding) > 0:
            return _("Too many: %(qty)s scanned, %(want)s asked. Put the extra back.",
                     qty=quantity, want=line.quantity)  # fmt: skip
        return None

    def _expected(self, code, record, codes):
        """``resolve(code)``, answered without a search when ``code`` is exactly one of
        ``codes``, the barcodes of the ``record`` the line expects (a bin, or a product's
        barcode or reference: one unit of it)."""
        code = self._code(code)
        if code and code in codes:
            kind = "location" if record._name == "stock.location" else "product"
            return {"type": kind, "id": record.id, "qty": 1}
        return self.resolve(code)

    def _post(self, line, quantity):
        """Post this line alone: the rest of its move goes to a new move with the other
        lines, then the move is done (which writes the hand-off to the ledger)."""
        move = line.move_id
        rest = move.product_qty - line.product_uom_id._compute_quantity(
            quantity, move.product_id.uom_id
        )
        others = move.move_line_ids - line
        values = {"picked": True}
        if float_compare(quantity, line.quantity, precision_rounding=line.product_uom_id.rounding):
            values["quantity"] = quantity  # Odoo re-reserves the quants on every write of it
        line.write(values)
        if rest > 0:
            new = self.env["stock.move"].create(move._split(rest))
            new._action_confirm(merge=False)
            if others:
                others.move_id = new
            new._action_assign()
        move._action_done(cancel_backorder=True)

    def _short(self, line, missing):
        """Open the short-pick exception, ask for a count of the bin, and reserve what is
        still to pick from other bins at once, so the short bin is not handed out again."""
        exception = self.env["wms.exception"].sudo().create(
            {
                "name": _("Short pick of %(p)s in %(bin)s", p=line.product_id.display_name,
                          bin=line.location_id.name),
                "kind": "short_pick",
                "warehouse_id": line.picking_id.picking_type_id.warehouse_id.id,
                "picking_id": line.picking_id.id,
                "product_id": line.product_id.id,
                "location_id": line.location_id.id,
                "quantity": missing,
            }
        )  # fmt: skip
        line.move_id._policy_request_event_counts(
            {(line.product_id.id, line.location_id.id): line.picking_id.name}
        )
        exception.action_reallocate()

    def _unknown_barcode(self, line, code):
        self.env["wms.exception"].sudo().create(
            {
                "name": _("Unknown barcode %(code)s at %(bin)s", code=code,
                          bin=line.location_id.name),
                "kind": "unknown_barcode",
                "warehouse_id": line.picking_id.picking_type_id.warehouse_id.id,
                "picking_id": line.picking_id.id,
                "location_id": line.location_id.id,
                "scanned": code,
            }
        )  # fmt: skip
