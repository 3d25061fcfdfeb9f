# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models


class WmsScan(models.AbstractModel):
    """The lot rule of a scanned confirmation: a line reserved on a lot (the removal
    strategy chose it: first expiry first under FEFO, oldest first under FIFO) takes that
    lot and no other, so the stock that must leave first does."""

    _inherit = "wms.scan"

    def _scanned_lot(self, what, lot_code):
        """The lot name a confirmation carries: a separate lot scan, else the (10) of a
        GS1-128 product label; "" when none was scanned."""
        if lot_code:
            lot = self.resolve(lot_code)
            if lot["type"] == "lot":
                return lot["name"]
            if lot["type"] == "product" and lot.get("lot"):
                return lot["lot"]
            return lot_code.strip()
        return what.get("lot") or ""

    def _lot_problem(self, line, what, lot_code=None):
        """What is wrong with the lot of this confirmation (a sentence saying which lot is
        expected and why), or None."""
        want = line.lot_id
        if not want:
            return self._untracked_lot(line.product_id, self._scanned_lot(what, lot_code))
        scanned = self._scanned_lot(what, lot_code)
        strategy = self.env["stock.quant"]._get_removal_strategy(line.product_id, line.location_id)
        why = {
            "fefo": _("first expiry first"),
            "lifo": _("newest first"),
            "closest": _("closest first"),
            "least_packages": _("fewest packages"),
        }.get(strategy) or _("oldest first")
        expiry = want["expiration_date"] if "expiration_date" in want._fields else False
        when = _(", expires %(d)s", d=expiry.date().isoformat()) if expiry else ""
        if not scanned:
            return _(
                "Scan the lot: this line takes lot %(lot)s (%(why)s%(when)s).",
                lot=want.name, why=why, when=when,
            )  # fmt: skip
        if scanned != want.name:
            return _(
                "Lot %(got)s not allowed: take lot %(want)s (%(why)s%(when)s) and scan it.",
                got=scanned, want=want.name, why=why, when=when,
            )  # fmt: skip
        return None

    def _untracked_lot(self, product, lot_name):
        """A lot scanned for a product not tracked by lot would be dropped without a word:
        the sentence refusing it, or None."""
        if not lot_name or product.tracking != "none":
            return None
        return _(
            "%(p)s is not tracked by lot, yet lot %(lot)s was scanned: scan the product's own "
            "barcode, or ask the supervisor to track %(p)s by lot.",
            p=product.display_name, lot=lot_name,
        )  # fmt: skip
