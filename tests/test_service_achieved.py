"""The service a reorder rule would have achieved on a product's own last 26 weeks."""

import numpy as np
import pytest

from stockops.policy.service.achieved import REPLAY_WEEKS, achieved_service

DAYS = REPLAY_WEEKS * 7


def _steady(level=3.0, days=DAYS):
    return np.full((1, days), level)


def test_a_rule_with_room_to_spare_keeps_its_promise():
    out = achieved_service(_steady(), min_qty=30.0, max_qty=60.0, lead_time_days=5.0)
    assert out.cycles[0] > 10
    assert out.service[0] == 1.0
    assert not out.below([0.95])[0]
    assert "no stockout in" in out.reason(0, 0.95)
    assert "at or above the 95.0% target" in out.reason(0, 0.95)


def test_a_min_below_the_lead_time_demand_runs_short_every_cycle():
    # 3 a day over 5 days is 15: a min of 6 runs out before each receipt
    out = achieved_service(_steady(), min_qty=6.0, max_qty=27.0, lead_time_days=5.0)
    assert out.stockout_cycles[0] == out.cycles[0] > 0
    assert out.service[0] == 0.0
    assert out.below([0.95])[0]
    reason = out.reason(0, 0.95)
    assert f"a stockout in {out.cycles[0]} of {out.cycles[0]} order cycles" in reason
    assert "below the 95.0% target" in reason


def test_fill_rate_profiles_are_measured_by_fill_rate():
    both = achieved_service(
        np.vstack([_steady(), _steady()]), 12.0, 33.0, 1.0, 5.0, measure=["cycle", "fill_rate"]
    )
    assert both.service[0] == both.cycle_service[0]
    assert both.service[1] == both.fill_rate[1]
    assert both.fill_rate[1] > both.cycle_service[1]  # a stockout misses only a few units
    assert "fill rate" in both.reason(1, 0.95)


def test_only_the_last_26_weeks_count_and_days_not_history_have_no_demand():
    recent = np.tile([4.0, 0.0, 2.0, 0.0, 6.0, 0.0, 0.0], (1, REPLAY_WEEKS))
    older = np.full((1, 70), 50.0)  # a year ago: not replayed
    gaps = recent.copy()
    gaps[0, 21:28] = np.nan  # a week a planner excluded
    zeros = recent.copy()
    zeros[0, 21:28] = 0.0
    a = achieved_service(np.hstack([older, recent]), 10.0, 22.0, 1.0, 3.0)
    b = achieved_service(recent, 10.0, 22.0, 1.0, 3.0)
    c = achieved_service(gaps, 10.0, 22.0, 1.0, 3.0)
    d = achieved_service(zeros, 10.0, 22.0, 1.0, 3.0)
    assert a.service[0] == b.service[0] and a.cycles[0] == b.cycles[0]
    assert c.service[0] == d.service[0] and c.cycles[0] == d.cycles[0]


def test_the_pack_and_the_lead_time_are_those_of_the_rule():
    # packs of 12 on a slow mover: whole packs arrive after the lead time (rounded)
    out = achieved_service(_steady(0.5), 4.0, 28.0, 12.0, 6.6)
    assert out.lead_days[0] == 7
    assert out.cycles[0] > 0 and np.isfinite(out.service[0])
    assert "packs of 12, 7 d lead time" in out.reason(0, 0.95)


def test_nothing_to_measure_is_said_and_is_not_below_target():
    out = achieved_service(np.zeros((1, DAYS)), 0.0, 12.0, 12.0, 7.0)
    assert out.cycles[0] == 0 and np.isnan(out.service[0])
    assert not out.below([0.95])[0]
    assert "nothing to measure" in out.reason(0, 0.95)


def test_bad_input_names_the_field():
    with pytest.raises(ValueError, match="measure"):
        achieved_service(_steady(), 1.0, 2.0, measure="weekly")
    with pytest.raises(ValueError, match="lead_time_days"):
        achieved_service(_steady(), 1.0, 2.0, lead_time_days=-1.0)
