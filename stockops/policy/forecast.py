"""Demand forecasts per product: the method, the forecast, its measured error, and why.

Units: demand in units per period. The Odoo adapter passes weekly buckets, so a period is
one week and a season is 52 periods; nothing here assumes it, ``season_length`` says it.
Negative buckets (net returns) count as zero demand.

Every series is first classified by Syntetos-Boylan-Croston (:func:`classify_demand`):
how often demand occurs (ADI, periods per demand, cut-off 1.32) and how much its sizes
vary (CV² of the non-zero sizes, cut-off 0.49). ``method="auto"`` then picks:

* smooth or erratic -> Holt-Winters (additive season, damped trend) when there are at
  least two full seasons and the season is significant (BIC prefers a repeating shape of
  a few harmonics of the season over a plain trend line, so the shape recurs from year to
  year more than noise allows); otherwise Holt (damped trend) when the trend is
  significant, otherwise simple exponential smoothing (SES);
* intermittent -> SBA (Croston with the Syntetos-Boylan bias correction);
* lumpy -> TSB (Teunter-Syntetos-Babai, which lets the demand probability decay);
* insufficient (fewer than two periods with demand) -> zero when nothing was ever sold,
  otherwise the mean of the history.

Smoothing parameters are chosen per series by minimising the in-sample one-step squared
error over a small grid, for all series and all grid points at once (numpy, float32).
Holt-Winters starts from a least-squares season of K harmonics, K chosen by BIC: 52 free
weekly indices from two years of history would mostly be noise.

Excluded periods (promotions, one-off spikes, stockouts where demand was lost, NaN
buckets) say nothing about normal demand. Inside each smoothing recursion the observation
of an excluded period is replaced by the method's own one-step forecast: the error is zero
and the states pass through unchanged, so the period neither inflates nor zeroes the
forecast (the usual treatment of missing values in exponential smoothing; Croston, SBA and
TSB skip the period, it does not count as an interval). Initial states and the trend and
season tests use the series with excluded periods linearly interpolated between their
nearest non-excluded neighbours; classification, sigma and the backtest ignore them.

The backtest fits on all but the last ``holdout`` periods, forecasts them and reports MASE
(mean absolute error over the in-sample naive one-step MAE) and bias (mean forecast minus
mean actual over mean actual: positive means over-forecasting). The returned forecast is
refitted on the full history, so it does not depend on ``holdout``.

>>> rng = np.random.default_rng(7)
>>> weeks = np.arange(156)
>>> demand = rng.poisson(100 + 40 * np.sin(2 * np.pi * weeks / 52))
>>> f = forecast(demand, horizon=52)
>>> f.method, f.pattern
('holt_winters', 'smooth')
>>> int(np.argmax(f.per_period))  # demand peaks 13 weeks into each year
13
>>> np.round(f.per_period.reshape(4, 13).mean(axis=1), -1).tolist()  # per quarter
[120.0, 130.0, 80.0, 70.0]
>>> classify_demand([0, 0, 3, 0, 0, 0, 5, 0, 0, 4]).pattern
'intermittent'
>>> forecast([0, 0, 0, 0], horizon=2).reason
'No demand in the 4-period history: forecast 0 per period.'
>>> batch = forecast_many(np.tile(demand, (3, 1)), horizon=52)
>>> batch.method.tolist(), bool(np.allclose(batch.per_period[0], f.per_period))
(['holt_winters', 'holt_winters', 'holt_winters'], True)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache

import numpy as np

#: Syntetos-Boylan-Croston cut-offs: periods per demand, squared CV of the demand sizes
ADI_CUTOFF = 1.32
CV2_CUTOFF = 0.49

SMOOTH, ERRATIC, INTERMITTENT, LUMPY, INSUFFICIENT = (
    "smooth",
    "erratic",
    "intermittent",
    "lumpy",
    "insufficient",
)
PATTERNS = (SMOOTH, ERRATIC, INTERMITTENT, LUMPY, INSUFFICIENT)

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
#: what ``method``/``methods`` accept
METHOD_CHOICES = ("auto", SES, HOLT, HOLT_WINTERS, CROSTON, SBA, TSB)

#: trend damping of Holt and Holt-Winters: the trend fades by 2 % per period ahead
DAMPING = 0.98
#: SES starts from the mean of this many first periods
SES_START_PERIODS = 13
#: numbers of harmonics a season's shape may use (BIC picks; capped at season_length // 2,
#: which leaves every seasonal index free)
HARMONICS = (1, 2, 3, 4, 6, 9, 13, 26)
#: significance of the trend test (two-sided z, 1 %)
TREND_Z = 2.576
#: a significant trend must also move the level by this share of the mean over the history
TREND_MIN_CHANGE = 0.10
#: a backtest needs at least this many periods to fit on (Holt-Winters: a season plus two)
MIN_FIT_PERIODS = 4

_CHUNK_ELEMENTS = 1 << 17  # series x grid points per chunk: keeps the working set in cache
_BLOCK_ROWS = 1 << 14  # forecast_many works through this many series at a time (memory)


@dataclass(frozen=True, slots=True)
class DemandClass:
    """Syntetos-Boylan-Croston class of one series: ``adi`` in periods per demand, ``cv2``
    the squared coefficient of variation of the non-zero sizes (unitless)."""

    pattern: str
    adi: float
    cv2: float
    reason: str


@dataclass(frozen=True, slots=True, eq=False)
class Forecast:
    """One product's forecast, in units per period: ``per_period`` for each of the next
    ``horizon`` periods (never negative), their mean, ``sigma_per_period`` the standard
    deviation of the one-step errors (for safety stock), the backtest's MASE (unitless) and
    bias (share of actual demand, + means over-forecast; NaN when not measured), and why."""

    method: str
    pattern: str
    per_period: np.ndarray
    mean_per_period: float
    sigma_per_period: float
    mase: float
    bias: float
    reason: str


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


@dataclass(frozen=True, eq=False)
class ForecastBatch:
    """Forecasts for ``n`` series at once, row ``i`` for series ``i`` (units per period).

    ``method`` and ``pattern`` are arrays of str; ``per_period`` is n x horizon; ``mean``,
    ``sigma``, ``mase`` and ``bias`` have one value per row, as in :class:`Forecast`.
    ``adi`` and ``cv2`` are the demand-class figures, ``seasonal_strength`` the share of
    variance the season explains (NaN when not tested), ``trend_per_period`` the fitted
    slope of the history (units per period per period), ``excluded`` how many periods were
    ignored, ``backtested`` whether the row's backtest ran and ``why`` the rule that chose
    its method (read it through :meth:`reason`); ``periods`` is the history length T,
    ``holdout`` the backtest length asked for."""

    method: np.ndarray
    pattern: np.ndarray
    per_period: np.ndarray
    mean: np.ndarray
    sigma: np.ndarray
    mase: np.ndarray
    bias: np.ndarray
    adi: np.ndarray
    cv2: np.ndarray
    seasonal_strength: np.ndarray
    trend_per_period: np.ndarray
    excluded: np.ndarray
    why: np.ndarray
    backtested: np.ndarray
    periods: int
    season_length: int
    holdout: int

    def __len__(self) -> int:
        return len(self.method)

    def reason(self, i: int) -> str:
        """One sentence a planner can read for row ``i``: the method, why, the error."""
        return _reason(self, i)

    def row(self, i: int) -> Forecast:
        """Row ``i`` as a :class:`Forecast`."""
        per_period = self.per_period[i].copy()
        per_period.setflags(write=False)
        return Forecast(
            method=str(self.method[i]),
            pattern=str(self.pattern[i]),
            per_period=per_period,
            mean_per_period=float(self.mean[i]),
            sigma_per_period=float(self.sigma[i]),
            mase=float(self.mase[i]),
            bias=float(self.bias[i]),
            reason=self.reason(i),
        )


# ---------------------------------------------------------------------------------------------
# classification and input cleaning


def classify_demand(series: Sequence[float] | np.ndarray, exclude=None) -> DemandClass:
    """Syntetos-Boylan-Croston class of one series of demand per period.

    ADI is the number of periods (excluded ones left out) over the number with demand; CV²
    is the population variance of the non-zero sizes over their squared mean. Fewer than
    two periods with demand gives ``"insufficient"``.

    >>> c = classify_demand([5, 6, 5, 4, 6, 5])
    >>> c.pattern, c.adi
    ('smooth', 1.0)
    >>> classify_demand([0, 0, 0, 7]).reason
    'only 1 period with demand in 4: too little to classify'
    """
    y, used = _clean(np.asarray(series, dtype=float).reshape(1, -1), _mask_2d(exclude, 1))
    code, adi, cv2, nnz, n_used = _classify(y, used)
    pattern = PATTERNS[code[0]]
    if pattern == INSUFFICIENT:
        return DemandClass(
            pattern,
            float(adi[0]),
            float(cv2[0]),
            f"only {nnz[0]} period{'s' if nnz[0] != 1 else ''} with demand in {n_used[0]}: "
            "too little to classify",
        )
    often = "regular" if adi[0] < ADI_CUTOFF else "intermittent"
    sizes = "stable" if cv2[0] < CV2_CUTOFF else "variable"
    return DemandClass(
        pattern,
        float(adi[0]),
        float(cv2[0]),
        f"{often} demand (one every {adi[0]:.2f} periods) with {sizes} sizes (CV² {cv2[0]:.2f})",
    )


def _mask_2d(exclude, n: int) -> np.ndarray | None:
    if exclude is None:
        return None
    mask = np.asarray(exclude, dtype=bool)
    return mask.reshape(n, -1) if mask.ndim == 1 and n == 1 else mask


def _clean(y: np.ndarray, exclude: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Demand with excluded and non-finite periods set to 0 and negatives to 0, and the mask
    of the periods used."""
    if exclude is not None and exclude.shape != y.shape:
        raise ValueError(f"exclude has shape {exclude.shape}, the demand {y.shape}")
    finite = np.isfinite(y)
    used = finite if exclude is None else finite & ~exclude
    y = np.where(used, np.maximum(y, 0.0, where=finite, out=np.zeros_like(y)), 0.0)
    return y, used


def _classify(y: np.ndarray, used: np.ndarray):
    """Pattern code (index into PATTERNS), ADI, CV², periods with demand and periods used."""
    n_used = used.sum(axis=1)
    nnz = np.count_nonzero(y > 0, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        adi = np.where(nnz > 0, n_used / np.maximum(nnz, 1), np.inf)
        mean = y.sum(axis=1) / nnz
        var = np.maximum(np.einsum("ij,ij->i", y, y) / nnz - mean * mean, 0.0)
        cv2 = np.where(nnz > 0, var / (mean * mean), np.nan)
    code = np.where(adi < ADI_CUTOFF, 0, 2) + (cv2 >= CV2_CUTOFF)
    code = np.where(nnz < 2, 4, code)
    return code, adi, cv2, nnz, n_used


def _interpolate(y: np.ndarray, used: np.ndarray) -> np.ndarray:
    """``y`` with unused periods linearly interpolated between the nearest used neighbours
    (held flat before the first and after the last; 0 when nothing was used)."""
    if used.all():
        return y
    t_len = y.shape[1]
    t = np.arange(t_len)
    prev = np.maximum.accumulate(np.where(used, t, -1), axis=1)
    nxt = np.minimum.accumulate(np.where(used, t, t_len)[:, ::-1], axis=1)[:, ::-1]
    pv = np.take_along_axis(y, np.clip(prev, 0, t_len - 1), axis=1)
    nv = np.take_along_axis(y, np.clip(nxt, 0, t_len - 1), axis=1)
    has_p, has_n = prev >= 0, nxt < t_len
    frac = (t - prev) / np.maximum(nxt - prev, 1)
    inner = pv + (nv - pv) * frac
    fill = np.where(has_p & has_n, inner, np.where(has_p, pv, np.where(has_n, nv, 0.0)))
    return np.where(used, y, fill)


# ---------------------------------------------------------------------------------------------
# trend and season tests


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


# ---------------------------------------------------------------------------------------------
# smoothing recursions: every series x every grid point at once, one time step per iteration
#
# y is (T, n) float32, w the (T, n) float32 weights (1 used, 0 excluded) or None, params are
# (G, 1) grid columns or (1, n) chosen values, states (G, n) (season: (m, G, n)), updated in
# place. A run returns the in-sample SSE (G, n) and the final states, and fills ``fitted``
# (T, G, n) with the one-step forecasts when given.


def _run_ses(y, w, p, states, m, fitted):
    (level,) = states
    alpha = p["alpha"]
    sse, e, tmp = np.zeros_like(level), np.empty_like(level), np.empty_like(level)
    for t in range(len(y)):
        if fitted is not None:
            fitted[t] = level
        np.subtract(y[t], level, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        level += tmp
        e *= e
        sse += e
    return sse, (level,)


def _run_holt(y, w, p, states, m, fitted):
    level, trend = states
    alpha, beta = p["alpha"], p["beta"]
    sse, e, f, pt, tmp = (np.zeros_like(level), *(np.empty_like(level) for _ in range(4)))
    for t in range(len(y)):
        np.multiply(trend, DAMPING, out=pt)
        np.add(level, pt, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        np.add(f, tmp, out=level)
        np.multiply(beta, e, out=tmp)
        np.add(pt, tmp, out=trend)
        e *= e
        sse += e
    return sse, (level, trend)


def _run_holt_winters(y, w, p, states, m, fitted):
    level, trend, season = states
    alpha, beta, gamma = p["alpha"], p["beta"], p["gamma"]
    sse, e, f, lp, pt, tmp = (np.zeros_like(level), *(np.empty_like(level) for _ in range(5)))
    for t in range(len(y)):
        s = season[t % m]
        np.multiply(trend, DAMPING, out=pt)
        np.add(level, pt, out=lp)
        np.add(lp, s, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        np.add(lp, tmp, out=level)
        np.multiply(beta, e, out=tmp)
        np.add(pt, tmp, out=trend)
        np.multiply(gamma, e, out=tmp)
        s += tmp
        e *= e
        sse += e
    return sse, (level, trend, season)


def _demand_events(y, w):
    """Per period: 1 where there was demand (float32), and the interval since the previous
    demand at those periods, counting used periods only."""
    nz = (y > 0).astype(y.dtype)
    q = np.empty_like(y)
    count = np.zeros(y.shape[1], dtype=y.dtype)
    for t in range(len(y)):
        count += 1 if w is None else w[t]
        q[t] = count
        count *= 1 - nz[t]
    return nz, q


def _run_croston(y, w, p, states, m, fitted):
    size, interval = states
    alpha, factor = p["alpha"], p["factor"]
    nz, q = _demand_events(y, w)
    sse, e, f, a, tmp = (np.zeros_like(size), *(np.empty_like(size) for _ in range(4)))
    for t in range(len(y)):
        np.divide(size, interval, out=f)
        f *= factor
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        e *= e
        sse += e
        np.multiply(alpha, nz[t], out=a)
        np.subtract(y[t], size, out=tmp)
        tmp *= a
        size += tmp
        np.subtract(q[t], interval, out=tmp)
        tmp *= a
        interval += tmp
    return sse, (size, interval)


def _run_tsb(y, w, p, states, m, fitted):
    prob, size = states
    alpha, beta = p["alpha"], p["beta"]
    nz = (y > 0).astype(y.dtype)
    sse, e, f, a, tmp = (np.zeros_like(size), *(np.empty_like(size) for _ in range(4)))
    for t in range(len(y)):
        np.multiply(prob, size, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        e *= e
        sse += e
        np.subtract(nz[t], prob, out=tmp)
        tmp *= beta
        if w is not None:
            tmp *= w[t]
        prob += tmp
        np.multiply(alpha, nz[t], out=a)
        np.subtract(y[t], size, out=tmp)
        tmp *= a
        size += tmp
    return sse, (prob, size)


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


# ---------------------------------------------------------------------------------------------
# error measures


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


# ---------------------------------------------------------------------------------------------
# decisions for many series

(
    _WHY_SEASONAL,
    _WHY_TREND,
    _WHY_LEVEL,
    _WHY_LEVEL_SHORT,
    _WHY_INTERMITTENT,
    _WHY_LUMPY,
    _WHY_FORCED,
    _WHY_FORCED_SHORT,
    _WHY_NO_HISTORY,
    _WHY_NO_DEMAND,
    _WHY_ONE_DEMAND,
) = range(11)


def _check_horizon(horizon: int) -> None:
    if int(horizon) != horizon or horizon < 1:
        raise ValueError(f"horizon must be a whole number of periods >= 1, got {horizon!r}")


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
    """Method (index into METHODS) and rule (a _WHY code) per row; see the module docstring."""
    index = {name: i for i, name in enumerate(METHODS)}
    level = np.where(trending, index[HOLT], index[SES])
    method = np.select(
        [code <= 1, code == 2, code == 3, nnz == 1],
        [np.where(seasonal, index[HOLT_WINTERS], level), index[SBA], index[TSB], index[MEAN]],
        index[ZERO],
    )
    level_why = np.where(trending, _WHY_TREND, _WHY_LEVEL if can_season else _WHY_LEVEL_SHORT)
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
    short = forced & (asked == index[HOLT_WINTERS]) & (not can_season)
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
    slope, trending = _trend_test(fill)
    strength, seasonal = _season_test(fill, m)

    can_season = m >= 2 and t_len >= 2 * m
    method, why = _choose(code, nnz, n_used, seasonal, trending, requested, can_season)

    per_period = np.zeros((n, horizon))
    sigma = np.zeros(n)
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
            if holdout and window >= 1:
                head = y[rows, :window].sum(axis=1) / np.maximum(used[rows, :window].sum(1), 1)
                backtest[rows] = head[:, None] if name == MEAN else 0.0
                backtested[rows] = True
            continue
        spec = _REGISTRY[name]
        final = _fit(spec, y[rows], used[rows], fill[rows], horizon, m)
        per_period[rows] = final.per_period
        sigma[rows] = _sigma(final.sse, n_used[rows], final.n_fitted)
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
        mase=mase,
        bias=bias,
        adi=adi,
        cv2=cv2,
        seasonal_strength=strength,
        trend_per_period=slope,
        excluded=(~used).sum(axis=1),
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
    adapter, ``season_length`` 52). ``method`` is "auto" (see the module docstring) or one
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


# ---------------------------------------------------------------------------------------------
# reasons


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _reason(b: ForecastBatch, i: int) -> str:
    method, pattern, why = str(b.method[i]), str(b.pattern[i]), int(b.why[i])
    t_len, m = b.periods, b.season_length
    if why == _WHY_NO_HISTORY:
        what = "nothing to learn from" if t_len == 0 else f"all {t_len} periods excluded"
        return f"No usable history ({what}): forecast 0 per period."
    if why == _WHY_NO_DEMAND:
        return f"No demand in the {t_len}-period history: forecast 0 per period."
    head = _LABELS[method]
    sizes = f"one demand every {b.adi[i]:.1f} periods, size CV² {b.cv2[i]:.2f}"
    slope = float(b.trend_per_period[i])
    trend = f"{abs(slope):.3g} {'more' if slope > 0 else 'less'} each period"
    because = {
        _WHY_SEASONAL: f"{pattern} demand with a repeating {m}-period season "
        f"(it explains {b.seasonal_strength[i]:.0%} of the variation around the trend)",
        _WHY_TREND: f"{pattern} demand with a significant trend ({trend})",
        _WHY_LEVEL: f"{pattern} demand with no significant trend or {m}-period season",
        _WHY_LEVEL_SHORT: f"{pattern} demand with no significant trend "
        f"({t_len} periods is too short to test a {m}-period season)",
        _WHY_INTERMITTENT: f"intermittent demand ({sizes})",
        _WHY_LUMPY: f"lumpy demand ({sizes})",
        _WHY_FORCED: f"as requested, for {pattern} demand",
        _WHY_FORCED_SHORT: f"Holt-Winters was requested but {t_len} periods "
        f"is less than two {m}-period seasons",
        _WHY_ONE_DEMAND: f"only 1 period with demand in {t_len}, too little to fit a method",
    }[why]
    varies = method in (HOLT, HOLT_WINTERS)
    text = f"{head}: {because}; forecast {b.mean[i]:.3g} per period"
    text += f" on average over {b.per_period.shape[1]}" if varies else ""
    last = _plural(b.holdout, "period")
    if b.backtested[i] and np.isfinite(b.mase[i]):
        bias = f"{b.bias[i]:+.0%}" if np.isfinite(b.bias[i]) else "not measurable"
        text += f", backtest on the last {last}: MASE {b.mase[i]:.2f}, bias {bias}"
    elif b.backtested[i]:
        text += f", backtest on the last {last} not measurable (no demand to scale or compare)"
    elif b.holdout:
        text += f", history too short to backtest {_plural(b.holdout, 'period')}"
    if b.excluded[i]:
        text += f" ({_plural(int(b.excluded[i]), 'period')} excluded)"
    return text + "."
