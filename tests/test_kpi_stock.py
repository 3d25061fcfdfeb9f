"""Inventory figures rebuilt from daily flows, against a week computed by hand.

The week of 3-9 March 2025 in a small warehouse: product A (cost 10, 0.01 m3 a unit)
had 50 units received on 20 November, 30 more on Monday 3 March, 20 shipped on the 4th
and 8 on the 6th; product B (cost 4, 0.002 m3) had 40 received on the 3rd and all 40
shipped on the 5th.
"""

import itertools
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.kpi import stock as kpi_stock
from stockops.kpi.periods import last_periods, period_index, period_start

FIRST = date(2024, 11, 1)
MONDAY = date(2025, 3, 3)
SUNDAY = date(2025, 3, 9)


def _week():
    days = (date(2025, 3, 13) - FIRST).days
    inflow, outflow = np.zeros((2, days)), np.zeros((2, days))

    def col(day):
        return (day - FIRST).days

    inflow[0, col(date(2024, 11, 20))] = 50
    inflow[0, col(MONDAY)] = 30
    inflow[1, col(MONDAY)] = 40
    outflow[0, col(date(2025, 3, 4))] = 20
    outflow[1, col(date(2025, 3, 5))] = 40
    outflow[0, col(date(2025, 3, 6))] = 8
    return kpi_stock.StockHistory(FIRST, np.zeros(2), inflow, outflow)


def test_closing_quantities_follow_the_flows():
    history = _week()
    closing = history.closing_qty[:, history.column(MONDAY) : history.column(SUNDAY) + 1]
    assert closing[0].tolist() == [80, 60, 60, 52, 52, 52, 52]
    assert closing[1].tolist() == [40, 40, 0, 0, 0, 0, 0]


def test_stockouts_count_product_days_from_the_first_day_held():
    history = _week()
    both = np.array([True, True])
    # A held all 7 days, B from the 3rd: 14 product-days, B out from the 5th: 5
    figure = kpi_stock.stockouts(history, MONDAY, 7, both)
    assert figure.value == pytest.approx(5 / 14)
    assert figure.reason == "5 of 14 product-days out of stock (1 products ran out)"
    assert kpi_stock.ran_out(history, MONDAY, 7, both).tolist() == [False, True]
    # a product nobody stocks is not counted
    assert kpi_stock.stockouts(history, MONDAY, 7, np.array([True, False])).value == 0.0
    # before B was ever received it is not out of stock: only A counts, never out
    assert kpi_stock.stockouts(history, date(2025, 2, 24), 7, both).value == 0.0


def test_value_over_90_days_is_what_fifo_left_of_old_receipts():
    history = _week()
    # on Sunday A holds 52: the 30 of 3 March are young, 22 of November are old; B holds 0
    assert kpi_stock.old_qty(history, SUNDAY).tolist() == [22, 0]
    figure = kpi_stock.aged_value(history, SUNDAY, np.array([10.0, 4.0]))
    assert figure.value == pytest.approx(220 / 520)
    # the Sunday before, A's 50 units of November were all old (102 days)
    before = kpi_stock.aged_value(history, date(2025, 3, 2), np.array([10.0, 4.0]))
    assert before.value == pytest.approx(1.0)


def test_space_used_is_the_volume_on_hand_over_the_bins():
    figure = kpi_stock.space_used(_week(), SUNDAY, np.array([0.01, 0.002]), 10.0)
    assert figure.value == pytest.approx(0.052)


def test_average_balance_is_the_mean_of_day_end_balances():
    # 500 held before the week, then +460, -200, -160, -80 and four quiet days
    change = np.array([460.0, -200.0, -160.0, -80.0, 0, 0, 0])
    assert kpi_stock.average_balance(500.0, change, 0, 7) == pytest.approx(4400 / 7)
    assert kpi_stock.average_balance(500.0, change, 3, 1) == pytest.approx(520.0)


def test_a_day_outside_the_window_is_a_clear_error():
    with pytest.raises(ValueError, match="outside the window"):
        _week().column(date(2024, 10, 1))


def test_periods_weeks_months_and_the_running_one():
    weeks = last_periods(date(2025, 3, 12), "week")
    assert len(weeks) == 8 and weeks[-1].start == date(2025, 3, 10)
    assert (weeks[-1].days, weeks[-1].to_date) == (3, True)
    assert (weeks[-2].days, weeks[-2].to_date) == (7, False)
    months = last_periods(date(2025, 1, 31), "month", 2)
    assert [m.start for m in months] == [date(2024, 12, 1), date(2025, 1, 1)]
    assert (months[-1].days, months[-1].to_date) == (31, True)
    with pytest.raises(ValueError, match="unknown period kind"):
        period_start(date(2025, 1, 1), "fortnight")


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)), st.sampled_from(["day", "week", "month"]))
def test_consecutive_periods_tile_the_days(today, kind):
    periods = last_periods(today, kind, 5)
    for before, after in itertools.pairwise(periods):
        assert before.end == after.start
    assert periods[-1].start <= today < periods[-1].end
    days = [periods[0].start + timedelta(days=i) for i in range((today - periods[0].start).days)]
    assert all(i >= 0 for i in period_index(days, periods))
