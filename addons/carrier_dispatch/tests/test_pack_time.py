# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Closing the last carton of a delivery shops its rates on the cartons as packed."""

from odoo.tests import tagged

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestPackTime(DispatchCase):
    def _close_carton(self, picking, product, shipping_weight):
        """Pick one product and put it in a box as a packer does (Put in Pack, then the
        package details of stock_delivery)."""
        picking.move_ids.filtered(lambda m: m.product_id == product).picked = True
        action = picking.action_put_in_pack()
        self.assertEqual(action["res_model"], "choose.delivery.package")
        wizard = (
            self.env["choose.delivery.package"]
            .with_user(self.user)
            .with_context(**action["context"])
            .create({"delivery_package_type_id": self.box.id, "shipping_weight": shipping_weight})
        )
        wizard.action_put_in_pack()

    def test_the_last_carton_closed_shops_every_connector_for_the_real_cartons(self):
        picking = self._picking(self.fedex, packages=0).with_user(self.user)
        picking.move_ids.picked = False
        self._close_carton(picking, self.bolts, 0.0)  # 2 x 2 kg + 0.5 kg box
        self.assertFalse(picking.dispatch_quote_ids, "not packed yet: no shopping")
        self._close_carton(picking, self.valves, 6.0)  # weighed at the bench: 6 kg
        quotes = picking.dispatch_quote_ids
        self.assertEqual(len(quotes), 6)
        self.assertEqual(quotes.carrier_id, self.fedex | self.post)
        # Canada Post Regular Parcel (tariff x 0.6: 3.00 + 0.36 per billable kg), Toronto to
        # Montreal (zone 3, x 1.35); the 40x30x20 cm box bills at least 4.8 kg
        expected = round((3.0 + 0.36 * 4.8) * 1.35 + (3.0 + 0.36 * 6.0) * 1.35, 2)
        chosen = quotes.filtered("chosen")
        self.assertEqual((chosen.carrier_id, chosen.service_code), (self.post, "DOM.RP"))
        self.assertAlmostEqual(chosen.price_company, expected, places=2)
        self.assertEqual((picking.carrier_id, picking.dispatch_service_code), (self.post, "DOM.RP"))
        self.assertEqual(self.fedex_sim.count("rate"), 1)
        self.assertEqual(self.post_sim.count("rate"), 1)

    def test_a_delivery_on_a_fixed_price_carrier_keeps_it(self):
        product = self.env["product.product"].create({"name": "Fixed", "type": "service"})
        fixed = self.env["delivery.carrier"].create(
            {"name": "Own van", "product_id": product.id, "delivery_type": "fixed"}
        )
        picking = self._picking(fixed, packages=0).with_user(self.user)
        picking.move_ids.picked = False
        self._close_carton(picking, self.bolts, 0.0)
        self._close_carton(picking, self.valves, 0.0)
        self.assertFalse(picking.dispatch_quote_ids)
        self.assertEqual(picking.carrier_id, fixed)
        self.assertEqual(self.fedex_sim.calls + self.post_sim.calls, [])
