"""Cycle counts: each class as often as asked, every working day about as busy."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.policy.cycle_count import plan_counts


def test_a_year_of_counts_is_even_and_each_product_as_often_as_its_class():
    classes = ["A"] * 50 + ["B"] * 150 + ["C"] * 800
    plan = plan_counts(classes, horizon_days=250, days_per_year=250)
    counts = np.bincount(plan.product, minlength=len(classes))
    assert set(counts[:50]) == {12} and set(counts[50:200]) == {4} and set(counts[200:]) == {1}
    assert plan.load.max() - plan.load.min() <= 1


def test_a_month_carries_a_share_of_the_yearly_counts_not_all_of_them():
    plan = plan_counts(["C"] * 500, horizon_days=21, days_per_year=250)
    assert 35 <= plan.product.size <= 50
    assert "none falls in the next 21 days" in plan.reason(
        int(np.flatnonzero(plan.first_day < 0)[0])
    )


def test_a_due_product_is_counted_by_its_due_day():
    plan = plan_counts(["B", "B", "B"], 30, due_in_days=[0, 3, -1])
    assert plan.first_day[0] == 0 and plan.first_day[1] <= 3
    assert "overdue" in plan.reason(0)


def test_effort_balances_work_not_products():
    plan = plan_counts(["C"] * 4, horizon_days=2, days_per_year=2, effort=[3, 1, 1, 1])
    assert sorted(plan.load) == [3, 3]


def test_unknown_class_is_refused():
    with pytest.raises(ValueError, match="class"):
        plan_counts(["A", "D"], 10)


@settings(max_examples=50)
@given(
    st.lists(st.sampled_from("ABC"), min_size=1, max_size=300),
    st.integers(1, 60),
)
def test_every_count_is_inside_the_horizon_and_spaced_by_its_interval(classes, horizon):
    plan = plan_counts(classes, horizon)
    assert ((plan.day >= 0) & (plan.day < horizon)).all()
    assert plan.load.sum() == plan.product.size
    for i in set(plan.product.tolist()):
        days = plan.days_of(i)
        gaps = set(np.diff(days).tolist())
        assert gaps <= {int(np.floor(plan.interval[i])), int(np.ceil(plan.interval[i]))}
