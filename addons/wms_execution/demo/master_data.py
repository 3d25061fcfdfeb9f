# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class WmsDemoLoader(models.AbstractModel):
    """Demo products, vendors and customers, created in one ``create`` per model."""

    _inherit = "wms.demo.loader"

    def _load_master_data(self, sc):
        vendors = self._load_partners(sc.vendors, supplier=True)
        categories = self._load_categories(sc)
        products = self._load_products(sc, categories, vendors)
        self._assign_policy_profiles(sc, products)
        self._load_carton_types(sc)
        return {
            "vendors": vendors,
            "customers": self._load_partners(sc.customers, supplier=False),
            "products": products,
        }

    def _load_carton_types(self, sc):
        """The pack stations' cartons as package types, in the database's length unit."""
        metre = self.env.ref("uom.product_uom_meter")
        length_uom = self.env["product.template"]._get_length_uom_id_from_ir_config_parameter()
        weight_uom = self.env["product.template"]._get_weight_uom_id_from_ir_config_parameter()
        kilogram = self.env.ref("uom.product_uom_kgm")

        def length(value_m):
            return metre._compute_quantity(value_m, length_uom, round=False)

        def weight(value_kg):
            return kilogram._compute_quantity(value_kg, weight_uom, round=False)

        self.env["stock.package.type"].create(
            [
                {
                    "name": carton.name,
                    "sequence": sequence,
                    "barcode": carton.code,
                    "packaging_length": length(carton.length_m),
                    "width": length(carton.width_m),
                    "height": length(carton.height_m),
                    "base_weight": weight(carton.tare_kg),
                    "max_weight": weight(carton.max_gross_kg),
                    # pallets ship by freight: not offered when cartons are suggested
                    "wms_cartonize": not carton.code.startswith("PLT"),
                }
                for sequence, carton in enumerate(sc.carton_types, start=1)
            ]
        )
        # Odoo's own demo pallet is no parcel carton either
        odoo_pallet = self.env.ref("stock.package_type_01", raise_if_not_found=False)
        if odoo_pallet:
            odoo_pallet.wms_cartonize = False

    def _assign_policy_profiles(self, sc, products):
        """Fast movers get the A profile, slow ones the C profile; the rest fall to the
        catch-all B profile (stock_policy's demo)."""
        for hint, xmlid in (("A", "profile_fast_movers"), ("C", "profile_slow_movers")):
            profile = self.env.ref(f"stock_policy.{xmlid}", raise_if_not_found=False)
            if profile:
                chosen = [
                    products[p.default_code].id for p in sc.products if p.velocity_hint == hint
                ]
                profile.product_ids = [(6, 0, chosen)]

    def _load_categories(self, sc):
        parent = self.env.ref("product.product_category_all")
        names = sorted({p.category for p in sc.products})
        categories = self.env["product.category"].create(
            [
                {"name": name, "parent_id": parent.id, "property_cost_method": "fifo"}
                for name in names
            ]
        )
        return dict(zip(names, categories, strict=True))

    def _load_partners(self, rows, supplier):
        countries = {c.code: c.id for c in self.env["res.country"].search([])}
        states = {
            (s.country_id.code, s.code): s.id
            for s in self.env["res.country.state"].search([("country_id.code", "=", "US")])
        }
        vals = []
        for row in rows:
            val = {
                "name": row.name,
                "ref": row.code,
                "is_company": True,
                "city": row.city,
                "country_id": countries.get(row.country_code, False),
            }
            if supplier:
                val["supplier_rank"] = 1
            else:
                val.update(
                    street=row.street,
                    zip=row.zip,
                    phone=row.phone,
                    email=row.email,
                    state_id=states.get((row.country_code, row.state_code), False),
                    customer_rank=1,
                )
            vals.append(val)
        partners = self.env["res.partner"].create(vals)
        return {row.code: partner for row, partner in zip(rows, partners, strict=True)}

    def _product_values(self, product, category, vendor, promised_days, metre, buy):
        return {
            "name": product.name,
            "default_code": product.default_code,
            "barcode": product.barcode,
            "is_storable": True,
            "type": "consu",
            "categ_id": category.id,
            "weight": product.weight_kg,
            "volume": round(product.length_m * product.width_m * product.height_m, 6),
            "product_length": product.length_m,
            "product_width": product.width_m,
            "product_height": product.height_m,
            "dimensional_uom_id": metre.id,
            "standard_price": product.cost,
            "list_price": product.list_price,
            "wms_hazard_class": product.hazard_class or False,
            "wms_fragile": product.fragile,
            "wms_this_side_up": product.this_side_up,
            "route_ids": [(4, buy.id)],
            "seller_ids": [
                (
                    0,
                    0,
                    {
                        "partner_id": vendor.id,
                        "price": product.vendor_price,
                        "delay": promised_days,
                    },
                )
            ],
        }

    def _load_products(self, sc, categories, vendors):
        metre = self.env.ref("uom.product_uom_meter")
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        promised = {v.code: v.promised_lead_time_days for v in sc.vendors}
        templates = self.env["product.template"].create(
            [
                self._product_values(
                    p,
                    categories[p.category],
                    vendors[p.vendor_code],
                    promised[p.vendor_code],
                    metre,
                    buy,
                )
                for p in sc.products
            ]
        )
        products = {
            p.default_code: t.product_variant_id
            for p, t in zip(sc.products, templates, strict=True)
        }
        # merchandisers tag what sells in a season; the planners' lists filter on it
        seasonal = self.env["product.tag"].create({"name": "Seasonal"})
        templates.browse(
            [t.id for p, t in zip(sc.products, templates, strict=True) if p.seasonal_peak_week]
        ).product_tag_ids = [(4, seasonal.id)]
        self.env["product.packaging"].create(
            [
                {
                    "name": pack.name,
                    "qty": pack.qty,
                    "barcode": pack.barcode,
                    "product_id": products[p.default_code].id,
                }
                for p in sc.products
                for pack in p.packagings
            ]
        )
        return products
