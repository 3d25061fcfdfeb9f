# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import re

from odoo.tests import HttpCase, tagged

from .inbound_common import GTIN_SCANNER, GTIN_YOGURT, SSCC_A, SSCC_B, build_vendor, expiry

URL = "/wms/inbound/notice"


def payload(ref="ASN-3001", **extra):
    return {
        "notice_ref": ref, "vendor_ref": "V-ALP", **extra,
        "pallets": [
            {"sscc": SSCC_A, "lines": [
                {"gtin": GTIN_YOGURT, "quantity": 120, "lot": "Y-2611", "expiry": expiry()},
                {"product_code": "CR-40", "quantity": 10}]},
            {"sscc": SSCC_B, "lines": [
                {"gtin": GTIN_SCANNER, "quantity": 1, "serial": "SN-0001"}]},
        ],
    }  # fmt: skip


@tagged("post_install", "-at_install")
class TestInboundNoticeHttp(HttpCase):
    """A vendor's system posts its notice with the token a supervisor issued it: the
    receipt is made, or the post is refused with a JSON answer that says why (lines by
    path); an unknown token, another company's warehouse and a repeat are refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        build_vendor(cls)
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )

    def _issue_token(self):
        action = self.vendor.with_user(self.asn_supervisor).action_wms_issue_asn_token()
        return re.search(r"again: (\S+)$", action["params"]["message"]).group(1)

    def _post(self, body, token):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        response = self.url_open(URL, data=data, headers=headers)
        return response.status_code, response.json()

    def test_a_vendor_posts_its_notice_and_the_receipt_is_made(self):
        token = self._issue_token()
        self.assertNotIn(token, str(self.vendor.sudo().wms_asn_token_hash), "kept hashed")
        status, answer = self._post(payload(), token)
        self.assertEqual(status, 201, answer)
        notice = self.env["wms.inbound.notice"].search([("name", "=", "ASN-3001")])
        self.assertEqual((notice.source, notice.partner_id), ("api", self.vendor))
        self.assertEqual(answer["receipt"], notice.picking_id.name)
        lines = notice.picking_id.move_line_ids
        self.assertEqual(sorted(lines.result_package_id.mapped("name")), [SSCC_A, SSCC_B])
        self.assertIn("SN-0001", lines.mapped("lot_name"))
        status, answer = self._post(payload(), token)
        self.assertEqual(status, 409, "a repeat is refused, not taken twice")
        self.assertIn("already in", answer["errors"][0]["message"])

    def test_errors_come_back_by_line_and_nothing_is_made(self):
        token = self._issue_token()
        body = payload()
        body["pallets"][0]["lines"][1]["product_code"] = "CR-99"
        body["pallets"][1]["lines"][0]["quantity"] = 2
        status, answer = self._post(body, token)
        self.assertEqual(status, 400)
        where = [error["where"] for error in answer["errors"]]
        self.assertEqual(where, ["pallets[1].lines[0]"], "the notice's own check comes first")
        del body["pallets"][1]
        status, answer = self._post(body, token)
        self.assertEqual((status, answer["errors"][0]["where"]), (400, "pallets[0].lines[1]"))
        status, answer = self._post(b"{not json", token)
        self.assertEqual((status, answer["errors"][0]["where"]), (400, "body"))
        self.assertFalse(
            self.env["wms.inbound.notice"].search([("partner_id", "=", self.vendor.id)])
        )

    def test_an_unknown_token_or_another_company_is_refused(self):
        status, answer = self._post(payload(), "not-a-token")
        self.assertEqual(status, 401)
        self.assertIn("unknown vendor token", answer["error"])
        token = self._issue_token()
        self._issue_token()  # a new token revokes the old one
        self.assertEqual(self._post(payload(), token)[0], 401)
        token = self._issue_token()
        company_b = self.env["res.company"].create({"name": "Harbour Supplies B"})
        self.env["stock.warehouse"].create(
            {"name": "Harbour DC", "code": "HBR", "company_id": company_b.id}
        )
        status, answer = self._post(payload(warehouse="HBR"), token)
        self.assertEqual(status, 403)
        self.assertIn("is not one of", answer["error"])
