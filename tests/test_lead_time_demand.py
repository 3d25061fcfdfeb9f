"""The demand a reorder point must cover under Odoo's nightly review: on a known process the
min it chooses achieves the service it promises when replayed as Odoo runs it, the lead
time alone does not, and more service never means a lower min."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.policy.service.lead_time_demand import (
    cycle_service,
    fill_rate,
    lead_time_demand,
    min_for_cycle_service,
    min_for_fill_rate,
)
from stockops.policy.service.paths import class_paths
from stockops.policy.service.replay import replay

LEAD_DAYS = 7


def known(pattern, n=150, seed=3):
    """Series of a class with a long past (its true day, as history) and a future."""
    paths = class_paths(pattern, n, 20_000 + 2_000, np.random.default_rng(seed))
    return paths, paths.demand[:, :20_000], paths.demand[:, 20_000:]


def weekly_orders(paths):
    return np.maximum(np.ceil(7 * paths.mean_per_day), 1.0)


@pytest.mark.parametrize("pattern", ["smooth", "lumpy"])
@pytest.mark.parametrize("target", [0.9, 0.98])
def test_on_a_known_process_the_min_achieves_its_cycle_service(pattern, target):
    paths, past, future = known(pattern)
    span = weekly_orders(paths)
    ltd = lead_time_demand(
        paths.mean_per_day, 0.0, 1.0, LEAD_DAYS, 0.0, order_span=span, history=past
    )
    choice = min_for_cycle_service(ltd, target)
    out = replay(future, choice.min_qty, choice.min_qty + span, 1.0, LEAD_DAYS)
    assert np.nanmean(out.cycle_service) == pytest.approx(target, abs=0.015)
    assert np.mean(choice.service) == pytest.approx(target, abs=0.01)


@pytest.mark.parametrize("pattern", ["smooth", "lumpy"])
def test_on_a_known_process_the_min_achieves_its_fill_rate(pattern):
    paths, past, future = known(pattern)
    span = weekly_orders(paths)
    ltd = lead_time_demand(
        paths.mean_per_day, 0.0, 1.0, LEAD_DAYS, 0.0, order_span=span, history=past
    )
    choice = min_for_fill_rate(ltd, 0.95)
    out = replay(future, choice.min_qty, choice.min_qty + span, 1.0, LEAD_DAYS)
    assert np.nanmean(out.fill_rate) == pytest.approx(0.95, abs=0.015)
    np.testing.assert_allclose(fill_rate(ltd, choice.min_qty), choice.service)


def test_covering_the_lead_time_alone_breaks_a_95_percent_promise():
    paths, past, future = known("smooth")
    span = weekly_orders(paths)
    ltd = lead_time_demand(
        paths.mean_per_day, 0.0, 1.0, LEAD_DAYS, 0.0, order_span=span, history=past
    )
    # the 95 % quantile of the lead time's demand alone, without the night's undershoot
    cdf = np.cumsum(ltd.lead_pmf, axis=1)
    lead_only = np.argmax(cdf >= 0.95, axis=1) * ltd.width
    out = replay(future, lead_only, lead_only + span, 1.0, LEAD_DAYS)
    assert np.nanmean(out.cycle_service) < 0.90
    assert (ltd.undershoot > 0.4 * paths.mean_per_day).all()


def test_the_undershoot_is_that_of_a_position_falling_in_daily_steps():
    paths = class_paths("lumpy", 3, 100_000, np.random.default_rng(5))
    span = np.ceil(paths.mean_per_day)  # orders of a day's demand: far from the limit
    past = paths.demand[:, :50_000]
    ltd = lead_time_demand(
        paths.mean_per_day, 0.0, 1.0, 0.0, 0.0, order_span=span, history=past, bins=4096
    )
    assert (ltd.width == 1).all()  # whole units: the exact undershoot, not a coarse one
    for i in range(3):
        position, seen = span[i], []
        for x in paths.demand[i, 50_000:]:
            position -= x
            if position < 0:
                seen.append(-position)
                position = span[i]
        assert ltd.undershoot[i] == pytest.approx(np.mean(seen), rel=0.05)


def test_a_slow_mover_gets_the_whole_unit_nearest_its_target():
    ltd = lead_time_demand([0.2], [0.5], [0.15], [3.0], [0.0], order_span=[2.0])
    choice = min_for_cycle_service(ltd, 0.90)
    assert choice.min_qty[0] == np.round(choice.min_qty[0])
    got, other = float(choice.service[0]), float(choice.other[0])
    assert abs(got - 0.90) <= abs(other - 0.90)
    step = cycle_service(ltd, choice.min_qty + 1.0)[0] - got
    assert step > 0.01  # a whole unit moves this one's service by more than a point


def test_an_uncertain_level_asks_for_a_higher_min():
    sure = lead_time_demand([5.0], [3.0], [1.0], [7.0], [1.0], order_span=[35.0])
    unsure = lead_time_demand([5.0], [3.0], [1.0], [7.0], [1.0], order_span=[35.0], level_cv=[0.2])
    assert (
        min_for_cycle_service(unsure, 0.95).min_qty[0]
        > min_for_cycle_service(sure, 0.95).min_qty[0]
    )


@settings(max_examples=60, deadline=None)
@given(
    mean=st.floats(0.05, 200.0),
    cv=st.floats(0.1, 3.0),
    share=st.floats(0.05, 1.0),
    lead=st.floats(0.0, 30.0),
    lead_sd=st.floats(0.0, 5.0),
    low=st.floats(0.6, 0.97),
    gap=st.floats(0.005, 0.029),
)
def test_more_service_never_means_a_lower_min(mean, cv, share, lead, lead_sd, low, gap):
    ltd = lead_time_demand(
        [mean], [mean * cv], [share], [lead], [lead_sd], order_span=[max(7 * mean, 1.0)]
    )
    assert ltd.pmf.sum() == pytest.approx(1.0)
    for pick in (min_for_cycle_service, min_for_fill_rate):
        a, b = pick(ltd, low).min_qty[0], pick(ltd, low + gap).min_qty[0]
        assert 0 <= a <= b


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="positive demand per day"):
        lead_time_demand([0.0], [1.0], [1.0], [3.0], [0.0])
    ltd = lead_time_demand([2.0], [1.0], [1.0], [3.0], [0.0])
    with pytest.raises(ValueError, match="order_span"):
        min_for_fill_rate(ltd, 0.95)
