# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The advance ship notice endpoint a vendor's system posts to.

``POST /wms/inbound/notice`` with ``Authorization: Bearer <token>`` (the vendor's notice
token, issued from its contact card) and a JSON body as ``stockops.execution.inbound.
asn_json`` describes it, plus an optional ``"warehouse"`` (its short code; by default the
first warehouse of the company the token was issued in). Answers JSON: 201 with the notice
and receipt; 400 with ``errors`` (each ``where`` and ``message``); 401 an unknown token; 403
a warehouse of another company; 409 a notice already in. No outbound call is made here.
"""

import json

from psycopg2.errors import UniqueViolation

from odoo import http
from odoo.http import request

from stockops.execution.inbound import NoticeError, parse_notice_json
from stockops.tokens import bearer

from ..models.inbound.wms_inbound_intake import TAKEN


def _answer(status, **body):
    return request.make_json_response(body, status=status)


def _errors(errors):
    return [{"where": e.where, "message": e.message} for e in errors]


class InboundNoticeController(http.Controller):
    @http.route(
        "/wms/inbound/notice", type="http", auth="public", methods=["POST"], csrf=False,
        save_session=False,
    )  # fmt: skip
    def post_notice(self):
        token = bearer(request.httprequest.headers.get("Authorization"))
        vendor = request.env["res.partner"]._wms_asn_vendor(token)
        if not vendor:
            return _answer(401, error="unknown vendor token: ask the warehouse for a new one")
        company = vendor.wms_asn_company_id
        try:
            payload = json.loads(request.httprequest.get_data() or b"null")
        except ValueError as error:
            return _answer(400, errors=_errors([NoticeError("body", f"not JSON: {error}")]))
        warehouse, refusal = self._warehouse(payload, company)
        if refusal:
            return _answer(403, error=refusal)
        notices = request.env["wms.inbound.notice"].sudo().with_company(company)
        try:
            with request.env.cr.savepoint():
                notice, errors = notices._wms_intake(
                    parse_notice_json(payload), vendor, warehouse, "api"
                )
                request.env.flush_all()
        except UniqueViolation:
            # the same notice posted twice at once: the first one in holds the number
            why = "the same notice was posted twice at once: it is in once"
            return _answer(409, errors=_errors([NoticeError(TAKEN, why)]))
        if errors:
            taken = any(e.where == TAKEN for e in errors)
            return _answer(409 if taken else 400, errors=_errors(errors))
        return _answer(
            201, notice=notice.name, receipt=notice.picking_id.name,
            pallets=[p.sscc for p in notice.pallet_ids],
        )  # fmt: skip

    def _warehouse(self, payload, company):
        """The warehouse the notice names (by code) or the company's first; a refusal when
        it is another company's or unknown."""
        code = payload.get("warehouse") if isinstance(payload, dict) else None
        warehouses = request.env["stock.warehouse"].sudo()
        if not code:
            found = warehouses.search([("company_id", "=", company.id)], limit=1)
            return found, ("" if found else f"{company.name} has no warehouse")
        found = warehouses.search([("code", "=", code)])
        if not found:
            return found, f"no warehouse {code}"
        ours = found.filtered(lambda w: w.company_id == company)
        if not ours:
            return ours, f"warehouse {code} is not one of {company.name}'s: refused"
        return ours[:1], ""
