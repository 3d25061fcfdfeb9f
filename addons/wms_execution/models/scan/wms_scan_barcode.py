# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import ValidationError

from stockops.gs1 import gtin_forms


class WmsScan(models.AbstractModel):
    """Barcodes through Odoo's own nomenclature: a code that is exactly a bin's, a
    product's, a packaging's, a package's or a lot's barcode is that; otherwise a GS1-128
    label is decomposed with the GS1 nomenclature (the company's when it uses GS1, else
    Odoo's default one): GTIN (01/02) gives the product or its packaging, (10) the lot,
    (17) the expiry, (30/37) the quantity, (00) the package by its SSCC, (414) the bin by
    its GLN; last, the company's nomenclature rules (weight-embedded EAN-13, UPC-A read
    as EAN-13)."""

    _inherit = "wms.scan"

    @api.model
    def resolve(self, code):
        found = super().resolve(code)
        code = self._code(code)
        if found["type"] != "unknown" or not code:
            return found
        parts = self._gs1_parts(code)
        if parts:
            return self._resolve_gs1(code, parts)
        return self._resolve_rule(code)

    def _gs1_nomenclature(self):
        company = self.env.company.nomenclature_id
        if company.is_gs1_nomenclature:
            return company
        return self.env.ref(
            "barcodes_gs1_nomenclature.default_gs1_nomenclature", raise_if_not_found=False
        )

    def _gs1_parts(self, code):
        """The GS1 application identifiers in ``code`` as {type: parsed part}, or None."""
        nomenclature = self._gs1_nomenclature()
        if not nomenclature:
            return None
        try:
            parts = nomenclature.gs1_decompose_extanded(code)
        except ValidationError:
            return None
        by_type = {}
        for part in parts or []:
            by_type.setdefault(part["type"], part)
        return by_type or None

    def _by_gtin(self, gtin):
        """The product, or the packaging, whose barcode is this GTIN-14 or its shorter
        form (EAN-13, UPC-A, EAN-8: the same digits without the leading zeros)."""
        codes = list(gtin_forms(gtin))
        product = self.env["product.product"].search([("barcode", "in", codes)], limit=1)
        if product:
            return product, 1.0
        packaging = self.env["product.packaging"].search([("barcode", "in", codes)], limit=1)
        return packaging.product_id, packaging.qty

    def _resolve_gs1(self, code, parts):
        if "package" in parts:
            sscc = parts["package"]["value"]
            package = self.env["stock.quant.package"].search([("name", "=", sscc)], limit=1)
            if package:
                return {"type": "package", "id": package.id, "name": package.name}
        if "location" in parts:
            gln = parts["location"]["value"]
            location = self.env["stock.location"].search([("barcode", "=", gln)], limit=1)
            if location:
                return {"type": "location", "id": location.id, "name": location.display_name}
        if "product" not in parts:
            return {"type": "unknown", "code": code}
        product, per_unit = self._by_gtin(parts["product"]["value"])
        if not product:
            return {
                "type": "unknown",
                "code": code,
                "note": _("GTIN %(gtin)s is no product of ours", gtin=parts["product"]["value"]),
            }
        quantity = parts.get("quantity", {}).get("value") or 1
        lot_name = parts.get("lot", {}).get("value") or ""
        lot = self.env["stock.lot"]
        if lot_name:
            lot = lot.search([("product_id", "=", product.id), ("name", "=", lot_name)], limit=1)
        expiry = parts.get("expiration_date", {}).get("value")
        return {
            "type": "product",
            "id": product.id,
            "name": product.display_name,
            "qty": float(quantity) * per_unit,
            "lot": lot_name,
            "lot_id": lot.id,
            "expiry": expiry.isoformat() if expiry else "",
        }

    def _resolve_rule(self, code):
        """A code the company's nomenclature rules read: a weight-embedded EAN-13 gives the
        product and the weight as the quantity; a UPC-A finds the product by its EAN-13."""
        nomenclature = self.env.company.nomenclature_id
        if not nomenclature or nomenclature.is_gs1_nomenclature:
            return {"type": "unknown", "code": code}
        parsed = nomenclature.parse_barcode(code)
        if not isinstance(parsed, dict) or parsed.get("type") not in ("weight", "product"):
            return {"type": "unknown", "code": code}
        base = parsed.get("base_code") or code
        product = self.env["product.product"].search(
            [("barcode", "in", list({base, parsed.get("code") or base}))], limit=1
        )
        if not product:
            return {"type": "unknown", "code": code}
        qty = parsed["value"] if parsed["type"] == "weight" and parsed["value"] else 1.0
        return {"type": "product", "id": product.id, "name": product.display_name, "qty": qty}
