# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


def channel_setup(cls, code):
    """A planner, a warehouse with 10 units of a product, and two channels: Key Accounts
    (rank 1) and Web Shop (rank 2)."""
    env = cls.env
    cls.planner = new_test_user(
        env, login=f"planner_{code.lower()}", groups="stock_policy.group_inventory_planner"
    )
    cls.warehouse = env["stock.warehouse"].create({"name": f"Channels {code}", "code": code})
    cls.product = env["product.product"].create(
        {"name": f"Tea {code}", "default_code": f"TEA-{code}", "is_storable": True}
    )
    env["stock.quant"]._update_available_quantity(cls.product, cls.warehouse.lot_stock_id, 10)
    cls.key = env["crm.team"].create({"name": f"Key Accounts {code}", "stock_rank": 1})
    cls.web = env["crm.team"].create({"name": f"Web Shop {code}", "stock_rank": 2})
    cls.customer = env["res.partner"].create({"name": f"Customer {code}"})


def order(env, cls, team, qty, commitment=None):
    """A confirmed sale order of ``qty`` units for ``team``; its delivery move."""
    sale = env["sale.order"].create({
        "partner_id": cls.customer.id, "team_id": team.id,
        "warehouse_id": cls.warehouse.id, "commitment_date": commitment,
        "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": qty})],
    })  # fmt: skip
    sale.action_confirm()
    return sale.order_line.move_ids


@tagged("post_install", "-at_install")
class TestChannelReservation(TransactionCase):
    """Sale deliveries reserve by channel rank, then commitment date: a lower channel never
    takes what is held for a higher one; a higher one takes a lower one's unreserved stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        channel_setup(cls, "CHR")

    def held(self, team, units):
        return self.env["stock.policy.channel.allocation"].with_user(self.planner).create({
            "team_id": team.id, "product_id": self.product.id,
            "warehouse_id": self.warehouse.id, "units": units,
        })  # fmt: skip

    def test_web_shop_order_cannot_take_units_held_for_key_accounts(self):
        self.held(self.key, 6)
        web = order(self.env, self, self.web, 8)
        self.assertEqual(web.quantity, 4, "only the 4 units nobody holds")
        self.assertEqual(web.state, "partially_available")
        key = order(self.env, self, self.key, 6)
        self.assertEqual(key.quantity, 6, "the key account's 6 held units were kept for it")
        web.picking_id.with_user(self.planner).action_assign()
        self.assertEqual(web.quantity, 4, "Check Availability does not give the web shop more")

    def test_key_account_order_takes_web_shops_unreserved_held_stock(self):
        self.held(self.web, 5)
        web = order(self.env, self, self.web, 3)
        self.assertEqual(web.quantity, 3)
        key = order(self.env, self, self.key, 9)
        self.assertEqual(key.quantity, 7, "5 held for nobody + the web shop's 2 unreserved")
        self.assertEqual(web.quantity, 3, "the web shop's reservation is kept")

    def test_the_schedulers_batch_is_served_by_rank_not_by_its_order(self):
        self.warehouse.out_type_id.reservation_method = "manual"
        web = order(self.env, self, self.web, 8)
        key = order(self.env, self, self.key, 8)
        self.warehouse.out_type_id.reservation_method = "at_confirm"
        groups = self.env["procurement.group"]
        batch = self.env["stock.move"].search(
            groups._get_moves_to_assign_domain(self.env.company.id),
            order="reservation_date, priority desc, date asc, id asc",
        )  # the scheduler's search (procurement.group._run_scheduler_tasks)
        self.assertLess(batch.ids.index(web.id), batch.ids.index(key.id), "web shop first in")
        batch.sudo()._action_assign()
        self.assertEqual((key.quantity, web.quantity), (8, 2), "key accounts served first")

    def test_lots_are_drawn_first_in_first_out(self):
        product = self.env["product.product"].create(
            {"name": "Lot Tea CHR", "is_storable": True, "tracking": "lot"}
        )
        new, old = self.env["stock.lot"].create([
            {"name": "NEW-CHR", "product_id": product.id},
            {"name": "OLD-CHR", "product_id": product.id},
        ])  # fmt: skip
        quants, stock = self.env["stock.quant"], self.warehouse.lot_stock_id
        quants._update_available_quantity(product, stock, 5, lot_id=new, in_date=datetime.now())
        before = datetime.now() - timedelta(days=30)
        quants._update_available_quantity(product, stock, 3, lot_id=old, in_date=before)
        self.product = product
        move = order(self.env, self, self.key, 4)
        drawn = {line.lot_id: line.quantity for line in move.move_line_ids}
        self.assertEqual(drawn, {old: 3, new: 1}, "the older receipt first")

    def test_planner_reserves_waiting_orders_by_rank_then_commitment_date(self):
        self.warehouse.out_type_id.reservation_method = "manual"
        soon = datetime.now() + timedelta(days=2)
        web = order(self.env, self, self.web, 4, soon)
        late_key = order(self.env, self, self.key, 4, soon + timedelta(days=5))
        early_key = order(self.env, self, self.key, 4, soon + timedelta(days=1))
        self.assertFalse((web | late_key | early_key).filtered("quantity"), "none reserved yet")
        self.env["stock.move"].with_user(self.planner).action_stock_channel_reserve()
        self.assertEqual(early_key.quantity, 4, "key accounts first, the earlier promise first")
        self.assertEqual(late_key.quantity, 4)
        self.assertEqual(web.quantity, 2, "the web shop gets what is left")


@tagged("post_install", "-at_install")
class TestChannelAvailability(TransactionCase):
    """Available to promise per channel: on hand - reserved - held for the channels it may
    not take from + incoming by the date; and who may set holds and keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        channel_setup(cls, "CHA")
        cls.hold = cls.env["stock.policy.channel.allocation"].create({
            "team_id": cls.key.id, "product_id": cls.product.id,
            "warehouse_id": cls.warehouse.id, "kind": "share", "share_percent": 50,
        })  # fmt: skip

    def test_availability_per_channel_field_and_report(self):
        order(self.env, self, self.web, 2)
        hold = self.hold.with_user(self.planner)
        self.assertEqual(hold.atp_units, 8, "key accounts: 10 on hand - 2 reserved")
        atp = self.env["stock.policy.channel.atp"].with_user(self.planner)
        atp.action_refresh()
        rows = atp.search([("product_id", "=", self.product.id)])
        by_team = {r.team_id: r.units for r in rows}
        self.assertEqual(by_team[self.key], 8)
        self.assertEqual(by_team[self.web], 3, "web: 10 - 2 reserved - 5 held for key accounts")
        self.assertIn(
            "held for Key Accounts CHA 5", rows.filtered(lambda r: r.team_id == self.web).reason
        )
        suppliers = self.env.ref("stock.stock_location_suppliers")
        receipt = self.env["stock.move"].create({
            "name": "Tea in", "product_id": self.product.id, "product_uom_qty": 5,
            "location_id": suppliers.id, "location_dest_id": self.warehouse.lot_stock_id.id,
            "picking_type_id": self.warehouse.in_type_id.id,
        })  # fmt: skip
        receipt._action_confirm()
        self.hold.invalidate_recordset(["atp_units"])  # computed on reading, not stored
        self.assertEqual(self.hold.with_user(self.planner).atp_units, 13, "+ 5 due today")

    def test_bad_hold_is_refused_and_nothing_changes(self):
        allocations = self.env["stock.policy.channel.allocation"].with_user(self.planner)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            allocations.create({
                "team_id": self.web.id, "product_id": self.product.id,
                "warehouse_id": self.warehouse.id, "units": 0,
            })  # fmt: skip
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.hold.with_user(self.planner).share_percent = 150
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.web.with_user(self.planner).stock_rank = 0
        self.assertEqual(self.web.stock_rank, 2)
        self.web.with_user(self.planner).stock_rank = 3  # the planner ranks channels
        self.assertEqual(self.hold.share_percent, 50)
        self.assertEqual(allocations.search_count([("team_id", "=", self.web.id)]), 0)

    def test_only_a_planner_issues_a_channels_key(self):
        clerk = new_test_user(self.env, login="clerk_cha", groups="stock.group_stock_user")
        with self.assertRaises(AccessError):
            self.web.with_user(clerk).action_stock_issue_atp_key()
        shown = self.web.with_user(self.planner).action_stock_issue_atp_key()
        token = shown["params"]["message"].rsplit(" ", 1)[-1]
        self.assertNotIn(token, str(self.web.sudo().stock_atp_token_hash), "kept hashed")
        self.assertEqual(self.env["crm.team"]._stock_atp_channel(token), self.web)


@tagged("post_install", "-at_install")
class TestChannelDemo(TransactionCase):
    """The demo's two channels: Key Accounts served before the Web Shop, which never sees
    what is held for them."""

    def test_demo_channels_hold_stock_and_promise_in_rank_order(self):
        key = self.env.ref("stock_policy.channel_key_accounts", raise_if_not_found=False)
        if not key:
            self.skipTest("installed without demo data")
        web = self.env.ref("stock_policy.channel_web_shop")
        self.assertLess(key.stock_rank, web.stock_rank)
        planner = new_test_user(
            self.env, login="planner_demo_ch", groups="stock_policy.group_inventory_planner"
        )
        held = self.env.ref("stock_policy.held_key_accounts_cabinet").with_user(planner)
        promises = (
            self.env["stock.policy.channel.atp"]
            .with_user(planner)
            ._stock_promises(held.company_id, held.product_id, held.warehouse_id)
        )
        units = {p["team"]: p["units"] for p in promises}
        self.assertEqual(held.atp_units, units[key])
        self.assertGreaterEqual(units[key], units[web], "key accounts may promise the held units")
