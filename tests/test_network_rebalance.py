"""Rebalancing proposals: only where one site's excess covers another's shortfall before
its next receipt, never below the giver's safety stock, and only when it pays."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.policy.network import Lane, SiteStock, propose_rebalancing

LANES = [Lane("Main", "North", 2, 1.0, 20.0), Lane("North", "Main", 2, 1.0, 20.0)]


def rows(main=300.0, north=20.0, north_receipt=10.0, cost=9.0):
    return [
        SiteStock("Tea", "Main", main, 10, 7, safety_stock=50, stockout_cost=cost),
        SiteStock("Tea", "North", north, 10, north_receipt, safety_stock=30, stockout_cost=cost),
    ]


def test_excess_at_main_covers_north_until_its_receipt():
    [p] = propose_rebalancing(rows(), LANES)
    # North: 10/d for 10 d against 20 in stock: short 80 from day 2, the transfer arrives
    # on day 2; Main: 300 - 7 x 10 - 50 = 180 to spare
    assert (p.source, p.destination, p.units) == ("Main", "North", 80.0)
    assert p.transfer_cost == 20.0 + 80.0
    assert p.stockout_cost_avoided == 720.0


def test_a_transfer_arriving_after_the_shortage_starts_only_covers_what_is_left():
    [p] = propose_rebalancing(rows(north=0.0), LANES)
    # short 100 from day 0; what arrives on day 2 saves the last 8 days: 80
    assert p.units == 80.0


def test_no_proposal_when_the_transfer_would_arrive_with_the_receipt():
    assert propose_rebalancing(rows(north_receipt=2.0, north=0.0), LANES) == []


def test_no_proposal_when_the_transfer_costs_more_than_the_stockout():
    assert propose_rebalancing(rows(cost=1.0), LANES) == []


def test_the_giver_keeps_its_safety_stock():
    [p] = propose_rebalancing(rows(main=150.0), LANES)
    # Main: 150 - 70 - 50 = 30 to spare, though North is short 80
    assert p.units == 30.0


def test_unknown_site_on_a_route_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="route 'Main' -> 'South': destination 'South'"):
        propose_rebalancing(rows(), [Lane("Main", "South", 1)])


@given(
    st.lists(
        st.tuples(
            st.floats(0, 500),
            st.floats(0, 40),
            st.one_of(st.none(), st.floats(0, 30)),
            st.floats(0, 100),
            st.floats(0, 20),
        ),
        min_size=2,
        max_size=5,
    ),
    st.floats(0, 10),
    st.floats(0, 5),
)
def test_proposals_never_drain_a_giver_nor_exceed_a_shortfall(sites, days, unit_cost):
    stock = [
        SiteStock("P", f"W{k}", s, d, r, safety_stock=ss, stockout_cost=c)
        for k, (s, d, r, ss, c) in enumerate(sites)
    ]
    names = [s.site for s in stock]
    lanes = [Lane(a, b, days, unit_cost) for a in names for b in names if a != b]
    proposals = propose_rebalancing(stock, lanes, horizon_days=28)
    given_away = dict.fromkeys(names, 0.0)
    received = dict.fromkeys(names, 0.0)
    for p in proposals:
        assert p.units >= 1 and p.units == math.floor(p.units)
        assert p.stockout_cost_avoided > p.transfer_cost
        given_away[p.source] += p.units
        received[p.destination] += p.units
    for s in stock:
        horizon = 28 if s.days_to_next_receipt is None else min(s.days_to_next_receipt, 28)
        need = s.demand_per_day * horizon
        if given_away[s.site]:
            assert s.projected_stock - given_away[s.site] - need >= s.safety_stock - 1e-6
            assert received[s.site] == 0
        assert received[s.site] <= max(need - s.projected_stock, 0) + 1e-6
