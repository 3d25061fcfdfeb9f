"""ABC by cumulative share, XYZ by coefficient of variation."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.policy.abc import classify_abc, classify_xyz


def test_the_product_that_crosses_the_a_threshold_is_still_a():
    seg = classify_abc([600, 250, 100, 50], thresholds=(80, 15, 5))
    assert list(seg.classes) == ["A", "A", "B", "C"]
    assert "top 2 products reach 85.0%" in seg.reason(1)


def test_nothing_consumed_is_c_and_says_so():
    seg = classify_abc([0.0, 0.0, -3.0])  # net returns count as nothing
    assert list(seg.classes) == ["C", "C", "C"]
    assert seg.reason(2) == "C: no consumption in the period"


def test_ties_keep_the_input_order():
    assert list(classify_abc([10, 10, 10, 10, 10]).classes) == ["A", "A", "A", "A", "B"]


@pytest.mark.parametrize("bad", [(0.8, 0.1), (0.7, 0.2, 0.2), (0.9, -0.1, 0.2)])
def test_thresholds_must_be_three_shares_of_the_whole(bad):
    with pytest.raises(ValueError, match="thresholds"):
        classify_abc([1.0], thresholds=bad)


def test_nan_is_refused():
    with pytest.raises(ValueError, match="NaN"):
        classify_abc([1.0, float("nan")])


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=200))
def test_classes_follow_the_ranking_and_a_holds_most_value(values):
    seg = classify_abc(values)
    v = np.asarray(values)
    order = np.argsort(-v, kind="stable")
    ranked = "".join(seg.classes[order])
    assert ranked == "".join(sorted(ranked))  # A..., then B..., then C...
    if v.sum() > 0:
        assert v[seg.classes == "A"].sum() >= 0.8 * v.sum() - 1e-6 * v.sum()
    assert all(seg.reason(i) for i in range(len(values)))


def test_xyz_by_coefficient_of_variation():
    demand = np.array([[10, 11, 9, 10], [0, 20, 0, 20], [0, 0, 0, 40], [0, 0, 0, 0]])
    var = classify_xyz(demand)
    assert list(var.classes) == ["X", "Y", "Z", "Z"]
    assert var.reason(3) == "Z: no demand in the window"
    assert "CV 1.00" in var.reason(1)
