"""The min and max a reorder rule gets: more service costs stock, Odoo orders what the
policy means (whole packs, at least the MOQ), a short history is not read as steady
demand, fallbacks say so, and bulk runs decide what single runs decide."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.policy.reorder import (
    MIN_HISTORY_WEEKS,
    PolicyDecision,
    PolicyInput,
    decide_policies,
    decide_policy,
    z_for_service_level,
)
from stockops.policy.service.paths import class_paths
from stockops.policy.service.replay import order_quantity, replay


def policy(**changes) -> PolicyDecision:
    """The worked example (10/d, sd 4/d, 5 d lead time, sd 1 d, weekly, 95%) with changes."""
    values = {
        "demand_per_day": 10.0,
        "demand_sd_per_day": 4.0,
        "lead_time_days": 5.0,
        "lead_time_sd_days": 1.0,
        "review_period_days": 7.0,
        "service_level": 0.95,
    }
    values.update(changes)
    return decide_policy(PolicyInput(**values))


quantities = st.floats(0.0, 300.0, allow_nan=False)
service_levels = st.floats(0.6, 0.995)
multiples = st.sampled_from([1.0, 1.0, 2.0, 5.0, 6.0, 12.0, 24.0, 100.0, 0.5])
inputs = st.builds(
    PolicyInput,
    demand_per_day=st.floats(0.05, 300.0) | st.just(0.0),
    demand_sd_per_day=quantities,
    lead_time_days=st.floats(0.0, 40.0) | st.none(),
    lead_time_sd_days=st.floats(0.0, 6.0) | st.none(),
    review_period_days=st.floats(0.0, 30.0),
    service_level=service_levels,
    min_order_qty=st.sampled_from([0.0, 0.0, 1.0, 10.0, 48.0, 250.0]),
    order_multiple=multiples,
    default_lead_time_days=st.floats(0.0, 30.0),
    service_measure=st.sampled_from(["cycle", "fill_rate"]),
    demand_day_share=st.floats(0.05, 1.0),
)


def is_multiple(quantity: float, multiple: float) -> bool:
    ratio = quantity / multiple
    return math.isclose(ratio, round(ratio), abs_tol=1e-9)


# --- the worked example ---------------------------------------------------------------


def test_worked_example_covers_the_lead_time_and_the_nights_undershoot():
    # 5 days x 10/d = 50, and the position is 6.3 under min on the night it orders
    # (E[day^2] / 2 E[day] + 1/2 = (16 + 100) / 20 + 0.5): 56.3 to cover
    decision = policy()
    assert decision.cover == pytest.approx(56.3, abs=0.01)
    assert (decision.min_qty, decision.max_qty) == (80.0, 150.0)
    assert decision.safety_stock == pytest.approx(80 - 56.3, abs=0.01)
    assert decision.expected_service == pytest.approx(0.95, abs=0.005)
    assert not decision.fallback


def test_reason_shows_what_a_planner_checks():
    reason = policy(order_multiple=12.0).reason
    assert reason.startswith("95.0% cycle service (no stockout in 95 of 100 order cycles)")
    assert "demand to cover 56.3: 5 d lead time (sd 1 d) x 10/d + 6.3 already below min" in reason
    assert "min 80 (expected 94.7%)" in reason
    assert "max 152 (weekly cycle of 70, multiple of 12)" in reason  # 80 + 6 packs


def test_fill_rate_profiles_promise_units_not_cycles():
    decision = policy(service_measure="fill_rate")
    assert decision.reason.startswith("95.0% fill rate (95 of 100 units shipped from stock)")
    # a stockout cycle misses only a few units: 95 % of units needs less than 95 % of cycles
    assert decision.min_qty < policy().min_qty


# --- service, variability, cycle --------------------------------------------------------


def test_higher_service_level_holds_more_stock():
    levels = (0.8, 0.9, 0.95, 0.98, 0.99, 0.999)
    mins = [policy(service_level=p).min_qty for p in levels]
    assert mins == sorted(mins) and len(set(mins)) == len(mins)


@settings(max_examples=60, deadline=None)
@given(low=service_levels, high=service_levels, inp=inputs)
def test_more_service_never_means_less_stock(low, high, inp):
    low, high = sorted((low, high))
    a = decide_policy(PolicyInput(**{**_fields(inp), "service_level": low}))
    b = decide_policy(PolicyInput(**{**_fields(inp), "service_level": high}))
    assert a.min_qty <= b.min_qty and a.max_qty <= b.max_qty


def test_lead_time_variability_adds_stock():
    assert policy(lead_time_sd_days=2.5).min_qty > policy(lead_time_sd_days=0.0).min_qty


def test_review_period_sets_cycle_stock_and_barely_moves_min():
    daily, monthly = policy(review_period_days=1.0), policy(review_period_days=30.0)
    assert (daily.max_qty - daily.min_qty, monthly.max_qty - monthly.min_qty) == (10.0, 300.0)
    assert abs(daily.min_qty - monthly.min_qty) <= 3
    assert "daily cycle of 10" in daily.reason


# --- what Odoo orders with the rule -----------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(inp=inputs, below=st.integers(1, 200))
def test_odoo_orders_whole_packs_of_at_least_the_moq_and_the_cycle(inp, below):
    decision = decide_policy(inp)
    if inp.demand_per_day == 0:
        return
    assert decision.min_qty == math.floor(decision.min_qty) >= 0
    span = decision.max_qty - decision.min_qty
    assert is_multiple(span, inp.order_multiple)
    assert span >= inp.min_order_qty - 1e-9
    assert span >= inp.demand_per_day * inp.review_period_days - 1e-6
    # whatever the position below min, Odoo 18's rounding down to the pack still orders
    ordered = order_quantity(
        [decision.min_qty - below], decision.min_qty, decision.max_qty, inp.order_multiple
    )[0]
    assert ordered >= max(inp.min_order_qty, span) - 1e-6
    assert is_multiple(ordered, inp.order_multiple)


def test_the_issue_rule_min_5_max_12_in_packs_of_12_is_not_what_we_write():
    decision = policy(
        demand_per_day=0.5,
        demand_sd_per_day=0.7,
        lead_time_days=3.0,
        lead_time_sd_days=0.0,
        order_multiple=12.0,
    )
    assert decision.max_qty - decision.min_qty == 12.0
    assert order_quantity([decision.min_qty - 1], decision.min_qty, decision.max_qty, 12.0)[0] == 12


def test_a_known_smooth_process_gets_the_service_it_was_promised():
    paths = class_paths("smooth", 200, 728 + 1500, np.random.default_rng(8))
    past, future = paths.demand[:, :728], paths.demand[:, 728:]
    batch = decide_policies(
        past.mean(axis=1),
        past.std(axis=1),
        7.0,
        0.0,
        7.0,
        0.95,
        history=past,
        forecast_steady=True,
    )
    out = replay(future, batch.min_qty, batch.max_qty, 1.0, 7)
    assert np.nanmean(out.cycle_service) == pytest.approx(0.95, abs=0.015)


# --- the level: forecast or the history's own --------------------------------------------


def test_a_steady_forecast_that_agrees_with_two_years_takes_their_level():
    rng = np.random.default_rng(3)
    history = rng.poisson(4.0, (2, 728)).astype(float)
    batch = decide_policies(
        [4.3, 8.0],
        [2.0, 2.0],
        7.0,
        0.0,
        7.0,
        0.95,
        history=history,
        forecast_steady=True,
        forecast_level_sd_per_day=0.3,
    )
    assert batch.level_source.tolist() == ["history", "forecast"]
    assert batch.level_per_day[0] == pytest.approx(history[0].mean())
    assert batch.level_per_day[1] == 8.0  # demand moved: the forecast leads
    assert "level " in batch.reason(0) and "agrees" in batch.reason(0)
    assert "older demand" in batch.reason(1)
    seasonal = decide_policies([4.3], [2.0], 7.0, 0.0, 7.0, 0.95, history=history[:1])
    assert seasonal.level_source[0] == "forecast"  # not said to be steady


# --- short history ----------------------------------------------------------------------


def _peers_and_newcomer(newcomer_weeks):
    demand = np.full(8, 5.0)
    sd = np.array([4.0, 5.0, 6.0, 5.0, 4.5, 5.5, 5.0, 0.0])
    weeks = np.array([60.0] * 7 + [newcomer_weeks])
    pattern = ["erratic"] * 8
    return decide_policies(
        demand,
        sd,
        7.0,
        0.0,
        7.0,
        0.95,
        history_weeks=weeks,
        pattern=pattern,
        demand_day_share=np.array([0.9] * 7 + [1.0]),
    )


def test_one_week_of_history_borrows_its_peers_variability_and_says_so():
    batch = _peers_and_newcomer(1.0)
    # its own deviation (0 after one week) would have meant no safety stock at all
    assert batch.demand_sd_per_day[7] == pytest.approx(5.0)  # median CV 1 of its peers x 5/d
    assert batch.safety_stock[7] > 0.5 * batch.safety_stock[0]
    assert batch.fallback[7] and not batch.fallback[0]
    reason = batch.reason(7)
    assert "short history (1 week)" in reason
    assert "the 7 erratic products with 13+ weeks (CV 1" in reason
    assert reason.startswith("95.0% cycle service")


def test_a_short_history_without_peers_assumes_a_cv_of_one():
    alone = decide_policies([5.0], [0.0], 7.0, 0.0, 7.0, 0.95, history_weeks=[2.0])
    assert alone.demand_sd_per_day[0] == pytest.approx(5.0)
    assert "no peer with a long history" in alone.reason(0)
    assert MIN_HISTORY_WEEKS == 13
    assert not _peers_and_newcomer(13.0).fallback[7]


# --- fallbacks -----------------------------------------------------------------------


def test_zero_demand_is_not_stocked_and_says_why():
    decision = policy(demand_per_day=0.0, demand_sd_per_day=3.0)
    assert (decision.min_qty, decision.max_qty) == (0.0, 0.0)
    assert decision.fallback
    assert decision.reason.startswith("no demand: not stocked unless a planner sets it")


def test_zero_demand_keeps_the_moq_as_max():
    decision = policy(demand_per_day=0.0, min_order_qty=10.0, order_multiple=12.0)
    assert (decision.min_qty, decision.max_qty) == (0.0, 12.0)
    assert "(MOQ 10, multiple of 12)" in decision.reason


def test_unknown_lead_time_uses_the_default_and_says_so():
    decision = policy(lead_time_days=None, default_lead_time_days=21.0)
    assert decision.lead_time_days_used == 21.0
    assert decision.fallback
    assert decision.reason.startswith("Lead time unknown: the default 21 d is used.")
    assert policy(lead_time_days=float("nan")).lead_time_days_used == 14.0


def test_unknown_lead_time_sd_is_taken_as_zero_and_says_so():
    decision = policy(lead_time_sd_days=None)
    assert decision.min_qty == policy(lead_time_sd_days=0.0).min_qty
    assert decision.fallback
    assert "Lead-time sd unknown: taken as 0" in decision.reason
    assert not policy(lead_time_sd_days=0.0).fallback


# --- invalid input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "hint"),
    [
        (1.0, "infinite safety stock"),
        (0.3, "at or below 50%"),
        (0.5, "at or below 50%"),
        (95.0, "pass 0.95, not 95"),
        (float("nan"), "strictly between 0.5 and 1"),
    ],
)
def test_invalid_service_level_is_a_clear_error(level, hint):
    with pytest.raises(ValueError, match="service_level must be a fraction strictly between"):
        policy(service_level=level)
    with pytest.raises(ValueError, match=hint):
        z_for_service_level(level)


@pytest.mark.parametrize(
    "field",
    [
        "demand_per_day",
        "demand_sd_per_day",
        "lead_time_days",
        "lead_time_sd_days",
        "review_period_days",
        "min_order_qty",
        "default_lead_time_days",
    ],
)
def test_negative_input_names_the_field(field):
    with pytest.raises(ValueError, match=rf"^{field} must not be negative, got -1.0"):
        policy(**{field: -1.0})
    with pytest.raises(ValueError, match=rf"^{field}\[1\] must not be negative"):
        _batch_with(field, [1.0, -1.0, 2.0])


def test_other_bad_input_is_named():
    with pytest.raises(ValueError, match=r"demand_per_day must be a finite number"):
        policy(demand_per_day=math.inf)
    with pytest.raises(ValueError, match=r"order_multiple must be positive \(use 1"):
        policy(order_multiple=0.0)
    with pytest.raises(ValueError, match=r"service_level\[2\] must be a fraction"):
        _batch_with("service_level", [0.9, 0.95, 1.0])
    with pytest.raises(ValueError, match="service_measure must be one of"):
        policy(service_measure="availability")
    with pytest.raises(ValueError, match=r"demand_day_share must be a share"):
        policy(demand_day_share=0.0)
    with pytest.raises(ValueError, match="one entry per product or be scalars"):
        decide_policies([1.0, 2.0, 3.0], [1.0, 1.0], 5.0, 1.0, 7.0, 0.95)
    with pytest.raises(ValueError, match="history must be products x days"):
        decide_policies([1.0, 2.0], 1.0, 5.0, 1.0, 7.0, 0.95, history=np.ones((3, 10)))


# --- z of the textbook baseline -----------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "z"),
    [
        (0.8413447460685429, 1.0),
        (0.95, 1.6448536269514722),
        (0.99, 2.3263478740408408),
        (0.99999, 4.264890793923841),
    ],
)
def test_z_matches_the_normal_quantiles(p, z):
    assert z_for_service_level(p) == pytest.approx(z, rel=1e-13, abs=1e-13)


# --- single and batch ----------------------------------------------------------------


def _fields(inp: PolicyInput) -> dict:
    return {name: getattr(inp, name) for name in PolicyInput.__dataclass_fields__}


def _batch_of(items: list[PolicyInput]):
    columns = {
        name: [getattr(i, name) for i in items]
        for name in PolicyInput.__dataclass_fields__
        if name not in ("history", "history_weeks")
    }
    return decide_policies(**columns)


def _batch_with(field: str, values: list[float]):
    columns = {
        "demand_per_day": [10.0, 3.0, 0.0],
        "demand_sd_per_day": [4.0, 1.0, 0.0],
        "lead_time_days": [5.0, None, 2.0],
        "lead_time_sd_days": [1.0, 0.5, None],
        "review_period_days": 7.0,
        "service_level": 0.95,
        field: values,
    }
    return decide_policies(**columns)


@settings(max_examples=40, deadline=None)
@given(items=st.lists(inputs, min_size=1, max_size=12))
def test_single_equals_batch(items):
    # a long history decides alone; a short one borrows from its batch (tested above)
    batch = _batch_of(items)
    assert len(batch) == len(items)
    for i, inp in enumerate(items):
        one, alone = batch.decision(i), decide_policy(inp)
        # the transforms (and the lead-time fit's last Newton step) may round a little
        # differently when rows go together
        assert (one.min_qty, one.max_qty, one.fallback) == (
            alone.min_qty,
            alone.max_qty,
            alone.fallback,
        )
        assert one.cover == pytest.approx(alone.cover, rel=1e-6, abs=1e-9)
        assert one.expected_service == pytest.approx(alone.expected_service, abs=1e-6)


def test_batch_broadcasts_shared_settings_and_reads_nan_as_unknown():
    batch = decide_policies(
        demand_per_day=np.array([10.0, 10.0]),
        demand_sd_per_day=np.array([4.0, 4.0]),
        lead_time_days=np.array([5.0, np.nan]),
        lead_time_sd_days=np.array([1.0, np.nan]),
        review_period_days=7,
        service_level=0.95,
        default_lead_time_days=5.0,
    )
    assert batch.decision(0).reason == policy().reason
    assert (
        batch.decision(1).reason
        == policy(lead_time_days=None, lead_time_sd_days=None, default_lead_time_days=5.0).reason
    )
    assert batch.fallback.tolist() == [False, True]
    with pytest.raises(ValueError, match="read-only"):
        batch.min_qty[0] = 1.0


def test_thousands_of_products_are_decided_in_one_call():
    rng = np.random.default_rng(18)
    n = 3_000
    demand = np.where(rng.random(n) < 0.1, 0.0, rng.gamma(0.8, 6.0, n))
    moq, pack = rng.choice([0.0, 10.0, 100.0], n), rng.choice([1.0, 6.0, 12.0], n)
    batch = decide_policies(
        demand,
        demand * rng.uniform(0.2, 1.5, n),
        np.where(rng.random(n) < 0.05, np.nan, rng.uniform(1.0, 30.0, n)),
        np.where(rng.random(n) < 0.2, np.nan, rng.uniform(0.0, 4.0, n)),
        rng.choice([1.0, 7.0, 14.0], n),
        rng.choice([0.9, 0.95, 0.98, 0.995], n),
        moq,
        pack,
        service_measure=rng.choice(["cycle", "fill_rate"], n),
        demand_day_share=rng.uniform(0.1, 1.0, n),
    )
    stocked = demand > 0
    assert np.all((batch.max_qty - batch.min_qty)[stocked] >= moq[stocked])
    assert np.all(np.mod(batch.max_qty - batch.min_qty, pack) == 0)
    # each min's expected service is the nearest a whole unit gets to its target
    miss = np.abs(batch.expected_service - batch.service_level)
    other = np.abs(batch.next_service - batch.service_level)
    assert np.all((miss <= np.nan_to_num(other, nan=1.0) + 1e-12)[stocked])
    assert np.median(miss[stocked]) < 0.005
    assert len(batch.reasons()) == n
