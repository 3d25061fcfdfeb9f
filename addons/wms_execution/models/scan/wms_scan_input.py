# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a scanner sends, checked before anything is read or written: a barcode is text, a
line or transfer is a record id, a quantity is a number, a confirmation carries its device's
key. A bad value is refused with a sentence a warehouse person reads (a UserError, which the
confirmations answer as {"ok": False, "error"}), never a traceback."""

import math

from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

#: the longest confirmation key a device may send (the screen's are about 40 characters)
KEY_MAX = 120


def _shown(value):
    """A value as the screen shows it back: 'nothing' for no value."""
    return _("nothing") if value is None else repr(value)


class WmsScan(models.AbstractModel):
    _inherit = "wms.scan"

    def _code(self, code):
        """A scanned barcode as text ("" for none): a number is read as its digits."""
        if code is None or code is False:
            return ""
        if isinstance(code, int) and not isinstance(code, bool):
            return str(code)
        if not isinstance(code, str):
            raise UserError(_("%(v)s is not a barcode: scan the label again.", v=_shown(code)))
        return code.strip()

    def _record_id(self, value, what):
        """``value`` as the id of a ``what`` (a line, a transfer, a carton)."""
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise UserError(
                _("%(what)s %(v)s is not one the screen gave: go back and choose it again.",
                  what=what, v=_shown(value))
            )  # fmt: skip
        return value

    def _record_ids(self, values, what):
        """``values`` (one id or a list of them) as a list of ids of ``what``."""
        if isinstance(values, int) and not isinstance(values, bool):
            values = [values]
        if not isinstance(values, (list, tuple)) or not values:
            raise UserError(
                _("%(what)s %(v)s is not one the screen gave: go back and choose it again.",
                  what=what, v=_shown(values))
            )  # fmt: skip
        return [self._record_id(value, what) for value in values]

    def _number(self, value, what=None, allow_none=False):
        """``value`` as a float: a number (not text, a list or a yes/no), finite, not
        negative; None only when ``allow_none`` (then None)."""
        what = what or _("The quantity")
        if value is None:
            if allow_none:
                return None
            raise UserError(_("%(what)s is missing: type it, then Enter.", what=what))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UserError(
                _("%(what)s must be a number: %(v)s is not one. Type it again.",
                  what=what, v=_shown(value))
            )  # fmt: skip
        if not math.isfinite(value):
            raise UserError(_("%(what)s %(v)s is not a quantity. Type it again.", what=what,
                              v=value))  # fmt: skip
        if value < 0:
            raise UserError(
                _("%(what)s cannot be negative (%(v)s): type what you have in hand.",
                  what=what, v=value)
            )  # fmt: skip
        return float(value)

    def _in_steps(self, quantity, uom):
        """Refuse a quantity above zero that ``uom`` cannot hold (below its rounding)."""
        if quantity and float_is_zero(quantity, precision_rounding=uom.rounding):
            raise UserError(
                _("%(q)s %(uom)s is less than the smallest quantity of %(uom)s (%(r)s): type "
                  "0 if there is none, or what you have in hand.", q=quantity, uom=uom.name,
                  r=uom.rounding)
            )  # fmt: skip
        return quantity

    def _key_problem(self, key):
        """What is wrong with a confirmation key (a sentence), or None."""
        if not isinstance(key, str) or not key.strip():
            return _(
                "The scanner sent no confirmation key: nothing was posted. Reload the scan "
                "screen and scan again."
            )
        if len(key) > KEY_MAX:
            return _(
                "The scanner sent a confirmation key of %(n)s characters (at most %(max)s): "
                "nothing was posted. Reload the scan screen and scan again.",
                n=len(key), max=KEY_MAX,
            )  # fmt: skip
        return None
