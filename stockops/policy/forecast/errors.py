"""How wrong a backtest's forecast was: MASE and bias over the held-out periods."""

from __future__ import annotations

import numpy as np


def backtest_errors(
    history: np.ndarray,
    actual: np.ndarray,
    predicted: np.ndarray,
    history_used: np.ndarray | None = None,
    actual_used: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """MASE and bias of ``predicted`` against ``actual`` (n x h, units per period).

    MASE is the mean absolute error over the naive one-step MAE of ``history`` (n x L, the
    fitting window; pairs of consecutive used periods). When that scale is 0 the mean
    absolute demand of the history stands in; when that is 0 too, MASE is 0 for a perfect
    forecast and NaN otherwise. Bias is (mean predicted - mean actual) / mean actual,
    signed (+ over-forecast), NaN when the actual demand was 0 and the forecast was not.
    Unused periods (``*_used`` False) are left out; NaN where no holdout period is used.

    >>> mase, bias = backtest_errors(np.array([[4.0, 6, 4, 6]]), np.array([[5.0, 5]]),
    ...                              np.array([[6.0, 6]]))
    >>> float(mase[0]), float(bias[0])
    (0.5, 0.2)
    """
    history, actual, predicted = (
        np.atleast_2d(np.asarray(a, dtype=float)) for a in (history, actual, predicted)
    )
    hu = np.ones(history.shape, bool) if history_used is None else np.atleast_2d(history_used)
    au = np.ones(actual.shape, bool) if actual_used is None else np.atleast_2d(actual_used)
    pair = hu[:, 1:] & hu[:, :-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = (np.abs(np.diff(history, axis=1)) * pair).sum(axis=1) / pair.sum(axis=1)
        level = (np.abs(history) * hu).sum(axis=1) / hu.sum(axis=1)
        scale = np.where(np.nan_to_num(scale) > 0, scale, np.nan_to_num(level))
        n_act = au.sum(axis=1)
        err = (predicted - actual) * au
        mae = np.abs(err).sum(axis=1) / n_act
        mase = np.where(scale > 0, mae / scale, np.where(mae == 0, 0.0, np.nan))
        mean_act = (actual * au).sum(axis=1) / n_act
        mean_err = err.sum(axis=1) / n_act
        bias = np.where(mean_act > 0, mean_err / mean_act, np.where(mean_err == 0, 0.0, np.nan))
    none = n_act == 0
    return np.where(none, np.nan, mase), np.where(none, np.nan, bias)
