"""The smoothing methods: names, initial states, projections, parameter grids, the
registry that ties each to its recursion, and the labels a planner reads."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from stockops.policy.forecast.recursions import (
    DAMPING,
    _run_croston,
    _run_holt,
    _run_holt_winters,
    _run_ses,
    _run_tsb,
)
from stockops.policy.forecast.signals import _ols_line, _season_fit

SES, HOLT, HOLT_WINTERS, CROSTON, SBA, TSB, MEAN, ZERO = (
    "ses",
    "holt",
    "holt_winters",
    "croston",
    "sba",
    "tsb",
    "mean",
    "zero",
)
#: every method a row can end up with; the last two are the fallbacks for too little demand
METHODS = (SES, HOLT, HOLT_WINTERS, CROSTON, SBA, TSB, MEAN, ZERO)
#: methods that forecast a level with neither trend nor season
STEADY_METHODS = (SES, CROSTON, SBA, TSB, MEAN)
#: what ``method``/``methods`` accept
METHOD_CHOICES = ("auto", SES, HOLT, HOLT_WINTERS, CROSTON, SBA, TSB)
#: SES starts from the mean of this many first periods
SES_START_PERIODS = 13


# initial states from the fitting window (y and fill are (n, L) float64, used (n, L) bool),
# and how many quantities they estimate, for sigma's degrees of freedom


def _init_ses(y, fill, used, m):
    return (fill[:, :SES_START_PERIODS].mean(axis=1),), 1


def _init_holt(y, fill, used, m):
    intercept, slope, _ = _ols_line(fill)
    return (intercept - DAMPING * slope, slope), 2


def _init_holt_winters(y, fill, used, m):
    """Level, trend and a season of at least one harmonic, chosen by BIC (see _season_fit)."""
    fit = _season_fit(fill, m, allow_none=False)
    states = (fit.level - DAMPING * fit.slope, fit.slope, fit.season)
    return states, fit.width


def _sizes_and_rate(y, used):
    nnz = np.count_nonzero(y > 0, axis=1)
    size = y.sum(axis=1) / np.maximum(nnz, 1)
    return size, nnz, used.sum(axis=1)


def _init_croston(y, fill, used, m):
    size, nnz, n_used = _sizes_and_rate(y, used)
    return (size, np.where(nnz > 0, n_used / np.maximum(nnz, 1), 1.0)), 2


def _init_tsb(y, fill, used, m):
    size, nnz, n_used = _sizes_and_rate(y, used)
    return (nnz / np.maximum(n_used, 1), size), 2


# projections: states gathered for the chosen parameters, float64; t0 is the first period
# forecast (its index in the history), the result (n, h) before clipping at zero


def _project_ses(states, p, h, t0, m):
    return np.repeat(states[0][:, None], h, axis=1)


def _damped_steps(h: int) -> np.ndarray:
    return np.cumsum(DAMPING ** np.arange(1, h + 1))


def _project_holt(states, p, h, t0, m):
    level, trend = states
    return level[:, None] + trend[:, None] * _damped_steps(h)


def _project_holt_winters(states, p, h, t0, m):
    level, trend, season = states
    phase = (t0 + np.arange(h)) % m
    return level[:, None] + trend[:, None] * _damped_steps(h) + season[phase].T


def _project_croston(states, p, h, t0, m):
    size, interval = states
    return np.repeat((p["factor"] * size / interval)[:, None], h, axis=1)


def _project_tsb(states, p, h, t0, m):
    prob, size = states
    return np.repeat((prob * size)[:, None], h, axis=1)


def _grid(**axes: Sequence[float]) -> dict[str, np.ndarray]:
    names = list(axes)
    rows = list(itertools.product(*(axes[k] for k in names)))
    return {k: np.array([r[i] for r in rows]) for i, k in enumerate(names)}


def _holt_grid(alphas, betas, gammas=None) -> dict[str, np.ndarray]:
    """ETS parametrisation: the trend's beta may not exceed alpha."""
    axes = {"alpha": alphas, "beta": betas} | ({"gamma": gammas} if gammas else {})
    grid = _grid(**axes)
    keep = grid["beta"] <= grid["alpha"]
    return {k: v[keep] for k, v in grid.items()}


def _croston_grid(factor: bool) -> dict[str, np.ndarray]:
    alphas = np.array([0.05, 0.1, 0.15, 0.2])
    return {"alpha": alphas, "factor": 1 - alphas / 2 if factor else np.ones_like(alphas)}


@dataclass(frozen=True)
class _Method:
    """One smoothing method: its parameter grid (each (G,)), how many smoothing parameters
    it fits, and its initial states, recursion and projection."""

    name: str
    grid: dict[str, np.ndarray]
    n_params: int
    seasonal: bool
    init: Callable
    run: Callable
    project: Callable


_REGISTRY = {
    SES: _Method(
        name=SES,
        grid=_grid(alpha=(0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8)),
        n_params=1,
        seasonal=False,
        init=_init_ses,
        run=_run_ses,
        project=_project_ses,
    ),
    HOLT: _Method(
        name=HOLT,
        grid=_holt_grid((0.05, 0.1, 0.2, 0.35, 0.6), (0.0, 0.02, 0.08)),
        n_params=2,
        seasonal=False,
        init=_init_holt,
        run=_run_holt,
        project=_project_holt,
    ),
    HOLT_WINTERS: _Method(
        name=HOLT_WINTERS,
        grid=_holt_grid((0.05, 0.15, 0.3, 0.5), (0.0, 0.02), (0.0, 0.15)),
        n_params=3,
        seasonal=True,
        init=_init_holt_winters,
        run=_run_holt_winters,
        project=_project_holt_winters,
    ),
    CROSTON: _Method(
        name=CROSTON,
        grid=_croston_grid(factor=False),
        n_params=1,
        seasonal=False,
        init=_init_croston,
        run=_run_croston,
        project=_project_croston,
    ),
    SBA: _Method(
        name=SBA,
        grid=_croston_grid(factor=True),
        n_params=1,
        seasonal=False,
        init=_init_croston,
        run=_run_croston,
        project=_project_croston,
    ),
    TSB: _Method(
        name=TSB,
        grid=_grid(alpha=(0.05, 0.1, 0.2, 0.3), beta=(0.02, 0.05, 0.1, 0.2)),
        n_params=2,
        seasonal=False,
        init=_init_tsb,
        run=_run_tsb,
        project=_project_tsb,
    ),
}

_LABELS = {
    SES: "Simple exponential smoothing",
    HOLT: "Holt (damped trend)",
    HOLT_WINTERS: "Holt-Winters (additive season, damped trend)",
    CROSTON: "Croston",
    SBA: "SBA (Croston with the Syntetos-Boylan correction)",
    TSB: "TSB (Teunter-Syntetos-Babai)",
    MEAN: "History mean",
    ZERO: "Zero",
}
