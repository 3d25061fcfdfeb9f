"""Forecasts for many series at once: the method each row gets, its fit, the backtest on
the last periods and the refit; :func:`forecast` is one row of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

import numpy as np

from stockops.policy.forecast.demand_class import (
    INSUFFICIENT,
    PATTERNS,
    _classify,
    _clean,
    _interpolate,
    _mask_2d,
)
from stockops.policy.forecast.errors import backtest_errors
from stockops.policy.forecast.fitting import _check_horizon, _fit, _level_sd, _sigma
from stockops.policy.forecast.methods import (
    _REGISTRY,
    HOLT,
    HOLT_WINTERS,
    MEAN,
    METHOD_CHOICES,
    METHODS,
    SBA,
    SES,
    TSB,
    ZERO,
)
from stockops.policy.forecast.reasons import (
    _WHY_FORCED,
    _WHY_FORCED_SHORT,
    _WHY_INTERMITTENT,
    _WHY_LEVEL,
    _WHY_LEVEL_SHORT,
    _WHY_LUMPY,
    _WHY_NO_DEMAND,
    _WHY_NO_HISTORY,
    _WHY_ONE_DEMAND,
    _WHY_SEASONAL,
    _WHY_TREND,
)
from stockops.policy.forecast.results import Forecast, ForecastBatch
from stockops.policy.forecast.signals import _real_span_tests

#: a backtest needs at least this many periods to fit on (Holt-Winters: a season plus two)
MIN_FIT_PERIODS = 4

_BLOCK_ROWS = 1 << 14  # forecast_many works through this many series at a time (memory)


def _requested(methods, n: int) -> np.ndarray:
    """Index into METHOD_CHOICES per row."""
    if methods is None:
        return np.zeros(n, dtype=np.int64)
    names = [methods] * n if isinstance(methods, str) else list(methods)
    if len(names) != n:
        raise ValueError(f"methods names {len(names)} methods for {n} series")
    bad = sorted(set(names) - set(METHOD_CHOICES))
    if bad:
        raise ValueError(f"unknown forecasting method(s) {bad}; choose from {METHOD_CHOICES}")
    lookup = {name: i for i, name in enumerate(METHOD_CHOICES)}
    return np.array([lookup[name] for name in names], dtype=np.int64)


def _choose(code, nnz, n_used, seasonal, trending, requested, can_season):
    """Method (index into METHODS) and rule (a _WHY code) per row; see the package docstring."""
    index = {name: i for i, name in enumerate(METHODS)}
    level = np.where(trending, index[HOLT], index[SES])
    method = np.select(
        [code <= 1, code == 2, code == 3, nnz == 1],
        [np.where(seasonal, index[HOLT_WINTERS], level), index[SBA], index[TSB], index[MEAN]],
        index[ZERO],
    )
    level_why = np.where(trending, _WHY_TREND, np.where(can_season, _WHY_LEVEL, _WHY_LEVEL_SHORT))
    why = np.select(
        [code <= 1, code == 2, code == 3, nnz == 1, n_used == 0],
        [
            np.where(seasonal, _WHY_SEASONAL, level_why),
            _WHY_INTERMITTENT,
            _WHY_LUMPY,
            _WHY_ONE_DEMAND,
            _WHY_NO_HISTORY,
        ],
        _WHY_NO_DEMAND,
    )
    # a method asked for applies wherever there is enough demand to fit one
    asked = np.array([-1] + [index[name] for name in METHOD_CHOICES[1:]])[requested]
    forced = (asked >= 0) & (code != PATTERNS.index(INSUFFICIENT))
    short = forced & (asked == index[HOLT_WINTERS]) & ~can_season
    method = np.where(forced, np.where(short, index[HOLT], asked), method)
    why = np.where(forced, np.where(short, _WHY_FORCED_SHORT, _WHY_FORCED), why)
    return method, why


def forecast_many(
    matrix,
    horizon: int,
    season_length: int = 52,
    holdout: int = 13,
    methods: str | Sequence[str] | None = None,
    exclude=None,
) -> ForecastBatch:
    """Forecasts for every row of ``matrix`` (n series x T periods, units per period).

    The same decisions as :func:`forecast`, made for all rows at once: rows are grouped by
    method and each method runs on its group as one 2-D array. ``methods`` is None or
    "auto" (choose per row), one method name for all rows, or one name per row;
    ``exclude`` an optional n x T boolean mask of periods to ignore (NaN is ignored too).
    """
    _check_horizon(horizon)
    if holdout < 0:
        raise ValueError(f"holdout must be >= 0 periods, got {holdout}")
    raw = np.asarray(matrix, dtype=float)
    if raw.ndim != 2:
        raise ValueError(f"matrix must be n series x T periods, got shape {raw.shape}")
    n = len(raw)
    mask = _mask_2d(exclude, n)
    if mask is not None and mask.shape != raw.shape:
        raise ValueError(f"exclude has shape {mask.shape}, the demand {raw.shape}")
    requested = _requested(methods, n)
    m = int(season_length or 1)
    if n <= _BLOCK_ROWS:
        return _forecast_block(raw, mask, requested, int(horizon), m, int(holdout))
    blocks = [
        _forecast_block(
            raw[lo : lo + _BLOCK_ROWS],
            None if mask is None else mask[lo : lo + _BLOCK_ROWS],
            requested[lo : lo + _BLOCK_ROWS],
            int(horizon),
            m,
            int(holdout),
        )
        for lo in range(0, n, _BLOCK_ROWS)
    ]
    return ForecastBatch(
        **{
            f.name: (
                np.concatenate([getattr(b, f.name) for b in blocks])
                if isinstance(getattr(blocks[0], f.name), np.ndarray)
                else getattr(blocks[0], f.name)
            )
            for f in fields(ForecastBatch)
        }
    )


def _forecast_block(raw, mask, requested, horizon: int, m: int, holdout: int) -> ForecastBatch:
    """:func:`forecast_many` for one block of rows, arguments checked."""
    n, t_len = raw.shape
    y, used = _clean(raw, mask)
    code, adi, cv2, nnz, n_used = _classify(y, used)
    fill = _interpolate(y, used)
    slope, trending, strength, seasonal, can_season, span = _real_span_tests(fill, used, m)
    method, why = _choose(code, nnz, n_used, seasonal, trending, requested, can_season)

    per_period = np.zeros((n, horizon))
    sigma, level_sd = np.zeros(n), np.zeros(n)
    window = t_len - holdout
    backtest = np.zeros((n, holdout if window >= 1 else 0))
    backtested = np.zeros(n, dtype=bool)
    for k, name in enumerate(METHODS):
        rows = np.flatnonzero(method == k)
        if not len(rows):
            continue
        if name in (MEAN, ZERO):
            mean_all = y[rows].sum(axis=1) / np.maximum(n_used[rows], 1)
            per_period[rows] = mean_all[:, None] if name == MEAN else 0.0
            resid = (y[rows] - mean_all[:, None]) * used[rows]
            sigma[rows] = np.sqrt((resid**2).sum(axis=1) / np.maximum(n_used[rows] - 1, 1))
            level_sd[rows] = sigma[rows] / np.sqrt(np.maximum(n_used[rows], 1))
            if holdout and window >= 1:
                head = y[rows, :window].sum(axis=1) / np.maximum(used[rows, :window].sum(1), 1)
                backtest[rows] = head[:, None] if name == MEAN else 0.0
                backtested[rows] = True
            continue
        spec = _REGISTRY[name]
        final = _fit(spec, y[rows], used[rows], fill[rows], horizon, m)
        per_period[rows] = final.per_period
        sigma[rows] = _sigma(final.sse, n_used[rows], final.n_fitted)
        level_sd[rows] = _level_sd(
            name, final.params, sigma[rows], final.per_period.mean(axis=1), adi[rows], cv2[rows]
        )
        if holdout > 0 and window >= (m + 2 if spec.seasonal else MIN_FIT_PERIODS):
            # what the method would have said ``holdout`` periods ago: nothing after it seen
            head_y, head_used = y[rows, :window], used[rows, :window]
            head_fill = _interpolate(head_y, head_used)
            backtest[rows] = _fit(spec, head_y, head_used, head_fill, holdout, m).per_period
            backtested[rows] = True

    mase = np.full(n, np.nan)
    bias = np.full(n, np.nan)
    if holdout and window >= 1 and backtested.any():
        b_mase, b_bias = backtest_errors(
            y[:, :window], y[:, window:], backtest, used[:, :window], used[:, window:]
        )
        mase = np.where(backtested, b_mase, np.nan)
        bias = np.where(backtested, b_bias, np.nan)
    names = np.asarray(METHODS)
    return ForecastBatch(
        method=names[method],
        pattern=np.asarray(PATTERNS)[code],
        per_period=per_period,
        mean=per_period.mean(axis=1),
        sigma=sigma,
        level_sd=level_sd,
        mase=mase,
        bias=bias,
        adi=adi,
        cv2=cv2,
        seasonal_strength=strength,
        trend_per_period=slope,
        excluded=(~used).sum(axis=1),
        real_periods=span,
        why=why,
        backtested=backtested,
        periods=t_len,
        season_length=m,
        holdout=int(holdout),
    )


def forecast(
    series,
    horizon: int,
    season_length: int = 52,
    method: str = "auto",
    holdout: int = 13,
    exclude=None,
) -> Forecast:
    """Forecast demand per period for the next ``horizon`` periods of one series.

    ``series`` holds demand in units per period, oldest first (weekly buckets from the Odoo
    adapter, ``season_length`` 52). ``method`` is "auto" (see the package docstring) or one
    of METHOD_CHOICES; ``exclude`` marks periods to ignore (promotions, one-off spikes,
    stockouts) and ``holdout`` how many final periods the backtest forecasts. Never raises
    on the content of the series: empty, all-zero or one-sale histories get a fallback with
    a reason. Same result as row 0 of :func:`forecast_many` on ``series[None]``.
    """
    y = np.asarray(series, dtype=float)
    if y.ndim != 1:
        raise ValueError(f"series must be one-dimensional, got shape {y.shape}")
    mask = None if exclude is None else np.asarray(exclude, dtype=bool).reshape(1, -1)
    batch = forecast_many(y[None], horizon, season_length, holdout, method, mask)
    return batch.row(0)
