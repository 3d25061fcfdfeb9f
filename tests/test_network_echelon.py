"""Safety stock across a two-level network (guaranteed-service model): checked against a
hand computation, against brute force on small trees, and by simulation."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.policy.network import Stage, network_demand, plan_network, reorder_rules
from stockops.policy.network.simulate import gamma_demand, simulate_two_level

Z95 = 1.6448536269514724


def two_sites(transfer_days=4.0, sites=2):
    return [Stage("Tea", "Depot", 0, 0, 9)] + [
        Stage("Tea", f"Site {k}", 20, 10, transfer_days, supplier="Depot") for k in range(sites)
    ]


def test_hand_computed_two_level_example_pools_the_vendor_lead_time_at_the_sites():
    """Depot bought from a vendor in 9 days, no customers of its own; two sites resupplied in
    4 days, each 20 units/day with a deviation of 10 units/day, 95 % target (z = 1.644854).

    Depot network demand: 40/day, deviation sqrt(10² + 10²) = 14.1421/day.
    For each depot promise S0 in 0..9 days, safety stock = z (14.1421 sqrt(9 - S0)
    + 2 x 10 sqrt(4 + S0)):
      S0 = 0: z (42.426 + 40.000) = z 82.426 = 135.58 (each warehouse planned alone)
      S0 = 1: z (40.000 + 44.721) = z 84.721 = 139.35
      S0 = 5: z (28.284 + 60.000) = z 88.284 = 145.22
      S0 = 8: z (14.142 + 69.282) = z 83.424 = 137.22
      S0 = 9: z ( 0     + 72.111) = z 72.111 = 118.61  <- least
    So the depot promises 9 days and holds no safety stock; each site covers 13 days:
    1.644854 x 10 x sqrt(13) = 59.31, base stock 20 x 13 + 59.31 = 319.31.
    Stacked: depot 1.644854 x 14.1421 x 3 = 69.79, each site 1.644854 x 10 x 2 = 32.90,
    total 135.58: the network plan holds 16.97 units (12.5 %) less."""
    plan = plan_network(two_sites())
    depot, north = plan.at("Tea", "Depot"), plan.at("Tea", "Site 0")
    assert (depot.outbound_service_days, depot.covered_days, depot.safety_stock) == (9, 0, 0.0)
    assert (north.inbound_service_days, north.covered_days) == (9, 13)
    assert north.safety_stock == pytest.approx(59.31, abs=0.005)
    assert north.base_stock == pytest.approx(319.31, abs=0.005)
    assert depot.stacked_safety_stock == pytest.approx(69.79, abs=0.005)
    assert north.stacked_safety_stock == pytest.approx(32.90, abs=0.005)
    assert plan.total_safety_stock == pytest.approx(118.61, abs=0.005)
    assert plan.stacked_safety_stock == pytest.approx(135.58, abs=0.005)
    assert "promised 9 d by Depot" in north.reason


def test_depot_keeps_the_stock_when_its_lead_time_dominates():
    """Four sites 1 day from the depot: S0 = 0 costs z (20 x 3 + 4 x 10 x 1) = z 100 =
    164.49, S0 = 9 costs z 4 x 10 sqrt(10) = z 126.49 = 208.06: the depot holds
    1.644854 x 20 x 3 = 98.69 and each site 16.45."""
    plan = plan_network(two_sites(transfer_days=1.0, sites=4))
    assert plan.at("Tea", "Depot").outbound_service_days == 0
    assert plan.at("Tea", "Depot").safety_stock == pytest.approx(98.69, abs=0.005)
    assert plan.total_safety_stock == pytest.approx(plan.stacked_safety_stock)


def test_a_supplier_plans_on_its_own_demand_plus_what_it_resupplies():
    stages = [
        Stage("Tea", "Main", 5, 3, 7),
        Stage("Tea", "Region", 8, 0, 2, supplier="Main"),
        Stage("Tea", "Shop", 4, 4, 1, supplier="Region"),
    ]
    net = network_demand(stages)
    assert net["Main"] == pytest.approx((17.0, 5.0))
    assert net["Region"] == pytest.approx((12.0, 4.0))
    plan = plan_network(stages)
    assert plan.at("Tea", "Main").network_demand_per_day == 17.0


def test_measured_transfer_time_is_rounded_up_to_whole_days():
    plan = plan_network(two_sites(transfer_days=3.2))
    assert plan.at("Tea", "Site 0").lead_time_days == 4


def _brute_force(stages):
    """Least cost by trying every outbound service time of every stage (independent of
    the dynamic programme)."""
    net = network_demand(stages)
    by_site = {s.site: s for s in stages}
    target = {s.site: s.service_level for s in stages}
    z = {site: _z(p) for site, p in target.items()}
    sites = [s.site for s in stages]
    best = math.inf
    ranges = [range(0, 1 + sum(math.ceil(by_site[x].lead_time_days) for x in sites))] * len(sites)
    for choice in itertools.product(*ranges):
        s_out = dict(zip(sites, choice, strict=True))
        cost, ok = 0.0, True
        for s in stages:
            si = 0 if s.supplier is None else s_out[s.supplier]
            tau = si + math.ceil(s.lead_time_days) - s_out[s.site]
            if tau < 0:
                ok = False
                break
            cost += z[s.site] * net[s.site][1] * math.sqrt(tau)
            cost += z[s.site] * s.demand_sd_per_day * math.sqrt(s_out[s.site])
        if ok:
            best = min(best, cost)
    return best


def _z(p):
    from stockops.policy.reorder import z_for_service_level

    return z_for_service_level(p)


@settings(deadline=None)  # brute force over every choice takes its time
@given(
    st.lists(
        st.tuples(st.integers(1, 3), st.floats(1, 9), st.integers(0, 3)), min_size=1, max_size=3
    ),
    st.integers(1, 4),
)
def test_the_placement_is_the_least_over_every_choice_of_service_times(sites, depot_lead):
    """Every site with its own demand (so each stage serves the same 95 % target): the
    dynamic programme's cost equals brute force, and never exceeds stacking."""
    stages = [Stage("P", "D", 1, 1, depot_lead)]
    for k, (lead, sd, parent) in enumerate(sites):
        supplier = "D" if parent == 0 or parent > k else f"S{parent - 1}"
        stages.append(Stage("P", f"S{k}", 2, sd, lead, supplier=supplier))
    plan = plan_network(stages)
    assert plan.total_safety_stock == pytest.approx(_brute_force(stages), rel=1e-9, abs=1e-9)
    assert plan.total_safety_stock <= plan.stacked_safety_stock + 1e-9


@pytest.mark.parametrize(
    ("law", "tolerance", "network_stock", "stacked_stock"),
    [("normal", 0.01, 121.0, 137.5), ("gamma", 0.002, 126.1, 145.0)],
)
def test_the_network_plan_meets_the_sites_target_with_less_stock_than_stacking(
    law, tolerance, network_stock, stacked_stock
):
    """200 paths of 2,000 days, gamma demand (20/day, deviation 10/day) at both sites of
    the hand-computed example, the same demand for both plans.

    Normal law (the hand computation): the network plan's sites serve every demand of a
    day from stock on 94.3 % and 94.4 % of days (target 95 %; tolerance 1 point: a normal
    safety factor on skewed demand) holding 121.0 units on average over the network;
    stacking single-site safety stock holds 137.5 and its sites do worse (93.3 %, 93.4 %),
    its depot late for 2.7 % of its shipments.

    Gamma law: 95.0 % and 95.1 % (tolerance 0.2 point) with 126.1 units; stacking holds
    145.0 for 94.5 % and 94.7 % (its depot late for 2.4 % of its shipments)."""
    rng = np.random.default_rng(7)
    demand = gamma_demand(np.full(2, 20.0), np.full(2, 10.0), (200, 2000), rng)
    network = simulate_two_level(plan_network(two_sites(), law=law), "Tea", demand)
    stacked = simulate_two_level(plan_network(two_sites(), stacked=True, law=law), "Tea", demand)
    assert (network.cycle_service >= 0.95 - tolerance).all()
    assert network.late_share == 0.0
    assert network.total_on_hand == pytest.approx(network_stock, abs=0.05)
    assert stacked.total_on_hand == pytest.approx(stacked_stock, abs=0.05)
    assert (stacked.cycle_service < network.cycle_service).all()
    assert stacked.late_share > 0.0


def test_each_warehouse_gets_an_odoo_rule_covering_the_days_the_plan_gives_it():
    rules = reorder_rules(plan_network(two_sites()))
    assert rules.lead_time_days_used.tolist() == [0.0, 13.0, 13.0]
    # the single-site policy covers the 13 days of 20/day and the weekly review
    assert (rules.min_qty[1:] >= 20 * 13).all()
    assert rules.min_qty[0] < rules.min_qty[1]


def test_the_simulation_refuses_a_depot_with_customers_of_its_own():
    stages = [Stage("Tea", "Depot", 5, 2, 9), *two_sites()[1:]]
    demand = np.ones((1, 2, 100))
    with pytest.raises(ValueError, match="a depot without customers of its own"):
        simulate_two_level(plan_network(stages), "Tea", demand)
