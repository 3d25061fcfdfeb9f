"""Re-slotting: best saving per move first, within the budget, only where products fit."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.slotting import propose


def test_a_fast_product_moves_into_an_empty_near_bin():
    plan = propose([30, 1], [2, 0], [5.0, 8.0, 50.0], [1, 1, 1], [0.1, 0.1], move_budget=1)
    # one move into the empty bin (saves 2,520 m) beats a swap (2,610 m for two moves)
    assert [(m.product, m.from_bin, m.to_bin) for m in plan.moves] == [(0, 2, 1)]
    assert plan.saving_m == pytest.approx(2 * 30 * 42)
    assert plan.moves[0].reason.startswith("into empty bin 1")
    assert plan.moves[0].saving_m == pytest.approx(2 * 30 * 42)


def test_a_product_only_goes_where_it_fits():
    plan = propose([30, 1], [2, 0], [5.0, 8.0, 50.0], [1, 0.05, 1], [0.1, 0.1], move_budget=2)
    assert [(m.product, m.to_bin) for m in plan.moves] == [(0, 0), (1, 2)]


def test_a_swap_needs_two_moves_of_budget():
    plan = propose([50, 2], [1, 0], [10.0, 40.0], [1, 1], [0.5, 0.5], move_budget=1)
    assert plan.moves == ()


def test_two_products_in_one_bin_are_refused():
    with pytest.raises(ValueError, match="share a bin"):
        propose([1, 2], [0, 0], [1.0, 2.0], [1, 1], [0.1, 0.1], move_budget=2)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.integers(0, 20), st.integers(0, 30), st.integers(0, 2**31 - 1))
def test_budget_uniqueness_and_saving(n_products, extra_bins, budget, seed):
    rng = np.random.default_rng(seed)
    n_bins = n_products + extra_bins
    lines = rng.integers(0, 100, n_products)
    current = rng.permutation(n_bins)[:n_products]
    travel = rng.uniform(3, 90, n_bins)
    capacity = rng.uniform(0.05, 1.0, n_bins)
    volume = rng.uniform(0.01, 0.5, n_products)
    plan = propose(lines, current, travel, capacity, volume, move_budget=budget)
    assert len(plan.moves) <= budget
    assert len({m.product for m in plan.moves}) == len(plan.moves)
    assert len({m.to_bin for m in plan.moves}) == len(plan.moves)
    for m in plan.moves:
        assert volume[m.product] <= capacity[m.to_bin] + 1e-12
    where = current.copy()
    for m in plan.moves:
        where[m.product] = m.to_bin
    assert len(set(where.tolist())) == n_products  # still one product per bin
    after = 2 * (lines * travel[where]).sum()
    assert after == pytest.approx(plan.walk_before_m - plan.saving_m)
    assert plan.saving_m >= 0
