# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.layout import travel_distance_m

from .common import ready_transfer


@tagged("post_install", "-at_install")
class TestDemoFloor(TransactionCase):
    """The demo distribution center: tasks from its receipts, a wave of its orders, a
    replenishment and its due counts; its operators Maria (forward pick, cart) and Tomasz
    (reserve, reach truck with a forklift licence), as a supervisor and themselves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse = env.ref("stock.warehouse0")
        cls.supervisor = env.ref("wms_execution.user_supervisor_james")
        cls.maria = env.ref("wms_labor.operator_maria")
        cls.tomasz = env.ref("wms_labor.operator_tomasz")
        cls.tomasz.user_id = new_test_user(
            env, login="tomasz_t", groups="wms_execution.group_wms_operator"
        )
        cls.tasks = env["wms.task"].with_user(cls.supervisor)

    def _ready(self, picking_type):
        return self.env["stock.picking"].search(
            [("picking_type_id", "=", picking_type.id), ("state", "=", "assigned")]
        )

    def _relieve(self):
        """Every open task due tomorrow: only the ones a test makes urgent are."""
        tasks = self.tasks.search(
            [("state", "=", "open"), ("warehouse_id", "=", self.warehouse.id)]
        )
        tasks.write({"due_date": fields.Datetime.now() + timedelta(days=1)})
        return tasks

    def _top_up(self):
        """A forward slot set to be refilled above its stock (a supervisor raising its
        min), and the replenishment planned: its transfer."""
        quants = self.env["stock.quant"]
        domain = [("location_id.warehouse_id", "=", self.warehouse.id), ("quantity", ">", 0)]
        forward = quants.search([*domain, ("location_id.wms_zone_id.kind", "=", "forward")])
        reserve = quants.search([*domain, ("location_id.wms_zone_id.kind", "=", "reserve")])
        slots = forward.filtered(lambda q: q.product_id in reserve.product_id)
        for quant in slots.sorted(lambda q: (q.quantity, q.id))[:10]:
            # the slot's room (its storage category) decides whether a case fits
            quant.location_id.wms_replenish_min = quant.quantity + 1
            planned = self.warehouse.with_user(self.supervisor).action_wms_plan_replenishment()
            if planned:
                return planned
        self.fail("no forward slot of the demo has room for a top-up")

    def _receive(self, product, qty=12.0):
        """A truck with ``product``: a receipt into the racks, directed put-away choosing
        the bin."""
        vendors = self.env.ref("stock.stock_location_suppliers")
        env = self.env(user=self.supervisor)
        return ready_transfer(
            env, self.warehouse.in_type_id, vendors, self.warehouse.lot_stock_id, product, qty
        )

    def test_tasks_come_from_receipts_a_wave_a_replenishment_and_due_counts(self):
        wh = self.warehouse
        receipts = self._ready(wh.in_type_id)
        picks = self._ready(wh.pick_type_id)
        first = self.tasks._generate(wh)
        # a wave of two orders' picks: the first whole, one line of the second
        # fully reserved, so Odoo moves the whole of the first into the wave instead of
        # splitting off its reserved part (on some days the demo's first is partial)
        one, two = picks.filtered(
            lambda p: len(p.move_line_ids) > 1 and set(p.move_ids.mapped("state")) == {"assigned"}
        )[:2]
        wave = (
            self.env["stock.picking.batch"]
            .with_user(self.supervisor)
            .create({"is_wave": True, "picking_type_id": wh.pick_type_id.id, "user_id": False})
        )
        (one.move_line_ids | two.move_line_ids[:1])._add_to_wave(wave)
        replenishments = self._top_up()
        second = self.tasks._generate(wh)

        # every demo receipt received straight into the racks is one put-away; one into
        # the input dock (an advance notice's, two steps) is dock work: its put-away task
        # comes with the store step that follows it
        putaways = (first | second).filtered(lambda t: t.kind == "putaway")
        docked = receipts.filtered(lambda p: p.location_dest_id == wh.wh_input_stock_loc_id)
        self.assertEqual(putaways.picking_id, receipts - docked)
        self.assertFalse((first | second).filtered(lambda t: t.picking_id in docked))
        self.assertEqual(set(putaways.mapped("zone_id.code")), {"RCV"})
        self.assertTrue(all(t.release_date == t.picking_id.scheduled_date for t in putaways))
        # the wave is walked as one pick task; the single-order task it replaces is cancelled
        [wave_task] = second.filtered(lambda t: t.batch_id == wave)
        self.assertEqual((wave_task.kind, wave_task.lines), ("pick", len(wave.move_ids)))
        replaced = first.filtered(lambda t: t.picking_id == one)
        self.assertEqual(replaced.state, "cancel")
        self.assertEqual(replaced.note, f"Now picked with {wave.name}")
        # the replenishment, reserve to forward, needs the forklift licence
        topups = second.filtered(lambda t: t.kind == "replenish")
        self.assertLessEqual(replenishments, topups.picking_id)
        self.assertEqual(set(topups.mapped("location_id.wms_zone_id.code")), {"RES"})
        self.assertEqual(set(topups.mapped("location_dest_id.wms_zone_id.code")), {"FWD"})
        self.assertEqual(set(topups.mapped("skill_id.code")), {"FORKLIFT"})
        # one count per quant due, none twice
        due = self.env["stock.quant"].search(
            [("location_id.warehouse_id", "=", wh.id), ("location_id.usage", "=", "internal"),
             ("inventory_date", "<=", wh._site_today()),
             ("inventory_quantity_set", "=", False)]
        )  # fmt: skip
        counts = (first | second).filtered(lambda t: t.kind == "count")
        self.assertEqual(counts.quant_id, due)
        self.assertEqual(len(counts), len(due))
        self.assertFalse(self.tasks._generate(wh), "nothing is made twice")

    def test_maria_and_tomasz_get_different_tasks_by_skill_and_due_time(self):
        wh = self.warehouse
        self._top_up()
        self.tasks._generate(wh)
        self._relieve()
        now = fields.Datetime.now()
        layout = wh._wms_layout()
        position = self.tasks._operator_position(self.maria)
        picks = self.tasks.search([("kind", "=", "pick"), ("state", "=", "open")])
        distance = {
            t: travel_distance_m(layout, position, t.location_id._wms_point())
            for t in picks.filtered("location_id.wms_has_coordinates")
        }
        far = max(distance, key=distance.get)
        far.due_date = now + timedelta(minutes=10)
        topup = self.tasks.search([("kind", "=", "replenish"), ("state", "=", "open")])[:1]
        topup.due_date = now + timedelta(minutes=5)  # the most urgent, but needs a licence

        maria, why = self.env["wms.task"].with_user(self.maria.user_id)._assign_next(self.maria)
        tomasz, why_t = (
            self.env["wms.task"].with_user(self.tomasz.user_id)._assign_next(self.tomasz)
        )
        self.assertEqual(maria, far, why)
        self.assertLess(min(distance.values()), distance[far], "not the nearest: the due one")
        self.assertEqual(tomasz, topup, why_t)
        self.assertEqual((maria.operator_id, tomasz.operator_id), (self.maria, self.tomasz))
        self.assertNotIn(
            self.maria.skill_ids.filtered(lambda s: s.code == "FORKLIFT"), topup.skill_id
        )

    def test_a_put_away_into_a_forward_slot_is_followed_by_the_pick_there(self):
        wh = self.warehouse
        self.tasks._generate(wh)
        open_tasks = self.tasks.search([("state", "=", "open"), ("warehouse_id", "=", wh.id)])
        starts = {}
        for task in open_tasks:
            starts.setdefault(task.location_id, self.tasks.browse())
            starts[task.location_id] |= task
        # a single-order pick alone at a forward bin, whose product directed put-away
        # sends back to that bin (its slot) when a truck brings more
        alone = [
            t for t in open_tasks
            if t.kind == "pick" and t.picking_id and len(starts[t.location_id]) == 1
            and t.location_id.wms_zone_id.code == "FWD"
        ]  # fmt: skip
        for pick in alone[:10]:
            receipt = self._receive(pick.picking_id.move_ids[:1].product_id)
            [putaway] = self.tasks._generate(wh)
            self.assertEqual((putaway.picking_id, putaway.kind), (receipt, "putaway"))
            if putaway.location_dest_id == pick.location_id:
                break
        self.assertEqual(putaway.location_dest_id, pick.location_id, "a product's own slot")
        self._relieve()
        now = fields.Datetime.now()
        # a plain queue would go for the earlier-due pick, far away
        earlier = open_tasks.filtered(
            lambda t: t.kind == "pick" and t.location_id.wms_zone_id.code == "RES"
        )[:1]
        earlier.due_date = now + timedelta(hours=1)
        pick.due_date = now + timedelta(hours=2)
        putaway.write({"operator_id": self.maria.id, "pinned": True})

        as_maria = self.env["wms.task"].with_user(self.maria.user_id)
        first, why = as_maria._assign_next(self.maria)
        self.assertEqual((first, why), (putaway, "pinned by a supervisor"))
        first.action_start()
        first.action_done()
        following, why = as_maria._assign_next(self.maria)
        self.assertEqual(following, pick, why)
        self.assertEqual(why, f"0 m of empty travel from the end of {putaway.name} (interleaved)")
