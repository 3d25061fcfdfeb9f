"""Release and wave planning: every line on exactly one cart, carts within their limits,
oversize orders split and said so, carts grouped to walk less than first come first served."""

from collections import Counter
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.routing import s_shape
from stockops.execution.waves import (
    CartLimits,
    MethodRules,
    Order,
    OrderLine,
    batch_orders,
    choose_methods,
    plan_waves,
    release_orders,
)
from stockops.layout import Aisle, Layout, Point, route_length_m

LAYOUT = Layout(
    tuple(Aisle(f"A{k}", 3.0 + 4.5 * k, 12.0, 72.0) for k in range(6)), (12.0, 42.0, 72.0)
)
DEPOT = Point(1.0, 6.0)
NOW = datetime(2026, 11, 20, 9, 0)
LIMITS = CartLimits(max_orders=4, max_lines=10, max_weight_kg=50.0, max_volume_m3=0.5)


def line(aisle: int, y: float, kg: float = 1.0, m3: float = 0.01, zone: str = "FWD"):
    return OrderLine(f"P{aisle}-{y:g}", 1, Point(0.0, y, aisle=f"A{aisle}"), kg, m3, zone)


def order(oid: str, *lines: OrderLine, hour: int = 15, priority: int = 0, promised=None):
    return Order(oid, tuple(lines), datetime(2026, 11, 20, hour), priority, promised)


order_lines = st.builds(
    line,
    st.integers(0, 5),
    st.floats(12.0, 72.0),
    st.floats(0.0, 70.0),
    st.floats(0.0, 0.6),
    st.sampled_from(["FWD", "RES", "BULK", "COLD"]),
)
orders_strategy = st.lists(
    st.builds(
        lambda k, lines, hour, prio: order(f"S{k}", *lines, hour=hour, priority=prio),
        st.integers(0, 10**6),
        st.lists(order_lines, min_size=1, max_size=7),
        st.sampled_from([15, 17]),
        st.integers(0, 2),
    ),
    max_size=14,
    unique_by=lambda o: o.id,
)


def _check_partition_and_limits(orders, batches, limits):
    seen = Counter((bl.order_id, bl.line_no) for b in batches for bl in b.lines)
    wanted = Counter((o.id, k) for o in orders for k in range(len(o.lines)))
    assert seen == wanted  # every order line in exactly one batch
    for b in batches:
        assert sorted(b.route.order) == list(range(len(b.lines)))
        path = [DEPOT, *(b.lines[i].line.location for i in b.route.order), DEPOT]
        assert b.distance_m == route_length_m(LAYOUT, path)
        assert b.reason
        if b.over_limit:
            assert len(b.lines) == 1 and "alone exceeds the cart" in b.reason
            continue
        assert b.totes <= limits.max_orders
        assert len(b.lines) <= limits.max_lines
        assert b.weight_kg <= limits.max_weight_kg + 1e-9
        assert b.volume_m3 <= limits.max_volume_m3 + 1e-9


@settings(max_examples=60, deadline=None)
@given(orders_strategy)
def test_batches_partition_the_lines_within_cart_limits(orders):
    batches = batch_orders(LAYOUT, DEPOT, orders, LIMITS)
    _check_partition_and_limits(orders, batches, LIMITS)


@settings(max_examples=40, deadline=None)
@given(orders_strategy)
def test_wave_plan_partitions_every_method(orders):
    plan = plan_waves(LAYOUT, DEPOT, orders, NOW, LIMITS, MethodRules(discrete_min_lines=5))
    _check_partition_and_limits(orders, plan.batches, LIMITS)
    assert [r.rank for r in plan.releases] == list(range(1, len(orders) + 1))
    assert {m.order_id for m in plan.methods} == {o.id for o in orders}
    waves = [b.wave for b in plan.batches]
    assert waves == sorted(waves)  # earliest cut-off first


def test_an_oversize_order_is_split_and_says_so():
    heavy = order("BIG", *(line(k % 6, 20.0 + k, kg=20.0) for k in range(6)))
    batches = batch_orders(LAYOUT, DEPOT, [heavy], LIMITS)
    assert len(batches) == 3  # 120 kg on 50 kg carts: two lines a cart
    assert all("part " in b.reason and "exceeds one cart" in b.reason for b in batches)
    assert sorted(bl.line_no for b in batches for bl in b.lines) == list(range(6))


def test_a_line_bigger_than_any_cart_gets_its_own_tour():
    pallet = line(2, 50.0, kg=400.0)
    batches = batch_orders(LAYOUT, DEPOT, [order("P", pallet, line(1, 30.0))], LIMITS)
    over = [b for b in batches if b.over_limit]
    assert len(over) == 1 and over[0].lines[0].line is pallet
    assert "suitable equipment" in over[0].reason


def test_orders_in_the_same_aisles_share_a_cart():
    orders = [
        order("S1", line(0, 20.0)),
        order("S2", line(5, 60.0)),
        order("S3", line(0, 25.0)),
        order("S4", line(5, 65.0)),
    ]
    limits = CartLimits(max_orders=2)
    batches = batch_orders(LAYOUT, DEPOT, orders, limits)
    assert sorted(sorted(b.order_ids) for b in batches) == [["S1", "S3"], ["S2", "S4"]]
    assert "walking savings" in batches[0].reason
    fcfs = [[orders[0], orders[1]], [orders[2], orders[3]]]
    fcfs_m = sum(
        s_shape(LAYOUT, DEPOT, [ln.location for o in pair for ln in o.lines]).distance_m
        for pair in fcfs
    )
    assert sum(b.distance_m for b in batches) < fcfs_m


def test_discrete_orders_keep_their_own_tour():
    orders = [order("S1", line(0, 20.0)), order("S2", line(0, 21.0))]
    batches = batch_orders(LAYOUT, DEPOT, orders, LIMITS, method="discrete")
    assert [b.order_ids for b in batches] == [("S1",), ("S2",)]


def test_release_by_cutoff_then_priority_then_promise():
    a = order("A", line(0, 20.0), hour=17, priority=2)
    b = order("B", line(0, 20.0), hour=15, priority=0, promised=date(2026, 11, 25))
    c = order("C", line(0, 20.0), hour=15, priority=1)
    d = order("D", line(0, 20.0), hour=15, priority=0, promised=date(2026, 11, 22))
    ranks = release_orders([a, b, c, d], NOW)
    assert [r.order_id for r in ranks] == ["C", "D", "B", "A"]
    assert ranks[0].reason.startswith("first: cut-off 2026-11-20 15:00 (6.0 h left)")
    assert "lower priority" in ranks[1].reason
    assert "promised later" in ranks[2].reason
    assert "a later cut-off" in ranks[3].reason
    late = release_orders([a], datetime(2026, 11, 20, 18))[0]
    assert "already passed" in late.reason


def test_pick_method_by_order_profile():
    rules = MethodRules(batch_max_lines=1, discrete_min_lines=4, zone_min_zones=3)
    orders = [
        order("single", line(0, 20.0)),
        order("few", line(0, 20.0), line(1, 30.0)),
        order("long", *(line(k, 30.0) for k in range(5))),
        order("wide", line(0, 20.0, zone="A"), line(1, 20.0, zone="B"), line(2, 20.0, zone="C")),
    ]
    got = {m.order_id: m for m in choose_methods(orders, rules)}
    assert {k: m.method for k, m in got.items()} == {
        "single": "batch",
        "few": "cluster",
        "long": "discrete",
        "wide": "zone",
    }
    assert "3 zones" in got["wide"].reason and "5 lines" in got["long"].reason


def test_zone_orders_are_split_by_zone():
    wide = order("W", line(0, 20.0, zone="A"), line(1, 20.0, zone="B"), line(2, 20.0, zone="C"))
    plan = plan_waves(LAYOUT, DEPOT, [wide], NOW, LIMITS)
    assert sorted(b.method for b in plan.batches) == ["zone A", "zone B", "zone C"]
    assert all("zone" in b.reason for b in plan.batches)


def test_duplicate_order_ids_are_refused():
    with pytest.raises(ValueError, match="share an id"):
        plan_waves(LAYOUT, DEPOT, [order("S", line(0, 20.0))] * 2, NOW)
