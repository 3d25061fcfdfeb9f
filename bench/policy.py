"""Demand forecasting for many products: ``forecast_many`` against statsforecast.

Synthetic weekly demand, 104 weeks per product, with a realistic mix: smooth (some with a
trend), seasonal (an annual wave plus a holiday peak), intermittent and lumpy. The last 13
weeks are held out. Ours: one ``forecast_many`` call (choice of method, grid fit, backtest
on the holdout and refit, for every series). Baseline: statsforecast's AutoETS
(season_length 52) for the smooth and seasonal products and CrostonSBA for the intermittent
and lumpy ones, each fitted on the first 91 weeks and forecasting the last 13, one series at
a time (its fastest path, no DataFrame). Both are scored with the same MASE on the same
holdout. AutoETS takes a good fraction of a second per series, so it runs on a labelled
random subsample and its time is extrapolated; CrostonSBA runs on every series it covers.
"""

from __future__ import annotations

import time
import warnings

import numpy as np

from bench.result import Result
from stockops.policy.forecast import backtest_errors, forecast_many

WEEKS, HOLDOUT, SEASON = 104, 13, 52
SIZES = {"small": 1_000, "default": 10_000, "large": 100_000}
KINDS = ("smooth", "seasonal", "intermittent", "lumpy")
SHARES = (0.35, 0.25, 0.20, 0.20)
#: at most this many smooth/seasonal series go through AutoETS (about 0.15 s each here)
ETS_SAMPLE = 300


def demand(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` x 104 weeks of synthetic demand (units per week) and each row's kind (index
    into KINDS)."""
    rng = np.random.default_rng(seed)
    kind = rng.choice(len(KINDS), size=n, p=SHARES)
    t = np.arange(WEEKS)
    level = np.exp(rng.normal(np.log(30), 1.0, n)).clip(3, 3000)
    wander = np.exp(np.cumsum(rng.normal(0, 0.015, (n, WEEKS)), axis=1))
    trend = np.where(rng.random(n) < 0.3, rng.uniform(-0.35, 0.35, n), 0.0)
    mu = level[:, None] * wander * (1 + trend[:, None] * t / SEASON).clip(0.2)
    amp = rng.uniform(0.25, 0.7, n)
    phase = rng.uniform(0, SEASON, n)
    wave = 1 + amp[:, None] * np.sin(2 * np.pi * (t - phase[:, None]) / SEASON)
    peak_week = rng.integers(0, SEASON, n)
    dist = np.abs((t[None, :] - peak_week[:, None] + SEASON // 2) % SEASON - SEASON // 2)
    holiday = np.where(rng.random(n) < 0.5, rng.uniform(0.3, 1.0, n), 0.0)
    wave = wave + holiday[:, None] * np.maximum(0, 1 - dist / 2)
    mu = np.where((kind == 1)[:, None], mu * wave, mu)
    cv = rng.uniform(0.05, 0.3, n)
    noisy = mu * rng.gamma(1 / cv[:, None] ** 2, cv[:, None] ** 2, (n, WEEKS))
    regular = rng.poisson(noisy).astype(float)

    p_int = rng.uniform(0.1, 0.6, n)
    sizes_int = 1 + rng.poisson(rng.uniform(0.5, 6, n)[:, None], (n, WEEKS))
    intermittent = (rng.random((n, WEEKS)) < p_int[:, None]) * sizes_int
    p_lumpy = rng.uniform(0.05, 0.5, n)
    sigma = rng.uniform(0.8, 1.3, n)[:, None]
    sizes_lumpy = np.ceil(np.exp(rng.normal(np.log(4), sigma, (n, WEEKS))))
    lumpy = (rng.random((n, WEEKS)) < p_lumpy[:, None]) * sizes_lumpy
    y = np.select([(kind <= 1)[:, None], (kind == 2)[:, None]], [regular, intermittent], lumpy)
    return y.astype(float), kind


def _best_of(repeats: int, func) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - started)
    return best, out


def _statsforecast(y: np.ndarray, kind: np.ndarray, rng: np.random.Generator):
    """Baseline forecasts of the holdout (NaN rows: not covered), its time extrapolated to
    every series, how many smooth/seasonal series AutoETS ran on, and SeasonalNaive's
    forecasts of the same rows for reference; None when statsforecast is not importable."""
    try:
        from statsforecast.models import AutoETS, CrostonSBA, SeasonalNaive
    except ImportError:
        return None
    train = y[:, :-HOLDOUT]
    regular = np.flatnonzero(kind <= 1)
    sample = np.sort(rng.choice(regular, size=min(ETS_SAMPLE, len(regular)), replace=False))
    out = np.full((len(y), HOLDOUT), np.nan)
    naive = np.full((len(y), HOLDOUT), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(sample):
            AutoETS(season_length=SEASON).forecast(y=train[sample[0]], h=HOLDOUT)  # warm-up
        started = time.perf_counter()
        for i in sample:
            out[i] = AutoETS(season_length=SEASON).forecast(y=train[i], h=HOLDOUT)["mean"]
        ets_s = time.perf_counter() - started
        started = time.perf_counter()
        for i in np.flatnonzero(kind >= 2):
            out[i] = CrostonSBA().forecast(y=train[i], h=HOLDOUT)["mean"]
        sba_s = time.perf_counter() - started
        for i in sample:
            naive[i] = SeasonalNaive(season_length=SEASON).forecast(y=train[i], h=HOLDOUT)["mean"]
    ets_total = ets_s / max(len(sample), 1) * len(regular)
    return out, ets_total + sba_s, len(sample), naive


def run(size: str) -> Result:
    n = SIZES[size]
    y, kind = demand(n)
    ours_s, batch = _best_of(3 if n <= 10_000 else 2, lambda: forecast_many(y, HOLDOUT))
    mix = ", ".join(f"{k} {np.mean(kind == i):.0%}" for i, k in enumerate(KINDS))
    print(f"{n} series x {WEEKS} weeks, last {HOLDOUT} held out; mix {mix}")
    methods, counts = np.unique(batch.method, return_counts=True)
    print("  ours chose: " + ", ".join(f"{m} {c}" for m, c in zip(methods, counts, strict=True)))
    print(
        f"  ours          {ours_s:10.3f} s  forecast_many: choose, fit, backtest, refit; all rows"
    )

    base = _statsforecast(y, kind, np.random.default_rng(1))
    if base is None:
        print("  statsforecast is not importable (pip install statsforecast): baseline skipped")
        return Result(ours_s, "statsforecast (not installed)", float("nan"), "s")
    predicted, base_s, n_ets, naive = base
    n_regular = int(np.sum(kind <= 1))
    print(
        f"  statsforecast {base_s:10.3f} s  AutoETS timed on a random {n_ets} of {n_regular} "
        f"smooth/seasonal series and extrapolated, CrostonSBA on all {n - n_regular} others"
    )
    print(f"  speed-up      {base_s / ours_s:10,.0f} x")
    history, actual = y[:, :-HOLDOUT], y[:, -HOLDOUT:]
    their_mase, _ = backtest_errors(history, actual, predicted)
    naive_mase, _ = backtest_errors(history, actual, naive)
    covered = np.isfinite(predicted).all(axis=1)
    print(
        f"  mean MASE on the {HOLDOUT}-week holdout    rows  ours  statsforecast  (ours, all rows)"
    )
    ours_w = theirs_w = 0.0
    for i, k in enumerate(KINDS):
        rows = covered & (kind == i)
        share = np.mean(kind == i)
        mine, theirs = np.nanmean(batch.mase[rows]), np.nanmean(their_mase[rows])
        ours_w, theirs_w = ours_w + share * mine, theirs_w + share * theirs
        print(
            f"    {k:<30} {rows.sum():6d} {mine:5.3f} {theirs:14.3f}  "
            f"({np.nanmean(batch.mase[kind == i]):.3f})"
        )
    print(f"    {'all, weighted by the mix':<30} {covered.sum():6d} {ours_w:5.3f} {theirs_w:14.3f}")
    seasonal = covered & (kind == 1)
    print(
        "  note: AutoETS fits no seasonal model when season_length > 24 (like R's ets), so it "
        "treats weekly seasonality as noise; SeasonalNaive(52) on the same seasonal rows "
        f"scores MASE {np.nanmean(naive_mase[seasonal]):.3f}"
    )
    return Result(ours_s, "statsforecast", base_s, "s")
