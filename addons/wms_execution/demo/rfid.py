# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import models

from stockops.scenario.barcodes import GS1_COMPANY_PREFIX, gs1_check_digit

#: the RFID-tagged drill's own reference: the demo test finds it by it
RFID_PRODUCT_CODE = "TL-RFID-18V"
#: the serials in its forward bin, and the one on the books in another bin
RFID_BIN_SERIALS = ("1001", "1002", "1003", "1004")
RFID_ELSEWHERE_SERIAL = "1005"
#: the first item reference tried for its GTIN (the catalogue draws its own at random)
RFID_ITEM_REF = 99001


class WmsDemoLoader(models.AbstractModel):
    """A serial-tracked drill tagged at the factory (an SGTIN-96 per unit, its GTIN on the
    demo company's GS1 prefix), so a bin count by RFID can be shown and tried: four serials
    in the first empty forward bin, a fifth in the next one, received three days before the
    demo's day. Reading 1001-1003 and 1005 at the first bin gives 3 matched, 1004 missing
    and 1005 unexpected (on the books in the other bin)."""

    _inherit = "wms.demo.loader"

    def _load_rfid_demo(self, sc, warehouse, ref):
        products = self.env["product.product"].with_context(active_test=False)
        if products.search_count([("default_code", "=", RFID_PRODUCT_CODE)]):
            return False
        tools = next((ref["products"][p.default_code] for p in sc.products
                      if p.category == "Tools"), products)  # fmt: skip
        vendor = tools.seller_ids[:1].partner_id
        drill = products.create(
            {"name": "Cordless Drill 18V", "default_code": RFID_PRODUCT_CODE,
             "barcode": self._rfid_demo_gtin(), "is_storable": True, "tracking": "serial",
             "categ_id": (tools.categ_id or self.env.ref("product.product_category_all")).id,
             "weight": 2.1, "volume": 0.006, "standard_price": 89.0, "list_price": 149.0,
             "seller_ids": [(0, 0, {"partner_id": vendor.id, "price": 89.0})] if vendor else []}
        )  # fmt: skip
        first, other = self._rfid_demo_bins(warehouse)
        dests = [(s, first) for s in RFID_BIN_SERIALS] + [(RFID_ELSEWHERE_SERIAL, other)]
        return self._receive_serials(warehouse, drill, dests)

    def _rfid_demo_gtin(self):
        """An EAN-13 on the demo's GS1 prefix that no product has yet: the first free item
        reference from RFID_ITEM_REF (the same one on every demo of a given day)."""
        taken = set(
            self.env["product.product"]
            .with_context(active_test=False)
            .search([("barcode", "=like", f"{GS1_COMPANY_PREFIX}%")])
            .mapped("barcode")
        )
        for item in range(RFID_ITEM_REF, 100_000):
            body = f"{GS1_COMPANY_PREFIX}{item:05d}"
            if body + gs1_check_digit(body) not in taken:
                return body + gs1_check_digit(body)
        raise ValueError("no free item reference on the demo's GS1 prefix")

    def _rfid_demo_bins(self, warehouse):
        """The first two empty forward bins, by name."""
        empty = self.env["stock.location"].search(
            [("warehouse_id", "=", warehouse.id), ("storage_category_id", "!=", False),
             ("wms_zone_id.kind", "=", "forward"), ("quant_ids", "=", False),
             ("barcode", "!=", False)], order="name, id", limit=2,
        )  # fmt: skip
        if len(empty) < 2:
            raise ValueError("the demo has no two empty forward bins for the tagged drill")
        return empty[0], empty[1]

    def _receive_serials(self, warehouse, product, dests):
        """One receipt posted straight into the bins (``dests``: serial, bin), backdated to
        three days before the demo's day."""
        ptype, stock = warehouse.in_type_id, warehouse.lot_stock_id
        vendors = self.env.ref("stock.stock_location_suppliers")
        when = datetime.combine(self._demo_day() - timedelta(days=3), time(10, 0))
        picking = self.env["stock.picking"].create(
            {"picking_type_id": ptype.id, "location_id": vendors.id,
             "location_dest_id": stock.id, "origin": "RFID-tagged drills",
             "scheduled_date": when,
             "move_ids": [(0, 0, {"name": product.display_name, "product_id": product.id,
                                  "product_uom_qty": len(dests), "location_id": vendors.id,
                                  "location_dest_id": stock.id})]}
        )  # fmt: skip
        move = picking.move_ids
        self.env["stock.move.line"].create(
            [{"move_id": move.id, "picking_id": picking.id, "product_id": product.id,
              "product_uom_id": move.product_uom.id, "location_id": vendors.id,
              "location_dest_id": where.id, "lot_name": serial, "quantity": 1, "picked": True}
             for serial, where in dests]
        )  # fmt: skip
        move.picked = True
        picking.with_context(wms_history_import=True)._action_done()
        picking.date_done = when
        move.write({"date": when})
        move.move_line_ids.write({"date": when})
        return picking
