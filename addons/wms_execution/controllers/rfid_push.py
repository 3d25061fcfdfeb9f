# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A fixed RFID reader pushes what it read in its bin: POST /wms/rfid/push, a JSON object
{"bin": the bin's barcode, "epcs": [hex EPCs, repeats allowed], "key": the push's id}.

Authenticated as the scan service is, as a user of the scan screen (a warehouse operator):
the reader sends that user's API key as "Authorization: Bearer <key>". The push is counted
once: the same key again answers the first count and books nothing (the scan service's
confirmation keys). Every answer is JSON, {"ok": true, ...} or {"ok": false, "error"};
never a traceback."""

import logging

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

_logger = logging.getLogger(__name__)


class RfidPush(http.Controller):
    @http.route("/wms/rfid/push", type="http", auth="bearer", methods=["POST"], csrf=False)
    def push(self):
        try:
            payload = request.get_json_data()
        except ValueError:
            return self._answer({"ok": False, "error": "The body is not JSON."}, 400)
        if not isinstance(payload, dict) or not {"bin", "epcs", "key"} <= payload.keys():
            return self._answer(
                {"ok": False, "error": 'Send {"bin": ..., "epcs": [...], "key": ...}.'}, 400
            )
        scan = request.env["wms.scan"]
        try:
            result = scan.count_tags(payload["bin"], payload["epcs"], payload["key"])
        except AccessError:
            return self._answer({"ok": False, "error": "This user may not count bins."}, 403)
        except UserError as error:
            return self._answer({"ok": False, "error": str(error.args[0])}, 400)
        return self._answer(result, 200 if result.get("ok") else 422)

    def _answer(self, body, status):
        if not body.get("ok"):
            _logger.info("RFID push refused (%s): %s", status, body.get("error"))
        return request.make_json_response(body, status=status)
