# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import HttpCase, tagged

from .test_policy_channels import channel_setup


@tagged("post_install", "-at_install")
class TestChannelAtpEndpoint(HttpCase):
    """A storefront polls /stockops/atp with its channel's key: its own availability; bad
    keys, unknown products and other companies' warehouses refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        channel_setup(cls, "CHH")
        cls.env["stock.policy.channel.allocation"].create({
            "team_id": cls.key.id, "product_id": cls.product.id,
            "warehouse_id": cls.warehouse.id, "units": 6,
        })  # fmt: skip
        shown = cls.web.with_user(cls.planner).action_stock_issue_atp_key()
        cls.token = shown["params"]["message"].rsplit(" ", 1)[-1]

    def ask(self, body, token=None):
        return self.url_open(
            "/stockops/atp", data=json.dumps(body),
            headers={"Authorization": f"Bearer {token or self.token}",
                     "Content-Type": "application/json"},
        )  # fmt: skip

    def test_storefront_reads_its_channels_availability(self):
        answer = self.ask({"products": ["TEA-CHH", "NOPE-1"], "warehouse": "CHH"})
        self.assertEqual(answer.status_code, 200, answer.text)
        body = answer.json()
        self.assertEqual(body["products"], [{"code": "TEA-CHH", "warehouse": "CHH", "units": 4.0}])
        self.assertEqual(body["unknown"], ["NOPE-1"], "unknown products are listed")
        query = self.url_open(
            "/stockops/atp?products=TEA-CHH", headers={"Authorization": f"Bearer {self.token}"}
        )
        self.assertEqual(query.json()["products"][0]["units"], 4.0, "GET with a query too")

    def test_bad_key_bad_body_and_other_companys_warehouse_are_refused(self):
        self.assertEqual(self.ask({"products": ["TEA-CHH"]}, token="wrong").status_code, 401)
        self.assertEqual(self.ask({"products": "TEA-CHH"}).status_code, 400)
        self.assertEqual(self.ask({"products": ["TEA-CHH"], "date": "07/12"}).status_code, 400)
        other = self.env["res.company"].create({"name": "Other Co CHH"})
        self.env["stock.warehouse"].create({"name": "Other", "code": "OTH", "company_id": other.id})
        refused = self.ask({"products": ["TEA-CHH"], "warehouse": "OTH"})
        self.assertEqual(refused.status_code, 403)
        self.assertNotIn("units", refused.text)
        self.env["product.product"].create(
            {"name": "Other tea", "default_code": "TEA-OTH", "is_storable": True,
             "company_id": other.id}
        )  # fmt: skip
        theirs = self.ask({"products": ["TEA-OTH"]}).json()
        self.assertEqual((theirs["products"], theirs["unknown"]), ([], ["TEA-OTH"]))
