"""Replaying demand through a reorder rule as Odoo 18 runs it: the night's order, the pack
rounding, receipts after the lead time, backorders or lost sales, and the service and
stock measured over complete cycles."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from stockops.policy.service.paths import (
    CLASSES,
    bootstrap_paths,
    class_paths,
    lead_time_draws,
    lead_time_pmf,
)
from stockops.policy.service.replay import order_quantity, replay, shifted_service

# --- the night's order, as Odoo 18 computes it -----------------------------------------


def test_pack_larger_than_max_minus_min_orders_nothing_until_the_position_reaches_zero():
    # min 5 / max 12 in packs of 12: Odoo rounds 12 - position DOWN to the pack
    positions = [4.0, 3.0, 1.0, 0.5, 0.0, -2.0]
    assert order_quantity(positions, 5.0, 12.0, 12.0).tolist() == [0, 0, 0, 0, 12, 12]


def test_a_rule_without_max_rounds_up_to_the_pack():
    assert order_quantity([4.0], 5.0, 0.0, 12.0).tolist() == [12.0]


def test_position_at_min_does_not_order_and_rounding_noise_does_not_either():
    # 4.996 rounds to 5.00 (Odoo compares at the unit's 0.01); 20 - 4.99 = 15.01 is
    # rounded down to whole units like any remainder of the multiple
    assert order_quantity([5.0, 4.996, 4.99], 5.0, 20.0, 1.0).tolist() == [0.0, 0.0, 15.0]


def test_ddmrp_buffer_rounds_up_and_orders_at_least_its_minimum():
    assert order_quantity([9.0], 10.0, 30.0, 12.0, rule="ddmrp").tolist() == [24.0]
    assert order_quantity([9.0], 10.0, 11.0, 1.0, rule="ddmrp", min_order_qty=5).tolist() == [5.0]
    assert order_quantity([10.0], 10.0, 30.0, 1.0, rule="ddmrp").tolist() == [0.0]


def test_the_issue_rule_stocks_out_where_the_policy_rule_does_not():
    # 1 a day, lead time 3 days; min 5 / max 12 in packs of 12 waits for the position to
    # reach 0, a max of min + a whole pack orders at 4 and the pack arrives in time
    demand = np.full((1, 200), 1.0)
    old = replay(demand, 5.0, 12.0, 12.0, 3)
    new = replay(demand, 5.0, 17.0, 12.0, 3)
    assert old.smallest_order[0] == 12.0 and new.smallest_order[0] == 12.0
    assert old.cycle_service[0] < 0.1
    assert new.cycle_service[0] == 1.0


# --- the day: receipts, deliveries, backorders ------------------------------------------


def test_an_order_placed_after_a_day_arrives_the_morning_lead_time_days_after_its_date():
    # day 0 takes the position from 10 to 4 < min 5: ordered that night, dated day 1,
    # received on the morning of day 1 + 3 = 4; days 1-3 sell out the 4 left
    demand = np.array([[6.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0]])
    out = replay(demand, 5.0, 10.0, 1.0, 3, keep_trace=True)
    net = out.trace.net_stock[0].tolist()
    assert net[:4] == [4.0, 3.0, 2.0, 1.0]
    assert net[4] == 1.0 + 6.0 - 1.0  # the order of 10 - 4 = 6 arrived that morning
    assert out.orders[0] >= 1


def test_backorders_are_served_first_and_lost_sales_are_gone():
    demand = np.array([[0.0, 8.0, 0.0, 0.0, 0.0, 0.0]])
    kept = replay(demand, 2.0, 5.0, 1.0, 2, keep_trace=True)
    # day 1: 5 on hand, 8 asked: 3 backordered; ordered 5 - (-3) = 8, arrives day 4
    assert kept.trace.net_stock[0].tolist() == [5.0, -3.0, -3.0, -3.0, 5.0, 5.0]
    lost = replay(demand, 2.0, 5.0, 1.0, 2, backorders=False, keep_trace=True)
    assert lost.trace.net_stock[0].tolist() == [5.0, 0.0, 0.0, 0.0, 5.0, 5.0]


def test_a_vendor_in_sequence_delivers_a_late_order_with_the_next():
    demand = np.array([[3.0] * 12])
    # the first order (night 1) takes 6 days, the ones after it one day
    lead = np.array([[1, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])
    ahead = replay(demand, 9.0, 12.0, 1.0, lead, in_sequence=False)
    fifo = replay(demand, 9.0, 12.0, 1.0, lead)
    assert fifo.lead_time_mean[0] > ahead.lead_time_mean[0]


def test_only_complete_cycles_are_measured():
    demand = np.array([[1.0] * 30])
    out = replay(demand, 3.0, 10.0, 1.0, 2)
    # receipts every 7 days from day 9: cycles between them, none before the first
    assert out.cycles[0] == out.orders[0] - 1 or out.cycles[0] == out.orders[0] - 2
    assert out.cycle_service[0] == 1.0 and out.fill_rate[0] == 1.0


day_demand = st.lists(st.integers(0, 30), min_size=20, max_size=120)


@settings(max_examples=120, deadline=None)
@given(
    demand=day_demand,
    low=st.integers(0, 60),
    span=st.integers(1, 60),
    pack=st.sampled_from([1.0, 1.0, 6.0, 12.0, 24.0]),
    lead=st.integers(0, 10),
    backorders=st.booleans(),
)
def test_replay_keeps_the_books(demand, low, span, pack, lead, backorders):
    d = np.array([demand], dtype=float)
    out = replay(
        d, float(low), float(low + span), pack, lead, backorders=backorders, keep_trace=True
    )
    assert 0 <= out.short[0] <= out.demand[0]
    assert out.stockout_cycles[0] <= out.cycles[0] <= out.orders[0]
    if out.orders[0]:
        # Odoo orders whole packs when the rule has a max
        assert out.ordered[0] / pack == pytest.approx(round(out.ordered[0] / pack))
    if backorders:
        assert (out.trace.net_stock[0] >= -d.sum()).all()
    else:
        assert (out.trace.net_stock[0] >= 0).all()


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    low=st.integers(0, 40),
    span=st.integers(1, 40),
    pack=st.sampled_from([1.0, 6.0, 12.0]),
    shift=st.integers(-15, 15),
)
def test_one_replay_answers_for_every_shift_of_min_and_max(seed, low, span, pack, shift):
    # a rule whose max moves to 0 is another rule to Odoo: it rounds up, not down
    assume(low + span + shift != 0)
    rng = np.random.default_rng(seed)
    d = ((rng.random((3, 150)) < 0.4) * rng.integers(1, 9, (3, 150))).astype(float)
    base = replay(d, float(low), float(low + span), pack, 4, keep_trace=True)
    moved = replay(
        d,
        float(low + shift),
        float(low + span + shift),
        pack,
        4,
        initial_on_hand=float(low + span + shift),
    )
    got = shifted_service(base.trace, [float(shift)])
    np.testing.assert_allclose(got.cycle_service[:, 0], moved.cycle_service, equal_nan=True)
    np.testing.assert_allclose(got.fill_rate[:, 0], moved.fill_rate, equal_nan=True)
    np.testing.assert_allclose(got.mean_on_hand[:, 0], moved.mean_on_hand, equal_nan=True)


def test_bad_replay_input_is_named():
    with pytest.raises(ValueError, match="demand must be finite and not negative"):
        replay(np.array([[1.0, -1.0]]), 1.0, 2.0)
    with pytest.raises(ValueError, match="lead_days must be whole days"):
        replay(np.ones((1, 3)), 1.0, 2.0, lead_days=1.5)
    with pytest.raises(ValueError, match="rule must be one of"):
        replay(np.ones((1, 3)), 1.0, 2.0, rule="kanban")


# --- demand and lead-time paths ----------------------------------------------------------


@pytest.mark.parametrize("pattern", CLASSES)
def test_each_class_process_makes_daily_demand_of_that_class(pattern):
    from stockops.policy.forecast import classify_demand

    paths = class_paths(pattern, 40, 2000, np.random.default_rng(5))
    got = [classify_demand(row).pattern for row in paths.demand]
    assert got.count(pattern) >= 36
    np.testing.assert_allclose(paths.demand.mean(axis=1), paths.mean_per_day, rtol=0.3)


def test_bootstrap_draws_whole_weeks_of_the_history():
    history = np.arange(28, dtype=float)[None, :]  # four weeks, each day its own number
    drawn = bootstrap_paths(history, 21, 5, np.random.default_rng(1))
    assert drawn.shape == (5, 21)
    weeks = drawn.reshape(5, 3, 7)
    assert ((weeks - weeks[:, :, :1]) == np.arange(7)).all()  # whole weeks, in order
    assert set(weeks[:, :, 0].ravel().tolist()) <= {0.0, 7.0, 14.0, 21.0}
    with pytest.raises(ValueError, match="shorter than one block"):
        bootstrap_paths(np.ones((1, 5)), 10, 2, np.random.default_rng(1))


@given(mean=st.floats(1.0, 40.0), sd=st.floats(0.0, 8.0))
@settings(deadline=None)
def test_lead_time_distribution_keeps_the_measured_mean(mean, sd):
    days, p = lead_time_pmf([mean], [sd])
    assert p.sum() == pytest.approx(1.0)
    assert (days * p[0]).sum() == pytest.approx(mean, abs=1e-6)


def test_lead_time_draws_follow_the_distribution():
    draws = lead_time_draws(7.0, 2.0, (4, 5000), np.random.default_rng(2))
    assert draws.min() >= 1
    assert draws.mean() == pytest.approx(7.0, abs=0.1)
    assert draws.std() == pytest.approx(2.0, abs=0.2)
