"""Routing refuses what cannot be walked, with a sentence, before any work: no tour through
a NaN depot, a stop at infinity, a bin in the racks with no aisle, or no stop list at all;
and a solver that loses a stop is caught instead of handing out a shorter tour."""

import math
import signal
from contextlib import contextmanager

import numpy as np
import pytest

from stockops.execution import routing
from stockops.execution.routing import route
from stockops.execution.routing.exact import held_karp
from stockops.layout import Aisle, Layout, Point, distances_m, travel

LAYOUT = Layout(
    tuple(Aisle(f"A{k}", 3.0 + 4.5 * k, 12.0, 72.0) for k in range(6)), (12.0, 42.0, 72.0)
)
DEPOT = Point(1.0, 6.0)
FLOOR = [Point(2.0 + 2.5 * k, 4.0) for k in range(10)]  # open floor in front of the racks


@contextmanager
def within_seconds(seconds: float):
    """Fail the test instead of hanging when the code under test loops forever."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_stop_at_nan_or_infinity_among_many_is_refused_not_looped_on(bad):
    stops = [*FLOOR, Point(bad, 5.0)]
    with within_seconds(20), pytest.raises(ValueError, match=r"stop 11: x=.* finite number"):
        route(LAYOUT, DEPOT, stops)


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_a_depot_at_nan_or_infinity_is_refused(bad):
    stops = [*FLOOR[:5], Point(0.0, 30.0, aisle="A1")]
    with within_seconds(20), pytest.raises(ValueError, match=r"the depot: y=.* finite number"):
        route(LAYOUT, Point(1.0, bad), stops)


def test_held_karp_refuses_a_matrix_with_nan_instead_of_dropping_stops():
    dist = np.ones((7, 7))
    dist[0, :] = dist[:, 0] = math.nan
    with pytest.raises(ValueError, match="NaN or infinite"):
        held_karp(dist)
    with pytest.raises(ValueError, match="square"):
        held_karp(np.ones((3, 4)))
    with pytest.raises(ValueError, match="negative"):
        held_karp(-np.ones((3, 3)))


def test_an_open_floor_point_inside_the_racks_is_refused_not_walked_through():
    inside = Point(10.0, 30.0)  # between aisles A1 and A2, between the cross aisles
    with pytest.raises(ValueError, match=r"stop 1: .* inside the rack block"):
        route(LAYOUT, DEPOT, [inside, Point(0.0, 50.0, aisle="A4")])
    with pytest.raises(ValueError, match="inside the rack block"):
        travel(LAYOUT, DEPOT, inside)
    with pytest.raises(ValueError, match="inside the rack block"):
        distances_m(LAYOUT, [DEPOT], [inside])
    # on a cross aisle, or beside the block, a point is walkable
    assert travel(LAYOUT, DEPOT, Point(10.0, 42.0)).distance_m == pytest.approx(9.0 + 36.0)
    assert route(LAYOUT, DEPOT, [Point(40.0, 30.0)]).distance_m > 0


def test_no_stop_list_no_layout_or_no_depot_is_a_clear_error():
    with pytest.raises(ValueError, match="a list of stops, not None"):
        route(LAYOUT, DEPOT, None)
    with pytest.raises(ValueError, match="the warehouse layout, not None"):
        route(None, DEPOT, FLOOR)
    with pytest.raises(ValueError, match="the depot: a place on the floor must be a Point"):
        route(LAYOUT, None, FLOOR)
    with pytest.raises(ValueError, match="stop 2: a place on the floor must be a Point"):
        route(LAYOUT, DEPOT, [FLOOR[0], None])


def test_a_solver_that_loses_a_stop_gives_no_route(monkeypatch):
    def partial(dist):
        return (1,), 1.0  # visits 1 of the stops

    monkeypatch.setattr(routing, "held_karp", partial)
    with pytest.raises(RuntimeError, match=r"lost track of the stops \(missing \[1, 2, 3\]"):
        route(LAYOUT, DEPOT, FLOOR[:4])


def test_a_layout_with_a_nan_coordinate_is_refused():
    with pytest.raises(ValueError, match="aisle A x_m must be a finite number"):
        Layout((Aisle("A", math.nan, 12.0, 72.0),), (12.0, 72.0))
    with pytest.raises(ValueError, match="cross aisle's y must be a finite number"):
        Layout((Aisle("A", 1.0, 12.0, 72.0),), (12.0, math.inf))
