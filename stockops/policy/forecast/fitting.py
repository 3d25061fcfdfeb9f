"""Grid-fitting one method to many series at once, and the single-method functions
:func:`ses`, :func:`holt`, :func:`holt_winters`, :func:`croston`, :func:`sba`, :func:`tsb`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stockops.policy.forecast.demand_class import _clean, _interpolate, _mask_2d
from stockops.policy.forecast.methods import (
    _LABELS,
    _REGISTRY,
    CROSTON,
    HOLT,
    HOLT_WINTERS,
    SBA,
    SES,
    TSB,
    _Method,
)

_CHUNK_ELEMENTS = 1 << 17  # series x grid points per chunk: keeps the working set in cache


@dataclass(frozen=True, eq=False)
class Fit:
    """One method fitted to ``n`` series (units per period): one-step fitted values
    ``fitted`` (n x T: the forecast of period t made at t-1), ``per_period`` (n x horizon,
    flat or seasonal, never negative), ``sigma`` (n,) the standard deviation of the one-step
    errors, and the smoothing parameters chosen for each series."""

    method: str
    fitted: np.ndarray
    per_period: np.ndarray
    sigma: np.ndarray
    params: dict[str, np.ndarray]

    def reason(self, i: int = 0) -> str:
        """Which parameters series ``i`` got and its one-step error, as a sentence."""
        chosen = ", ".join(f"{k} {float(v[i]):.2f}" for k, v in self.params.items())
        return (
            f"{_LABELS[self.method]} with {chosen or 'no parameters'}: in-sample one-step "
            f"error {self.sigma[i]:.3g} per period."
        )


@dataclass(frozen=True)
class _Fitted:
    """A method fitted to n series: forecasts (n, h), chosen parameters, in-sample SSE and
    how many quantities were fitted (smoothing parameters and initial states)."""

    per_period: np.ndarray
    params: dict[str, np.ndarray]
    sse: np.ndarray
    n_fitted: np.ndarray


def _fit(
    method: _Method,
    y: np.ndarray,
    used: np.ndarray,
    fill: np.ndarray,
    horizon: int,
    m: int,
    fitted: np.ndarray | None = None,
    chosen: dict[str, np.ndarray] | None = None,
) -> _Fitted:
    """Grid-fit ``method`` to every row of ``y`` (n, T) and forecast ``horizon`` periods.
    With ``chosen`` the grid is replaced by those per-row parameters and ``fitted`` (n, T)
    receives the one-step fitted values.

    Each row is divided by its largest value first (every method is linear in the demand,
    so this changes nothing but float32's range) and the results are scaled back."""
    n, t_len = y.shape
    scale = np.abs(fill).max(axis=1, initial=0.0)
    scale = np.where(scale > 0, scale, 1.0)
    y, fill = y / scale[:, None], fill / scale[:, None]
    init, n_init = method.init(y, fill, used, m)
    yt = np.ascontiguousarray(y.T, dtype=np.float32)
    wt = None if used.all() else np.ascontiguousarray(used.T, dtype=np.float32)
    grid = chosen if chosen is not None else method.grid
    g = 1 if chosen is not None else len(next(iter(grid.values())))
    chunk = max(256, _CHUNK_ELEMENTS // g)
    out = _Fitted(
        np.empty((n, horizon)),
        {k: np.empty(n) for k in grid},
        np.empty(n),
        np.broadcast_to(n_init + method.n_params, (n,)),
    )
    for lo in range(0, n, chunk):
        cols = slice(lo, min(n, lo + chunk))
        width = cols.stop - cols.start
        if chosen is not None:
            params = {k: v[cols][None, :].astype(np.float32) for k, v in grid.items()}
        else:
            params = {k: v[:, None].astype(np.float32) for k, v in grid.items()}
        states = tuple(np.repeat(s[..., None, cols].astype(np.float32), g, axis=-2) for s in init)
        rec = None if fitted is None else np.empty((t_len, g, width), dtype=np.float32)
        w_cols = None if wt is None else wt[:, cols]
        sse, states = method.run(yt[:, cols], w_cols, params, states, m, rec)
        if rec is not None:
            fitted[cols] = rec[:, 0, :].T * scale[cols, None]
        best, pick = np.argmin(sse, axis=0), np.arange(width)
        picked = tuple(s[..., best, pick].astype(np.float64) for s in states)
        best_p = {k: np.broadcast_to(v, (g, width))[best, pick] for k, v in params.items()}
        out.sse[cols] = sse[best, pick] * scale[cols] ** 2
        for k, v in best_p.items():
            out.params[k][cols] = v
        p64 = {k: v.astype(np.float64) for k, v in best_p.items()}
        out.per_period[cols] = method.project(picked, p64, horizon, t_len, m) * scale[cols, None]
    np.maximum(out.per_period, 0.0, out=out.per_period)
    return out


def _sigma(sse: np.ndarray, n_used: np.ndarray, n_fitted: np.ndarray) -> np.ndarray:
    """Standard deviation of the one-step errors, with degrees of freedom for what was fitted."""
    dof = np.where(n_used > n_fitted, n_used - n_fitted, np.maximum(n_used, 1))
    return np.sqrt(sse / dof)


def _level_sd(name, params, sigma, mean, adi, cv2) -> np.ndarray:
    """How far the forecast's level itself may be off (standard deviation, units per
    period): exponential smoothing with weight a averages about (2 - a) / a periods, so
    its level carries a / (2 - a) of one period's error variance. Croston and SBA update
    only at demands (sizes and intervals, geometric intervals of CV² 1 - 1/ADI); TSB
    smooths the demand probability every period (beta) and the size at demands."""
    a = params["alpha"]
    share = a / (2 - a)
    if name in (CROSTON, SBA):
        cv2_interval = np.maximum(1 - 1 / np.maximum(adi, 1.0), 0.0)
        return mean * np.sqrt(share * (np.nan_to_num(cv2) + cv2_interval))
    if name == TSB:
        b = params["beta"]
        odds = np.maximum(np.nan_to_num(adi, posinf=0.0) - 1, 0.0)
        return mean * np.sqrt(b / (2 - b) * odds + share * np.nan_to_num(cv2))
    return sigma * np.sqrt(share)


def _check_horizon(horizon: int) -> None:
    if int(horizon) != horizon or horizon < 1:
        raise ValueError(f"horizon must be a whole number of periods >= 1, got {horizon!r}")


def _fit_public(name: str, series, horizon: int, m: int, exclude) -> Fit:
    y = np.asarray(series, dtype=float)
    y = y.reshape(1, -1) if y.ndim == 1 else y
    if y.ndim != 2:
        raise ValueError("series must be one series (T,) or a matrix (n series x T periods)")
    _check_horizon(horizon)
    y, used = _clean(y, _mask_2d(exclude, len(y)))
    if y.shape[1] < 2:
        raise ValueError(f"{name} needs at least 2 periods of history, got {y.shape[1]}")
    if name == HOLT_WINTERS and (m < 2 or y.shape[1] < 2 * m):
        name = HOLT  # the documented fallback: fewer than two seasons
    method = _REGISTRY[name]
    fill = _interpolate(y, used)
    fit = _fit(method, y, used, fill, horizon, m)
    fitted = np.empty(y.shape)
    _fit(method, y, used, fill, horizon, m, fitted=fitted, chosen=fit.params)
    params = {k: v for k, v in fit.params.items() if k != "factor"}
    sigma = _sigma(fit.sse, used.sum(axis=1), fit.n_fitted)
    return Fit(name, fitted, fit.per_period, sigma, params)


def ses(series, horizon: int, *, exclude=None) -> Fit:
    """Simple exponential smoothing of demand per period: a flat forecast (units per
    period) from a level smoothed with alpha chosen per series from 0.02-0.8. ``series``
    is one series (T,) or a matrix (n x T); see :class:`Fit`."""
    return _fit_public(SES, series, horizon, 1, exclude)


def holt(series, horizon: int, *, exclude=None) -> Fit:
    """Holt's linear method with a damped trend (phi = DAMPING): level and trend in units
    per period, forecast ``level + (phi + ... + phi^h) * trend``; see :class:`Fit`."""
    return _fit_public(HOLT, series, horizon, 1, exclude)


def holt_winters(series, horizon: int, season_length: int = 52, *, exclude=None) -> Fit:
    """Additive Holt-Winters (units per period) with a damped trend, when the history holds
    at least two seasons of ``season_length`` periods; otherwise Holt (the Fit's method says
    which). Initial level, trend and season are a least-squares fit of the history, the
    season a few harmonics (how many: BIC)."""
    return _fit_public(HOLT_WINTERS, series, horizon, season_length, exclude)


def croston(series, horizon: int, *, exclude=None) -> Fit:
    """Croston's method: non-zero sizes and intervals smoothed separately (one alpha,
    0.05-0.2), forecast size / interval in units per period; biased upwards."""
    return _fit_public(CROSTON, series, horizon, 1, exclude)


def sba(series, horizon: int, *, exclude=None) -> Fit:
    """Syntetos-Boylan approximation: Croston times ``1 - alpha / 2`` (0.95 at alpha 0.1),
    which removes Croston's upward bias; units per period, alpha 0.05-0.2."""
    return _fit_public(SBA, series, horizon, 1, exclude)


def tsb(series, horizon: int, *, exclude=None) -> Fit:
    """Teunter-Syntetos-Babai: the probability of demand is smoothed every period (so it
    decays through long zero runs) and the size at demands; forecast probability x size in
    units per period."""
    return _fit_public(TSB, series, horizon, 1, exclude)
