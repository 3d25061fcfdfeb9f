# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The availability endpoint a storefront connector polls.

``GET or POST /stockops/atp`` with ``Authorization: Bearer <key>`` (the channel's
availability key, issued from its sales team) and the product codes: a JSON body
``{"products": ["CODE", ...], "warehouse": "WH", "date": "YYYY-MM-DD"}`` or the query
``?products=A,B&warehouse=WH&date=...``; warehouse (short code) and date are optional (all
the company's warehouses; today). Answers JSON: 200 with ``products`` (code, warehouse,
units) and ``unknown`` (codes not sold by the company); 400 a bad body or date; 401 an
unknown key; 403 a warehouse of another company. Reads only; no outbound call.
"""

import datetime as dt
import json

from odoo import http
from odoo.http import request

from stockops.tokens import bearer


def _answer(status, **body):
    return request.make_json_response(body, status=status)


class ChannelAtpController(http.Controller):
    @http.route(
        "/stockops/atp", type="http", auth="public", methods=["GET", "POST"], csrf=False,
        save_session=False,
    )  # fmt: skip
    def atp(self, **query):
        channel = request.env["crm.team"]._stock_atp_channel(
            bearer(request.httprequest.headers.get("Authorization"))
        )
        if not channel:
            return _answer(401, error="unknown availability key: ask the planner for a new one")
        company = channel.stock_atp_company_id
        asked, refusal = self._asked(query)
        if refusal:
            return _answer(400, error=refusal)
        codes, code, day = asked
        env = request.env(su=True)
        warehouses = env["stock.warehouse"].search([("company_id", "=", company.id)])
        if code:
            found = env["stock.warehouse"].search([("code", "=", code)])
            warehouses = found.filtered(lambda w: w.company_id == company)
            if not warehouses:
                why = f"warehouse {code} is not one of {company.name}'s: refused"
                return _answer(
                    403 if found else 400, error=why if found else f"no warehouse {code}"
                )
        products = env["product.product"].search([
            ("default_code", "in", codes), ("is_storable", "=", True),
            "|", ("company_id", "=", False), ("company_id", "=", company.id),
        ])  # fmt: skip
        unknown = sorted(set(codes) - set(products.mapped("default_code")))
        rows = env["stock.policy.channel.atp"]._stock_promises(company, products, warehouses, day)
        rows = [r for r in rows if r["team"] == channel]
        return _answer(
            200, channel=channel.name, date=(day or company._site_today()).isoformat(),
            products=[{"code": r["product"].default_code, "warehouse": r["warehouse"].code,
                       "units": r["units"]} for r in rows],
            unknown=unknown,
        )  # fmt: skip

    def _asked(self, query):
        """(codes, warehouse code, date) from the body or the query; a refusal if bad."""
        body = request.httprequest.get_data()
        if body:
            try:
                payload = json.loads(body)
            except ValueError as error:
                return None, f"body is not JSON: {error}"
            if not isinstance(payload, dict):
                return None, 'body must be an object: {"products": [...]}'
        else:
            payload = dict(query)
            payload["products"] = [c for c in query.get("products", "").split(",") if c]
        codes = payload.get("products")
        if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
            return None, "give products: a list of product codes"
        day = payload.get("date")
        if day:
            try:
                day = dt.date.fromisoformat(day)
            except (TypeError, ValueError):
                return None, f"date {day!r} is not YYYY-MM-DD"
        return (codes, payload.get("warehouse") or "", day or None), ""
