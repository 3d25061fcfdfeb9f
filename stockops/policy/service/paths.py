"""Demand and lead-time paths to replay: the generating process of each demand class
(known truth, for benchmarks and tests), a product's own history resampled by weeks, and
lead times drawn per order.

Units: demand in units per day (whole units), one row per series, one column per day;
lead times in whole days.

The four classes are Syntetos-Boylan-Croston's, read on *daily* demand: how often a day
has demand (ADI, days per demand day, cut-off 1.32) and how much the sizes of those days
vary (CV² of the non-zero days, cut-off 0.49). Each series draws its own parameters:

* smooth: demand every day or nearly (at least 85 % of days), Poisson around a level of
  2-60 units a day that itself varies a little (gamma, CV up to 0.3);
* erratic: demand on 80-100 % of days, sizes log-normal with CV² 0.6-2 and a mean of
  3-40 units, rounded up to whole units;
* intermittent: demand on 5-60 % of days, sizes 1 + Poisson(0-4): steady small sizes;
* lumpy: demand on 5-60 % of days, log-normal sizes with CV² 0.6-2.5 and a mean of 2-30.

>>> import numpy as np
>>> paths = class_paths("lumpy", 3, 1000, np.random.default_rng(1))
>>> paths.demand.shape, bool((paths.demand == np.round(paths.demand)).all())
((3, 1000), True)
>>> bool(np.allclose(paths.demand.mean(axis=1), paths.mean_per_day, rtol=0.35))
True
>>> np.unique(lead_time_draws(7.0, 0.0, (2, 5), np.random.default_rng(0))).tolist()
[7]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

CLASSES = ("smooth", "erratic", "intermittent", "lumpy")


@dataclass(frozen=True, eq=False)
class DemandPaths:
    """Demand paths (n x days, units per day) and the truth behind each row: its class,
    the share of days with demand, the mean and standard deviation of a day's demand
    (units per day)."""

    pattern: str
    demand: np.ndarray
    day_share: np.ndarray
    mean_per_day: np.ndarray
    sd_per_day: np.ndarray


def _lognormal_sizes(rng, mean, cv2, shape):
    """Whole-unit sizes: ceil of a log-normal with this mean and CV² (per row)."""
    sigma2 = np.log1p(cv2)
    mu = np.log(mean) - sigma2 / 2
    raw = rng.lognormal(mu[:, None], np.sqrt(sigma2)[:, None], shape)
    return np.ceil(raw)


def class_paths(pattern: str, n: int, days: int, rng: np.random.Generator) -> DemandPaths:
    """``n`` series of ``days`` days of demand from the generating process of ``pattern``
    (one of CLASSES, see the module docstring). The truth (share of days with demand,
    mean and deviation per day) is measured on a long draw of each row's process, so it
    includes the rounding to whole units."""
    if pattern not in CLASSES:
        raise ValueError(f"pattern must be one of {CLASSES}, got {pattern!r}")
    shape = (n, days)
    if pattern == "smooth":
        level = np.exp(rng.uniform(np.log(2), np.log(60), n))
        cv = rng.uniform(0.0, 0.3, n)
        shape_k = 1 / np.maximum(cv, 1e-3) ** 2
        wobble = rng.gamma(shape_k[:, None], 1 / shape_k[:, None], shape)
        demand = rng.poisson(level[:, None] * wobble).astype(float)
        # Poisson(level x gamma): mean level, variance level + (level x cv)^2
        share = 1 - np.exp(-level)  # close enough: the wobble barely moves it
        mean, var = level, level + (level * cv) ** 2
        return DemandPaths(pattern, demand, share, mean, np.sqrt(var))
    if pattern == "erratic":
        share = rng.uniform(0.8, 1.0, n)
        size_mean, cv2 = rng.uniform(3, 40, n), rng.uniform(0.6, 2.0, n)
    elif pattern == "intermittent":
        share = rng.uniform(0.05, 0.6, n)
        extra = rng.uniform(0.0, 4.0, n)
    else:
        share = rng.uniform(0.05, 0.6, n)
        size_mean, cv2 = rng.uniform(2, 30, n), rng.uniform(0.6, 2.5, n)
    occurs = rng.random(shape) < share[:, None]
    if pattern == "intermittent":
        sizes = 1 + rng.poisson(extra[:, None], shape).astype(float)
        s_mean, s_var = 1 + extra, extra
    else:
        sizes = _lognormal_sizes(rng, size_mean, cv2, shape)
        # moments of the rounded sizes, from a large draw per row
        probe = _lognormal_sizes(rng, size_mean, cv2, (n, 20_000))
        s_mean, s_var = probe.mean(axis=1), probe.var(axis=1)
    demand = occurs * sizes
    mean = share * s_mean
    var = share * s_var + share * (1 - share) * s_mean**2
    return DemandPaths(pattern, demand, share, mean, np.sqrt(var))


def bootstrap_paths(
    history: ArrayLike, days: int, paths: int, rng: np.random.Generator, block: int = 7
) -> np.ndarray:
    """``paths`` demand paths of ``days`` days per row of ``history`` (n x H, units per
    day), resampled from it in whole blocks of ``block`` days (a week keeps its weekday
    shape): rows ``i * paths`` to ``i * paths + paths - 1`` belong to series ``i``.
    Only whole blocks of the history are drawn from (the oldest days that do not make a
    whole block are left out); ValueError when the history is shorter than a block."""
    h = np.asarray(history, dtype=float)
    if h.ndim != 2:
        raise ValueError(f"history must be series x days, got shape {h.shape}")
    n, length = h.shape
    whole = length // block
    if whole < 1:
        raise ValueError(f"history of {length} days is shorter than one block of {block}")
    weeks = h[:, length - whole * block :].reshape(n, whole, block)
    count = -(-days // block)
    pick = rng.integers(0, whole, (n, paths, count))
    drawn = np.take_along_axis(weeks[:, None, :, :], pick[..., None], axis=2)
    return drawn.reshape(n * paths, count * block)[:, :days]


def lead_time_pmf(mean_days: ArrayLike, sd_days: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The lead-time distribution assumed from a measured mean and deviation (days): the
    whole days ``0..D`` (columns) and their probabilities (n x D+1).

    No spread (under half a day): the two whole days around the mean, weighted to keep
    the mean. With a spread: a gamma of that mean and deviation read at whole days
    (normalised, then tilted to keep the mean): lead times are skewed to the late side,
    never negative.

    >>> days, p = lead_time_pmf([7.0, 6.5], [0.0, 0.0])
    >>> p[:, 6:8].tolist()
    [[0.0, 1.0], [0.5, 0.5]]
    >>> days, p = lead_time_pmf([7.0], [2.0])
    >>> round(float((days * p[0]).sum()), 1), round(float(p[0].sum()), 6)
    (7.0, 1.0)
    """
    mean = np.atleast_1d(np.asarray(mean_days, dtype=float))
    sd = np.broadcast_to(np.asarray(sd_days, dtype=float), mean.shape)
    if (mean < 0).any() or (sd < 0).any() or not np.isfinite(mean + sd).all():
        raise ValueError("lead-time mean and deviation must be finite days, not negative")
    top = int(np.ceil(np.max(mean + 8 * sd, initial=0.0))) + 1
    days = np.arange(top + 1)
    p = np.zeros((len(mean), top + 1))
    # under half a day of spread: the two whole days around the mean
    fixed = sd < 0.5
    low = np.floor(mean).astype(np.int64)
    frac = mean - low
    r = np.flatnonzero(fixed)
    p[r, low[r]] += 1 - frac[r]
    p[r, np.minimum(low[r] + 1, top)] += frac[r]
    r = np.flatnonzero(~fixed)
    if len(r):
        k = (np.maximum(mean[r], 0.5) / sd[r]) ** 2
        theta = sd[r] ** 2 / np.maximum(mean[r], 0.5)
        x = np.maximum(days.astype(float), 0.5)
        logpdf = (k[:, None] - 1) * np.log(x) - x / theta[:, None]
        # each row on its own support, so a row's answer does not depend on the others
        own_top = np.ceil(mean[r] + 8 * sd[r]) + 1
        logpdf = np.where(days[None, :] <= own_top[:, None], logpdf, -np.inf)
        w = np.exp(logpdf - logpdf.max(axis=1, keepdims=True))
        p[r] = _match_mean(w / w.sum(axis=1, keepdims=True), days, mean[r])
    return days, p


def _match_mean(p: np.ndarray, days: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Tilt each row of a pmf over ``days`` exponentially so its mean is ``mean``: reading
    a gamma at whole days moves the mean a little."""
    tilt = np.zeros(len(p))
    for _ in range(30):  # Newton on the tilt: mean' = variance
        w = p * np.exp(np.clip(tilt[:, None] * days, -50, 50))
        w /= w.sum(axis=1, keepdims=True)
        m = (w * days).sum(axis=1)
        v = (w * days**2).sum(axis=1) - m**2
        step = (mean - m) / np.maximum(v, 1e-9)
        tilt += np.clip(step, -1, 1)
        if np.abs(mean - m).max() < 1e-9:
            break
    return w


def lead_time_draws(
    mean_days: ArrayLike, sd_days: ArrayLike, shape: tuple[int, int], rng: np.random.Generator
) -> np.ndarray:
    """Whole-day lead times (n x T, one per series and night an order could be placed in)
    drawn from :func:`lead_time_pmf` of each series' mean and deviation (scalars or n)."""
    n = shape[0]
    mean = np.broadcast_to(np.asarray(mean_days, dtype=float), (n,))
    sd = np.broadcast_to(np.asarray(sd_days, dtype=float), (n,))
    days, p = lead_time_pmf(mean, sd)
    cdf = np.cumsum(p, axis=1)
    cdf[:, -1] = 1.0
    u = rng.random(shape)
    out = np.empty(shape, dtype=np.int64)
    for i in range(n):  # rows share few distinct distributions; searchsorted is per row
        out[i] = days[np.searchsorted(cdf[i], u[i], side="right").clip(0, len(days) - 1)]
    return out
