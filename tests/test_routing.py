"""Picker routing: exact on one block and on several (equal to brute force and Held-Karp),
never worse than the classic heuristics, every stop visited exactly once, and always
measured by the layout's own walking rules."""

from itertools import pairwise, permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.routing import (
    HELD_KARP_MAX,
    Route,
    combined,
    largest_gap,
    route,
    s_shape,
)
from stockops.execution.routing.exact import held_karp
from stockops.layout import (
    Aisle,
    Layout,
    Point,
    distance_matrix_m,
    route_length_m,
    travel_distance_m,
)

TOL = 1e-6


def brute_force_m(layout: Layout, depot: Point, stops: list[Point]) -> float:
    """Shortest closed tour over every visit order, with the layout's scalar distances."""
    nodes = [depot, *stops]
    d = [[travel_distance_m(layout, p, q) for q in nodes] for p in nodes]
    best = float("inf")
    for perm in permutations(range(1, len(nodes))):
        walk = (0, *perm, 0)
        best = min(best, sum(d[a][b] for a, b in pairwise(walk)))
    return best if stops else 0.0


def walked_m(layout: Layout, depot: Point, stops: list[Point], r: Route) -> float:
    return route_length_m(layout, [depot, *(stops[i] for i in r.order), depot])


@st.composite
def single_block(draw, cross=2):
    """A one-block layout (two cross aisles, or only a front one), its stops and a depot
    in front, behind, beside or inside an aisle."""
    n_aisles = draw(st.integers(1, 4))
    gaps = draw(st.lists(st.floats(1.0, 8.0), min_size=n_aisles, max_size=n_aisles))
    xs = [sum(gaps[: k + 1]) for k in range(n_aisles)]
    front, back = 10.0, 10.0 + draw(st.floats(5.0, 40.0)) if cross == 2 else 10.0
    stub = st.sampled_from([0.0, 2.0, 3.0])  # aisles may run past the cross aisles
    aisles = tuple(
        Aisle(f"A{k}", x, front - draw(stub), back + draw(stub)) for k, x in enumerate(xs)
    )
    layout = Layout(aisles, (front, back) if cross == 2 else (front,))
    stop = st.builds(
        lambda a, u: Point(0.0, a.y_start_m + u * (a.y_end_m - a.y_start_m), 1.2, aisle=a.name),
        st.sampled_from(aisles),
        st.floats(0.0, 1.0),
    )
    stops = draw(st.lists(stop, max_size=6))
    x0 = draw(st.floats(-5.0, xs[-1] + 5.0))
    depot = draw(
        st.sampled_from(
            [Point(x0, 2.0), Point(x0, back + 6.0), Point(-3.0, (front + back) / 2), stops[0]]
            if stops
            else [Point(x0, 2.0)]
        )
    )
    return layout, depot, stops


@settings(max_examples=150, deadline=None)
@given(single_block())
def test_single_block_route_is_the_brute_force_optimum(case):
    layout, depot, stops = case
    r = route(layout, depot, stops)
    assert r.method in ("ratliff_rosenthal", "none")
    assert sorted(r.order) == list(range(len(stops)))
    assert r.distance_m == pytest.approx(brute_force_m(layout, depot, stops), abs=TOL)
    assert r.distance_m == walked_m(layout, depot, stops, r)


@settings(max_examples=60, deadline=None)
@given(single_block(cross=1))
def test_a_front_cross_aisle_only_is_solved_exactly_too(case):
    layout, depot, stops = case
    r = route(layout, depot, stops)
    assert r.distance_m == pytest.approx(brute_force_m(layout, depot, stops), abs=TOL)


def _grid(cross: tuple[float, ...], n_aisles: int = 6) -> Layout:
    aisles = tuple(Aisle(f"A{k}", 3.0 + 4.5 * k, cross[0], cross[-1]) for k in range(n_aisles))
    return Layout(aisles, cross)


MULTI = _grid((12.0, 32.0, 52.0, 72.0))


@st.composite
def multi_block_stops(draw, max_size=30):
    aisle = st.builds(
        lambda k, y: Point(0.0, y, aisle=f"A{k}"), st.integers(0, 5), st.floats(12.0, 72.0)
    )
    floor = st.builds(Point, st.floats(0.0, 30.0), st.floats(0.0, 11.0))
    return draw(st.lists(aisle | floor, min_size=1, max_size=max_size))


@settings(max_examples=80, deadline=None)
@given(multi_block_stops(), st.sampled_from(["auto", "heuristic"]))
def test_multi_block_is_never_worse_than_the_classic_heuristics(stops, method):
    depot = Point(1.0, 6.0)
    r = route(MULTI, depot, stops, method=method)
    assert sorted(r.order) == list(range(len(stops)))
    assert r.distance_m == walked_m(MULTI, depot, stops, r)
    assert sum(r.legs_m) == r.distance_m and len(r.legs_m) == len(stops) + 1
    for baseline in (largest_gap, combined, s_shape):
        assert r.distance_m <= baseline(MULTI, depot, stops).distance_m + TOL


@settings(max_examples=40, deadline=None)
@given(multi_block_stops(max_size=6))
def test_few_stops_on_several_blocks_are_exact(stops):
    depot = Point(20.0, 3.0)
    r = route(MULTI, depot, stops)
    assert r.method in ("held_karp", "aisle_sweep")
    assert r.distance_m == pytest.approx(brute_force_m(MULTI, depot, stops), abs=TOL)


@st.composite
def any_blocks(draw, max_stops=11):
    """A layout of 1 to 5 cross aisles (aisles may run past the outer ones), stops in
    aisles (some on a cross aisle) and a depot in front, behind, beside or in an aisle."""
    n_cross = draw(st.integers(1, 5))
    depth = draw(st.integers(4, 20))
    cross = tuple(10.0 + depth * k for k in range(n_cross))
    xs = [float(x) for x in draw(st.lists(st.integers(0, 40), min_size=1, max_size=6,
                                           unique=True))]  # fmt: skip
    stub = st.sampled_from([0.0, 0.0, 3.0])
    aisles = tuple(
        Aisle(f"A{k}", x, cross[0] - draw(stub), cross[-1] + draw(stub))
        for k, x in enumerate(sorted(xs))
    )
    layout = Layout(aisles, cross)
    stop = st.builds(
        lambda a, u, c: Point(0.0, c if c is not None else round(
            a.y_start_m + u * (a.y_end_m - a.y_start_m), 1), aisle=a.name),
        st.sampled_from(aisles), st.floats(0.0, 1.0), st.none() | st.sampled_from(cross),
    )  # fmt: skip
    stops = draw(st.lists(stop, min_size=1, max_size=max_stops))
    x0 = float(draw(st.integers(-5, 45)))
    beside = Point(min(xs) - 3.0, (cross[0] + cross[-1]) / 2)
    depot = draw(st.sampled_from([Point(x0, 2.0), Point(x0, cross[-1] + 6.0), beside, stops[0]]))
    return layout, depot, stops


@settings(max_examples=150, deadline=None)
@given(any_blocks())
def test_stops_in_aisles_on_any_blocks_get_the_held_karp_optimum(case):
    layout, depot, stops = case
    r = route(layout, depot, stops)
    assert r.method in ("ratliff_rosenthal", "aisle_sweep")
    assert sorted(r.order) == list(range(len(stops)))
    assert r.distance_m == walked_m(layout, depot, stops, r)
    spots = list({(p.aisle, p.y_m): p for p in stops}.values())
    optimum = held_karp(distance_matrix_m(layout, [depot, *spots]))[1]
    assert r.distance_m == pytest.approx(optimum, abs=TOL)


@settings(max_examples=30, deadline=None)
@given(multi_block_stops(max_size=40), st.sampled_from(["auto", "heuristic", "s_shape"]))
def test_every_route_visits_every_stop_once_and_measures_its_own_walk(stops, method):
    depot = Point(1.0, 6.0)
    r = route(MULTI, depot, stops, method=method)
    assert sorted(r.order) == list(range(len(stops)))
    assert len(r.legs_m) == len(stops) + 1 and sum(r.legs_m) == r.distance_m
    assert r.distance_m == walked_m(MULTI, depot, stops, r)


def test_baselines_visit_every_stop_and_say_what_they_are():
    stops = [Point(0, y, aisle=f"A{k}") for k, y in [(0, 20), (3, 60), (5, 40), (1, 70), (2, 15)]]
    for func, name in ((s_shape, "s_shape"), (largest_gap, "largest_gap"), (combined, "combined")):
        r = func(MULTI, Point(1.0, 6.0), stops)
        assert r.method == name and sorted(r.order) == list(range(5))
        assert r.reason.endswith(" m")


def test_many_stops_in_aisles_on_several_blocks_are_exact():
    stops = [Point(0, 13.0 + 1.7 * k, aisle=f"A{k % 6}") for k in range(35)]
    r = route(MULTI, Point(1.0, 6.0), stops)
    assert r.method == "aisle_sweep"
    assert r.reason.startswith("exact (aisle sweep over 3 blocks")
    heuristic = route(MULTI, Point(1.0, 6.0), stops, method="heuristic")
    assert r.distance_m <= heuristic.distance_m + TOL


def test_many_stops_with_open_floor_ones_are_improved_heuristics():
    stops = [Point(0, 13.0 + 3 * k, aisle=f"A{k % 6}") for k in range(HELD_KARP_MAX + 4)]
    stops.append(Point(25.0, 4.0))
    r = route(MULTI, Point(1.0, 6.0), stops)
    assert r.method == "improved"
    assert r.reason.startswith("best of S-shape")
    with pytest.raises(ValueError, match="no exact method"):
        route(MULTI, Point(1.0, 6.0), stops, method="exact")


def test_stops_at_one_spot_are_visited_together():
    a = Point(0, 30.0, 0.2, aisle="A1")
    b = Point(0, 60.0, 1.7, aisle="A4")
    stops = [a, b, Point(9.9, 30.0, 1.2, aisle="A1"), b]
    r = route(MULTI, Point(1.0, 6.0), stops)
    pos = {i: r.order.index(i) for i in range(4)}
    assert abs(pos[0] - pos[2]) == 1 and abs(pos[1] - pos[3]) == 1
    assert sorted(r.legs_m)[:2] == [0.0, 0.0]


def test_open_floor_stops_are_routed():
    layout = _grid((12.0, 72.0))
    stops = [Point(0, 40.0, aisle="A2"), Point(25.0, 4.0), Point(0, 70.0, aisle="A5")]
    r = route(layout, Point(1.0, 6.0), stops)
    assert r.method == "held_karp" and "1 on open floor" in r.reason
    assert r.distance_m == pytest.approx(brute_force_m(layout, Point(1.0, 6.0), stops))


def test_no_stops_walk_nothing():
    r = route(MULTI, Point(1.0, 6.0), [])
    assert (r.order, r.distance_m, r.legs_m) == ((), 0.0, (0.0,))


def test_invalid_stops_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="aisle 'Z9' is not in this warehouse's layout"):
        route(MULTI, Point(1.0, 6.0), [Point(0, 20.0, aisle="A1"), Point(0, 20.0, aisle="Z9")])
    with pytest.raises(ValueError, match="outside aisle A1"):
        route(MULTI, Point(1.0, 6.0), [Point(0, 90.0, aisle="A1")])
    with pytest.raises(ValueError, match="unknown routing method"):
        route(MULTI, Point(1.0, 6.0), [], method="fastest")


def test_exact_reason_names_the_method():
    layout = _grid((12.0, 72.0))
    stops = [Point(0, 20.0 + 3 * k, aisle=f"A{k % 6}") for k in range(12)]
    r = route(layout, Point(1.0, 6.0), stops)
    assert r.reason.startswith("exact (Ratliff-Rosenthal): single block, 12 stops in 6 aisles")
