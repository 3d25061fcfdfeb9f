# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# open-floor zones sit beside WH/Stock, not under it, so nothing there is reserved
# QC, hold and returns are beside stock: nothing there is reserved for customers;
# cross-dock staging is inside it, so waiting orders reserve what lands there
BESIDE_STOCK = ("qc", "hold", "returns")


class WmsDemoLoader(models.AbstractModel):
    """The demo building: zones, aisles, cross aisles, storage categories and bins."""

    _inherit = "wms.demo.loader"

    def _load_layout(self, sc, warehouse):
        # the history was posted in one step; the building works in two in, three out
        warehouse.write({"reception_steps": "two_steps", "delivery_steps": "pick_pack_ship"})
        zones = self._load_zones(sc, warehouse)
        aisles = self.env["wms.aisle"].create(
            [
                {
                    "name": a.name,
                    "warehouse_id": warehouse.id,
                    "zone_id": zones[a.zone_code].id,
                    "x_m": a.x_m,
                    "y_start_m": a.y_start_m,
                    "y_end_m": a.y_end_m,
                    "width_m": a.width_m,
                    "rack_depth_m": a.rack_depth_m,
                }
                for a in sc.aisles
            ]
        )
        aisle_ids = dict(zip((a.name for a in sc.aisles), aisles.ids, strict=True))
        names = ["Front cross aisle", *(["Middle cross aisle"] * (len(sc.cross_aisles_y_m) - 2))]
        names.append("Back cross aisle")
        self.env["wms.cross.aisle"].create(
            [
                {"name": name, "y_m": y, "warehouse_id": warehouse.id}
                for name, y in zip(names, sc.cross_aisles_y_m, strict=False)
            ]
        )
        categories = self._load_storage_categories(sc)
        locations = self.env["stock.location"].create(
            [self._bin_values(b, zones[b.zone_code], aisle_ids, categories) for b in sc.bins]
        )
        bins = dict(zip((b.name for b in sc.bins), locations, strict=True))
        pack = next(b for b in sc.bins if zones[b.zone_code].kind == "pack")
        warehouse.wms_pack_location_id = bins[pack.name]
        return bins

    def _zone_parent(self, warehouse, zone):
        fixed = {
            "receiving": warehouse.wh_input_stock_loc_id,
            "pack": warehouse.wh_pack_stock_loc_id,
            "shipping": warehouse.wh_output_stock_loc_id,
        }
        if zone.kind in fixed:
            return fixed[zone.kind]
        parent = warehouse.view_location_id if zone.kind in BESIDE_STOCK else warehouse.lot_stock_id
        return self.env["stock.location"].create(
            {"name": zone.name, "location_id": parent.id, "usage": "internal"}
        )

    def _load_zones(self, sc, warehouse):
        parents = [self._zone_parent(warehouse, zone) for zone in sc.zones]
        zones = self.env["wms.zone"].create(
            [
                {
                    "name": zone.name,
                    "code": zone.code,
                    "kind": zone.kind,
                    "sequence": seq,
                    "warehouse_id": warehouse.id,
                    "location_id": parent.id,
                }
                for seq, (zone, parent) in enumerate(zip(sc.zones, parents, strict=True))
            ]
        )
        for zone, parent in zip(zones, parents, strict=True):
            parent.wms_zone_id = zone
        return dict(zip((z.code for z in sc.zones), zones, strict=True))

    def _load_storage_categories(self, sc):
        categories = self.env["stock.storage.category"].create(
            [
                {
                    "name": c.name,
                    "max_weight": c.max_weight_kg,
                    "wms_max_volume_m3": c.max_volume_m3,
                    "allow_new_product": c.allow_new_product,
                    "wms_max_length_m": c.max_length_m,
                    "wms_hazardous": c.hazardous,
                }
                for c in sc.storage_categories
            ]
        )
        return dict(zip((c.code for c in sc.storage_categories), categories.ids, strict=True))

    def _bin_values(self, b, zone, aisle_ids, categories):
        return {
            "name": b.name,
            "barcode": b.barcode,
            "location_id": zone.location_id.id,
            "usage": "internal",
            "wms_zone_id": zone.id,
            "wms_aisle_id": aisle_ids.get(b.aisle_name, False),
            "posx": int(b.aisle_name[1:]) if b.aisle_name else 0,
            "posy": b.bay,
            "posz": b.level,
            "wms_side": b.side or False,
            "wms_x_m": b.x_m,
            "wms_y_m": b.y_m,
            "wms_z_m": b.z_m,
            "wms_has_coordinates": True,
            "storage_category_id": categories.get(b.storage_category_code, False),
        }
