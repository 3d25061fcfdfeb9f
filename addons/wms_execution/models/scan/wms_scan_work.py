# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import _, api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

#: the scan screen's flows, in the order its home screen shows them
FLOWS = [
    ("receive", "Receive"),
    ("putaway", "Put away"),
    ("pick", "Pick"),
    ("pack", "Pack"),
    ("replenish", "Replenish"),
    ("count", "Count"),
]
#: how many open transfers a flow lists (most urgent first)
WORK_LIMIT = 60


class WmsScan(models.AbstractModel):
    """What the scan screen offers: its flows, the open work of each flow grouped by zone,
    a transfer found by what is printed on its paperwork; and what every flow shares:
    answering a repeated confirmation once and handing a line to one operator only."""

    _inherit = "wms.scan"

    @api.model
    def screen_info(self):
        """The home screen: the flows and whether "my next task" is offered (wms_labor)."""
        return {
            "flows": [key for key, _label in FLOWS],
            "next_task": False,
            "user": self.env.user.name,
        }

    def _flow_types(self, flow):
        """Operation types whose transfers a flow works, over the user's warehouses."""
        types = self.env["stock.picking.type"]
        for wh in self.env["stock.warehouse"].search([]):
            if flow == "receive":
                types |= wh.in_type_id
            elif flow == "putaway" and wh.reception_steps != "one_step":
                types |= wh.store_type_id
            elif flow == "replenish":
                types |= wh.int_type_id
            elif flow == "pick":
                types |= wh.out_type_id if wh.delivery_steps == "ship_only" else wh.pick_type_id
            elif flow == "pack":
                types |= (
                    wh.pack_type_id if wh.delivery_steps == "pick_pack_ship" else wh.out_type_id
                )
        return types

    def _flow_domain(self, flow):
        domain = [("picking_type_id", "in", self._flow_types(flow).ids)]
        if flow == "replenish":
            domain.append(("move_ids.wms_replenish_reason", "!=", False))
        return domain

    @api.model
    def open_work(self, flow):
        """Open transfers of ``flow``, grouped by the zone their first line is in: what the
        screen lists when nobody hands out tasks. [{"zone", "pickings": [...]}]"""
        pickings = self.env["stock.picking"].search(
            [*self._flow_domain(flow), ("state", "=", "assigned")],
            order="priority desc, scheduled_date, id",
            limit=WORK_LIMIT,
        )
        into = flow in ("receive", "putaway")
        groups = {}
        for picking in pickings:
            lines = picking.move_line_ids.filtered(lambda ml: not ml.picked)
            if not lines and flow != "receive":
                continue
            where = (lines or picking.move_line_ids)[:1]
            zone = self._zone_of(where.location_dest_id if into else where.location_id)
            groups.setdefault(zone.name or picking.picking_type_id.name, []).append(
                {
                    "id": picking.id,
                    "name": picking.name,
                    "partner": picking.partner_id.display_name or "",
                    "origin": picking.origin or "",
                    "lines": len(lines),
                    "urgent": picking.priority == "1",
                }
            )
        return [{"zone": zone, "pickings": rows} for zone, rows in groups.items()]

    def _zone_of(self, location):
        """The zone a location is in: its own, else its nearest parent's."""
        while location and not location.wms_zone_id:
            location = location.location_id
        return location.wms_zone_id

    @api.model
    def find_transfer(self, flow, code):
        """The open transfer of ``flow`` whose reference, source document or vendor
        reference (an ASN) is ``code``; an error saying what to scan otherwise."""
        code = self._code(code)
        refs = ["|", "|", ("name", "=", code), ("origin", "=", code),
                ("purchase_id.partner_ref", "=", code)]  # fmt: skip
        picking = self.env["stock.picking"].search(
            [*self._flow_domain(flow), ("state", "=", "assigned"), *refs],
            order="priority desc, scheduled_date, id",
            limit=1,
        )
        if not picking:
            return {
                "ok": False,
                "error": _(
                    "%(code)s is no open %(flow)s transfer: scan the transfer's reference (or "
                    "the order or delivery note number), or choose it from the list.",
                    flow=dict(FLOWS).get(flow, flow).lower(),
                    code=code,
                ),
            }
        return {"ok": True, "id": picking.id, "name": picking.name}

    def _once(self, key, scope, work):
        """Run ``work()`` for confirmation ``key`` once: a repeat (double tap, retry after
        a timeout) by the same user for the same ``scope`` (what the confirmation is
        about: the method and its line, bin or transfer) gets the first answer back. A key
        used by another user or for another scope is refused: nothing is posted. The key
        is claimed first (an insert that waits for a concurrent claim of the same key and
        then fails as a concurrent update, which Odoo retries: the retry reads the
        winner's answer). When Odoo refuses the posting, everything ``work`` wrote is
        rolled back, and so is the claim: the operator may correct the scan under the
        same key."""
        problem = self._key_problem(key)  # wms_scan_input.py
        if problem:
            return {"ok": False, "error": problem}
        requests = self.env["wms.scan.request"]
        requests.check_access("read")  # a user without the scan screen reads no answer
        scope = json.dumps(list(scope), default=str)
        claim = self._claim(key, scope)
        if not claim:  # a repeat: the key's first claim holds the answer
            return self._stored_answer(requests.sudo().search([("key", "=", key)]), scope)
        try:
            with self.env.cr.savepoint():
                result = work()
        except (UserError, ValidationError) as error:
            # Odoo refused the posting (a bin rule, a lot, a locked period) or the input was
            # no number or id: nothing of it stays, and the operator reads why
            result = {"ok": False, "error": error.args[0] if error.args else str(error)}
        if result.get("ok"):
            claim.result = json.dumps(result)
        else:
            # a refused scan posted nothing: the operator may correct it under the same key
            claim.unlink()
        return result

    def _claim(self, key, scope):
        """Claim ``key`` for this user and ``scope``: the new request, or none when the key
        is taken already. Written in SQL for its ON CONFLICT; every other stored field
        takes its default (a field another add-on adds with one, such as a company)."""
        requests = self.env["wms.scan.request"].sudo()
        requests.flush_model()
        stored = [
            name for name, field in requests._fields.items()
            if field.store and field.column_type and name not in models.MAGIC_COLUMNS
        ]  # fmt: skip
        uid = self.env.uid
        values = {**requests.default_get(stored), "key": key, "scope": scope, "user_id": uid,
                  "result": "", "create_uid": uid, "write_uid": uid}  # fmt: skip
        now = SQL("NOW() AT TIME ZONE 'UTC'")
        self.env.cr.execute(
            SQL(
                "INSERT INTO wms_scan_request (%s, create_date, write_date) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO NOTHING RETURNING id",
                SQL(", ").join(SQL.identifier(name) for name in values),
                SQL(", ").join(SQL("%s", value) for value in values.values()),
                now,
                now,
            )
        )
        row = self.env.cr.fetchone()
        return requests.browse(row[0] if row else [])

    def _stored_answer(self, done, scope):
        """The first answer to a repeated key, when the same user sent it for the same
        thing; a refusal otherwise."""
        if done.user_id != self.env.user:
            return {"ok": False, "error": _(
                "This confirmation key was sent by another user's scanner: nothing was "
                "posted. Reload the scan screen and scan again.")}  # fmt: skip
        if done.scope != scope or not done.result:
            return {"ok": False, "error": _(
                "This confirmation key was used for another line: nothing was posted. "
                "Reload the scan screen and scan again.")}  # fmt: skip
        return json.loads(done.result)

    def _lock_line(self, line_id):
        """The line ``line_id`` under a row lock, or none when it is gone: a second
        confirmation of it waits for the first, then fails as a concurrent update, which
        Odoo retries: the retry finds the line confirmed and says so."""
        self.env.flush_all()
        self.env.cr.execute(SQL("SELECT id FROM stock_move_line WHERE id = %s FOR UPDATE", line_id))
        row = self.env.cr.fetchone()
        return self.env["stock.move.line"].browse(row[0] if row else [])

    def _lock_first(self, lines):
        """The first of ``lines`` no other operator holds, taken by this user under a row
        lock (SKIP LOCKED: a line another scanner is taking right now is passed over)."""
        if not lines:
            return lines
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM stock_move_line WHERE id = ANY(%(ids)s) "
                "ORDER BY array_position(%(ids)s, id) LIMIT 1 FOR UPDATE SKIP LOCKED",
                ids=lines.ids,
            )
        )
        row = self.env.cr.fetchone()
        line = lines.browse(row[0] if row else [])
        line.wms_taken_by = self.env.user
        return line

    def _mine_or_free(self, lines):
        """Lines not confirmed yet that nobody else holds."""
        return lines.filtered(
            lambda ml: not ml.picked and ml.wms_taken_by in (self.env.user, self.env["res.users"])
        )
