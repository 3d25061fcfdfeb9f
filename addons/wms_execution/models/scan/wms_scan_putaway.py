# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.tools import float_compare

#: why an operator puts a unit somewhere else than the suggested bin
OTHER_BIN_REASONS = [
    ("full", "Suggested bin is full"),
    ("blocked", "Suggested bin is blocked or damaged"),
    ("fit", "Does not fit the suggested bin"),
    ("same", "Same product already in this bin"),
    ("other", "Other"),
]


class WmsScan(models.AbstractModel):
    """Put-away on the scan screen: scan a unit (or a whole package) waiting at the dock,
    go to the bin directed put-away chose for it (the line says why), scan the bin,
    confirm the quantity; or scan another bin of the same storage area and say why. Each
    confirmation posts the line at once, which writes the put-away to the ledger."""

    _inherit = "wms.scan"

    def _putaway_lines(self):
        return self.env["stock.move.line"].search(
            [("picking_id.picking_type_id", "in", self._flow_types("putaway").ids),
             ("picking_id.state", "=", "assigned"), ("picked", "=", False),
             "|", ("wms_taken_by", "=", False), ("wms_taken_by", "=", self.env.uid)]
        )  # fmt: skip

    @api.model
    def putaway_take(self, code):
        """The put-away line (or the lines of the package) the scanned unit answers,
        handed to this operator under a row lock: its suggested bin and why."""
        what = self.resolve(code)
        lines = self._putaway_lines()
        if what["type"] == "package":
            lines = lines.filtered(lambda ml: ml.package_id.id == what["id"])
            taken = lines.browse()
            for line in lines:
                taken |= self._lock_first(line)
            if taken != lines:
                return {"ok": False, "error": _("Another operator is putting away part of "
                                                "package %(p)s.", p=what["name"])}  # fmt: skip
        elif what["type"] == "product":
            lines = lines.filtered(lambda ml: ml.product_id.id == what["id"])
            lines = lines.sorted(
                lambda ml: (ml.wms_taken_by != self.env.user, ml.picking_id.priority != "1", ml.id)
            )
            taken = self._lock_first(lines)
        else:
            return {"ok": False, "error": _("Unknown barcode %(c)s: scan the product's label, a "
                                            "packaging or the package ID.", c=code)}  # fmt: skip
        if not taken:
            return {"ok": False, "error": _(
                "Nothing waits to be put away for %(what)s: is it received? Scan another unit.",
                what=what["name"])}  # fmt: skip
        return {"ok": True, **self._describe_putaway(taken, what)}

    def _describe_putaway(self, lines, what):
        first = lines[:1]
        product = (
            first.product_id.display_name
            if len(lines.product_id) == 1
            else _("%(n)s products", n=len(lines.product_id))
        )
        return {
            "line_ids": lines.ids,
            "picking": first.picking_id.name,
            "package": what["name"] if what["type"] == "package" else "",
            "product": product,
            "quantity": sum(lines.mapped("quantity")),
            "uom": first.product_uom_id.name,
            "location": first.location_id.display_name,
            "bin": first.location_dest_id.display_name,
            "bin_barcode": first.location_dest_id.barcode or "",
            "reason": first.wms_putaway_reason or "",
            "reasons": [{"key": k, "label": label} for k, label in OTHER_BIN_REASONS],
        }

    def _putaway_bin_problem(self, lines, where):
        """What is wrong with putting ``lines`` into the scanned location ``where``."""
        area = lines[:1].picking_id.location_dest_id
        if where["type"] != "location":
            return _("%(c)s is not a bin: scan the bin's label (suggested: %(bin)s).",
                     c=where.get("name") or where.get("code"),
                     bin=lines[:1].location_dest_id.display_name)  # fmt: skip
        location = self.env["stock.location"].browse(where["id"])
        inside = self.env["stock.location"].search_count(
            [("id", "=", location.id), ("id", "child_of", area.id)]
        )
        if location.usage != "internal" or not inside:
            return _("Wrong bin: %(got)s is not a storage bin of %(area)s. Scan %(bin)s or "
                     "another bin of %(area)s.", got=location.display_name,
                     area=area.display_name,
                     bin=lines[:1].location_dest_id.display_name)  # fmt: skip
        return None

    @api.model
    def putaway_check_bin(self, line_ids, bin_code):
        """Whether the scanned bin may take these lines and whether it is the suggested one
        (another bin needs a reason)."""
        line_ids = self._record_ids(line_ids, _("Put-away"))
        lines = self.env["stock.move.line"].browse(line_ids).exists()
        if not lines:
            return {"ok": False, "error": _("This put-away is gone: scan the next unit.")}
        where = self.resolve(bin_code)
        problem = self._putaway_bin_problem(lines, where)
        if problem:
            return {"ok": False, "error": problem}
        suggested = where["id"] == lines[:1].location_dest_id.id
        return {"ok": True, "suggested": suggested, "bin": where["name"]}

    @api.model
    def putaway_confirm(self, line_ids, bin_code, quantity, reason, key):
        """Put the lines into the scanned bin and post them at once. A bin other than the
        suggested one needs a reason (kept on the line as *Why This Bin*); ``quantity``
        may be less than a single line's (the rest stays to put away). Nothing is posted
        on a bad scan; the same ``key`` again returns the first answer."""
        return self._once(
            key,
            ("putaway_confirm", line_ids),
            lambda: self._putaway_confirm(line_ids, bin_code, quantity, reason),
        )

    def _putaway_confirm(self, line_ids, bin_code, quantity, reason):
        quantity = self._number(quantity, allow_none=True)
        line_ids = self._record_ids(line_ids, _("Put-away"))
        lines = self.env["stock.move.line"].browse(line_ids).exists()
        if not lines or any(ml.picked or ml.state in ("done", "cancel") for ml in lines):
            return {"ok": False, "error": _("Already put away or gone: scan the next unit.")}
        if lines.wms_taken_by - self.env.user:
            return {"ok": False, "error": _("%(who)s is putting this away.",
                                            who=lines.wms_taken_by[:1].name)}  # fmt: skip
        where = self.resolve(bin_code)
        problem = self._putaway_bin_problem(lines, where)
        if problem:
            return {"ok": False, "error": problem}
        bin_ = self.env["stock.location"].browse(where["id"])
        suggested = lines[:1].location_dest_id
        labels = dict(OTHER_BIN_REASONS)
        if bin_ != suggested and reason not in labels:
            return {"ok": False, "need_reason": True, "error": _(
                "%(got)s is not the suggested bin %(bin)s: say why, or scan %(bin)s.",
                got=bin_.display_name, bin=suggested.display_name)}  # fmt: skip
        if len(lines) > 1 or quantity is None:
            quantity = sum(lines.mapped("quantity"))
        rounding = lines[:1].product_uom_id.rounding
        total = sum(lines.mapped("quantity"))
        self._in_steps(quantity, lines[:1].product_uom_id)
        if quantity <= 0 or float_compare(quantity, total, precision_rounding=rounding) > 0:
            return {"ok": False, "error": _(
                "Quantity over: %(q)s scanned, %(want)s to put away. Count again.",
                q=quantity, want=total)}  # fmt: skip
        if bin_ != suggested:
            lines.write({"location_dest_id": bin_.id, "wms_putaway_reason": _(
                "Operator chose %(got)s, not %(bin)s: %(why)s", got=bin_.name,
                bin=suggested.name, why=labels[reason])})  # fmt: skip
        for line in lines:
            self._post(line, line.quantity if len(lines) > 1 else quantity)
        return {
            "ok": True,
            "posted": quantity,
            "message": _("Put away %(q)s %(uom)s into %(bin)s.", q=quantity,
                         uom=lines[:1].product_uom_id.name, bin=bin_.display_name),
        }  # fmt: skip
