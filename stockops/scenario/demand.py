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
    """What customers ordered, per product (rows) and history day (columns)."""

    qty: np.ndarray  # (P, T) ordered units per day
    p: np.ndarray  # (P, T) probability of an order line that day
    size_mean: np.ndarray  # (P, T) mean units of a line


def draw_demand(
    spec: ScenarioSize, rng: np.random.Generator, cat: Catalogue, start: datetime.date
) -> Demand:
    """Draw the units each product was ordered on each of the ``spec.history_days`` days
    from ``start``: order lines arrive with a probability that grows with volume (scaled
    to about ``spec.history_lines_target`` lines in all), with Poisson sizes (lognormal
    for lumpy products), shaped by trend, season, weekday and launch day."""
    n, days = cat.size, spec.history_days
    dates = [start + datetime.timedelta(days=d) for d in range(days)]
    weekday = WEEKDAY_FACTOR[[d.weekday() for d in dates]]
    doy = np.array([d.timetuple().tm_yday for d in dates], dtype=float)
    t = np.arange(days)

    mult = np.ones((n, days))
    for i, pat in enumerate(cat.pattern):
        if pat == "trend":
            mult[i] = 1.0 + cat.trend_slope[i] * (2.0 * t / max(days - 1, 1) - 1.0)
        elif pat == "seasonal":
            peak_doy = (cat.peak_week[i] or 1) * 7 - 3
            wave = np.cos(2 * np.pi * (doy - peak_doy) / 365.25)
            mult[i] = np.maximum(0.05, 1.0 + _SEASONAL_AMPLITUDE * wave)
    mult[t[None, :] < cat.active_from[:, None]] = 0.0
    units = cat.m[:, None] * mult * weekday[None, :]

    cap = np.array([_PATTERN_P_CAP.get(p, 0.95) for p in cat.pattern])[:, None]
    root = np.sqrt(units)
    # line probability grows with volume; scale it so the history has the target line count
    lo, hi = 1e-6, 100.0
    for _ in range(40):
        c = math.sqrt(lo * hi)
        if np.minimum(c * root, cap).sum() > spec.history_lines_target:
            hi = c
        else:
            lo = c
    p = np.minimum(lo * root, cap)
    size_mean = np.where(p > 0, np.maximum(units / np.where(p > 0, p, 1.0), 1.0), 1.0)

    poisson = 1 + rng.poisson(size_mean - 1.0)
    lumpy_rows = np.array([pat == "lumpy" for pat in cat.pattern])
    if lumpy_rows.any():
        s = size_mean[lumpy_rows]
        draw = rng.lognormal(np.log(s) - _LUMPY_SIGMA**2 / 2, _LUMPY_SIGMA)
        poisson[lumpy_rows] = np.maximum(1, np.ceil(draw)).astype(poisson.dtype)
    hit = rng.random((n, days)) < p
    qty = np.where(hit, poisson, 0).astype(np.int64)
    return Demand(qty=qty, p=p, size_mean=size_mean)
