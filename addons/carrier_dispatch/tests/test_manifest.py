# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Close day: each carrier's labelled parcels of a warehouse go on one manifest."""

from odoo.addons.stock_policy.tests.common import far_from_site
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DispatchCase


@tagged("post_install", "-at_install")
class TestManifest(DispatchCase):
    def _close(self, **vals):
        wizard = (
            self.env["dispatch.manifest.close"]
            .with_user(self.user)
            .create({"warehouse_id": self.warehouse.id, **vals})
        )
        return wizard, wizard.action_close()

    def test_close_day_closes_the_sites_day_whoever_closes_it(self):
        today = far_from_site(self.warehouse, self.user)
        wizard = (
            self.env["dispatch.manifest.close"]
            .with_user(self.user)
            .create({"warehouse_id": self.warehouse.id})
        )
        self.assertEqual(wizard.day, today)

    def test_close_day_hands_each_carriers_parcels_over_once(self):
        two = self._validate(self._picking(self.fedex, packages=2))
        one = self._validate(self._picking(self.fedex, packages=1))
        post = self._validate(self._picking(self.post, packages=1))
        voided = self._validate(self._picking(self.fedex, packages=1))
        voided.cancel_shipment()

        wizard = (
            self.env["dispatch.manifest.close"]
            .with_user(self.user)
            .create({"warehouse_id": self.warehouse.id})
        )
        self.assertEqual(wizard.carrier_ids, self.fedex | self.post)
        self.assertEqual(wizard.waiting_count, 4)
        action = wizard.action_close()
        manifests = self.env["dispatch.manifest"].search(action["domain"])
        self.assertEqual(manifests.carrier_id, self.fedex | self.post)

        fedex = manifests.filtered(lambda m: m.carrier_id == self.fedex)
        self.assertEqual(fedex.parcel_ids, (two | one).dispatch_parcel_ids)
        self.assertEqual((fedex.parcel_count, fedex.shipment_count), (3, 2))
        self.assertEqual(fedex.day, self.warehouse._site_today())
        self.assertEqual(set(self.fedex_sim.book.manifests), {fedex.name})
        self.assertEqual(
            set(self.fedex_sim.book.manifests[fedex.name]),
            set(fedex.parcel_ids.mapped("tracking_number")),
        )
        self.assertTrue(fedex.document_id.raw.startswith(b"%PDF"))
        self.assertEqual(
            (fedex.document_id.res_model, fedex.document_id.res_id), (fedex._name, fedex.id)
        )
        self.assertIn("3 parcels of 2 shipments handed over", fedex.reason)
        self.assertIn("/web/content/", fedex.action_open_document()["url"])
        self.assertFalse(voided.dispatch_parcel_ids.manifest_id, "a voided label stays behind")
        self.assertEqual(
            manifests.filtered(lambda m: m.carrier_id == self.post).parcel_ids,
            post.dispatch_parcel_ids,
        )

        # a carton labelled after the close goes on the next manifest, alone
        late = self._validate(self._picking(self.fedex, packages=1))
        _wizard, action = self._close()
        (second,) = self.env["dispatch.manifest"].search(action["domain"])
        self.assertEqual(second.carrier_id, self.fedex)
        self.assertEqual(second.parcel_ids, late.dispatch_parcel_ids)
        self.assertNotEqual(second.name, fedex.name)

        # what the driver took cannot be voided any more
        with (
            self.assertRaisesRegex(UserError, "on manifest .* cannot be voided"),
            self.env.cr.savepoint(),
        ):
            two.cancel_shipment()
        self.assertEqual(set(two.dispatch_parcel_ids.mapped("status")), {"label_created"})

    def test_a_carrier_down_at_close_keeps_its_parcels_for_the_next_try(self):
        fedex = self._validate(self._picking(self.fedex, packages=1))
        post = self._validate(self._picking(self.post, packages=2))
        self.post_sim.inject("unavailable", operation="manifest")
        _wizard, action = self._close()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("Test Canada Post is unavailable", action["params"]["message"])
        self.assertTrue(fedex.dispatch_parcel_ids.manifest_id)
        self.assertFalse(post.dispatch_parcel_ids.manifest_id)
        self.assertEqual(self.post_sim.count("manifest"), 1, "a close is never retried blind")
        _wizard, action = self._close()
        (manifest,) = self.env["dispatch.manifest"].search(action["domain"])
        self.assertEqual(manifest.parcel_ids, post.dispatch_parcel_ids)

    def test_nothing_to_close_is_said_so(self):
        with self.assertRaisesRegex(UserError, "No carrier has parcels waiting"):
            self._close()
        with self.assertRaisesRegex(UserError, "Test FedEx: nothing to hand over"):
            self._close(carrier_ids=[(6, 0, self.fedex.ids)])
