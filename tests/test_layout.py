"""Travel distance through the aisle network: never through racks, same in bulk and one by one."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.layout import (
    Aisle,
    Layout,
    Point,
    distance_matrix_m,
    distances_m,
    travel,
    travel_distance_m,
)

AISLES = tuple(Aisle(f"A{i}", x_m=3.0 + 5.0 * i, y_start_m=12.0, y_end_m=72.0) for i in range(6))
LAYOUT = Layout(aisles=AISLES, cross_aisles_y_m=(12.0, 42.0, 72.0))


def aisle_points():
    return st.builds(
        lambda i, y: Point(0.0, y, aisle=f"A{i}"),
        st.integers(0, 5),
        st.floats(12.0, 72.0, allow_nan=False),
    )


def open_points():
    front = st.builds(Point, st.floats(0, 40), st.floats(0, 12))
    back = st.builds(Point, st.floats(0, 40), st.floats(72, 80))
    return front | back


points = aisle_points() | open_points()


def test_same_aisle_walk_is_straight():
    a, b = Point(0, 20, aisle="A2"), Point(0, 50, aisle="A2")
    assert travel_distance_m(LAYOUT, a, b) == 30.0


def test_neighbour_aisles_use_the_nearest_cross_aisle():
    trip = travel(LAYOUT, Point(0, 38, aisle="A0"), Point(0, 40, aisle="A1"))
    assert trip.via_cross_aisle_y_m == 42.0
    assert trip.distance_m == pytest.approx(4 + 5 + 2)
    assert "A0 -> A1" in trip.reason


def test_dock_to_bin_enters_by_the_front():
    dock = Point(3.0, 2.0)
    bin_ = Point(0, 60, aisle="A0")
    trip = travel(LAYOUT, dock, bin_)
    assert trip.via_cross_aisle_y_m == 12.0
    assert trip.distance_m == pytest.approx(10 + 48)


def test_front_to_back_of_open_floor_goes_through_an_aisle():
    # both points sit at x=0, left of every aisle: the walk bends out to aisle A0 at x=3
    trip = travel(LAYOUT, Point(0, 5), Point(0, 75))
    assert trip.distance_m == pytest.approx(70 + 6)


def test_unknown_aisle_is_a_clear_error():
    with pytest.raises(ValueError, match="'Z9' is not in this warehouse"):
        travel_distance_m(LAYOUT, Point(0, 20, aisle="Z9"), Point(0, 30, aisle="A1"))


def test_bin_outside_its_aisle_is_a_clear_error():
    with pytest.raises(ValueError, match="outside aisle A1"):
        travel_distance_m(LAYOUT, Point(0, 90, aisle="A1"), Point(0, 30, aisle="A1"))


def test_broken_geometry_is_refused():
    with pytest.raises(ValueError, match="front"):
        Layout(aisles=AISLES, cross_aisles_y_m=(72.0, 12.0))
    with pytest.raises(ValueError, match="does not reach"):
        Layout(aisles=(Aisle("S", 1.0, 20.0, 30.0),), cross_aisles_y_m=(12.0, 72.0))


@settings(max_examples=200, deadline=None)
@given(points, points)
def test_walk_is_symmetric_and_never_shorter_than_rectilinear(a, b):
    d = travel_distance_m(LAYOUT, a, b)
    assert d == pytest.approx(travel_distance_m(LAYOUT, b, a))
    ax = LAYOUT.aisle(a.aisle).x_m if a.aisle else a.x_m
    bx = LAYOUT.aisle(b.aisle).x_m if b.aisle else b.x_m
    assert d >= abs(ax - bx) + abs(a.y_m - b.y_m) - 1e-9


@settings(max_examples=100, deadline=None)
@given(points, points, points)
def test_triangle_inequality(a, b, c):
    ab = travel_distance_m(LAYOUT, a, b)
    bc = travel_distance_m(LAYOUT, b, c)
    assert travel_distance_m(LAYOUT, a, c) <= ab + bc + 1e-9


@settings(max_examples=50, deadline=None)
@given(st.lists(points, min_size=1, max_size=25))
def test_matrix_matches_one_by_one(pts):
    matrix = distance_matrix_m(LAYOUT, pts)
    expected = np.array([[travel_distance_m(LAYOUT, p, q) for q in pts] for p in pts])
    np.testing.assert_allclose(matrix, expected, atol=1e-9)


def test_distances_from_one_origin_to_many_bins():
    pack = Point(4.0, 6.0)
    bins = [Point(0, 20, aisle="A0"), Point(0, 70, aisle="A5"), Point(1.0, 3.0)]
    row = distances_m(LAYOUT, [pack], bins)[0]
    assert row.tolist() == pytest.approx([travel_distance_m(LAYOUT, pack, b) for b in bins])
