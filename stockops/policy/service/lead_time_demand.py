"""The demand a reorder point must cover under Odoo's nightly scheduler, as a distribution,
and the min that keeps a cycle-service or fill-rate promise.

Units: demand in units per day, lead times in days, quantities in units.

Odoo reviews a min/max rule once a night (see :mod:`.replay`). The night the inventory
position first falls below min it is already ``U`` units under it (the *undershoot*:
what that day's demand took beyond the last unit above min), and the purchase made that
night is received after ``L`` more days of demand. No stockout happens in the cycle that
ends with its receipt exactly when::

    D_L + U <= min          (W = D_L + U, the demand to cover)

so the cycle service of a min is ``P(W <= min)``. Covering the lead time alone (``D_L``)
forgets ``U``: about half a day's demand for steady items, most of a demand for lumpy
ones, on every cycle.

The parts of W, on a grid of cells of ``width`` units (1 for most products; wider for
fast movers so the whole distribution fits in at most ``bins`` cells):

* one day's demand, by demand class. From the product's own daily history when it has
  enough demand days (its empirical day, scaled to the level; with ``size_group``, how big
  its demands get is pooled with its class by empirical Bayes, :mod:`.sizes`). Otherwise
  nothing on a share ``1 - q`` of days and a size on the others, ``q`` the share of days
  with demand (near 1 for smooth and erratic items, less for intermittent and lumpy
  ones); sizes are negative binomial (binomial, Poisson) with the mean and variance that
  give the day's mean and deviation, shifted by one unit when in whole units (a demand
  asks for at least one);
* ``D_L``: the demand of ``L`` days, ``L`` from :func:`.paths.lead_time_pmf` of the lead
  time's mean and deviation: ``sum_l P(L = l) day^(*l)``, by Fourier transforms;
* ``U``: the undershoot of a position that restarts ``span`` above min after each order
  (max - min, less half a pack: Odoo rounds orders down to the pack) and falls in daily
  steps: ``P(U = u) = sum_{i <= span} h(i) day(span + u - i)`` with ``h`` the renewal mass
  of cumulative demand; far above min this is ``P(day >= u) / E[day]``;
* the level's own uncertainty: the day is scaled to a forecast that may be off by
  ``level_cv`` (relative), and that error scales the whole of W, so W is mixed over
  ``(1 + e) W``, ``e ~ N(0, level_cv^2)`` (Gauss-Hermite points).

The fill rate of a min is ``1 - E[short in a cycle] / E[demand in a cycle]``: a cycle's
new shortage is its closing backlog ``(W - min)+`` less the backlog it opened with, which
the last receipt left: ``(D_L - min - span)+`` (that receipt also brought back the
undershoot, which cancels). A cycle's demand is the mean order, ``span + E[U]``.

A product's service moves in steps of one unit of min: :func:`min_for_cycle_service` and
:func:`min_for_fill_rate` take the whole unit whose expected service is nearest the
target (rounding up every time would overshoot a slow mover's target by a whole step).

>>> ltd = lead_time_demand([4.0], [2.0], [1.0], [7.0], [0.0], order_span=[28.0])
>>> ltd.width.tolist(), round(float(ltd.mean[0]), 2), round(float(ltd.undershoot[0]), 2)
([1.0], 31.0, 3.0)
>>> choice = min_for_cycle_service(ltd, 0.95)  # 40 gives 94.7 %, 41 would give 96.1 %
>>> float(choice.min_qty[0]), round(float(choice.service[0]), 3), round(float(choice.other[0]), 3)
(40.0, 0.947, 0.961)
>>> round(float(cycle_service(ltd, [36.0])[0]), 3)
0.838
>>> float(min_for_fill_rate(ltd, 0.98).min_qty[0])
36.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike

from stockops.policy.service.paths import lead_time_pmf
from stockops.policy.service.sizes import pool_sizes, pooled_day_pmf

#: most cells a product's grid may have: enough for 9 standard deviations above the mean
#: of W in whole units for most products; fast movers get wider cells
DEFAULT_BINS = 256
#: a product's own daily history stands for its demand when it holds this many demand days
MIN_DEMAND_DAYS = 20
#: products per block of the transforms (memory)
_BLOCK = 1024
#: smallest grid tried (cells): slow movers need few
_MIN_GRID = 32
#: a level error below this share is not worth mixing over
_LEVEL_NOISE_FLOOR = 0.005
#: Gauss-Hermite points and weights for the level's relative error e ~ N(0, 1)
_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(5)
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()


@dataclass(frozen=True, eq=False)
class LeadTimeDemand:
    """The distribution of W (demand over the lead time plus the night's undershoot) per
    product: ``pmf`` (n x bins) of W and ``lead_pmf`` of the lead time's demand alone, in
    cells of ``width`` units (cell j is ``j * width`` units; a product's distribution
    fits in its first ``cells`` cells); W's ``mean`` and the mean ``undershoot`` (units);
    ``span``, the position's restart above min after an order (units; inf when not
    given); ``level_cv``, the level's relative uncertainty; ``size_weight``, the weight
    its own demand sizes keep against its class's pooled ones (1: not pooled)."""

    width: np.ndarray
    cells: np.ndarray
    pmf: np.ndarray
    lead_pmf: np.ndarray
    mean: np.ndarray
    undershoot: np.ndarray
    span: np.ndarray
    level_cv: np.ndarray
    size_weight: np.ndarray

    def _per_grid(self, compute, tail) -> np.ndarray:
        """``compute(rows, cells)`` (len(rows) x cells) for each group of products sharing
        a grid size, padded to the full grid with its last column (``tail="last"``) or
        with ``tail``."""
        out = np.empty(self.pmf.shape)
        for cells in np.unique(self.cells):
            rows = np.flatnonzero(self.cells == cells)
            part = compute(rows, int(cells))
            out[rows, :cells] = part
            out[rows, cells:] = part[:, -1:] if tail == "last" else tail
        return out

    @cached_property
    def cdf(self) -> np.ndarray:
        """P(W <= j * width) per product and cell, over the level's uncertainty."""
        return self._per_grid(
            lambda r, c: _mixed(np.cumsum(self.pmf[r, :c], axis=1), self.level_cv[r], False),
            1.0,
        )

    def _loss(self, pmf: np.ndarray, rows: np.ndarray, cells: int) -> np.ndarray:
        return _mixed(_plain_loss(pmf[rows, :cells], self.width[rows]), self.level_cv[rows], True)

    @cached_property
    def loss(self) -> np.ndarray:
        """E[(W - j * width)+] (units) per product and cell, over the level's uncertainty."""
        return self._per_grid(lambda r, c: self._loss(self.pmf, r, c), 0.0)

    @cached_property
    def fill_rates(self) -> np.ndarray:
        """Expected fill rate of every cell as the min, per product (module docstring)."""
        if not np.isfinite(self.span).all():
            raise ValueError("a fill rate needs the rule's order_span (max - min)")

        def rates(rows, cells):
            opened = self._loss(self.lead_pmf, rows, cells)
            shift = np.round(self.span[rows] / self.width[rows]).astype(np.int64)
            cols = np.arange(cells)[None, :] + shift[:, None]
            inherited = np.where(
                cols < cells, np.take_along_axis(opened, np.minimum(cols, cells - 1), 1), 0.0
            )
            short = np.maximum(self.loss[rows, :cells] - inherited, 0.0)
            q = self.span[rows] + self.undershoot[rows]
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.where(q[:, None] > 0, 1.0 - short / q[:, None], 0.0)

        return self._per_grid(rates, "last")


def _at(values: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Row-wise linear interpolation of ``values`` (n x bins) at fractional cells x."""
    bins = values.shape[1]
    low = np.minimum(x.astype(np.int64), bins - 1)
    high = np.minimum(low + 1, bins - 1)
    frac = np.minimum(x - low, 1.0)
    v_low = np.take_along_axis(values, low, axis=1)
    return v_low + frac * (np.take_along_axis(values, high, axis=1) - v_low)


def _mixed(values: np.ndarray, level_cv: np.ndarray, scale_values: bool) -> np.ndarray:
    """``values`` (a function of the cell) over the level's uncertainty: for ``(1 + e) W``
    the value at cell j is W's at ``j / (1 + e)``, times ``1 + e`` for a loss (units).
    The grid must hold W's scaled tail (its size allows for three level errors)."""
    rows = np.flatnonzero(level_cv >= _LEVEL_NOISE_FLOOR)
    if not len(rows):
        return values
    part = values[rows]
    cells = np.arange(values.shape[1], dtype=float)[None, :]
    mixed = np.zeros_like(part)
    for node, weight in zip(_NODES, _WEIGHTS, strict=True):
        scale = np.maximum(1.0 + node * level_cv[rows], 0.2)[:, None]
        mixed += weight * _at(part, cells / scale) * (scale if scale_values else 1.0)
    out = values.copy()
    out[rows] = mixed
    return out


def _plain_loss(pmf: np.ndarray, width: np.ndarray) -> np.ndarray:
    """E[(X - j * width)+] in units per row and cell, for X with this pmf on the grid."""
    survival = 1.0 - np.cumsum(pmf, axis=1)
    return np.cumsum(survival[:, ::-1], axis=1)[:, ::-1] * width[:, None]


def _recurrence(start: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """log pmf(0..) from log pmf(0) and the log ratios pmf(y+1) / pmf(y)."""
    return np.concatenate([start[:, None], start[:, None] + np.cumsum(steps[:, :-1], 1)], 1)


def _size_logpmf(m: np.ndarray, v: np.ndarray, cells: int) -> np.ndarray:
    """log pmf of a count of mean ``m`` and variance ``v`` (cells) over 0..cells-1:
    negative binomial when over-dispersed, binomial when under-dispersed, else Poisson;
    by log-pmf recurrences (no lgamma needed)."""
    n = len(m)
    y = np.arange(cells, dtype=float)
    logp = np.full((n, cells), -np.inf)
    over, under = v > m * (1 + 1e-9), v < m * (1 - 1e-9)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.flatnonzero(over & (m > 0))
        if len(r):
            k, pi = m[r] ** 2 / (v[r] - m[r]), m[r] / v[r]
            steps = np.log((y + k[:, None]) / (y + 1)) + np.log1p(-pi)[:, None]
            logp[r] = _recurrence(k * np.log(pi), steps)
        r = np.flatnonzero(under & (m > 0))
        if len(r):
            trials = np.maximum(np.round(m[r] ** 2 / (m[r] - v[r])), np.ceil(m[r]))
            pi = np.minimum(m[r] / trials, 1 - 1e-12)
            steps = (
                np.log(np.maximum(trials[:, None] - y, 0) / (y + 1))
                + np.log(pi / (1 - pi))[:, None]
            )
            logp[r] = _recurrence(trials * np.log1p(-pi), steps)
        r = np.flatnonzero(~over & ~under & (m > 0))
        if len(r):
            logp[r] = _recurrence(-m[r], np.log(m[r])[:, None] - np.log(y + 1))
    logp[m <= 0, 0] = 0.0
    return logp


def _daily_pmf(mean, var, share, width, cells):
    """One day's demand on the grid (n x cells), in cells of ``width`` units."""
    n = len(mean)
    q = np.clip(share, 1e-6, 1.0)
    size_mean = mean / q
    size_var = np.maximum((var + mean**2) / q - size_mean**2, 0.0)
    shift = ((width == 1.0) & (size_mean >= 1.0)).astype(np.int64)
    m = np.maximum(size_mean / width - shift, 0.0)
    sizes = np.exp(_size_logpmf(m, size_var / width**2, cells - 1))
    sizes /= np.maximum(sizes.sum(axis=1, keepdims=True), 1e-300)
    pmf = np.zeros((n, cells))
    sized = q[:, None] * sizes
    whole = shift == 1
    pmf[whole, 1:] = sized[whole]
    pmf[~whole, : cells - 1] = sized[~whole]
    pmf[:, 0] += 1.0 - q
    return pmf


def _history_pmf(days: np.ndarray, width: np.ndarray, cells: int) -> np.ndarray:
    """The empirical pmf of past days' demand (n x H, NaN: not history) on the grid, each
    day's quantity split between its two nearest cells (the mean is kept)."""
    n = len(days)
    used = np.isfinite(days)
    x = np.where(used, days, 0.0) / width[:, None]
    low = np.minimum(np.floor(x), cells - 2)
    frac = np.clip(x - low, 0.0, 1.0)
    weight = used / np.maximum(used.sum(axis=1, keepdims=True), 1)
    at = (np.arange(n)[:, None] * cells + low.astype(np.int64)).ravel()
    pmf = np.bincount(at, ((1 - frac) * weight).ravel(), n * cells)
    pmf += np.bincount(at + 1, (frac * weight).ravel(), n * cells)
    return pmf.reshape(n, cells)


def _undershoot(day: np.ndarray, span: np.ndarray) -> np.ndarray:
    """The undershoot's pmf in cells when the position restarts ``span`` cells above min
    after each order (see the module docstring). ``h``, the renewal mass, is
    ``1 / (1 - day)`` in transforms, damped by ``exp(-theta i)`` so it fits a finite
    transform, then undamped."""
    cells = day.shape[1]
    survival = 1.0 - np.cumsum(day, axis=1)
    out = np.zeros_like(day)
    out[:, 1:] = np.maximum(survival[:, :-1], 0.0)  # the limit far above min
    near = np.flatnonzero(np.isfinite(span) & (span < cells - 1))
    if len(near):
        size = 4 * cells
        theta = 30.0 / size
        grid = np.arange(cells)
        damped = np.fft.rfft(day[near] * np.exp(-theta * grid), size)
        h = np.fft.irfft(1.0 / (1.0 - damped), size)[:, :cells] * np.exp(theta * grid)
        k = np.maximum(span[near], 0).astype(np.int64)
        h = np.where(grid[None, :] <= k[:, None], np.maximum(h, 0.0), 0.0)
        crossed = np.fft.irfft(np.fft.rfft(h, size) * np.fft.rfft(day[near], size), size)
        u = np.take_along_axis(crossed, np.minimum(k[:, None] + grid[None, :], size - 1), 1)
        u[:, 0] = 0.0
        out[near] = np.maximum(u, 0.0)
    return out / np.maximum(out.sum(axis=1, keepdims=True), 1e-300)


def _normalised(pmf: np.ndarray) -> np.ndarray:
    """A pmf without the transforms' rounding noise: not negative, summing to 1."""
    pmf = np.maximum(pmf, 0.0)
    return pmf / np.maximum(pmf.sum(axis=1, keepdims=True), 1e-300)


def _convolve(day, lead_p, span):
    """W's pmf and the lead time's demand's on the grid, and the undershoot's mean in
    cells, for one group of rows sharing a grid size."""
    cells = day.shape[1]
    size = 2 * cells  # room for the sum before it is cut back to the grid
    phi = np.fft.rfft(day, size)
    # each row's lead times run over a short window of days: walk that window only
    lead_p = np.where(lead_p > 1e-9, lead_p, 0.0)  # a gamma's far tail adds only work
    support = lead_p > 0
    first = np.argmax(support, axis=1)
    last = lead_p.shape[1] - 1 - np.argmax(support[:, ::-1], axis=1)
    steps = int((last - first).max(initial=0)) + 1
    window = np.take_along_axis(
        lead_p, np.minimum(first[:, None] + np.arange(steps), lead_p.shape[1] - 1), axis=1
    )
    window[np.arange(steps)[None, :] > (last - first)[:, None]] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        power = np.exp(first[:, None] * np.log(phi))
    power = np.where(first[:, None] == 0, 1.0, np.where(np.isfinite(power), power, 0.0))
    # sum_j P(L = first + j) phi^j by Horner's rule, then shifted by phi^first
    mix = np.broadcast_to(window[:, steps - 1 : steps], phi.shape).astype(phi.dtype)
    for j in range(steps - 2, -1, -1):
        mix = mix * phi + window[:, j : j + 1]
    mix = mix * power
    under = _undershoot(day, span)
    under_mean = (under * np.arange(cells)).sum(axis=1)
    total = _normalised(np.fft.irfft(mix * np.fft.rfft(under, size), size)[:, :cells])
    return total, _normalised(np.fft.irfft(mix, size)[:, :cells]), under_mean


def _own_history(history, mean, var, share):
    """Where a product's own days stand for its demand (MIN_DEMAND_DAYS demand days), its
    days scaled to the level asked for, and their variance, share of demand days and
    biggest day (units); the given variance and share elsewhere."""
    hist = np.asarray(history, dtype=float)
    used = np.isfinite(hist)
    asked = (np.where(used, hist, 0.0) > 0).sum(axis=1)
    own = asked >= MIN_DEMAND_DAYS
    count = np.maximum(used.sum(axis=1), 1)
    h_mean = np.where(used, hist, 0.0).sum(axis=1) / count
    ratio = np.where(own, mean / np.where(h_mean > 0, h_mean, 1.0), 1.0)
    scaled = hist * ratio[:, None]
    centred = np.where(used, scaled - (h_mean * ratio)[:, None], 0.0)
    var = np.where(own, (centred**2).sum(axis=1) / count, var)
    share = np.where(own, asked / count, share)
    biggest = np.where(own, np.where(used, scaled, 0.0).max(axis=1), 0.0)
    return own, scaled, var, share, biggest


def _own_day(rows, scaled, pool, mean, share, width, cells):
    """The day's demand of products with their own history: their empirical day, mixed
    with their class's pooled sizes by the weight their own sizes keep."""
    own = _history_pmf(scaled[rows], width[rows], cells)
    if pool is None or (pool.own_weight[rows] >= 1).all():
        return own
    pooled = pooled_day_pmf(pool, rows, mean[rows] / share[rows], share[rows], width[rows], cells)
    weight = pool.own_weight[rows][:, None]
    return weight * own + (1 - weight) * pooled


def _grid(mean, var, share, lead, lead_sd, level, biggest, bins):
    """Cell width (units: whole units when W's upper tail fits in ``bins`` cells) and
    the grid size (cells, a power of two) each product needs."""
    day_m2 = var + mean**2
    w_mean = mean * lead + day_m2 / (2 * mean) + 0.5
    w_sd = np.sqrt(lead * var + mean**2 * lead_sd**2 + day_m2) * (1 + 3 * level)
    size_sd = np.sqrt(np.maximum(day_m2 / share - (mean / share) ** 2, 0))
    top = w_mean + 3 * level * w_mean + 9 * w_sd + np.maximum(mean / share + 8 * size_sd, biggest)
    width = np.maximum(1.0, np.ceil(top / (bins - 1)))
    need = np.minimum(np.ceil(top / width) + 2, bins)
    grid = np.maximum(_MIN_GRID, 2 ** np.ceil(np.log2(need))).astype(np.int64)
    return width, np.minimum(grid, bins)


def lead_time_demand(
    demand_per_day: ArrayLike,
    demand_sd_per_day: ArrayLike,
    demand_day_share: ArrayLike,
    lead_time_days: ArrayLike,
    lead_time_sd_days: ArrayLike,
    order_span: ArrayLike | None = None,
    multiple: ArrayLike = 1.0,
    history: ArrayLike | None = None,
    level_cv: ArrayLike = 0.0,
    size_group: ArrayLike | None = None,
    bins: int = DEFAULT_BINS,
) -> LeadTimeDemand:
    """The distribution of W per product (see the module docstring) from a day's mean and
    standard deviation (units/day), the share of days with demand, and the lead time's
    mean and deviation (days); one value per product, or scalars.

    ``order_span`` is max - min of the rule (units; needed for fill rates, and for the
    exact undershoot), ``multiple`` its pack (units); ``history`` the product's own daily
    demand (n x days, NaN: not history), used where it has MIN_DEMAND_DAYS demand days,
    scaled to ``demand_per_day``; ``level_cv`` the level's relative uncertainty;
    ``size_group`` a label per product (its demand class): the own days of products with
    the same label pool how big their demands get (:mod:`.sizes`)."""
    a = np.broadcast_arrays(
        *(
            np.atleast_1d(np.asarray(x, dtype=float))
            for x in (
                demand_per_day,
                demand_sd_per_day,
                demand_day_share,
                lead_time_days,
                lead_time_sd_days,
            )
        )
    )
    mean, sd, share, lead, lead_sd = (np.array(x) for x in a)
    n = len(mean)
    if (mean <= 0).any() or not np.isfinite(mean).all():
        raise ValueError("lead_time_demand needs a positive demand per day for every product")
    span = (
        np.full(n, np.inf)
        if order_span is None
        else np.array(np.broadcast_to(np.asarray(order_span, dtype=float), (n,)))
    )
    span -= np.maximum(np.broadcast_to(np.asarray(multiple, dtype=float), (n,)) - 1.0, 0.0) / 2
    level = np.array(np.broadcast_to(np.asarray(level_cv, dtype=float), (n,)))
    share = np.clip(share, 1e-6, 1.0)
    var = sd**2
    own, scaled, biggest, pool = np.zeros(n, dtype=bool), None, np.zeros(n), None
    if history is not None:
        own, scaled, var, share, biggest = _own_history(history, mean, var, share)
        if size_group is not None:
            pool = pool_sizes(scaled, own, np.broadcast_to(np.asarray(size_group), (n,)))
            # the pool's biggest relative size, at this product's mean size
            biggest = np.maximum(biggest, pool.relative[:, -1] * mean / share)
    width, grid = _grid(mean, var, share, lead, lead_sd, level, biggest, bins)
    _days, lead_p = lead_time_pmf(lead, lead_sd)
    span_cells = np.floor(span / width + 1e-9)

    pmf, lead_pmf, under = np.zeros((n, bins)), np.zeros((n, bins)), np.zeros(n)
    pmf[:, 0] = lead_pmf[:, 0] = 1.0
    # rows with a spread lead time walk more days of it: group them apart
    spread = (lead_sd >= 0.5).astype(np.int64)
    for key in np.unique(grid * 2 + spread):
        cells = key // 2
        group = np.flatnonzero(grid * 2 + spread == key)
        for lo in range(0, len(group), _BLOCK):
            rows = group[lo : lo + _BLOCK]
            day = _daily_pmf(mean[rows], var[rows], share[rows], width[rows], int(cells))
            mine = rows[own[rows]]
            if len(mine):
                day[own[rows]] = _own_day(mine, scaled, pool, mean, share, width, int(cells))
            total, alone, u = _convolve(day, lead_p[rows], span_cells[rows])
            pmf[rows] = 0.0
            lead_pmf[rows] = 0.0
            pmf[rows, :cells], lead_pmf[rows, :cells], under[rows] = total, alone, u
    return LeadTimeDemand(
        width=width,
        cells=grid,
        pmf=pmf,
        lead_pmf=lead_pmf,
        mean=(pmf * np.arange(bins)).sum(axis=1) * width,
        undershoot=under * width,
        span=span,
        level_cv=level,
        size_weight=np.ones(n) if pool is None else np.where(own, pool.own_weight, 1.0),
    )


@dataclass(frozen=True, eq=False)
class MinChoice:
    """The min chosen per product (units), its expected service (a share) and the
    expected service of the whole cell on the other side of the target (NaN if none)."""

    min_qty: np.ndarray
    service: np.ndarray
    other: np.ndarray


def _nearest(ltd: LeadTimeDemand, values: np.ndarray, target: ArrayLike) -> MinChoice:
    """Per row, the cell whose value (non-decreasing along the row) is nearest the
    target: the first cell reaching it or the one just below, whichever is closer."""
    p = np.broadcast_to(np.asarray(target, dtype=float), ltd.width.shape)
    ok = values >= p[:, None] - 1e-12
    first = np.where(ok.any(axis=1), np.argmax(ok, axis=1), values.shape[1] - 1)
    below = np.maximum(first - 1, 0)
    v_first = np.take_along_axis(values, first[:, None], axis=1)[:, 0]
    v_below = np.take_along_axis(values, below[:, None], axis=1)[:, 0]
    down = (first > 0) & (np.abs(v_below - p) < np.abs(v_first - p))
    cell = np.where(down, below, first)
    other = np.where(down, v_first, np.where(first > 0, v_below, np.nan))
    return MinChoice(cell * ltd.width, np.where(down, v_below, v_first), other)


def _read(ltd: LeadTimeDemand, values: np.ndarray, min_qty: ArrayLike) -> np.ndarray:
    """``values`` (per cell) at each product's min (units): below cell 0, cell 0's."""
    cell = np.floor(np.asarray(min_qty, dtype=float) / ltd.width + 1e-9).astype(np.int64)
    inside = np.clip(cell, 0, values.shape[1] - 1)
    return np.take_along_axis(values, inside[:, None], axis=1)[:, 0]


def min_for_cycle_service(ltd: LeadTimeDemand, target: ArrayLike) -> MinChoice:
    """The min (units, whole cells) whose cycle service ``P(W <= min)`` is nearest the
    ``target`` (a share in (0, 1), one for all or one per product)."""
    return _nearest(ltd, ltd.cdf, target)


def cycle_service(ltd: LeadTimeDemand, min_qty: ArrayLike) -> np.ndarray:
    """Expected cycle service ``P(W <= min)`` of a min (units) per product."""
    below = np.asarray(min_qty, dtype=float) < 0
    return np.where(below, 0.0, _read(ltd, ltd.cdf, min_qty))


def min_for_fill_rate(ltd: LeadTimeDemand, target: ArrayLike) -> MinChoice:
    """The min (units, whole cells, at least 0) whose expected fill rate is nearest the
    ``target`` per product."""
    return _nearest(ltd, ltd.fill_rates, target)


def fill_rate(ltd: LeadTimeDemand, min_qty: ArrayLike) -> np.ndarray:
    """Expected fill rate of a min (units) per product."""
    return _read(ltd, ltd.fill_rates, min_qty)
