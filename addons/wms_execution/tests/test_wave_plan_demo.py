# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from stockops.execution.routing import route
from stockops.layout import Point

EPS = 1e-6


@tagged("post_install", "-at_install")
class TestWavePlanDemo(TransactionCase):
    """The demo's open sale orders waved by a floor supervisor under tight carts: every
    reserved line lands on one cart, no cart breaks a limit, the pick list follows the
    stored path and the stored walk is the engine's for the same lines."""

    LIMITS = {"max_totes": 6, "max_lines": 20, "max_weight_kg": 300.0, "max_volume_m3": 1.5}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a carrier's next cut-off moves when its hour passes: plan and check on one clock,
        # or a run that crosses a cut-off compares ranks with the next day's departures
        cls.startClassPatcher(freeze_time(fields.Datetime.now()))
        cls.warehouse = cls.env.ref("stock.warehouse0")
        cls.supervisor = new_test_user(
            cls.env, login="wms_wave_sup", groups="wms_execution.group_wms_supervisor"
        )
        ptype = cls.warehouse._wms_wave_picking_type()
        cls.ready = cls.env["stock.picking"].search(
            [("picking_type_id", "=", ptype.id), ("state", "=", "assigned"),
             ("batch_id", "=", False)]
        )  # fmt: skip
        cls.lines = cls.ready.move_line_ids
        cls.qty = cls._qty_by_product(cls.lines)
        cls.wizard = (
            cls.env["wms.wave.plan"]
            .with_user(cls.supervisor)
            .create({"warehouse_id": cls.warehouse.id, **cls.LIMITS})
        )
        cls.wizard.action_plan()
        cls.batches = cls.wizard.batch_ids

    @staticmethod
    def _qty_by_product(lines):
        out = {}
        for line in lines:
            out[line.product_id] = out.get(line.product_id, 0.0) + line.quantity_product_uom
        return out

    def test_open_orders_are_waved_under_the_cart_limits(self):
        self.assertTrue(self.warehouse.wms_aisle_ids, "the demo warehouse must be loaded")
        self.assertGreaterEqual(len(self.ready), 50, "the demo's open orders wait to be waved")
        self.assertGreater(len(self.batches), 1)
        self.assertTrue(all(b.state == "in_progress" for b in self.batches))
        # every reserved line is on exactly one cart and nothing was added or lost
        on_carts = self.batches.move_line_ids
        self.assertEqual(set(on_carts.ids), set(self.lines.ids))
        self.assertEqual(self._qty_by_product(on_carts), self.qty)
        limits = self.LIMITS
        # orders heavier than a cart exist in the demo: they must have been split
        self.assertTrue(any(self.batches.mapped("is_wave")))
        for batch in self.batches:
            lines = batch.move_line_ids
            kg = sum(ml.product_id.weight * ml.quantity_product_uom for ml in lines)
            m3 = sum(ml.product_id.volume * ml.quantity_product_uom for ml in lines)
            if batch.wms_over_limit:
                self.assertEqual(len(lines), 1, f"{batch.name}: an oversize line rides alone")
                self.assertTrue(kg > limits["max_weight_kg"] + EPS or m3 > limits["max_volume_m3"])
                continue
            self.assertLessEqual(len(batch.picking_ids), limits["max_totes"], batch.name)
            self.assertLessEqual(batch.wms_cart_totes, limits["max_totes"], batch.name)
            self.assertLessEqual(len(lines), limits["max_lines"], batch.name)
            self.assertLessEqual(kg, limits["max_weight_kg"] + EPS, batch.name)
            self.assertLessEqual(m3, limits["max_volume_m3"] + EPS, batch.name)
        # a transfer whose lines are on several carts is in waves only
        for picking in self.batches.picking_ids:
            if picking.batch_id.is_wave:
                continue
            self.assertEqual(picking.move_line_ids.batch_id, picking.batch_id)

    def test_release_order_follows_cutoff_priority_and_promise(self):
        ranked = self.ready.sorted("wms_release_rank")
        self.assertEqual(ranked.mapped("wms_release_rank"), list(range(1, len(ranked) + 1)))
        carriers = self.env.get("delivery.carrier")
        carrier_cutoff = carriers is not None and "dispatch_next_cutoff" in carriers._fields

        def key(p):
            carrier = (p.carrier_id or p.sale_id.carrier_id) if carrier_cutoff else None
            cutoff = carrier.dispatch_next_cutoff if carrier else None
            when = p.sale_id.commitment_date or p.date_deadline or p.scheduled_date
            return (cutoff or datetime.max, -int(p.priority), when.date())

        keys = [key(p) for p in ranked]
        self.assertEqual(keys, sorted(keys))
        self.assertTrue(all(p.wms_pick_method for p in ranked))

    def test_pick_list_is_in_route_order_and_its_walk_is_the_engines(self):
        layout = self.warehouse._wms_layout()
        pack = self.warehouse.wms_pack_location_id
        depot = Point(pack.wms_x_m, pack.wms_y_m, pack.wms_z_m, pack.wms_aisle_id.name or None)
        report = self.env["ir.actions.report"].with_user(self.supervisor)
        checked = 0
        for batch in self.batches.filtered(lambda b: len(b.move_line_ids) >= 3)[:5]:
            lines = batch.move_line_ids.sorted("wms_route_seq")
            self.assertEqual(lines.mapped("wms_route_seq"), list(range(1, len(lines) + 1)))
            html, _kind = report._render_qweb_html("wms_execution.report_wms_pick_list", batch.ids)
            printed = [int(i) for i in re.findall(rb'data-line-id="(\d+)"', html)]
            self.assertEqual(printed, lines.ids, f"{batch.name}: pick list in walking order")
            points = [
                Point(loc.wms_x_m, loc.wms_y_m, loc.wms_z_m, loc.wms_aisle_id.name or None)
                for loc in (ml.location_id for ml in lines)
            ]
            engine = route(layout, depot, points)
            self.assertAlmostEqual(batch.wms_route_distance_m, engine.distance_m, delta=EPS)
            legs = lines.mapped("wms_route_leg_m")
            self.assertAlmostEqual(
                sum(legs) + batch.wms_route_return_m, batch.wms_route_distance_m, delta=EPS
            )
            self.assertEqual(
                lines.mapped("wms_route_distance_m"),
                [sum(legs[: k + 1]) for k in range(len(legs))],
            )
            self.assertIn(batch.wms_route_kind, ("exact", "heuristic"))
            self.assertIn(f"{batch.wms_route_distance_m:,.0f} m", batch.wms_route_reason)
            checked += 1
        self.assertGreaterEqual(checked, 3)
