"""The demo's plan of floor work: when and by whom, within the shifts, deterministic."""

import datetime

import pytest

from stockops.scenario import generate
from stockops.scenario.floor import CREW, plan_floor_work, working_days

TODAY = datetime.date(2025, 3, 12)  # a Wednesday


@pytest.fixture(scope="module")
def sc():
    return generate("small", today=TODAY)


def test_ten_working_days_before_today():
    days = working_days(TODAY, 10)
    assert days[0] == datetime.date(2025, 2, 26) and days[-1] == datetime.date(2025, 3, 11)
    assert all(d.weekday() < 5 for d in days)


def test_same_scenario_same_plan_and_the_scenario_is_untouched(sc):
    again = generate("small", today=TODAY)
    assert plan_floor_work(sc) == plan_floor_work(again)
    assert sc == again


def test_every_hand_off_in_shift_hours_by_the_crew(sc):
    work = plan_floor_work(sc)
    logins = {op.login for op in CREW}
    for r in work.receipts:
        assert {r.received_by, r.put_away_by} <= logins
        assert r.arrived_at < r.started_at < r.put_away_at[0]
        assert list(r.put_away_at) == sorted(r.put_away_at)
        for at in (r.arrived_at, *r.put_away_at):
            assert 6 <= at.hour < 22 and at.weekday() < 5
    for o in work.orders:
        assert {o.picked_by, o.packed_by, o.shipped_by} <= logins
        assert o.ordered_at < o.pick_started_at < o.picked_at[0] <= o.picked_at[-1]
        assert o.picked_at[-1] < o.packed_at < o.shipped_at < o.reviewed_at
        assert 6 <= o.pick_started_at.hour < 22 and o.shipped_at.hour < 22
        assert o.shipped_at.date() <= o.promised_at.date()


def test_a_few_short_picks_with_reasons(sc):
    work = plan_floor_work(sc)
    lines = [line for o in work.orders for line in o.lines]
    shorts = [line for line in lines if line.picked_qty < line.qty]
    assert 2 <= len(shorts) <= max(2, len(lines) // 10)
    assert all(1 <= s.picked_qty < s.qty and s.short_reason for s in shorts)
    assert all(line.short_reason is None for line in lines if line.picked_qty == line.qty)


def test_history_orders_came_in_hours_before_shipping(sc):
    work = plan_floor_work(sc)
    assert len(work.history_order_lead_h) == len(sc.deliveries)
    assert all(2.0 <= h <= 25.0 for h in work.history_order_lead_h)
