"""The engine's bad-input catalogue: what an adapter, a bench or a careless caller may hand
the engine (NaN, infinity, None, negative numbers, text for numbers, lists for points) is
refused before any work with a ValueError (a CarrierError for carrier data) whose sentence
names the field and the value, never a TypeError or an answer built on it."""

import math

import pytest

from stockops import kpi
from stockops.dispatch.carrier import Address, CarrierError, Parcel
from stockops.execution.cartonize import CartonType, Item, cartonize
from stockops.execution.routing import route
from stockops.layout import Aisle, Layout, Point
from stockops.policy.reorder import z_for_service_level

LAYOUT = Layout(
    tuple(Aisle(f"A{k}", 3.0 + 4.5 * k, 12.0, 72.0) for k in range(6)), (12.0, 42.0, 72.0)
)
DEPOT = Point(1.0, 6.0)
FLOOR = [Point(2.0 + 2.5 * k, 4.0) for k in range(10)]
BOX = CartonType("C", 300, 300, 300, max_gross_kg=20.0)
NAN, INF = math.nan, math.inf
PARCEL = "needs a positive weight and sides (finite numbers)"


def item(length=100, weight=1.0, qty=1):
    return Item("X", qty, length, 100, 100, weight)


ROWS = [
    # routing: the floor plan's points
    ("route of None", lambda: route(LAYOUT, DEPOT, None), "a list of stops, not None"),
    ("route of text", lambda: route(LAYOUT, DEPOT, "abc"), "a list of stops, not 'abc'"),
    ("depot None", lambda: route(LAYOUT, None, FLOOR[:2]), "the depot: a place on the floor"),
    ("depot at NaN", lambda: route(LAYOUT, Point(1.0, NAN), FLOOR[:5]), "the depot: y=nan"),
    ("stop at infinity", lambda: route(LAYOUT, DEPOT, [*FLOOR, Point(INF, 5.0)]),
     "stop 11: x=inf"),
    ("stop at -infinity", lambda: route(LAYOUT, DEPOT, [Point(-INF, 5.0)]), "stop 1: x=-inf"),
    ("stop None", lambda: route(LAYOUT, DEPOT, [None]), "stop 1: a place on the floor"),
    ("stop x as text", lambda: route(LAYOUT, DEPOT, [Point("a", 4.0)]),
     "x='a' is not a finite number of metres"),
    ("stop in an unknown aisle", lambda: route(LAYOUT, DEPOT, [Point(2, 30, aisle="ZZ")]),
     "aisle 'ZZ' is not in this warehouse's layout"),
    ("stop beyond its aisle", lambda: route(LAYOUT, DEPOT, [Point(3, 100, aisle="A0")]),
     "lies outside aisle A0"),
    ("stop inside the racks", lambda: route(LAYOUT, DEPOT, [Point(5.0, 30.0)]),
     "lies inside the rack block"),
    ("unknown routing method", lambda: route(LAYOUT, DEPOT, FLOOR[:2], method="fastest"),
     "unknown routing method 'fastest'"),
    # cartonize: items and cartons
    ("item of negative length", lambda: item(length=-100), "length must be positive"),
    ("item of NaN length", lambda: item(length=NAN), "length must be a finite number"),
    ("item of infinite length", lambda: item(length=INF), "length must be a finite number"),
    ("item length as text", lambda: item(length="100"), "length must be a finite number"),
    ("item length None", lambda: item(length=None), "length must be a finite number"),
    ("item of 0 units", lambda: item(qty=0), "quantity must be a positive whole number"),
    ("item of 1.5 units", lambda: item(qty=1.5), "quantity must be a positive whole number"),
    ("item of -1 kg", lambda: item(weight=-1.0), "weight cannot be negative"),
    ("item of NaN kg", lambda: item(weight=NAN), "weight must be a finite number"),
    ("item of infinite kg", lambda: item(weight=INF), "weight must be a finite number"),
    ("carton of infinite height", lambda: CartonType("C", 100, 100, INF, max_gross_kg=5.0),
     "inner height must be a finite number"),
    ("carton of NaN tare", lambda: CartonType("C", 100, 100, 100, max_gross_kg=5.0, tare_kg=NAN),
     "tare"),
    ("no carton types", lambda: cartonize([item()], []), "no carton types"),
    # policy: the service level
    ("service level 1", lambda: z_for_service_level(1.0), "infinite safety stock"),
    ("service level 0.3", lambda: z_for_service_level(0.3), "zero or negative"),
    ("service level NaN", lambda: z_for_service_level(NAN), "got nan"),
    ("service level as text", lambda: z_for_service_level("0.95"), "got '0.95'"),
    ("service level None", lambda: z_for_service_level(None), "got None"),
    ("service level 95 (a percentage)", lambda: z_for_service_level(95.0),
     "a fraction, not a percentage"),
    # scorecard figures
    ("fill rate of NaN units", lambda: kpi.fill_rate(NAN, 2), "must be finite, not nan"),
    ("fill rate of text", lambda: kpi.fill_rate("10", 2), "must be a number, not '10'"),
    ("OTIF of None orders", lambda: kpi.otif(None, 1), "must be a number, not None"),
    ("space of infinite m3", lambda: kpi.space_utilisation(INF, 10.0), "must be finite"),
    # carrier data
    ("parcel of -1 kg", lambda: Parcel(-1, 10, 10, 10), PARCEL),
    ("parcel of NaN kg", lambda: Parcel(NAN, 10, 10, 10), PARCEL),
    ("parcel of infinite side", lambda: Parcel(1, INF, 10, 10), PARCEL),
    ("parcel weight as text", lambda: Parcel("1", 10, 10, 10), PARCEL),
    ("postcode !!!!", lambda: Address("A", "1 St", "City", "!!!!", "CA").validate(),
     "postcode '!!!!' is not a postcode"),
    ("postcode of one character", lambda: Address("A", "1 St", "City", "1", "CA").validate(),
     "is not a postcode"),
    ("postcode None", lambda: Address("A", "1 St", "City", None, "CA").validate(),
     "missing: zip"),
    ("country of three letters", lambda: Address("A", "1 St", "City", "H2X 1Y4", "CAN")
     .validate(), "ISO alpha-2 code, not 'CAN'"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "sentence"), [row[1:] for row in ROWS], ids=[r[0] for r in ROWS])
def test_bad_input_is_refused_with_a_sentence(call, sentence):
    with pytest.raises((ValueError, CarrierError)) as refused:
        call()
    assert sentence in str(refused.value)


def test_the_catalogue_names_each_row_once():
    assert len({row[0] for row in ROWS}) == len(ROWS)
