# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import api, fields, models

from stockops.dispatch.simulators.demo import CANADAPOST_DEMO, FEDEX_DEMO
from stockops.scenario.parties import CARRIERS as SCENARIO_CARRIERS

FIXED_PRICE = {"GROUND": 9.5, "EXPRESS": 18.0, "NEXT_DAY": 29.0}

#: the demo's carrier connectors: (name, type, demo account, default service,
#: services as (code, name, tender window opens, cut-off))
CONNECTORS = (
    (
        "FedEx (demo, REST)",
        "fedex_rest",
        FEDEX_DEMO,
        "FEDEX_GROUND",
        (
            ("FEDEX_GROUND", "FedEx Ground", 14.0, 17.0),
            ("FEDEX_2_DAY", "FedEx 2Day", 13.0, 16.5),
            ("PRIORITY_OVERNIGHT", "FedEx Priority Overnight", 12.0, 15.5),
        ),
    ),
    (
        "Canada Post (demo, SOAP)",
        "canadapost_soap",
        CANADAPOST_DEMO,
        "DOM.RP",
        (
            ("DOM.RP", "Regular Parcel", 13.0, 16.0),
            ("DOM.XP", "Xpresspost", 12.0, 15.5),
            ("DOM.PC", "Priority", 11.0, 15.0),
        ),
    ),
)
#: dock doors: (name, carriers by name or scenario code, trucks at once, parcels, pallets)
DOORS = (
    ("Door 1 - Parcel carriers", ("FedEx (demo, REST)", "Canada Post (demo, SOAP)"), 1, 400, 6),
    ("Door 2 - Swift Freight", ("SWF",), 1, 250, 8),
    ("Door 3 - Northwind Parcel", ("NWP",), 1, 250, 8),
    ("Door 4 - Wide door (any carrier)", (), 2, 0, 12),
)
#: today's truck appointments: (door index, carrier, start hour, hours, pallets)
APPOINTMENTS = (
    (0, "FedEx (demo, REST)", 14.5, 1.0, 2),
    (0, "Canada Post (demo, SOAP)", 15.5, 0.5, 1),
    (1, "SWF", 13.0, 1.5, 5),
    (2, "NWP", 16.0, 1.0, 4),
)


class WmsDemoLoader(models.AbstractModel):
    """The demo's carriers: the scenario's two (fixed price, the open orders are booked on
    them), one carrier connector of each protocol pointing at the local simulators with
    DEMO placeholder accounts, dock doors and today's truck appointments."""

    _inherit = "wms.demo.loader"

    @api.model
    def _load_carriers(self, size=None):
        loaded = self._load_scenario_carriers(size)
        self._load_dispatch_demo()
        return loaded

    @api.model
    def _load_scenario_carriers(self, size=None):
        sc = self._demo_scenario(size)
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

    @api.model
    def _load_dispatch_demo(self):
        """Connectors, doors, routes and appointments; each loaded once (by name)."""
        carriers = self.env["delivery.carrier"].sudo()
        if carriers.search_count([("name", "=", CONNECTORS[0][0])]):
            return False
        package_type = self._demo_parcel_box()
        for name, delivery_type, account, default, services in CONNECTORS:
            product = self.env["product.product"].create(
                {"name": f"{name} shipping", "type": "service", "sale_ok": False}
            )
            secrets = (
                {"dispatch_client_id": account.login, "dispatch_client_secret": account.secret}
                if delivery_type == "fedex_rest"
                else {"dispatch_username": account.login, "dispatch_password": account.secret}
            )
            cutoff = next(s for s in services if s[0] == default)
            carriers.create(
                {
                    "name": name,
                    "product_id": product.id,
                    "delivery_type": delivery_type,
                    "prod_environment": False,
                    "dispatch_url": account.url,
                    "dispatch_account_number": account.account_number,
                    "dispatch_label_format": "PDF",
                    "dispatch_package_type_id": package_type.id,
                    "dispatch_timeout_s": 5.0,
                    "dispatch_attempts": 2,
                    "dispatch_service_code": default,
                    "dispatch_tender_open_time": cutoff[2],
                    "dispatch_cutoff_time": cutoff[3],
                    "dispatch_service_ids": [
                        (
                            0,
                            0,
                            {
                                "sequence": n,
                                "code": c,
                                "name": s,
                                "tender_open_time": o,
                                "cutoff_time": t,
                            },
                        )
                        for n, (c, s, o, t) in enumerate(services)
                    ],
                    **secrets,
                }
            )
        # the appointments are planned on the site's clock, as the doors' hours are
        site = self.env.ref("stock.warehouse0")._site_tz()
        self.with_context(tz=site)._load_demo_doors()
        self._load_demo_routes()
        return True

    def _demo_parcel_box(self):
        """The smallest carton with sides that takes 25 kg: a parcel carrier's usual box."""
        boxes = self.env["stock.package.type"].search(
            [("packaging_length", ">", 0), ("width", ">", 0), ("height", ">", 0)]
        )
        boxes = boxes.sorted(lambda b: (b.packaging_length * b.width * b.height, b.id))
        return boxes.filtered(lambda b: b.max_weight >= 25)[:1] or boxes[:1]

    def _demo_carrier(self, key):
        scenario = {c.code: c.name for c in SCENARIO_CARRIERS}
        return self.env["delivery.carrier"].search([("name", "=", scenario.get(key, key))], limit=1)

    def _load_demo_doors(self):
        warehouse = self.env.ref("stock.warehouse0")
        doors = self.env["dispatch.dock"].create(
            [
                {
                    "name": name,
                    "sequence": n,
                    "warehouse_id": warehouse.id,
                    "carrier_ids": [(6, 0, [self._demo_carrier(k).id for k in carriers])],
                    "truck_capacity": trucks,
                    "capacity_parcels": parcels,
                    "capacity_pallets": pallets,
                    "open_time": 7.0,
                    "close_time": 19.0,
                }
                for n, (name, carriers, trucks, parcels, pallets) in enumerate(DOORS, 1)
            ]
        )
        day = self._demo_day()
        while day.weekday() >= 5:  # the doors open on working days
            day += timedelta(days=1)
        local_midnight = fields.Datetime.context_timestamp(
            self, datetime.combine(day, datetime.min.time())
        )
        offset = local_midnight.utcoffset() or timedelta(0)
        self.env["dispatch.dock.appointment"].create(
            [
                {
                    "name": f"{self._demo_carrier(carrier).name} pick-up",
                    "dock_id": doors[door].id,
                    "carrier_id": self._demo_carrier(carrier).id,
                    "start": datetime.combine(day, datetime.min.time())
                    + timedelta(hours=start)
                    - offset,
                    "end": datetime.combine(day, datetime.min.time())
                    + timedelta(hours=start + hours)
                    - offset,
                    "pallets": pallets,
                }
                for door, carrier, start, hours, pallets in APPOINTMENTS
            ]
        )

    def _load_demo_routes(self):
        """Customers on a route per state, stops in postal-code order within it."""
        customers = self.env["sale.order"].search([]).partner_shipping_id
        for state, partners in customers.grouped("state_id").items():
            route = f"Route {state.code}" if state else "Route local"
            for stop, partner in enumerate(partners.sorted(lambda p: p.zip or ""), 1):
                partner.write({"dispatch_route": route, "dispatch_route_stop": stop})
