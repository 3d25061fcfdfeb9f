"""Trend and season tests on the interpolated history: is the slope significant, does a
season of a few harmonics repeat; the season's least-squares fit also starts Holt-Winters."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

#: numbers of harmonics a season's shape may use (BIC picks; capped at season_length // 2,
#: which leaves every seasonal index free)
HARMONICS = (1, 2, 3, 4, 6, 9, 13, 26)
#: significance of the trend test (two-sided z, 1 %)
TREND_Z = 2.576
#: a significant trend must also move the level by this share of the mean over the history
TREND_MIN_CHANGE = 0.10
#: a season is only tested on two full seasons counted from the first real period, of which
#: at least this share are real (not excluded): a promotion inside is interpolated, the
#: periods before the first sale do not count
SEASON_REAL_SHARE = 0.9


def _ols_line(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Intercept (at t=0), slope per period and residuals of a least-squares line per row."""
    t_len = x.shape[1]
    t = np.arange(t_len, dtype=float)
    tc = t - t.mean()
    slope = x @ tc / max(float(tc @ tc), 1e-12)
    mean = x.mean(axis=1)
    resid = x - mean[:, None] - slope[:, None] * tc
    return mean - slope * t.mean(), slope, resid


def _trend_test(fill: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Slope (units per period per period) and whether it is significant: |z| above
    TREND_Z once the standard error is widened for lag-1 autocorrelation of the residuals
    (a wandering level is not a trend), and a change over the history of at least
    TREND_MIN_CHANGE of the mean level."""
    t_len = fill.shape[1]
    if t_len < 8:
        return np.zeros(len(fill)), np.zeros(len(fill), dtype=bool)
    _, slope, resid = _ols_line(fill)
    ss = np.einsum("ij,ij->i", resid, resid)
    r1 = np.einsum("ij,ij->i", resid[:, 1:], resid[:, :-1]) / np.maximum(ss, 1e-12)
    r1 = np.clip(r1, 0.0, 0.95)
    tc = np.arange(t_len) - (t_len - 1) / 2
    se = np.sqrt(ss / (t_len - 2) / float(tc @ tc) * (1 + r1) / (1 - r1))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(slope) / se
    big = np.abs(slope) * t_len >= TREND_MIN_CHANGE * np.abs(fill.mean(axis=1))
    return slope, (np.nan_to_num(z, posinf=np.inf) > TREND_Z) & big


@lru_cache(maxsize=16)
def _season_basis(t_len: int, m: int):
    """Least-squares machinery for level + slope + K harmonics of an ``m``-period season over
    ``t_len`` periods: an orthonormal basis of the nested design (K = 0, 1, ...), the
    harmonics over one season's phases, the K tried, the design's width for each K and the
    inverse of the leading block of R that maps basis coefficients back to the design's."""
    t = np.arange(t_len, dtype=float)
    kmax = m // 2
    cols, shape = [np.ones(t_len), t], []
    for k in range(1, kmax + 1):
        for wave in (np.cos, np.sin):
            if wave is np.sin and 2 * k == m:
                continue  # sin(pi t) is 0 at every whole period
            cols.append(wave(2 * np.pi * k * t / m))
            shape.append(wave(2 * np.pi * k * np.arange(m) / m))
    q, r = np.linalg.qr(np.column_stack(cols))
    ks = tuple(sorted({k for k in HARMONICS if k < kmax} | {0, kmax}))
    widths = tuple(2 + 2 * k - (2 * k == m) for k in ks)
    inverse = tuple(np.linalg.inv(r[:w, :w]) for w in widths)
    return q, np.array(shape), ks, widths, inverse


@dataclass(frozen=True)
class _SeasonFit:
    """Least-squares level (at t=0), slope per period and seasonal index per phase (m, n),
    how many harmonics the season uses (0: none), the design's width, and the seasonal
    strength: the adjusted share of the detrended variance the season explains."""

    level: np.ndarray
    slope: np.ndarray
    season: np.ndarray
    harmonics: np.ndarray
    width: np.ndarray
    strength: np.ndarray


def _season_fit(fill: np.ndarray, m: int, allow_none: bool = True) -> _SeasonFit:
    """Fit level + slope + K harmonics of the season to each row of ``fill`` (n, L), K per
    row by BIC among HARMONICS (and none, when ``allow_none``). K = m // 2 leaves every
    seasonal index free; fewer harmonics give a smooth shape, which is what two years of
    weekly data can support: 52 free indices would mostly be noise."""
    n, t_len = fill.shape
    q, shape, ks, widths, inverse = _season_basis(t_len, m)
    coef = fill @ q
    total = np.einsum("ij,ij->i", fill, fill)
    width = np.array(widths)
    explained = np.cumsum(coef * coef, axis=1)[:, width - 1]
    rss = np.maximum(total[:, None] - explained, 1e-9 * (1.0 + total[:, None]))
    bic = t_len * np.log(rss / t_len) + width * np.log(t_len)
    if not allow_none:
        bic[:, 0] = np.inf
    choice = np.argmin(bic, axis=1)
    level, slope, season = np.empty(n), np.empty(n), np.zeros((m, n))
    for j, w in enumerate(widths):
        rows = np.flatnonzero(choice == j)
        if len(rows):
            beta = coef[rows, :w] @ inverse[j].T
            level[rows], slope[rows] = beta[:, 0], beta[:, 1]
            season[:, rows] = (beta[:, 2:] @ shape[: w - 2]).T
    chosen_rss, chosen_w = rss[np.arange(n), choice], width[choice]
    strength = 1 - (chosen_rss / np.maximum(t_len - chosen_w, 1)) / (rss[:, 0] / (t_len - 2))
    return _SeasonFit(
        level, slope, season, np.array(ks)[choice], chosen_w, np.clip(strength, 0.0, 1.0)
    )


def _season_test(fill: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Seasonal strength (NaN when not tested) and whether the season is significant: with
    at least two whole seasons of history, BIC prefers some harmonics of the season over a
    plain line, so the shape repeats from one season to the next more than noise allows."""
    n = len(fill)
    if m < 2 or fill.shape[1] < 2 * m:
        return np.full(n, np.nan), np.zeros(n, dtype=bool)
    fit = _season_fit(fill, m)
    return fit.strength, fit.harmonics > 0


def _real_span_tests(fill, used, m):
    """Trend and season tests of each row on its span from its first real (used) period:
    the periods before a product's first sale are not history, and holding them flat at
    its first real value would make a level look like a trend or a season.

    Returns the slope, whether it is a significant trend, the seasonal strength, whether
    the season is significant, whether the row may have a season at all (two full seasons
    from its first real period, SEASON_REAL_SHARE of them real) and that span's length."""
    n, t_len = fill.shape
    first = np.argmax(used, axis=1) if t_len else np.zeros(n, dtype=np.int64)
    first = np.where(used.any(axis=1), first, t_len)
    span = t_len - first
    can_season = (m >= 2) & (span >= 2 * m) & (used.sum(axis=1) >= SEASON_REAL_SHARE * 2 * m)
    slope, trending = np.zeros(n), np.zeros(n, dtype=bool)
    strength, seasonal = np.full(n, np.nan), np.zeros(n, dtype=bool)
    for start in np.unique(first[first < t_len]):
        rows = np.flatnonzero(first == start)
        part = fill[rows, start:]
        slope[rows], trending[rows] = _trend_test(part)
        tested = rows[can_season[rows]]
        if len(tested):
            strength[tested], seasonal[tested] = _season_test(fill[tested, start:], m)
    return slope, trending, strength, seasonal, can_season, span
