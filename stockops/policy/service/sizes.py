"""How big a demand is, pooled across the products of a demand class (empirical Bayes).

Units: quantities in units; a *relative size* is a day's demand over the mean size of that
product's demand days (unitless, mean 1).

A lumpy product sells on a few dozen days in two years: its own sizes say little about
how big its biggest orders get, and the min of a lumpy product is all about those. The
products of the same demand class tell more together: the spread of their relative sizes
is pooled, and each product's own sizes are mixed with the pool in the proportion
empirical Bayes gives, ``w = tau^2 / (tau^2 + (kappa - 1) / k)``: ``k`` its demand days,
``(kappa - 1) / k`` how uncertain the log of its own squared CV is (``kappa`` the pool's
kurtosis), ``tau^2`` how much that log truly differs between products of the class (the
spread of their estimates less what sampling alone explains). A class whose products
differ a lot keeps each product's own sizes (``w`` near 1); a class of alike products with
few demand days each leans on the pool.

>>> import numpy as np
>>> rng = np.random.default_rng(4)
>>> days = (rng.random((40, 700)) < 0.05) * np.ceil(rng.lognormal(1.5, 1.0, (40, 700)))
>>> pool = pool_sizes(days, np.ones(40, dtype=bool), np.zeros(40, dtype=int))
>>> pool.relative.shape, bool(abs(pool.relative.mean(axis=1) - 1).max() < 1e-9)
((40, 128), True)
>>> bool((pool.own_weight < 0.5).all())  # 35 demand days each of one family: lean on the pool
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

#: quantile points a pooled size distribution is kept at
POINTS = 128
#: products with their own sizes a class needs before it is pooled
MIN_POOL = 5


@dataclass(frozen=True, eq=False)
class SizePool:
    """Per product: its class's pooled relative sizes (n x POINTS equally likely values,
    mean 1; ones where there is no pool) and the weight its own sizes keep (1: no pool)."""

    relative: np.ndarray
    own_weight: np.ndarray


def pool_sizes(days: ArrayLike, own: ArrayLike, group: ArrayLike) -> SizePool:
    """Pool the relative sizes of the products (rows of ``days``: demand per day, NaN not
    history) whose own sizes count (``own``) within each ``group`` (a label per row);
    see the module docstring for the weights."""
    d = np.asarray(days, dtype=float)
    own = np.asarray(own, dtype=bool)
    group = np.asarray(group)
    n = len(d)
    sizes = np.where(np.nan_to_num(d) > 0, d, np.nan)
    k = np.isfinite(sizes).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(np.where(k[:, None] > 0, sizes, 0.0), axis=1)
        relative = sizes / mean[:, None]
        # a row without a demand day (no own history) has no sizes: 0, not a warning
        cv2 = np.nanvar(np.where(k[:, None] > 0, relative, 0.0), axis=1)
    relative_out = np.ones((n, POINTS))
    weight = np.ones(n)
    probs = (np.arange(POINTS) + 0.5) / POINTS
    for label in np.unique(group[own]):
        members = np.flatnonzero(own & (group == label) & (k >= 2))
        if len(members) < MIN_POOL:
            continue
        values = relative[members][np.isfinite(relative[members])]
        points = np.quantile(values, probs)
        points /= points.mean()
        kurtosis = np.mean((values - 1.0) ** 4) / max(np.mean((values - 1.0) ** 2), 1e-12) ** 2
        log_cv2 = np.log(np.maximum(cv2[members], 1e-3))
        # alike sizes (every demand the same quantity) have no kurtosis to speak of:
        # a product's own squared CV is then exact (0), not negatively uncertain
        within = max(kurtosis - 1.0, 0.0) / k[members]
        between = max(np.var(log_cv2) - within.mean(), 1e-3)
        relative_out[members] = points
        weight[members] = between / (between + within)
    return SizePool(relative_out, weight)


def pooled_day_pmf(
    pool: SizePool,
    rows: np.ndarray,
    mean_size: np.ndarray,
    share: np.ndarray,
    width: np.ndarray,
    cells: int,
) -> np.ndarray:
    """A day's demand on the grid (len(rows) x cells, cells of ``width`` units) with the
    class's pooled relative sizes scaled to each product's ``mean_size`` (units) on a
    share ``share`` of days; each size split between its two nearest cells."""
    x = pool.relative[rows] * (mean_size / width)[:, None]
    low = np.minimum(np.floor(x), cells - 2)
    frac = np.clip(x - low, 0.0, 1.0)
    weight = (share / POINTS)[:, None]
    at = (np.arange(len(rows))[:, None] * cells + low.astype(np.int64)).ravel()
    total = len(rows) * cells
    pmf = np.bincount(at, ((1 - frac) * weight).ravel(), total)
    pmf += np.bincount(at + 1, (frac * weight).ravel(), total)
    pmf = pmf.reshape(len(rows), cells)
    pmf[:, 0] += 1.0 - share
    return pmf
