"""Ageing by FIFO remaining layers, slow and obsolete movers, write-down proposals."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.policy.ageing import age_layers, bucket_labels, classify_movers, days_until

AT = np.datetime64("2025-07-01T12:00:00")


def _dates(*days_ago):
    return np.array([AT - np.timedelta64(int(d * 86400), "s") for d in days_ago])


def test_bucket_edges_are_inclusive_upper_ages():
    ages = [0, 30, 31, 60, 61, 90, 91, 180, 181, 1000]
    ag = age_layers([0] * 10, [1.0] * 10, [1.0] * 10, _dates(*ages), AT, 1)
    assert ag.qty[0].tolist() == [2.0, 2.0, 2.0, 2.0, 2.0]
    assert ag.labels == ("0-30", "31-60", "61-90", "91-180", "180+")
    assert ag.oldest_days[0] == 1000


def test_part_of_a_day_does_not_age_a_layer():
    ag = age_layers([0], [1.0], [1.0], _dates(30.9), AT, 1)
    assert ag.qty[0, 0] == 1.0


def test_future_layers_count_as_new_and_rows_without_layers_are_empty():
    ag = age_layers([1], [4.0], [8.0], _dates(-3), AT, 3)
    assert ag.qty[1, 0] == 4.0
    assert ag.layers.tolist() == [0, 1, 0]
    assert ag.oldest_days[0] == -1
    assert ag.reason(0) == "no remaining valuation layer"


def test_no_cost_and_negative_stock_are_said():
    ag = age_layers([0, 0], [5.0, -2.0], [0.0, -20.0], _dates(10, 3), AT, 1)
    assert "5 units have no cost" in ag.reason(0)
    assert "2 units shipped before they were received" in ag.reason(0)
    assert ag.total_qty[0] == 3.0


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="NaN"):
        age_layers([0], [float("nan")], [1.0], _dates(1), AT, 1)
    with pytest.raises(ValueError, match="bounds"):
        age_layers([0], [1.0], [1.0], _dates(1), AT, 1, bounds=(30, 30))
    with pytest.raises(ValueError, match="rows"):
        age_layers([2], [1.0], [1.0], _dates(1), AT, 2)
    with pytest.raises(ValueError, match="percentages"):
        classify_movers([1.0], [1.0], [1.0], [1.0], slow_pct=150)


def test_custom_bounds_make_their_labels():
    assert bucket_labels((7, 14)) == ("0-7", "8-14", "14+")


layer_lists = st.lists(
    st.tuples(
        st.integers(0, 19),
        st.floats(-50, 1e4, allow_nan=False),
        st.floats(-1e3, 1e6, allow_nan=False),
        st.integers(-5, 2000),
    ),
    max_size=300,
)


@given(layer_lists)
def test_buckets_add_up_to_the_remaining_layers(layers):
    rows = np.array([r for r, *_ in layers], dtype=np.int64)
    qty = np.array([q for _, q, _, _ in layers], dtype=float)
    value = np.array([v for *_, v, _ in layers], dtype=float)
    created = _dates(*(d for *_, d in layers)) if layers else np.array([], "datetime64[s]")
    ag = age_layers(rows, qty, value, created, AT, 20)
    assert ag.qty.shape == (20, 5)
    np.testing.assert_allclose(ag.qty.sum(), qty.sum(), rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(ag.value.sum(), value.sum(), rtol=1e-9, atol=1e-3)
    for r in range(20):
        mine = rows == r
        np.testing.assert_allclose(ag.total_qty[r], qty[mine].sum(), rtol=1e-9, atol=1e-6)
        assert ag.layers[r] == mine.sum()
        assert ag.reason(r)


@given(layer_lists)
def test_each_layer_lands_in_the_bucket_of_its_age(layers):
    for _row, q, v, d in layers[:20]:
        ag = age_layers([0], [q], [v], _dates(d), AT, 1)
        age = max(d, 0)
        expected = sum(age > b for b in (30, 60, 90, 180))
        assert ag.qty[0, expected] == q


def test_obsolete_slow_and_moving():
    mv = classify_movers(
        on_hand_qty=[10, 10, 10, 10, 0, 10],
        value=[100, 100, 100, 100, 0, 0],
        idle_days=[200, 120, 10, 10, 400, np.inf],
        demand_qty=[0, 0, 90, 1, 0, 0],
    )
    assert mv.status.tolist() == ["obsolete", "slow", "ok", "slow", "empty", "obsolete"]
    assert mv.writedown_pct.tolist() == [100, 50, 0, 0, 0, 0]
    assert mv.writedown_value.tolist() == [100, 50, 0, 0, 0, 0]
    assert mv.cover_days[2] == 10
    assert "cover over 180 days, but still moving" in mv.reason(3)
    assert "never moved out" in mv.reason(5)
    assert "no write-down" in mv.reason(5)  # no cost: nothing to write down
    assert mv.reason(4) == "nothing on hand"


def test_limits_and_percentages_per_row():
    mv = classify_movers(
        [5, 5], [50, 50], [100, 100], [0, 0], obsolete_days=[90, 365], slow_pct=[50, 25]
    )
    assert mv.status.tolist() == ["obsolete", "slow"]
    assert mv.writedown_value.tolist() == [50, 12.5]


@given(
    st.lists(
        st.tuples(
            st.floats(-10, 1e4, allow_nan=False),
            st.floats(-10, 1e6, allow_nan=False),
            st.floats(0, 1e4, allow_nan=False),
            st.floats(0, 1e4, allow_nan=False),
        ),
        min_size=1,
        max_size=100,
    )
)
def test_a_write_down_never_exceeds_the_value(rows):
    qty, value, idle, demand = (np.array(c, dtype=float) for c in zip(*rows, strict=True))
    mv = classify_movers(qty, value, idle, demand)
    assert np.all(mv.writedown_value >= 0)
    assert np.all(mv.writedown_value <= np.maximum(value, 0) + 1e-9)
    assert np.all((mv.status == "obsolete") <= (idle >= 180))
    assert all(mv.reason(i) for i in range(len(rows)))


def test_days_until_expiry():
    dates = np.array(["2025-07-01T18:00", "2025-07-11T12:00", "2025-06-30"], "datetime64[s]")
    assert days_until(dates, AT).tolist() == [0, 10, -2]


def test_never_shipped_stock_ages_from_its_oldest_layer():
    mv = classify_movers([4, 4], [40, 40], [200, 20], [0, 0], moved_out=[False, False])
    assert mv.status.tolist() == ["obsolete", "ok"]  # 20 days old: too new to judge
    assert "never moved out, oldest stock 200 days old" in mv.reason(0)
    assert mv.writedown_value.tolist() == [40, 0]
