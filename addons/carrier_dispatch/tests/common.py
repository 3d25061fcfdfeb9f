# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A warehouse with one carrier connector of each protocol, each talking real HTTP to one
of the engine's local carrier simulators; behaviour is exercised as a dispatch clerk."""

from urllib.parse import urlsplit

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase, _super_send

from stockops.dispatch.simulators import RestCarrierSimulator, SoapCarrierSimulator


class LocalCarrierCase(TransactionCase):
    """Lets the connectors talk to simulators on 127.0.0.1 with their own timeouts."""

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        """Odoo stretches short timeouts to 10 s in tests; the local simulators need the
        connector's own timeouts to show a lost answer. Anything else goes to Odoo's guard."""
        if urlsplit(r.url).hostname == "127.0.0.1":
            return _super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)


class DispatchCase(LocalCarrierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        currency = cls.env.company.currency_id.name
        cls.fedex_sim = RestCarrierSimulator(currency=currency, hang_s=1.0).start()
        cls.addClassCleanup(cls.fedex_sim.stop)
        cls.post_sim = SoapCarrierSimulator(currency=currency, price_scale=0.6, hang_s=1.0).start()
        cls.addClassCleanup(cls.post_sim.stop)
        cls.user = new_test_user(
            cls.env,
            login="dispatch_clerk",
            groups="stock.group_stock_user,sales_team.group_sale_salesman",
            tz="UTC",
        )
        cls.supervisor = new_test_user(
            cls.env, login="dispatch_sup", groups="wms_execution.group_wms_supervisor", tz="UTC"
        )
        canada = cls.env.ref("base.ca")
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.warehouse.partner_id.write(
            {
                "street": "1 Dock Rd",
                "city": "Toronto",
                "zip": "M5V 2T6",
                "country_id": canada.id,
                "tz": "UTC",  # the site's clock, on which these tests read their hours
            }
        )
        cls.box = cls.env["stock.package.type"].create(
            {"name": "Box 40", "packaging_length": 400, "width": 300, "height": 200}
        )
        cls.box.base_weight = 0.5
        cls.fedex = cls._carrier(
            "Test FedEx",
            "fedex_rest",
            "FEDEX_GROUND",
            dispatch_url=cls.fedex_sim.url,
            dispatch_client_id=cls.fedex_sim.client_id,
            dispatch_client_secret=cls.fedex_sim.client_secret,
            dispatch_account_number=cls.fedex_sim.account_number,
        )
        cls.post = cls._carrier(
            "Test Canada Post",
            "canadapost_soap",
            "DOM.RP",
            dispatch_url=cls.post_sim.url,
            dispatch_username=cls.post_sim.username,
            dispatch_password=cls.post_sim.password,
            dispatch_account_number=cls.post_sim.customer_number,
        )
        # the tests compare exactly these two connectors (a demo database has its own)
        cls.env["delivery.carrier"].search(
            [
                ("delivery_type", "in", ("fedex_rest", "canadapost_soap")),
                ("id", "not in", (cls.fedex | cls.post).ids),
            ]
        ).active = False
        product = cls.env["product.product"]
        cls.bolts = product.create(
            {"name": "Bolts crate", "is_storable": True, "weight": 2.0, "list_price": 10}
        )
        cls.valves = product.create(
            {"name": "Valve", "is_storable": True, "weight": 3.0, "list_price": 30}
        )
        # the delivery step ships from where the picking type takes goods (output in 3 steps)
        stock = cls.warehouse.out_type_id.default_location_src_id
        for item in (cls.bolts, cls.valves):
            cls.env["stock.quant"]._update_available_quantity(item, stock, 100)
        cls.customer = cls._partner("Luc Tremblay", "5 Rue Sainte-Catherine", "H2X 1Y4")

    def setUp(self):
        super().setUp()
        for sim in (self.fedex_sim, self.post_sim):  # each test starts with an empty carrier
            sim.reset()

    @classmethod
    def _carrier(cls, name, delivery_type, service, **vals):
        product = cls.env["product.product"].create({"name": name, "type": "service"})
        return cls.env["delivery.carrier"].create(
            {
                "name": name,
                "product_id": product.id,
                "delivery_type": delivery_type,
                "dispatch_service_code": service,
                "dispatch_package_type_id": cls.box.id,
                "dispatch_timeout_s": 0.5,
                "dispatch_attempts": 1,
                **vals,
            }
        )

    @classmethod
    def _partner(cls, name, street, zip_code, city="Montreal", **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "street": street,
                "city": city,
                "zip": zip_code,
                "country_id": cls.env.ref("base.ca").id,
                **vals,
            }
        )

    def _picking(self, carrier, packages=2, partner=None, qty=(2, 1)):
        """A ready delivery of 2 bolts + 1 valve, in ``packages`` boxes (0: unpacked)."""
        env = self.env(user=self.user)
        picking = env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "partner_id": (partner or self.customer).id,
                "carrier_id": carrier.id,
                "move_ids": [
                    (0, 0, {"name": p.name, "product_id": p.id, "product_uom_qty": n})
                    for p, n in zip((self.bolts, self.valves), qty, strict=True)
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        self.assertEqual(picking.state, "assigned")
        if packages:
            boxes = env["stock.quant.package"].create(
                [{"package_type_id": self.box.id} for _ in range(packages)]
            )
            for index, line in enumerate(picking.move_line_ids):
                line.result_package_id = boxes[index % packages]
        picking.move_ids.picked = True
        return picking

    def _validate(self, picking):
        result = picking.button_validate()
        self.assertIs(result, True)
        self.assertEqual(picking.state, "done")
        return picking
