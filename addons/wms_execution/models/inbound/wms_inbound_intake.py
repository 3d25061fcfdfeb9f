# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, _, fields, models

from stockops.execution.inbound import NoticeError, check_products
from stockops.gs1 import as_gtin14, gtin_forms


def _key(code):
    """A barcode as the engine keys it (GTIN-8, -12 and -13 as GTIN-14)."""
    return as_gtin14(code) or code


#: where a notice already in is refused (the endpoint answers 409 Conflict to it)
TAKEN = "notice number"


def _product(products, line):
    """The product of a notice line, as :func:`check_products` found it."""
    return products.get(line.gtin) or products.get(line.product_code)


class WmsInboundNotice(models.Model):
    _inherit = "wms.inbound.notice"

    def _wms_intake(self, result, vendor, warehouse, source):
        """Take a parsed notice (the engine's ``NoticeResult``) whole for ``vendor`` into
        ``warehouse``: the notice, its receipt, one package per SSCC and the receipt's
        move lines, or nothing and every error by its line. Returns (notice, errors)."""
        if result.errors:
            return self.browse(), list(result.errors)
        notice = result.notice
        errors = self._wms_intake_refusals(notice, vendor, warehouse)
        products = self._wms_catalogue(notice, vendor, warehouse.company_id)
        tracking = {key: product.tracking for key, product in products.items()}
        errors += check_products(notice, tracking)
        errors += self._wms_known_ssccs(notice)
        if errors:
            return self.browse(), errors
        return self._wms_write_notice(notice, vendor, warehouse, source, products), []

    def _wms_intake_refusals(self, notice, vendor, warehouse):
        """The notice against who sends it: its vendor reference is the vendor's (the
        Reference or the barcode/GLN of its card), the vendor and the warehouse are of one
        company, and the vendor's notice number is new."""
        errors = []
        company = warehouse.company_id
        names = {vendor.ref, vendor.commercial_partner_id.ref, vendor.barcode} - {False, ""}
        if notice.vendor_ref not in names:
            why = _(
                "vendor reference %(ref)s is not %(vendor)s's (its Reference or barcode): "
                "unknown vendor",
                ref=notice.vendor_ref,
                vendor=vendor.display_name,
            )
            errors.append(NoticeError("notice", why))
        if vendor.company_id and vendor.company_id != company:
            why = _(
                "vendor %(vendor)s belongs to %(theirs)s, not to %(ours)s",
                vendor=vendor.display_name,
                theirs=vendor.company_id.name,
                ours=company.name,
            )
            errors.append(NoticeError("notice", why))
        taken = self.sudo().search_fetch(
            [("partner_id", "=", vendor.id), ("name", "=", notice.ref),
             ("company_id", "=", company.id)],
            ["picking_id"], limit=1,
        )  # fmt: skip
        if taken:
            why = _(
                "notice %(ref)s is already in (receipt %(receipt)s): a notice is taken once",
                ref=notice.ref,
                receipt=taken.picking_id.name or "-",
            )
            errors.append(NoticeError(TAKEN, why))
        return errors

    def _wms_catalogue(self, notice, vendor, company):
        """{engine key: product} for the notice's GTINs (product barcodes) and vendor codes
        (the vendor's product codes on its price list), in one read of each."""
        lines = [line for pallet in notice.pallets for line in pallet.lines]
        forms = set().union(*(gtin_forms(line.gtin) for line in lines if line.gtin))
        codes = {line.product_code for line in lines if line.product_code}
        in_company = [("company_id", "in", [False, company.id])]
        found = {}
        if forms:
            for product in self.env["product.product"].search_fetch(
                [("barcode", "in", list(forms)), *in_company], ["barcode", "tracking"]
            ):
                found[_key(product.barcode)] = product
        if codes:
            for info in self.env["product.supplierinfo"].search_fetch(
                [("partner_id", "in", (vendor | vendor.commercial_partner_id).ids),
                 ("product_code", "in", list(codes)), *in_company],
                ["product_code", "product_id", "product_tmpl_id"],
            ):  # fmt: skip
                product = info.product_id or info.product_tmpl_id.product_variant_id
                found.setdefault(info.product_code, product)
        return found

    def _wms_known_ssccs(self, notice):
        """An SSCC already a package or on a notice still expected: one SSCC, one pallet."""
        ssccs = [pallet.sscc for pallet in notice.pallets]
        packages = (
            self.env["stock.quant.package"].sudo().search_fetch([("name", "in", ssccs)], ["name"])
        )
        taken = set(packages.mapped("name"))
        pallets = (
            self.env["wms.inbound.notice.pallet"]
            .sudo()
            .search_fetch(
                [("sscc", "in", ssccs), ("notice_id.state", "!=", "cancel")], ["sscc", "notice_id"]
            )
        )
        on_notice = {pallet.sscc: pallet.notice_id.name for pallet in pallets}
        errors = []
        for pallet in notice.pallets:
            where = pallet.lines[0].where
            if pallet.sscc in on_notice:
                why = _(
                    "SSCC %(sscc)s is already on notice %(notice)s",
                    sscc=pallet.sscc,
                    notice=on_notice[pallet.sscc],
                )
                errors.append(NoticeError(where, why))
            elif pallet.sscc in taken:
                why = _("SSCC %(sscc)s is already a package in stock", sscc=pallet.sscc)
                errors.append(NoticeError(where, why))
        return errors

    def _wms_write_notice(self, notice, vendor, warehouse, source, products):
        """One bulk write: the packages, the receipt (a move per product, a move line per
        notice line with its package, lot or serial and expiry) and the notice."""
        packages = self.env["stock.quant.package"].create(
            [{"name": pallet.sscc} for pallet in notice.pallets]
        )
        package_of = dict(zip((p.sscc for p in notice.pallets), packages, strict=True))
        ptype = warehouse.in_type_id
        source_loc = vendor.property_stock_supplier or self.env.ref(
            "stock.stock_location_suppliers"
        )
        dest = ptype.default_location_dest_id
        by_product = defaultdict(list)
        for pallet in notice.pallets:
            for line in pallet.lines:
                by_product[_product(products, line)].append((pallet, line))
        receipt = self.env["stock.picking"].create({
            "picking_type_id": ptype.id, "partner_id": vendor.id, "origin": notice.ref,
            "location_id": source_loc.id, "location_dest_id": dest.id,
            "company_id": warehouse.company_id.id,
            "move_ids": [Command.create({
                "name": product.display_name, "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": sum(line.quantity for _pallet, line in rows),
                "location_id": source_loc.id, "location_dest_id": dest.id,
            }) for product, rows in by_product.items()],
        })  # fmt: skip
        receipt.action_confirm()
        # confirming made one line per move; the notice's lines (a pallet, a lot) replace them
        receipt.move_line_ids.unlink()
        move_of = {move.product_id: move for move in receipt.move_ids}
        self.env["stock.move.line"].create([
            self._wms_prepare_move_line(product, line, package_of[pallet.sscc])
            | {"move_id": move_of[product].id, "picking_id": receipt.id,
               "location_id": source_loc.id, "location_dest_id": dest.id}
            for product, rows in by_product.items() for pallet, line in rows
        ])  # fmt: skip
        return self.create({
            "name": notice.ref, "partner_id": vendor.id, "warehouse_id": warehouse.id,
            "company_id": warehouse.company_id.id, "picking_id": receipt.id, "source": source,
            "pallet_ids": [Command.create({
                "sscc": pallet.sscc, "package_id": package_of[pallet.sscc].id,
                "line_ids": [Command.create({
                    "where": line.where, "product_id": _product(products, line).id,
                    "quantity": line.quantity, "lot_name": line.serial or line.lot,
                    "expiry_date": line.expiry}) for line in pallet.lines],
            }) for pallet in notice.pallets],
        })  # fmt: skip

    def _wms_prepare_move_line(self, product, line, package):
        """A receipt's move line as announced: into the pallet's package, with its lot or
        serial (tracked products) and expiry (``expiration_date`` when product_expiry is
        installed, and ours, which reaches the lot at validation)."""
        vals = {
            "product_id": product.id,
            "product_uom_id": product.uom_id.id,
            "quantity": line.quantity,
            "result_package_id": package.id,
            "wms_expiry_date": line.expiry,
        }
        if product.tracking != "none":
            vals["lot_name"] = line.serial or line.lot
        move_line = self.env["stock.move.line"]
        if line.expiry and "expiration_date" in move_line._fields and product.use_expiration_date:
            vals["expiration_date"] = fields.Datetime.to_datetime(line.expiry)
        return vals
