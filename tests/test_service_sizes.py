"""Demand sizes pooled across a demand class: alike products with few demand days lean on
their class, products that truly differ keep their own sizes, and the pooled day keeps
each product's own mean."""

import numpy as np
import pytest

from stockops.policy.service.paths import class_paths
from stockops.policy.service.sizes import POINTS, pool_sizes, pooled_day_pmf


def lumpy_days(n, days, seed, cv=1.0, share=0.05):
    rng = np.random.default_rng(seed)
    sizes = np.ceil(rng.lognormal(1.5, cv, (n, days)))
    return (rng.random((n, days)) < share) * sizes


def test_alike_products_with_few_demand_days_lean_on_their_class():
    days = lumpy_days(60, 728, 1)  # about 36 demand days each, one family
    pool = pool_sizes(days, np.ones(60, dtype=bool), np.zeros(60, dtype=int))
    assert (pool.own_weight < 0.5).all()
    # the pool reaches further than most products' own biggest demand
    own_biggest = np.nanmax(np.where(days > 0, days, np.nan), axis=1) / np.array(
        [row[row > 0].mean() for row in days]
    )
    assert np.median(own_biggest) < pool.relative[0, -1]


def test_products_that_truly_differ_keep_their_own_sizes():
    steady = np.where(np.random.default_rng(2).random((30, 728)) < 0.6, 5.0, 0.0)
    wild = lumpy_days(30, 728, 3, cv=1.5, share=0.6)
    days = np.vstack([steady, wild])
    pool = pool_sizes(days, np.ones(60, dtype=bool), np.zeros(60, dtype=int))
    assert (pool.own_weight > 0.8).all()  # mostly their own


def test_no_pool_without_enough_peers_or_own_history():
    days = lumpy_days(8, 728, 4)
    own = np.array([True] * 4 + [False] * 4)
    pool = pool_sizes(days, own, np.zeros(8, dtype=int))
    assert (pool.own_weight == 1).all() and (pool.relative == 1).all()
    split = pool_sizes(days, np.ones(8, dtype=bool), np.array([0, 1] * 4))
    assert (split.own_weight == 1).all()  # four a class: not enough to pool


def test_a_pooled_day_keeps_the_products_share_and_mean():
    days = lumpy_days(20, 728, 5)
    pool = pool_sizes(days, np.ones(20, dtype=bool), np.zeros(20, dtype=int))
    rows = np.arange(20)
    mean_size = np.full(20, 12.0)
    share = np.full(20, 0.1)
    pmf = pooled_day_pmf(pool, rows, mean_size, share, np.ones(20), 2048)
    assert pool.relative.shape == (20, POINTS)
    np.testing.assert_allclose(pmf.sum(axis=1), 1.0)
    np.testing.assert_allclose(pmf[:, 0], 0.9, atol=1e-9)
    np.testing.assert_allclose(pmf @ np.arange(2048), 0.1 * 12.0, rtol=1e-6)


def test_lumpy_class_paths_are_pooled_and_their_promise_holds():
    from stockops.policy.service.lead_time_demand import lead_time_demand, min_for_cycle_service
    from stockops.policy.service.replay import replay

    paths = class_paths("lumpy", 200, 728 + 1500, np.random.default_rng(6))
    past, future = paths.demand[:, :728], paths.demand[:, 728:]
    span = np.maximum(np.ceil(7 * past.mean(axis=1)), 1.0)
    ltd = lead_time_demand(
        past.mean(axis=1), 0.0, 1.0, 7.0, 0.0, order_span=span, history=past,
        size_group=np.zeros(200, dtype=int),
    )  # fmt: skip
    choice = min_for_cycle_service(ltd, 0.95)
    out = replay(future, choice.min_qty, choice.min_qty + span, 1.0, 7)
    assert np.nanmean(out.cycle_service) == pytest.approx(0.95, abs=0.015)


def test_products_that_always_sell_the_same_quantity_keep_their_own_sizes():
    # six products of a class each selling exactly 2 a day: no spread to pool, and a
    # weight outside [0, 1] would mix the distributions into nonsense
    days = np.tile([2.0, 0, 2, 0, 2, 2, 0], (6, 10))
    pool = pool_sizes(days, np.ones(6, dtype=bool), np.array(["smooth"] * 6))
    assert np.all((pool.own_weight >= 0) & (pool.own_weight <= 1))
    assert np.allclose(pool.own_weight, 1.0)
