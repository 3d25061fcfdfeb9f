"""Safety stock, reorder point and Odoo min/max: more service costs stock, packs are
respected, fallbacks say so, and bulk runs decide exactly what single runs decide."""

import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.policy.reorder import (
    PolicyDecision,
    PolicyInput,
    decide_policies,
    decide_policy,
    z_for_service_level,
)


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


quantities = st.floats(0.0, 500.0, allow_nan=False)
days = st.floats(0.0, 60.0, allow_nan=False)
service_levels = st.floats(0.5, 0.9999, exclude_min=True)
multiples = st.sampled_from([1.0, 1.0, 2.0, 5.0, 6.0, 12.0, 24.0, 100.0, 0.5, 0.25])
inputs = st.builds(
    PolicyInput,
    demand_per_day=quantities | st.just(0.0),
    demand_sd_per_day=quantities,
    lead_time_days=days | st.none(),
    lead_time_sd_days=st.floats(0.0, 10.0) | st.none(),
    review_period_days=days,
    service_level=service_levels,
    min_order_qty=st.sampled_from([0.0, 0.0, 1.0, 10.0, 48.0, 250.0, 1000.0]),
    order_multiple=multiples,
    default_lead_time_days=days,
)


def is_multiple(quantity: float, multiple: float) -> bool:
    ratio = quantity / multiple
    return math.isclose(ratio, round(ratio), abs_tol=1e-9)


# --- the worked example ---------------------------------------------------------------


def test_hand_computed_example_matches():
    # z(95%) = 1.6449 (normal table); sqrt(5 x 4^2 + 10^2 x 1^2) = sqrt(180) = 13.4164
    # SS = 1.6449 x 13.4164 = 22.068; ROP = 10 x 5 + 22.068 = 72.068
    # min = ceil(72.068) = 73; max = 73 + max(10 x 7, 0) = 143
    decision = policy()
    assert decision.z == pytest.approx(1.6449, abs=1e-4)
    assert decision.safety_stock == pytest.approx(22.068, abs=0.01)
    assert decision.reorder_point == pytest.approx(72.068, abs=0.01)
    assert (decision.min_qty, decision.max_qty) == (73.0, 143.0)
    assert decision.lead_time_days_used == 5.0
    assert not decision.fallback


def test_reason_shows_the_numbers_a_planner_checks():
    reason = policy(order_multiple=12.0).reason
    assert reason.startswith("95.0% service over 5 d lead time (sd 1 d): safety stock 22.07")
    assert "1.64 x sqrt(5 x 4^2 + 10^2 x 1^2)" in reason
    assert "reorder point 72.07" in reason
    assert "min 73, max 144 (weekly cycle of 70, multiple of 12)" in reason


# --- service level and variability ------------------------------------------------------


def test_higher_service_level_holds_more_safety_stock():
    levels = (0.8, 0.9, 0.95, 0.98, 0.99, 0.999)
    stocks = [policy(service_level=p).safety_stock for p in levels]
    assert stocks == sorted(stocks) and len(set(stocks)) == len(stocks)
    mins = [policy(service_level=p).min_qty for p in levels]
    assert mins == sorted(mins)


@given(low=service_levels, high=service_levels, inp=inputs)
def test_more_service_never_means_less_stock(low, high, inp):
    low, high = sorted((low, high))
    a = decide_policy(PolicyInput(**{**_fields(inp), "service_level": low}))
    b = decide_policy(PolicyInput(**{**_fields(inp), "service_level": high}))
    assert a.safety_stock <= b.safety_stock
    assert a.min_qty <= b.min_qty and a.max_qty <= b.max_qty


def test_lead_time_variability_adds_safety_stock():
    steady = policy(lead_time_sd_days=0.0)
    shaky = policy(lead_time_sd_days=2.0)
    assert shaky.safety_stock > steady.safety_stock
    assert steady.safety_stock == pytest.approx(z_for_service_level(0.95) * 4.0 * math.sqrt(5))
    assert shaky.min_qty > steady.min_qty


def test_review_period_sets_cycle_stock_not_safety_stock():
    daily, monthly = policy(review_period_days=1.0), policy(review_period_days=30.0)
    assert daily.safety_stock == monthly.safety_stock
    assert daily.min_qty == monthly.min_qty
    assert (daily.max_qty - daily.min_qty, monthly.max_qty - monthly.min_qty) == (10.0, 300.0)
    assert "daily cycle of 10" in daily.reason


# --- MOQ and pack multiples ------------------------------------------------------------


@settings(max_examples=200)
@given(inp=inputs)
def test_max_respects_moq_and_is_a_multiple(inp):
    decision = decide_policy(inp)
    assert is_multiple(decision.max_qty, inp.order_multiple)
    assert decision.max_qty - decision.min_qty >= inp.min_order_qty - 1e-9
    assert decision.min_qty == math.floor(decision.min_qty) >= 0
    if inp.demand_per_day > 0:
        assert decision.min_qty >= decision.reorder_point - 1e-9
        cycle = inp.demand_per_day * inp.review_period_days
        assert decision.max_qty - decision.min_qty >= cycle - 1e-9
        # rounding up never adds a whole extra multiple (or unit)
        assert decision.min_qty < decision.reorder_point + 1
        target = decision.min_qty + max(cycle, inp.min_order_qty)
        assert decision.max_qty < target + inp.order_multiple + 1e-9


def test_moq_larger_than_the_cycle_sets_max_and_says_so():
    decision = policy(min_order_qty=200.0, order_multiple=12.0)
    assert decision.min_qty == 73.0
    assert decision.max_qty == 276.0  # 73 + 200 = 273, rounded up to 23 x 12
    assert "MOQ 200 > weekly cycle of 70, multiple of 12" in decision.reason


def test_whole_units_are_not_rounded_up_by_floating_point_noise():
    # 0.1 x 30 = 3.0000000000000004 in floating point: min stays 3, not 4
    decision = policy(
        demand_per_day=0.1,
        demand_sd_per_day=0.0,
        lead_time_days=30.0,
        lead_time_sd_days=0.0,
        review_period_days=30.0,
    )
    assert decision.safety_stock == 0.0
    assert (decision.min_qty, decision.max_qty) == (3.0, 6.0)


# --- fallbacks -----------------------------------------------------------------------


def test_zero_demand_is_not_stocked_and_says_why():
    decision = policy(demand_per_day=0.0, demand_sd_per_day=3.0)
    assert (decision.safety_stock, decision.reorder_point) == (0.0, 0.0)
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
    assert decision.reorder_point == pytest.approx(10 * 21 + decision.safety_stock)
    assert policy(lead_time_days=float("nan")).lead_time_days_used == 14.0


def test_unknown_lead_time_sd_is_taken_as_zero_and_says_so():
    decision = policy(lead_time_sd_days=None)
    assert decision.safety_stock == policy(lead_time_sd_days=0.0).safety_stock
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
    with pytest.raises(ValueError, match=f"^{field} must not be negative, got -1.0"):
        policy(**{field: -1.0})
    with pytest.raises(ValueError, match=rf"^{field}\[1\] must not be negative"):
        _batch_with(field, [1.0, -1.0, 2.0])


def test_infinite_input_and_zero_multiple_are_errors():
    with pytest.raises(ValueError, match="demand_per_day must be a finite number"):
        policy(demand_per_day=math.inf)
    with pytest.raises(ValueError, match="lead_time_days must be a finite number"):
        policy(lead_time_days=math.inf)
    with pytest.raises(ValueError, match=r"order_multiple must be positive \(use 1"):
        policy(order_multiple=0.0)
    with pytest.raises(ValueError, match=r"order_multiple\[0\] must be positive"):
        _batch_with("order_multiple", [0.0, 1.0, 1.0])
    with pytest.raises(ValueError, match=r"service_level\[2\] must be a fraction"):
        _batch_with("service_level", [0.9, 0.95, 1.0])


def test_batch_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="one entry per product or be scalars"):
        decide_policies([1.0, 2.0, 3.0], [1.0, 1.0], 5.0, 1.0, 7.0, 0.95)


# --- z -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "z"),
    [
        (0.8413447460685429, 1.0),
        (0.9, 1.2815515655446004),
        (0.95, 1.6448536269514722),
        (0.975, 1.959963984540054),
        (0.99, 2.3263478740408408),
        (0.999, 3.090232306167813),
        (0.99999, 4.264890793923841),
        (0.999999, 4.753424308817087),
    ],
)
def test_z_matches_the_normal_quantiles(p, z):
    assert z_for_service_level(p) == pytest.approx(z, rel=1e-13, abs=1e-13)


def test_z_agrees_with_scipy_when_installed():
    norm = pytest.importorskip("scipy.stats").norm
    levels = np.concatenate([np.linspace(0.5001, 0.9999, 999), 1 - np.logspace(-14, -1, 99)])
    ours = np.array([z_for_service_level(float(p)) for p in levels])
    np.testing.assert_allclose(ours, norm.ppf(levels), rtol=1e-12, atol=1e-13)


# --- single and batch ----------------------------------------------------------------


def _fields(inp: PolicyInput) -> dict:
    return {name: getattr(inp, name) for name in PolicyInput.__dataclass_fields__}


def _batch_of(items: list[PolicyInput]):
    columns = {name: [getattr(i, name) for i in items] for name in PolicyInput.__dataclass_fields__}
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


@settings(max_examples=100)
@given(items=st.lists(inputs, min_size=1, max_size=25))
def test_single_equals_batch(items):
    batch = _batch_of(items)
    assert len(batch) == len(items)
    for i, inp in enumerate(items):
        assert batch.decision(i) == decide_policy(inp)


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
    assert batch.decision(0) == policy()
    assert batch.decision(1) == policy(
        lead_time_days=None, lead_time_sd_days=None, default_lead_time_days=5.0
    )
    assert batch.fallback.tolist() == [False, True]
    assert batch.reasons() == [batch.reason(0), batch.reason(1)]
    with pytest.raises(ValueError, match="read-only"):
        batch.min_qty[0] = 1.0


def test_ten_thousand_products_are_decided_in_bulk_quickly():
    rng = np.random.default_rng(18)
    n = 10_000
    demand = np.where(rng.random(n) < 0.1, 0.0, rng.gamma(0.8, 6.0, n))
    lead = np.where(rng.random(n) < 0.05, np.nan, rng.uniform(1.0, 30.0, n))
    lead_sd = np.where(rng.random(n) < 0.2, np.nan, rng.uniform(0.0, 4.0, n))
    args = (
        demand,
        demand * rng.uniform(0.2, 1.5, n),
        lead,
        lead_sd,
        rng.choice([1.0, 7.0, 14.0], n),
        rng.choice([0.9, 0.95, 0.98, 0.995], n),
        rng.choice([0.0, 10.0, 100.0], n),
        rng.choice([1.0, 6.0, 12.0], n),
    )
    start = time.perf_counter()
    batch = decide_policies(*args)
    assert time.perf_counter() - start < 1.0
    assert np.all(batch.max_qty - batch.min_qty >= args[6])
    assert np.all(np.mod(batch.max_qty, args[7]) == 0)
    for i in rng.choice(n, 200, replace=False):
        single = PolicyInput(*(float(column[i]) for column in args))
        assert batch.decision(int(i)) == decide_policy(single)
