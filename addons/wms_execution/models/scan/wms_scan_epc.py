# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An RFID tag scanned like a barcode: a hex SGTIN-96 gives the product by its GTIN and the
serial as the lot name, a hex SSCC-96 the package named by its SSCC.

Known company prefixes are derived, not configured: a tag's prefix is known when a product
the user may see has a GTIN barcode (GTIN-14, EAN-13 or UPC-A) carrying it, ours or a
vendor's; a package that exists under the tag's SSCC is known by itself."""

import string

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from stockops.execution.inbound import EpcError, decode_epc, unknown_prefixes

_HEX = frozenset(string.hexdigits)


def looks_like_epc(code):
    """Whether a scanned text is meant as an EPC: 24 hex digits that are either headed as an
    SGTIN-96 or SSCC-96 (30, 31) or carry a hex letter (no barcode of ours does). 24 plain
    digits headed otherwise stay a GS1 element string, such as (01) GTIN + (21) serial."""
    text = "".join(code.split())
    if len(text) != 24 or not _HEX.issuperset(text):
        return False
    return text[:2] in ("30", "31") or not text.isdigit()


class WmsScan(models.AbstractModel):
    _inherit = "wms.scan"

    @api.model
    def resolve(self, code):
        found = super().resolve(code)
        if found["type"] != "unknown" or not looks_like_epc(self._code(code)):
            return found
        return self._resolve_epc(self._code(code))

    def _resolve_epc(self, code):
        """What one tag is; an unknown with the reason (``note``) when its GTIN or SSCC is
        no record of ours, as for a barcode. A tag that is no SGTIN-96 or SSCC-96, or whose
        company prefix is nobody's we know, is refused (UserError, the reason): every flow
        answers it as its refusal (a confirmation's {"ok": False, "error"}, the screen's red
        message) and writes nothing, not even an unknown-barcode exception."""
        try:
            epc = decode_epc(code)
        except EpcError as error:
            raise UserError(_("Not an RFID tag we read: %(why)s.", why=error)) from None
        if epc.scheme == "sscc":
            package = self.env["stock.quant.package"].search([("name", "=", epc.sscc)], limit=1)
            if package:
                return {"type": "package", "id": package.id, "name": package.name,
                        "epc": epc.uri}  # fmt: skip
        stranger = unknown_prefixes([epc], self._known_prefixes([epc.company_prefix]))
        if stranger:
            raise UserError(_("%(why)s: check the tag, or give its product a barcode.",
                              why=stranger[0]))  # fmt: skip
        if epc.scheme == "sscc":
            return {"type": "unknown", "code": code,
                    "note": _("SSCC %(s)s (EPC %(e)s) is no package of ours", s=epc.sscc,
                              e=epc.hex)}  # fmt: skip
        product, per_unit = self._by_gtin(epc.gtin)  # wms_scan_barcode.py
        if not product:
            return {"type": "unknown", "code": code,
                    "note": _("GTIN %(g)s (EPC %(e)s) is no product of ours", g=epc.gtin,
                              e=epc.hex)}  # fmt: skip
        lot = self.env["stock.lot"].search(
            [("product_id", "=", product.id), ("name", "=", epc.serial)], limit=1
        )
        return {
            "type": "product",
            "id": product.id,
            "name": product.display_name,
            "qty": per_unit,
            "lot": epc.serial,
            "lot_id": lot.id,
            "expiry": "",
            "epc": epc.uri,
        }

    def _known_prefixes(self, prefixes):
        """Which of ``prefixes`` (GS1 company prefixes, 6 to 12 digits) a product's GTIN
        barcode carries, among the products this user sees (their record rules apply): one
        query for all of them. A barcode's GTIN-14 form is its digits padded with zeros to
        14; the company prefix follows the indicator digit."""
        prefixes = sorted(set(prefixes))
        if not prefixes:
            return set()
        products = self.env["product.product"]._search([("barcode", "!=", False)])
        barcode = SQL.identifier(products.table, "barcode")
        self.env.cr.execute(
            SQL(
                "SELECT p FROM unnest(%(prefixes)s::varchar[]) p WHERE EXISTS ("
                " SELECT 1 FROM (%(products)s) b WHERE b.barcode ~ '^[0-9]{12,14}$'"
                " AND substring(lpad(b.barcode, 14, '0') FROM 2 FOR length(p)) = p)",
                prefixes=prefixes,
                products=products.select(SQL("%s AS barcode", barcode)),
            )
        )
        return {row[0] for row in self.env.cr.fetchall()}
