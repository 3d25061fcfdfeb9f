"""Pick paths: the route's order and legs laid out per line, unplaced bins last and not
counted, and the total always the layout's own walk of the placed lines."""

from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.pick_path import pick_path, pick_paths
from stockops.execution.routing import route
from stockops.layout import Aisle, Layout, Point, route_length_m

ONE_BLOCK = Layout((Aisle("A", 2.0, 10.0, 30.0), Aisle("B", 6.0, 10.0, 30.0)), (10.0, 30.0))
TWO_BLOCKS = Layout(
    tuple(Aisle(f"A{k}", 3.0 + 4.5 * k, 12.0, 72.0) for k in range(5)), (12.0, 42.0, 72.0)
)
DEPOT = Point(2.0, 8.0)


def test_hand_computed_single_block():
    # depot (2, 8): to B@25 is 2 + 4 + 15 = 21 m; B@25 -> A@20 over the back (y 30) is
    # 5 + 4 + 10 = 19 m; A@20 home is 10 + 2 = 12 m: 52 m, the exact optimum
    stops = [Point(0, 25.0, aisle="B"), Point(0, 20.0, aisle="A")]
    path = pick_path(ONE_BLOCK, DEPOT, stops)
    assert path.sequence == (1, 2)
    assert path.leg_m == (21.0, 19.0)
    assert path.cumulative_m == (21.0, 40.0)
    assert path.return_m == 12.0
    assert path.distance_m == 52.0
    assert path.kind == "exact" and path.method == "ratliff_rosenthal"


def test_unplaced_stops_come_last_in_given_order_and_cost_nothing():
    a, b = Point(0, 25.0, aisle="B"), Point(0, 20.0, aisle="A")
    path = pick_path(ONE_BLOCK, DEPOT, [None, a, None, b])
    assert path.sequence == (3, 1, 4, 2)
    assert path.leg_m[0] is None and path.cumulative_m[2] is None
    assert path.unplaced == (0, 2)
    assert path.distance_m == pick_path(ONE_BLOCK, DEPOT, [a, b]).distance_m == 52.0
    assert "2 line(s) at bins without coordinates come last" in path.reason


def test_nothing_placed_is_an_empty_walk():
    path = pick_path(ONE_BLOCK, DEPOT, [None, None])
    assert path.sequence == (1, 2)
    assert path.distance_m == 0.0 and path.return_m == 0.0
    assert path.kind == "exact"


def test_two_blocks_many_stops_in_aisles_are_exact_and_say_so():
    stops = [Point(0, 15.0 + 1.9 * k, aisle=f"A{k % 5}") for k in range(30)]
    path = pick_path(TWO_BLOCKS, Point(1.0, 6.0), stops)
    assert path.kind == "exact" and path.method == "aisle_sweep"
    assert path.reason.startswith("exact (aisle sweep over 2 blocks")


def test_many_stops_with_open_floor_ones_are_heuristic_and_say_so():
    stops = [Point(0, 15.0 + 3.5 * k, aisle=f"A{k % 5}") for k in range(15)]
    stops.append(Point(30.0, 4.0))
    path = pick_path(TWO_BLOCKS, Point(1.0, 6.0), stops)
    assert path.kind == "heuristic"
    assert path.reason.startswith("best of S-shape")


stops_strategy = st.lists(
    st.one_of(
        st.none(),
        st.builds(
            lambda k, y: Point(0.0, y, aisle=f"A{k}"),
            st.integers(0, 4),
            st.floats(12.0, 72.0),
        ),
    ),
    max_size=14,
)


@given(stops_strategy)
@settings(max_examples=60, deadline=None)
def test_legs_add_up_to_the_layout_walk_in_sequence_order(stops):
    depot = Point(1.0, 6.0)
    path = pick_path(TWO_BLOCKS, depot, stops)
    assert sorted(path.sequence) == list(range(1, len(stops) + 1))
    placed = [k for k, p in enumerate(stops) if p is not None]
    walk = sorted(placed, key=lambda k: path.sequence[k])
    assert all(path.sequence[k] <= len(placed) for k in placed)  # unplaced after all placed
    expected = route_length_m(TWO_BLOCKS, [depot, *(stops[k] for k in walk), depot])
    assert abs(path.distance_m - expected) < 1e-6
    legs = [path.leg_m[k] for k in walk]
    assert abs(sum(legs) + path.return_m - path.distance_m) < 1e-6
    if walk:
        assert abs(path.cumulative_m[walk[-1]] + path.return_m - path.distance_m) < 1e-6
    same = route(TWO_BLOCKS, depot, [stops[k] for k in placed])
    assert abs(same.distance_m - path.distance_m) < 1e-6


def test_pick_paths_keeps_batch_order():
    a, b = Point(0, 25.0, aisle="B"), Point(0, 20.0, aisle="A")
    paths = pick_paths(ONE_BLOCK, DEPOT, [[a], [a, b], []])
    assert [p.distance_m for p in paths] == [
        pick_path(ONE_BLOCK, DEPOT, [a]).distance_m,
        52.0,
        0.0,
    ]
