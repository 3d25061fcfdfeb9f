# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.addons.stock_policy.models.site_clock import site_now, site_to_utc
from odoo.exceptions import UserError

from stockops.dispatch.cutoff import check_tender

OPEN_STATES = ("waiting", "confirmed", "assigned")


class StockPicking(models.Model):
    """The cut-off board: which open deliveries make their carrier's collection today,
    when their wave must be released, and the waves released to meet them."""

    _inherit = "stock.picking"

    dispatch_ready_estimate = fields.Datetime("Ready By", compute="_compute_dispatch_cutoff")
    dispatch_release_by = fields.Datetime("Release By", compute="_compute_dispatch_cutoff")
    dispatch_cutoff = fields.Datetime("Cut-off Time", compute="_compute_dispatch_cutoff")
    dispatch_cutoff_miss = fields.Boolean(
        "Misses Today's Cut-off",
        compute="_compute_dispatch_cutoff",
        search="_search_dispatch_cutoff_miss",
    )
    dispatch_cutoff_reason = fields.Char("Cut-off", compute="_compute_dispatch_cutoff")

    def _dispatch_work_min(self):
        """Minutes of picking and packing still to do before the parcels are at the dock."""
        if all(move.picked for move in self.move_ids if move.state != "cancel"):
            return 0
        return self.picking_type_id.warehouse_id.dispatch_pick_pack_min or 0

    def _dispatch_tender_checks(self):
        """``{picking id: (TenderCheck, carrier label)}`` for open deliveries with a
        carrier, in UTC; one engine call per delivery on its warehouse's clock."""
        now = fields.Datetime.now()
        checks, clocks = {}, {}
        for picking in self:
            carrier = picking.carrier_id
            if not carrier or picking.state not in OPEN_STATES:
                continue
            site = picking.picking_type_id.warehouse_id or picking.company_id
            if site not in clocks:
                clocks[site] = site_now(site._site_tz(), now)
            local_now, offset = clocks[site]
            service = picking.dispatch_service_code or carrier.dispatch_service_code
            cutoff_hours, opens_hours, label = carrier._dispatch_tender_terms(service)
            scheduled = picking.scheduled_date and picking.scheduled_date + offset
            check = check_tender(
                local_now,
                cutoff_hours,
                scheduled=scheduled,
                work_min=picking._dispatch_work_min(),
                opens_hours=opens_hours,
            )
            checks[picking.id] = (check, label, offset)
        return checks

    @api.depends("carrier_id", "scheduled_date", "state", "dispatch_service_code")
    def _compute_dispatch_cutoff(self):
        checks = self._dispatch_tender_checks()
        for picking in self:
            found = checks.get(picking.id)
            if not found:
                picking.dispatch_ready_estimate = picking.dispatch_release_by = False
                picking.dispatch_cutoff = False
                picking.dispatch_cutoff_miss = False
                picking.dispatch_cutoff_reason = ""
                continue
            check, label, offset = found
            picking.dispatch_ready_estimate = check.ready_at - offset
            picking.dispatch_release_by = check.release_by - offset
            picking.dispatch_cutoff = check.cutoff - offset
            picking.dispatch_cutoff_miss = check.misses_today
            picking.dispatch_cutoff_reason = f"{label}: {check.reason}"

    def _dispatch_board_candidates(self):
        """Open deliveries with a carrier planned for today or earlier (the company's day)."""
        site = self.env.company._site_tz()
        local_now, _offset = site_now(site, fields.Datetime.now())
        end_of_day = datetime.combine(local_now.date() + timedelta(days=1), time.min)
        end_utc = site_to_utc(site, end_of_day)
        return self.search(
            [
                ("picking_type_code", "=", "outgoing"),
                ("state", "in", OPEN_STATES),
                ("carrier_id", "!=", False),
                ("scheduled_date", "<", end_utc),
            ]
        )

    def _search_dispatch_cutoff_miss(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search Misses Today's Cut-off with = or != and a boolean."))
        checks = self._dispatch_board_candidates()._dispatch_tender_checks()
        ids = [pid for pid, (check, _label, _offset) in checks.items() if check.misses_today]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # -- waves for the cut-offs ---------------------------------------------------------------
    def _dispatch_work_pickings(self):
        """The open pickings that still have to run before these deliveries (pick, pack),
        else the deliveries themselves."""
        todo = self.env["stock.picking"]
        moves, seen = self.move_ids, self.env["stock.move"]
        while moves:
            seen |= moves
            earlier = moves.move_orig_ids - seen
            todo |= earlier.picking_id.filtered(lambda p: p.state in OPEN_STATES)
            moves = earlier
        return todo or self.filtered(lambda p: p.state in OPEN_STATES)

    def action_dispatch_release_waves(self):
        """Release the selected deliveries in waves, one per carrier cut-off and operation,
        the earliest release time first: a batch of the work still to do for them."""
        checks = self._dispatch_tender_checks()
        if not checks:
            raise UserError(_("Select open deliveries with a carrier to release."))
        groups = {}
        for picking in self.filtered(lambda p: p.id in checks):
            check, label, offset = checks[picking.id]
            groups.setdefault((label, check.cutoff, check.release_by, offset), []).append(picking)
        batches = self.env["stock.picking.batch"]
        for (label, cutoff, release_by, _offset), deliveries in sorted(
            groups.items(), key=lambda item: item[0][2]
        ):
            work = self.browse([d.id for d in deliveries])._dispatch_work_pickings()
            work = work.filtered(lambda p: not p.batch_id)
            for picking_type, pickings in work.grouped("picking_type_id").items():
                batch = self.env["stock.picking.batch"].create(
                    {
                        "description": _(
                            "%(carrier)s cut-off %(cutoff)s, release by %(release)s",
                            carrier=label,
                            cutoff=cutoff.strftime("%a %H:%M"),
                            release=release_by.strftime("%H:%M"),
                        ),
                        "picking_type_id": picking_type.id,
                        "company_id": pickings.company_id[:1].id,
                        "picking_ids": [(6, 0, pickings.ids)],
                    }
                )
                batches |= batch
        if not batches:
            raise UserError(_("The work for these deliveries is already in a batch or done."))
        for batch in batches:
            batch.action_confirm()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock_picking_batch.stock_picking_batch_action"
        )
        action["domain"] = [("id", "in", batches.ids)]
        return action
