# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import os

from odoo import api, fields, models

from stockops import scenario as scenario_mod

FIXED_PRICE = {"GROUND": 9.5, "EXPRESS": 18.0, "NEXT_DAY": 29.0}


class WmsDemoLoader(models.AbstractModel):
    """The demo's two carriers, and the open orders booked on them."""

    _inherit = "wms.demo.loader"

    @api.model
    def _load_carriers(self, size=None):
        size = size or os.environ.get("STOCKOPS_DEMO_SIZE") or "default"
        sc = scenario_mod.generate(size=size, today=fields.Date.context_today(self))
        names = [c.name for c in sc.carriers]
        if self.env["delivery.carrier"].search_count([("name", "in", names)]):
            return False  # loaded already: -i on an installed module reloads demo files
        carriers = {}
        for carrier in sc.carriers:
            service = carrier.services[0]
            product = self.env["product.product"].create(
                {"name": f"{carrier.name} {service}", "type": "service", "sale_ok": False}
            )
            carriers[carrier.code] = self.env["delivery.carrier"].create(
                {
                    "name": carrier.name,
                    "product_id": product.id,
                    "delivery_type": "fixed",
                    "fixed_price": FIXED_PRICE.get(service, 12.0),
                    "dispatch_service_code": service,
                    "dispatch_cutoff_time": float(carrier.cutoff_hour),
                }
            )
        by_ref = {so.ref: so.carrier_code for so in sc.sale_orders}
        orders = self.env["sale.order"].search([("client_order_ref", "in", list(by_ref))])
        for code, carrier in carriers.items():
            booked = orders.filtered(lambda o, c=code: by_ref[o.client_order_ref] == c)
            booked.carrier_id = carrier
            booked.picking_ids.carrier_id = carrier
        return True
