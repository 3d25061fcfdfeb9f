# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import functools
from collections import defaultdict
from datetime import timedelta
from typing import NamedTuple

from odoo import models
from odoo.addons.stock_policy.models.site_clock import site_to_utc
from odoo.tools import SQL

from stockops.scenario.floor import plan_floor_work


class FloorJob(NamedTuple):
    """One transfer worked on the floor: who did it, from when to when (UTC)."""

    picking: models.BaseModel
    user: models.BaseModel
    start: object
    end: object


class WmsDemoLoader(models.AbstractModel):
    """The last two weeks of floor work, on top of the history: trucks received on the
    dock and put away hours later (two steps), customer orders picked, packed and shipped
    by named operators, a few short picks closed by the supervisor with a reason.

    Everything is posted through Odoo's own moves as the operator who did it (so the
    hand-off ledger, quants and valuation are real), then moved back in time in one
    UPDATE per table, line by line where the plan gives each line its own time.
    """

    _inherit = "wms.demo.loader"

    def _load_floor_weeks(self, sc, warehouse, ref):
        work = plan_floor_work(sc)
        utc = self._floor_utc(warehouse)
        users = self._floor_crew(work)
        received, dates, line_dates = self._floor_receive(work, ref, users, utc)
        shipped, more_dates, more_lines, exceptions = self._floor_ship(work, ref, users, utc)
        dates.update(more_dates)
        line_dates.update(more_lines)
        self._floor_backdate(dates, line_dates, received, shipped, exceptions, utc)
        self._floor_history_orders(sc, work)
        return work

    def _floor_utc(self, warehouse):
        """Local time on the site's clock -> naive UTC."""
        return functools.partial(site_to_utc, warehouse._site_tz())

    def _floor_jobs(self, work, warehouse):
        """The put-aways and picks of ``work`` as found in the database (by their order
        references), each with its operator and the plan's start and end (UTC); work the
        database does not hold is left out."""
        utc = self._floor_utc(warehouse)
        users = {
            u.login: u
            for u in self.env["res.users"].search([("login", "in", [c.login for c in work.crew])])
        }
        purchases = self.env["purchase.order"].search(
            [("partner_ref", "in", [r.ref for r in work.receipts])]
        )
        sales = self.env["sale.order"].search(
            [("client_order_ref", "in", [o.ref for o in work.orders])]
        )
        stored = {po.partner_ref: po.picking_ids.move_ids.move_dest_ids.picking_id
                  for po in purchases}  # fmt: skip
        picked = {so.client_order_ref: so.picking_ids.filtered(
                      lambda p: p.picking_type_id == warehouse.pick_type_id)
                  for so in sales}  # fmt: skip
        jobs = [
            FloorJob(stored[r.ref], users[r.put_away_by], utc(r.started_at),
                     utc(r.put_away_at[-1]))
            for r in work.receipts
            if len(stored.get(r.ref, ())) == 1 and r.put_away_by in users
        ] + [
            FloorJob(picked[o.ref], users[o.picked_by], utc(o.pick_started_at),
                     utc(o.picked_at[-1]))
            for o in work.orders
            if len(picked.get(o.ref, ())) == 1 and o.picked_by in users
        ]  # fmt: skip
        return [job for job in jobs if job.picking.state == "done"]

    # ------------------------------------------------------------------ the crew
    def _floor_crew(self, work):
        """login -> user, the demo's operators created where they are missing."""
        users = self.env["res.users"].with_context(active_test=False)
        found = users.search([("login", "in", [op.login for op in work.crew])])
        by_login = {u.login: u for u in found}
        groups = [self.env.ref("wms_execution.group_wms_operator").id,
                  self.env.ref("base.group_user").id]  # fmt: skip
        missing = [op for op in work.crew if op.login not in by_login]
        created = users.with_context(no_reset_password=True).create(
            [
                {"name": op.name, "login": op.login, "password": op.login,
                 "email": f"{op.login.replace('.operator', '')}@example.com",
                 "groups_id": [(6, 0, groups)]}
                for op in missing
            ]
        )  # fmt: skip
        by_login.update(zip((op.login for op in missing), created, strict=True))
        return by_login

    def _floor_next(self, pickings):
        """The transfer of the next step of each of ``pickings`` (in their order), with
        what the step before handed over reserved where Odoo has not already."""
        following = self.env["stock.picking"].concat(
            *(picking.move_ids.move_dest_ids.picking_id for picking in pickings)
        )
        if len(following) != len(pickings):
            raise ValueError(f"{len(pickings)} transfers led to {len(following)} next steps")
        following.move_ids.filtered(
            lambda m: m.state in ("confirmed", "waiting", "partially_available")
        )._action_assign()
        return following

    def _post_as(self, pickings, users, who):
        """Post ``pickings`` as the operator ``who`` names for each (one posting per
        operator): the ledger records them as its operator."""
        by_user = defaultdict(lambda: self.env["stock.picking"])
        for picking, login in zip(pickings, who, strict=True):
            by_user[login] |= picking
        for login, group in by_user.items():
            group.move_ids.picked = True
            # nobody is texted about a delivery that left two weeks ago
            as_operator = group.with_user(users[login]).sudo()
            as_operator.with_context(cancel_backorder=True, skip_sms=True)._action_done()

    # ------------------------------------------------------------------ inbound
    def _floor_receive(self, work, ref, users, utc):
        products, vendors = ref["products"], ref["vendors"]
        orders = self.env["purchase.order"].create(
            [
                {"partner_id": vendors[r.vendor_code].id, "partner_ref": r.ref,
                 "date_planned": utc(r.arrived_at),
                 "order_line": [(0, 0, {"product_id": products[line.product_code].id,
                                        "product_qty": line.qty,
                                        "date_planned": utc(r.arrived_at)})
                                for line in r.lines]}
                for r in work.receipts
            ]
        )  # fmt: skip
        orders.button_confirm()
        receipts = self.env["stock.picking"].concat(*(o.picking_ids for o in orders))
        self._post_as(receipts, users, [r.received_by for r in work.receipts])
        storages = self._floor_next(receipts)
        self._post_as(storages, users, [r.put_away_by for r in work.receipts])
        dates, line_dates = {}, {}
        for r, receipt, storage in zip(work.receipts, receipts, storages, strict=True):
            arrived = utc(r.arrived_at)
            dates[receipt.id] = (arrived, arrived, arrived)
            dates[storage.id] = (utc(r.put_away_at[-1]), arrived, arrived)
            when = {products[line.product_code].id: utc(at)
                    for line, at in zip(r.lines, r.put_away_at, strict=True)}  # fmt: skip
            for line in storage.move_line_ids:
                line_dates[line.id] = when[line.product_id.id]
        return list(zip(work.receipts, orders, strict=True)), dates, line_dates

    # ------------------------------------------------------------------ outbound
    def _floor_ship(self, work, ref, users, utc):
        products, customers = ref["products"], ref["customers"]
        orders = self.env["sale.order"].create(
            [
                {"partner_id": customers[o.customer_code].id, "client_order_ref": o.ref,
                 "order_line": [(0, 0, {"product_id": products[line.product_code].id,
                                        "product_uom_qty": line.qty})
                                for line in o.lines]}
                for o in work.orders
            ]
        )  # fmt: skip
        orders.action_confirm()
        picks = self.env["stock.picking"].concat(*(so.picking_ids for so in orders))
        # the picker takes what the plan says, never more than the bins gave
        planned = {}
        for o, pick in zip(work.orders, picks, strict=True):
            for line, at in zip(o.lines, o.picked_at, strict=True):
                planned[(pick.id, products[line.product_code].id)] = (line, utc(at), o)
        shorts = []
        for move in picks.move_ids:
            line, at, o = planned[(move.picking_id.id, move.product_id.id)]
            taken = min(line.picked_qty, move.quantity)
            if taken < move.product_uom_qty:
                shorts.append((move, move.move_line_ids[:1].location_id, taken, line, at, o))
            move.quantity = taken
        self._post_as(picks, users, [o.picked_by for o in work.orders])
        exceptions = self._floor_short_picks(shorts, users, utc)
        packs = self._floor_next(picks)
        self._post_as(packs, users, [o.packed_by for o in work.orders])
        outs = self._floor_next(packs)
        self._post_as(outs, users, [o.shipped_by for o in work.orders])

        dates, line_dates = {}, {}
        for o, pick, pack, out in zip(work.orders, picks, packs, outs, strict=True):
            ordered = utc(o.ordered_at)
            dates[pick.id] = (utc(o.picked_at[-1]), ordered, ordered)
            dates[pack.id] = (utc(o.packed_at), ordered, ordered)
            dates[out.id] = (utc(o.shipped_at), ordered, utc(o.promised_at))
            for line in pick.move_line_ids:
                line_dates[line.id] = planned[(pick.id, line.product_id.id)][1]
        return list(zip(work.orders, orders, strict=True)), dates, line_dates, exceptions

    def _floor_short_picks(self, shorts, users, utc):
        """The picker reports each line picked short (an exception on the bin, one create
        per picker), and the supervisor closes it with the plan's reason (a short the bins
        made, not the plan, is closed as adjusted: a count found the stock was not there)."""
        by_picker = defaultdict(list)
        for short in shorts:
            by_picker[short[5].picked_by].append(short)
        exceptions, when = self.env["wms.exception"], {}
        for login, reported in by_picker.items():
            created = exceptions.with_user(users[login]).sudo().create(
                [
                    {"name": self.env._("Short pick of %(p)s in %(bin)s",
                                        p=move.product_id.display_name, bin=location.name),
                     "kind": "short_pick",
                     "warehouse_id": move.picking_type_id.warehouse_id.id,
                     "picking_id": move.picking_id.id, "product_id": move.product_id.id,
                     "location_id": location.id, "quantity": move.product_uom_qty - taken,
                     "closing_reason": line.short_reason or "adjusted"}
                    for move, location, taken, line, _at, _o in reported
                ]
            )  # fmt: skip
            exceptions |= created
            for exc, (*_rest, at, o) in zip(created, reported, strict=True):
                when[exc.id] = (at, utc(o.reviewed_at))
        supervisor = self.env.ref("wms_execution.user_supervisor_james")
        exceptions.with_user(supervisor).sudo().action_close()
        return when

    # ------------------------------------------------------------------ back in time
    def _floor_backdate(self, dates, line_dates, received, shipped, exceptions, utc):
        """Every date of the floor work at once: transfers (done, created, scheduled),
        moves, move lines line by line, valuation layers, the ledger from its lines, the
        orders and the exceptions."""
        self.env.flush_all()
        cr = self.env.cr
        pickings = SQL(", ").join(
            SQL("(%s, %s::timestamp, %s::timestamp, %s::timestamp)", pid, *when)
            for pid, when in dates.items()
        )
        lines = SQL(", ").join(
            SQL("(%s, %s::timestamp)", lid, when) for lid, when in line_dates.items()
        )
        ids = tuple(dates)
        for statement in (
            "UPDATE stock_picking t SET date_done = v.d, date = v.c, scheduled_date = v.s "
            "FROM (VALUES %s) v(id, d, c, s) WHERE t.id = v.id",
            "UPDATE stock_move t SET date = v.d FROM (VALUES %s) v(id, d, c, s) "
            "WHERE t.picking_id = v.id",
            "UPDATE stock_move_line t SET date = v.d FROM (VALUES %s) v(id, d, c, s) "
            "WHERE t.picking_id = v.id",
        ):
            cr.execute(SQL(statement, pickings))
        cr.execute(
            SQL("UPDATE stock_move_line t SET date = v.d FROM (VALUES %s) v(id, d) "
                "WHERE t.id = v.id", lines)
        )  # fmt: skip
        cr.execute(
            SQL("UPDATE wms_event e SET date = l.date FROM stock_move_line l "
                "WHERE e.move_line_id = l.id AND l.picking_id IN %s", ids)
        )  # fmt: skip
        cr.execute(
            SQL("UPDATE stock_valuation_layer t SET create_date = m.date FROM stock_move m "
                "WHERE t.stock_move_id = m.id AND m.picking_id IN %s", ids)
        )  # fmt: skip
        purchases = SQL(", ").join(
            SQL("(%s, %s::timestamp, %s::timestamp)", po.id,
                utc(r.arrived_at) - timedelta(days=5), utc(r.arrived_at))
            for r, po in received
        )  # fmt: skip
        cr.execute(
            SQL("UPDATE purchase_order t SET date_order = v.o, date_approve = v.o, "
                "date_planned = v.p FROM (VALUES %s) v(id, o, p) WHERE t.id = v.id", purchases)
        )  # fmt: skip
        sales = SQL(", ").join(
            SQL("(%s, %s::timestamp)", so.id, utc(o.ordered_at)) for o, so in shipped
        )
        cr.execute(
            SQL("UPDATE sale_order t SET date_order = v.o FROM (VALUES %s) v(id, o) "
                "WHERE t.id = v.id", sales)
        )  # fmt: skip
        if exceptions:
            reported = SQL(", ").join(
                SQL("(%s, %s::timestamp, %s::timestamp)", eid, *when)
                for eid, when in exceptions.items()
            )
            cr.execute(
                SQL("UPDATE wms_exception t SET create_date = v.c, closed_date = v.r "
                    "FROM (VALUES %s) v(id, c, r) WHERE t.id = v.id", reported)
            )  # fmt: skip
        self.env.invalidate_all()

    def _floor_history_orders(self, sc, work):
        """The history's deliveries were loaded as shipped the moment they were created:
        their transfer is created when the order came in, hours before it shipped."""
        leads = SQL(", ").join(
            SQL("(%s, %s::float)", d.ref, lead)
            for d, lead in zip(sc.deliveries, work.history_order_lead_h, strict=True)
        )
        out_type = self.env.ref("stock.warehouse0").out_type_id
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE stock_picking t SET date = t.date_done - v.h * interval '1 hour' "
                "FROM (VALUES %s) v(ref, h) WHERE t.origin = v.ref AND t.state = 'done' "
                "AND t.picking_type_id = %s AND t.sale_id IS NULL", leads, out_type.id)
        )  # fmt: skip
        self.env.invalidate_all()
