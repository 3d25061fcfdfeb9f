# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A bin counted by RFID: a handheld's batch or a fixed reader's push of hex EPCs against the
serials the bin holds. One read of the bin's serial quants, one engine call (``count_bin``),
one count written through the count path of the scan screen (the variance workflow may hold
it for a recount or an approval).

What the count books: each serial expected in the bin is counted 1 when its tag was read, 0
when it is missing. A tag read that the bin should not hold is listed, not booked: its
serial is on the books elsewhere or nowhere, and booking it here would either hold one
serial twice or invent one; a supervisor moves it. Only serial-tracked products with a GTIN
barcode are expected (an SGTIN names one unit); lots counted by quantity keep the count by
product. A batch in which no tag could be read counts nothing: an unread bin is no empty
bin."""

import hashlib
import json

from odoo import _, api, models

from stockops.execution.inbound import count_bin, read_tags, unknown_prefixes
from stockops.gs1 import as_gtin14, gtin_forms


class WmsScan(models.AbstractModel):
    _inherit = "wms.scan"

    @api.model
    def count_tags(self, location_code, epcs, key):
        """Count the bin ``location_code`` from ``epcs`` (a list of hex EPCs, repeats
        allowed, or one text of them a line or a comma apart). {"ok", "message", "matched",
        "missing", "unexpected", "unreadable", "duplicates", "held"}; the same ``key`` again
        for the same bin and reads returns the first answer and counts nothing again."""
        if not isinstance(epcs, (str, list, tuple)) or not all(isinstance(e, str) for e in epcs):
            return {"ok": False, "error": _(
                "The reader sent %(v)s, not a list of tags: nothing was counted.",
                v=repr(epcs)[:80])}  # fmt: skip
        digest = hashlib.sha256(json.dumps(list(epcs)).encode()).hexdigest()[:16]
        return self._once(  # wms_scan_work.py
            key,
            ("count_tags", location_code, digest),
            lambda: self._count_tags(location_code, epcs),
        )

    def _count_tags(self, location_code, epcs):
        where = self.resolve(location_code)
        if where["type"] != "location":
            return {"ok": False, "error": _("Scan the bin first: %(c)s is not a bin.",
                                            c=location_code)}  # fmt: skip
        reads = read_tags(epcs)
        if not reads.tags:
            return {"ok": False, "error": _(
                "No tag could be read (%(n)s reads): nothing was counted. Read the bin again.",
                n=len(reads.refused))}  # fmt: skip
        quants = self._serial_quants(where["id"])
        by_key = {(as_gtin14(q.product_id.barcode), q.lot_id.name): q for q in quants
                  if as_gtin14(q.product_id.barcode)}  # fmt: skip
        counted = count_bin(by_key, reads)
        known = self._known_prefixes({t.company_prefix for t in counted.unexpected})
        strangers = dict(zip(
            [t for t in counted.unexpected if t.company_prefix not in known],
            unknown_prefixes(counted.unexpected, known), strict=True,
        ))  # fmt: skip
        found = [by_key[k] for k in counted.matched]
        missing = [by_key[k] for k in counted.missing]
        held = self._book_serial_count(found, missing)
        named = self._name_tags([t for t in counted.unexpected if t not in strangers])
        return {
            "ok": True,
            "bin": where["name"],
            "held": held,
            "expected": len(found) + len(missing),
            "matched": len(found),
            "missing": [{"product": q.product_id.display_name, "serial": q.lot_id.name}
                        for q in missing],
            "unexpected": [
                {"epc": t.hex, "uri": t.uri, "why": self._why_unnamed(t, strangers, named),
                 **named.get(t, {"what": t.uri})}
                for t in counted.unexpected],
            "unreadable": list(counted.refused),
            "duplicates": counted.duplicates,
            "message": _("%(summary)s: recount or approval needed", summary=counted.reasons[0])
            if held else counted.reasons[0],
        }  # fmt: skip

    @staticmethod
    def _why_unnamed(tag, strangers, named):
        """Why a tag read is shown by its URN: its prefix is nobody's we know, or its GTIN
        is no product of ours ("" for a pallet's SSCC or a tag named by its product)."""
        if tag in strangers:
            return strangers[tag]
        if tag.scheme != "sgtin" or tag in named:
            return ""
        return _("no product of ours")

    def _name_tags(self, tags):
        """What an operator calls each of ``tags`` (read where they were not expected):
        {tag: {"what", "product", "serial", "where"}}, "what" as "Cordless Drill 18V serial
        1005 — on the books in R01-01-1R" (or "— not on the books"). A tag of no product of
        ours is left out (its URN names it). One read of the products, one of the serials'
        quants, for the whole batch."""
        sgtins = [t for t in tags if t.scheme == "sgtin"]
        if not sgtins:
            return {}
        codes = {t: gtin_forms(t.gtin) for t in sgtins}
        products = self.env["product.product"].search_fetch(
            [("barcode", "in", sorted({c for cs in codes.values() for c in cs}))],
            ["barcode", "display_name"],
        )
        by_barcode = {p.barcode: p for p in products}
        product_of = {t: next((by_barcode[c] for c in cs if c in by_barcode), None)
                      for t, cs in codes.items()}  # fmt: skip
        quants = self.env["stock.quant"].search_fetch(
            [("product_id", "in", products.ids), ("lot_id.name", "in", [t.serial for t in sgtins]),
             ("quantity", ">", 0), ("location_id.usage", "=", "internal")],
            ["product_id", "lot_id", "location_id"], order="location_id",
        )  # fmt: skip
        held_in = {}
        for quant in quants:
            key = (quant.product_id.id, quant.lot_id.name)
            held_in.setdefault(key, []).append(quant.location_id.name)
        named = {}
        for tag, product in product_of.items():
            if not product:
                continue
            where = ", ".join(held_in.get((product.id, tag.serial), []))
            books = (_("on the books in %(where)s", where=where) if where
                     else _("not on the books"))  # fmt: skip
            named[tag] = {
                "what": _("%(product)s serial %(serial)s — %(books)s",
                          product=product.display_name, serial=tag.serial, books=books),
                "product": product.display_name,
                "serial": tag.serial,
                "where": where,
            }  # fmt: skip
        return named

    def _serial_quants(self, location_id):
        """The serials on hand in the bin that a tag can name: one read."""
        return self.env["stock.quant"].search_fetch(
            [("location_id", "=", location_id), ("lot_id", "!=", False),
             ("quantity", ">", 0), ("product_id.tracking", "=", "serial"),
             ("product_id.barcode", "!=", False)],
            ["product_id", "lot_id", "quantity"],
        )  # fmt: skip

    def _book_serial_count(self, found, missing):
        """Apply the count as the scan screen's count does (``_count``): found serials at
        their quantity, missing ones at 0, in one write per kind and one apply; whether the
        variance workflow held any of it."""
        quants = self.env["stock.quant"].with_context(inventory_mode=True)
        found = quants.union(*found)
        missing = quants.union(*missing)
        todo = {"inventory_quantity_set": True, "user_id": self.env.uid}
        if found:
            found.write({**todo, "inventory_quantity": 1.0})
        if missing:
            missing.write({**todo, "inventory_quantity": 0.0})
        counted = found | missing
        if not counted:
            return False
        counted.action_apply_inventory()
        return any(counted.mapped("policy_count_state"))
