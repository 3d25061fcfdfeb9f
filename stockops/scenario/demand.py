"""What customers ordered each day of the history: units per product per day, shaped by
the product's demand pattern, the weekday and the target number of order lines."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

import numpy as np

from stockops.scenario.catalogue import Catalogue
from stockops.scenario.sizes import ScenarioSize

# Monday..Sunday: an MRO distributor's customers order on working days
# (the history's planners forecast with its mean: they plan for an average day)
WEEKDAY_FACTOR = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.25, 0.05])
# intermittent and lumpy demand is rare by definition, whatever the volume
_PATTERN_P_CAP = {"intermittent": 0.12, "lumpy": 0.10}
_LUMPY_SIGMA = 1.0
_SEASONAL_AMPLITUDE = 0.9


@dataclass(slots=True)
class Demand:
    """What customers ordered, per product (rows) and history day (columns).
    ``line_scale`` turns sqrt(expected units) into the chance of an order line that day."""

    qty: np.ndarray  # (P, T) ordered units per day
    p: np.ndarray  # (P, T) probability of an order line that day
    size_mean: np.ndarray  # (P, T) mean units of a line
    line_scale: float


def _expected_units(
    cat: Catalogue, start: datetime.date, days: int, offset: int, history_days: int
) -> np.ndarray:
    """Expected units per product and day for ``days`` days from ``start``, the first being
    day ``offset`` of the history (negative before it). A trend runs over the history and
    is flat at its starting level before it; a season repeats every year; a product
    launched during the history ("new") sells nothing before its launch."""
    dates = [start + datetime.timedelta(days=d) for d in range(days)]
    weekday = WEEKDAY_FACTOR[[d.weekday() for d in dates]]
    doy = np.array([d.timetuple().tm_yday for d in dates], dtype=float)
    t = np.arange(days) + offset
    mult = np.ones((cat.size, days))
    for i, pat in enumerate(cat.pattern):
        if pat == "trend":
            along = np.maximum(t, 0) / max(history_days - 1, 1)
            mult[i] = 1.0 + cat.trend_slope[i] * (2.0 * along - 1.0)
        elif pat == "seasonal":
            peak_doy = (cat.peak_week[i] or 1) * 7 - 3
            wave = np.cos(2 * np.pi * (doy - peak_doy) / 365.25)
            mult[i] = np.maximum(0.05, 1.0 + _SEASONAL_AMPLITUDE * wave)
    launched_later = cat.active_from > 0
    mult[launched_later[:, None] & (t[None, :] < cat.active_from[:, None])] = 0.0
    return cat.m[:, None] * mult * weekday[None, :]


def _line_cap(cat: Catalogue) -> np.ndarray:
    return np.array([_PATTERN_P_CAP.get(p, 0.95) for p in cat.pattern])[:, None]


def _draw(
    rng: np.random.Generator, cat: Catalogue, units: np.ndarray, scale: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Order lines with probability ``min(scale * sqrt(units), cap)``, Poisson sizes
    (lognormal for lumpy products): ordered units, line probability and mean line size."""
    p = np.minimum(scale * np.sqrt(units), _line_cap(cat))
    size_mean = np.where(p > 0, np.maximum(units / np.where(p > 0, p, 1.0), 1.0), 1.0)
    poisson = 1 + rng.poisson(size_mean - 1.0)
    lumpy_rows = np.array([pat == "lumpy" for pat in cat.pattern])
    if lumpy_rows.any():
        s = size_mean[lumpy_rows]
        draw = rng.lognormal(np.log(s) - _LUMPY_SIGMA**2 / 2, _LUMPY_SIGMA)
        poisson[lumpy_rows] = np.maximum(1, np.ceil(draw)).astype(poisson.dtype)
    hit = rng.random(units.shape) < p
    return np.where(hit, poisson, 0).astype(np.int64), p, size_mean


def draw_demand(
    spec: ScenarioSize, rng: np.random.Generator, cat: Catalogue, start: datetime.date
) -> Demand:
    """Draw the units each product was ordered on each of the ``spec.history_days`` days
    from ``start``: order lines arrive with a probability that grows with volume (scaled
    to about ``spec.history_lines_target`` lines in all), with Poisson sizes (lognormal
    for lumpy products), shaped by trend, season, weekday and launch day."""
    units = _expected_units(cat, start, spec.history_days, 0, spec.history_days)
    cap, root = _line_cap(cat), np.sqrt(units)
    # line probability grows with volume; scale it so the history has the target line count
    lo, hi = 1e-6, 100.0
    for _ in range(40):
        c = math.sqrt(lo * hi)
        if np.minimum(c * root, cap).sum() > spec.history_lines_target:
            hi = c
        else:
            lo = c
    qty, p, size_mean = _draw(rng, cat, units, lo)
    return Demand(qty=qty, p=p, size_mean=size_mean, line_scale=lo)


def draw_legacy_demand(
    spec: ScenarioSize,
    rng: np.random.Generator,
    cat: Catalogue,
    dem: Demand,
    start: datetime.date,
) -> tuple[datetime.date, np.ndarray]:
    """What the previous system recorded as ordered before ``start`` (the first history
    day), in weekly buckets: the Monday of the first of ``spec.legacy_weeks`` weeks and the
    units per product (rows) and week (columns). The last week stops the day before
    ``start`` (the cut-over), so it is partial unless ``start`` is a Monday. Ordered units
    are demand: the old system's stockouts are not in the export."""
    whole_weeks = spec.legacy_weeks if start.weekday() == 0 else spec.legacy_weeks - 1
    first = start - datetime.timedelta(days=start.weekday() + 7 * whole_weeks)
    days = (start - first).days
    units = _expected_units(cat, first, days, -days, spec.history_days)
    qty, _p, _size = _draw(rng, cat, units, dem.line_scale)
    weekly = np.zeros((cat.size, spec.legacy_weeks), dtype=np.int64)
    np.add.at(weekly.T, np.arange(days) // 7, qty.T)
    return first, weekly
