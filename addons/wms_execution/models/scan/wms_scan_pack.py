# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round


class WmsScan(models.AbstractModel):
    """Packing on the scan screen: open the order's pack transfer, take a carton (the
    suggested one when cartonization suggests one: scan its type's barcode, or an empty
    package's ID), scan the units into it, close it by scanning its ID, weigh it. Within
    the package type's tolerance the carton's lines are posted at once (the ledger records
    the pack); off it, the carton is stopped, an exception opens and nothing is posted
    until it weighs right."""

    _inherit = "wms.scan"

    def _pack_picking(self, picking_id):
        picking_id = self._record_id(picking_id, _("Transfer"))
        picking = self.env["stock.picking"].browse(picking_id).exists()
        if not picking:
            raise UserError(_("That transfer does not exist any more: scan it again."))
        return picking

    def _pack_suggestion(self, picking):
        """The next carton cartonization (``wms.carton.suggestion``) suggests for what is
        left to pack: {"id", "type", "barcode", "reason", "contents", "cartons"}; None
        when it suggests nothing (or is not installed): the packer scans any carton."""
        if "wms_carton_suggestion_ids" not in picking._fields:
            return None
        todo = picking.wms_carton_suggestion_ids.filtered(
            lambda s: not s.package_id and not s.unpackable
        )
        if not todo or picking._wms_cartons_changed():  # units arrived since: suggest anew
            todo = picking._wms_suggest_cartons().filtered(lambda s: not s.unpackable)
        first = todo[:1]
        if not first.package_type_id:
            return None
        return {
            "id": first.id,
            "type": first.package_type_id.name,
            "barcode": first.package_type_id.barcode or "",
            "reason": first.reason or "",
            "contents": first.contents or "",
            "cartons": len(todo),
        }

    @api.model
    def pack_open(self, picking_id):
        """What is left to pack on the transfer, per product, and its cartons so far."""
        picking = self._pack_picking(picking_id)
        lines = picking.move_line_ids.filtered(lambda ml: ml.state not in ("done", "cancel"))
        left, packed = {}, {}
        for line in picking.move_line_ids.filtered(lambda ml: ml.state != "cancel"):
            target = packed if line.result_package_id or line.state == "done" else left
            target[line.product_id] = target.get(line.product_id, 0.0) + line.quantity
        cartons = picking.move_line_ids.result_package_id
        open_cartons = lines.result_package_id
        return {
            "id": picking.id,
            "picking": picking.name,
            "partner": picking.partner_id.display_name or "",
            "lines": [
                {
                    "product": product.display_name,
                    "barcode": product.barcode or "",
                    "left": qty,
                    "packed": packed.get(product, 0.0),
                    "uom": product.uom_id.name,
                }
                for product, qty in left.items()
            ],
            "cartons": [
                {
                    "id": c.id,
                    "name": c.name,
                    "type": c.package_type_id.name or "",
                    "state": c.wms_pack_state or "",
                    "open": c in open_cartons,
                }
                for c in cartons
            ],
            "done": not left and not open_cartons,
            "suggestion": self._pack_suggestion(picking) if left else None,
        }

    @api.model
    def pack_carton(self, picking_id, code, key):
        """Start a carton: a package type's barcode makes a new package of that type; an
        empty package's ID reuses it. Once per ``key``."""
        return self._once(
            key, ("pack_carton", picking_id, code), lambda: self._pack_carton(picking_id, code)
        )

    def _pack_carton(self, picking_id, code):
        picking = self._pack_picking(picking_id)
        code = self._code(code)
        ptype = self.env["stock.package.type"].search([("barcode", "=", code)], limit=1)
        if ptype:
            package = self.env["stock.quant.package"].create({"package_type_id": ptype.id})
            suggestion = self._pack_suggestion(picking)
            if suggestion and suggestion["type"] == ptype.name:
                # the suggested carton is the one being packed: the next one is suggested next
                row = self.env["wms.carton.suggestion"].browse(suggestion["id"])
                row.sudo().package_id = package  # the pack flow's, on the packer's transfer
        else:
            package = self.env["stock.quant.package"].search([("name", "=", code)], limit=1)
            used = self.env["stock.move.line"].search_count(
                [("result_package_id", "=", package.id), ("picking_id", "!=", picking.id)]
            )
            if not package or package.quant_ids or used:
                suggestion = self._pack_suggestion(picking)
                hint = _(" (suggested: %(t)s)", t=suggestion["type"]) if suggestion else ""
                return {"ok": False, "error": _(
                    "%(c)s is not an empty carton: scan a carton type's barcode on the shelf"
                    "%(hint)s, or an empty package's ID.", c=code, hint=hint)}  # fmt: skip
        return {
            "ok": True,
            "package_id": package.id,
            "package": package.name,
            "type": package.package_type_id.name or "",
            "message": _("Label the carton %(p)s, then scan the units into it.", p=package.name),
        }

    @api.model
    def pack_add(self, picking_id, package_id, product_code, quantity, key):
        """Put scanned units into the open carton: ``quantity`` units (None: what the code
        stands for, one unit or a packaging). A product not on the order, or more than is
        left to pack, is refused. Once per ``key``."""
        return self._once(
            key,
            ("pack_add", picking_id, package_id, product_code),
            lambda: self._pack_add(picking_id, package_id, product_code, quantity),
        )

    def _pack_add(self, picking_id, package_id, product_code, quantity):
        quantity = self._number(quantity, allow_none=True)
        picking = self._pack_picking(picking_id)
        package_id = self._record_id(package_id, _("Carton"))
        package = self.env["stock.quant.package"].browse(package_id).exists()
        if not package:
            return {"ok": False, "error": _("Start a carton first: scan a carton.")}
        what = self.resolve(product_code)
        todo = picking.move_line_ids.filtered(
            lambda ml: not ml.result_package_id and not ml.picked
            and ml.state not in ("done", "cancel")
        )  # fmt: skip
        if what["type"] != "product":
            return {"ok": False, "error": _("Unknown barcode %(c)s: scan a unit of the order.",
                                            c=product_code)}  # fmt: skip
        mine = todo.filtered(lambda ml: ml.product_id.id == what["id"])
        if not mine:
            names = ", ".join(todo.product_id.mapped("display_name")) or _("nothing")
            return {"ok": False, "error": _("Wrong product: %(got)s is not left to pack on "
                                            "%(p)s. Take it out; left to pack: %(left)s.",
                                            got=what["name"], p=picking.name,
                                            left=names)}  # fmt: skip
        quantity = (what.get("qty") or 1.0) if quantity is None else quantity
        left = sum(mine.mapped("quantity"))
        rounding = mine[:1].product_uom_id.rounding
        self._in_steps(quantity, mine[:1].product_uom_id)
        if quantity <= 0 or float_compare(quantity, left, precision_rounding=rounding) > 0:
            return {"ok": False, "error": _("Quantity over: %(q)s scanned, %(left)s %(p)s left "
                                            "to pack. Take the extra out.", q=quantity,
                                            left=left, p=what["name"])}  # fmt: skip
        need = quantity
        for line in mine:
            take = min(line.quantity, need)
            self._pack_units(line, take, package)
            need -= take
            if float_compare(need, 0, precision_rounding=rounding) <= 0:
                break
        return {
            "ok": True,
            "message": _("%(q)s x %(p)s into %(c)s", q=quantity, p=what["name"], c=package.name),
            **self.pack_open(picking.id),
        }

    def _pack_units(self, line, take, package):
        """Move ``take`` units of ``line`` into the carton: onto the carton's line of the
        same stock (one line per product, lot and bin in a carton) or a line of its own;
        the reservation moves with the units."""
        rounding = line.product_uom_id.rounding
        same = line.move_id.move_line_ids.filtered(
            lambda ml: ml.result_package_id == package and not ml.picked
            and (ml.location_id, ml.lot_id, ml.package_id)
            == (line.location_id, line.lot_id, line.package_id)
        )[:1]  # fmt: skip
        whole = float_compare(take, line.quantity, precision_rounding=rounding) == 0
        if whole and not same:
            line.result_package_id = package
            return
        rest = float_round(line.quantity - take, precision_rounding=rounding)
        if whole:
            line.unlink()
        else:
            line.quantity = rest
        if same:
            same.quantity += take
        else:
            line.copy({"quantity": take, "result_package_id": package.id, "picked": False})

    @api.model
    def pack_close(self, package_id, code):
        """Close the carton by scanning its ID: the right carton is then weighed."""
        package_id = self._record_id(package_id, _("Carton"))
        package = self.env["stock.quant.package"].browse(package_id).exists()
        what = self.resolve(code)
        if not package or what["type"] != "package" or what["id"] != package.id:
            return {"ok": False, "error": _(
                "Wrong carton: scanned %(got)s, the open carton is %(want)s. Scan its label.",
                got=what.get("name") or code, want=package.name or "?")}  # fmt: skip
        return {
            "ok": True,
            "expected": round(package.wms_expected_weight, 3),
            "tolerance": package.package_type_id.wms_weight_tolerance_pct,
            "message": _("Weigh %(p)s: expected %(w).2f kg.", p=package.name,
                         w=package.wms_expected_weight),
        }  # fmt: skip

    @api.model
    def pack_weigh(self, package_id, weight_kg, key):
        """The scale's reading for the closed carton: within tolerance its lines are
        posted at once; off it the carton is stopped (exception) and nothing is posted.
        Once per ``key``."""
        return self._once(
            key, ("pack_weigh", package_id), lambda: self._pack_weigh(package_id, weight_kg)
        )

    def _pack_weigh(self, package_id, weight_kg):
        weight_kg = self._number(weight_kg, _("The weight"))
        package_id = self._record_id(package_id, _("Carton"))
        package = self.env["stock.quant.package"].browse(package_id).exists()
        if not package:
            return {"ok": False, "error": _("That carton is gone: start a new one.")}
        lines = self.env["stock.move.line"].search(
            [("result_package_id", "=", package.id), ("state", "not in", ("done", "cancel"))]
        )
        if not lines:
            return {"ok": False, "error": _("%(p)s holds nothing to post.", p=package.name)}
        verified = package.action_wms_weigh(weight_kg)
        expected = package.wms_expected_weight
        if not verified:
            tolerance = package.package_type_id.wms_weight_tolerance_pct
            return {"ok": False, "stopped": True, "error": _(
                "Stopped: %(p)s weighs %(m).2f kg, expected %(e).2f kg (± %(t)s %%). Open it, "
                "check it against the list, then weigh it again.", p=package.name,
                m=weight_kg, e=expected, t=tolerance)}  # fmt: skip
        picking = lines.picking_id[:1]
        for line in lines:
            self._post(line, line.quantity)
        if "wms_carton_suggestion_ids" in picking._fields and picking.state != "done":
            picking._wms_suggest_cartons()  # what is left, in the cartons that now fit it
        return {
            "ok": True,
            "message": _("%(p)s verified (%(m).2f kg, expected %(e).2f): %(n)s line(s) posted.",
                         p=package.name, m=weight_kg, e=expected, n=len(lines)),
            **self.pack_open(picking.id),
        }  # fmt: skip
