"""Stock ageing by FIFO remaining layers, slow and obsolete movers, write-down proposals.

Under FIFO costing every receipt leaves a *layer* (units and value); deliveries consume the
oldest layers first, so what is left in a layer (its remaining units and value) is stock
that has been in the building since the layer was created. Bucketing the remaining layers
by their age at a date gives each product's ageing profile: units and value 0-30, 31-60,
61-90, 91-180 and over 180 days old (whole days; an age of exactly 30 days is still in
0-30). The buckets of a product always add up to its remaining units and value.

A *mover* check reads days since the last outgoing movement and the cover (units on hand
/ average daily demand over a window, 90 days by default) against per-row limits: no
movement for ``obsolete_days`` (180) is obsolete, for more than ``slow_days`` (90) slow,
cover over ``cover_days`` (180) slow as well (excess stock that still moves; stock that
never moved out and is younger than the window is too new to judge by its cover). The proposed
write-down is a share of the row's value: ``obsolete_pct`` (100 %) when obsolete,
``slow_pct`` (50 %) when idle more than ``slow_days``, nothing when the stock still moves —
even with too much cover — or when the value is not positive. Nothing is posted: it is a
proposal for finance.

Units: quantities in the product's unit of measure, values in company currency, ages and
periods in days, percentages 0-100.

>>> at = np.datetime64("2025-07-01")
>>> created = np.array(["2025-06-21", "2025-03-01", "2024-11-01"], dtype="datetime64[D]")
>>> ag = age_layers([0, 0, 1], [10.0, 5.0, 2.0], [100.0, 40.0, 30.0], created, at, 2)
>>> ag.qty[0].tolist(), ag.value[1].tolist()
([10.0, 0.0, 0.0, 5.0, 0.0], [0.0, 0.0, 0.0, 0.0, 30.0])
>>> ag.reason(0)
'15 units worth 140.00 in 2 layers; oldest 122 days; 28.6% of the value is over 90 days old'
>>> mv = classify_movers([15.0, 2.0], [140.0, 30.0], [20.0, 242.0], [45.0, 0.0])
>>> mv.status.tolist(), mv.writedown_value.tolist()
(['ok', 'obsolete'], [0.0, 30.0])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

#: upper bounds (days, inclusive) of the first four age buckets; the last is open
DEFAULT_BOUNDS_DAYS = (30, 60, 90, 180)
BUCKET_LABELS = ("0-30", "31-60", "61-90", "91-180", "180+")
DEMAND_WINDOW_DAYS = 90


def bucket_labels(bounds: Sequence[int] = DEFAULT_BOUNDS_DAYS) -> tuple[str, ...]:
    """Labels of the buckets cut at ``bounds``: ``('0-30', ..., '180+')`` by default."""
    lows = [0, *(int(b) + 1 for b in bounds)]
    labels = [f"{lo}-{int(hi)}" for lo, hi in zip(lows, bounds, strict=False)]
    return (*labels, f"{int(bounds[-1])}+")


@dataclass(frozen=True, eq=False)
class Ageing:
    """Per row (product, or product and warehouse): remaining units and value per age
    bucket, shape (rows, buckets); the number of remaining layers, the age of the oldest
    (days, -1 without layers), the value over 90 days old, and flags for layers without
    cost and layers with negative remaining units (stock shipped before it was received)."""

    qty: np.ndarray
    value: np.ndarray
    layers: np.ndarray
    oldest_days: np.ndarray
    over_90_value: np.ndarray
    unvalued_qty: np.ndarray
    negative_qty: np.ndarray
    labels: tuple[str, ...]

    @cached_property
    def total_qty(self) -> np.ndarray:
        """Remaining units per row (summed once: rows read it one at a time)."""
        return self.qty.sum(axis=1)

    @cached_property
    def total_value(self) -> np.ndarray:
        """Remaining value per row (currency)."""
        return self.value.sum(axis=1)

    def reason(self, i: int) -> str:
        """Row ``i``'s ageing in one sentence, with what is odd about it."""
        n = int(self.layers[i])
        if n == 0:
            return "no remaining valuation layer"
        qty, value = float(self.total_qty[i]), float(self.total_value[i])
        parts = [
            f"{qty:g} units worth {value:,.2f} in {n} layer{'s' if n > 1 else ''}; "
            f"oldest {int(self.oldest_days[i])} days"
        ]
        if value > 0:
            parts[0] += f"; {self.over_90_value[i] / value:.1%} of the value is over 90 days old"
        if self.unvalued_qty[i] > 0:
            parts.append(f"{self.unvalued_qty[i]:g} units have no cost (valued at 0): set a cost")
        if self.negative_qty[i] < 0:
            parts.append(
                f"{-self.negative_qty[i]:g} units shipped before they were received "
                "(negative stock, aged from the shipment)"
            )
        return "; ".join(parts)


def age_layers(
    row: Sequence[int] | np.ndarray,
    remaining_qty: Sequence[float] | np.ndarray,
    remaining_value: Sequence[float] | np.ndarray,
    created: np.ndarray,
    at: np.datetime64,
    n_rows: int,
    bounds: Sequence[int] = DEFAULT_BOUNDS_DAYS,
) -> Ageing:
    """Bucket remaining layers by their age at ``at``.

    ``row[k]`` is the row (0 .. n_rows-1) layer ``k`` belongs to; ``remaining_qty`` (units)
    and ``remaining_value`` (currency) are what is left of it; ``created`` its creation
    (any ``datetime64``). Age is whole days from ``created`` to ``at``; a layer created
    after ``at`` counts as 0 days old. ``bounds`` are the inclusive upper ages of all
    buckets but the last (increasing). Rows without layers get zeros; NaN is refused.
    """
    bounds_arr = np.asarray(bounds, dtype=np.int64)
    if bounds_arr.ndim != 1 or bounds_arr.size == 0 or np.any(np.diff(bounds_arr) <= 0):
        raise ValueError(f"age bounds must be increasing days, not {tuple(bounds)}")
    rows = np.asarray(row, dtype=np.int64).reshape(-1)
    qty = np.asarray(remaining_qty, dtype=float).reshape(-1)
    value = np.asarray(remaining_value, dtype=float).reshape(-1)
    created = np.asarray(created).reshape(-1)
    if not (rows.size == qty.size == value.size == created.size):
        raise ValueError("one row, quantity, value and date per layer are needed")
    if np.isnan(qty).any() or np.isnan(value).any():
        raise ValueError("remaining quantities and values must not be NaN")
    if rows.size and (rows.min() < 0 or rows.max() >= n_rows):
        raise ValueError(f"layer rows must be between 0 and {n_rows - 1}")
    n_buckets = bounds_arr.size + 1
    age = (np.datetime64(at, "s") - created.astype("datetime64[s]")).astype(np.int64) // 86400
    age = np.maximum(age, 0)
    bucket = np.searchsorted(bounds_arr, age, side="left")
    cell = rows * n_buckets + bucket
    size = n_rows * n_buckets
    qty_b = np.bincount(cell, weights=qty, minlength=size).reshape(n_rows, n_buckets)
    value_b = np.bincount(cell, weights=value, minlength=size).reshape(n_rows, n_buckets)
    layers = np.bincount(rows, minlength=n_rows)
    oldest = np.full(n_rows, -1, dtype=np.int64)
    np.maximum.at(oldest, rows, age)
    over_90 = np.bincount(rows, weights=np.where(age > 90, value, 0.0), minlength=n_rows)
    unvalued = (qty > 0) & (value == 0)
    unvalued_qty = np.bincount(rows, weights=np.where(unvalued, qty, 0.0), minlength=n_rows)
    negative_qty = np.bincount(rows, weights=np.minimum(qty, 0.0), minlength=n_rows)
    return Ageing(
        qty_b, value_b, layers, oldest, over_90, unvalued_qty, negative_qty, bucket_labels(bounds)
    )


@dataclass(frozen=True, eq=False)
class Movers:
    """Per row: ``status`` ('ok', 'slow', 'obsolete', 'empty'), cover (days, inf without
    demand), days idle, whether it ever moved out, proposed write-down share (0-100) and
    value, with the limits used."""

    status: np.ndarray
    cover_days: np.ndarray
    idle_days: np.ndarray
    moved_out: np.ndarray
    daily_demand: np.ndarray
    writedown_pct: np.ndarray
    writedown_value: np.ndarray
    obsolete_days: np.ndarray
    slow_days: np.ndarray
    cover_limit_days: np.ndarray
    window_days: int

    def reason(self, i: int) -> str:
        """Why row ``i`` is ok, slow or obsolete, and how its write-down was reached."""
        status, idle = str(self.status[i]), float(self.idle_days[i])
        if status == "empty":
            return "nothing on hand"
        if np.isinf(idle):
            moved = "never moved out"
        elif not self.moved_out[i]:
            moved = f"never moved out, oldest stock {idle:.0f} days old"
        else:
            moved = f"last moved out {idle:.0f} days ago"
        if np.isinf(self.cover_days[i]):
            cover = f"no demand in the last {self.window_days} days"
        else:
            cover = (
                f"cover {self.cover_days[i]:.0f} days at {self.daily_demand[i]:.3g} units a day "
                f"over {self.window_days} days"
            )
        if status == "obsolete":
            rule = f"obsolete: no outgoing movement for {self.obsolete_days[i]:g}+ days"
        elif idle > self.slow_days[i]:
            rule = f"slow: no outgoing movement for over {self.slow_days[i]:g} days"
        elif status == "slow":
            rule = f"slow: cover over {self.cover_limit_days[i]:g} days, but still moving"
        else:
            rule = "moving"
        wd = (
            f"write down {self.writedown_pct[i]:g}% = {self.writedown_value[i]:,.2f}"
            if self.writedown_value[i] > 0
            else "no write-down"
        )
        return f"{rule} ({moved}; {cover}); {wd}"


def classify_movers(
    on_hand_qty: Sequence[float] | np.ndarray,
    value: Sequence[float] | np.ndarray,
    idle_days: Sequence[float] | np.ndarray,
    demand_qty: Sequence[float] | np.ndarray,
    window_days: int = DEMAND_WINDOW_DAYS,
    obsolete_days: float | np.ndarray = 180.0,
    slow_days: float | np.ndarray = 90.0,
    cover_days: float | np.ndarray = 180.0,
    obsolete_pct: float | np.ndarray = 100.0,
    slow_pct: float | np.ndarray = 50.0,
    moved_out: Sequence[bool] | np.ndarray | None = None,
) -> Movers:
    """Slow and obsolete rows and their proposed write-down.

    ``on_hand_qty`` units, ``value`` currency, ``idle_days`` days since the last outgoing
    movement (``inf`` if it never moved out; or the age of the oldest stock, with
    ``moved_out`` False for that row), ``demand_qty`` units moved out over the last
    ``window_days``. Limits and percentages are scalars or one per row (e.g. per warehouse).
    """
    qty = np.asarray(on_hand_qty, dtype=float).reshape(-1)
    val = np.asarray(value, dtype=float).reshape(-1)
    idle = np.asarray(idle_days, dtype=float).reshape(-1)
    demand = np.maximum(np.asarray(demand_qty, dtype=float).reshape(-1), 0.0)
    if not (qty.size == val.size == idle.size == demand.size):
        raise ValueError("one quantity, value, idle days and demand per row are needed")
    if window_days <= 0:
        raise ValueError("the demand window must be at least one day")
    n = qty.size
    moved = np.ones(n, bool) if moved_out is None else np.asarray(moved_out, bool).reshape(-1)
    if moved.size != n:
        raise ValueError("one moved-out flag per row is needed")
    obs_d, slow_d, cover_d, obs_p, slow_p = (
        np.broadcast_to(np.asarray(x, dtype=float), (n,)).copy()
        for x in (obsolete_days, slow_days, cover_days, obsolete_pct, slow_pct)
    )
    if np.any((obs_p < 0) | (obs_p > 100) | (slow_p < 0) | (slow_p > 100)):
        raise ValueError("write-down percentages must be between 0 and 100")
    daily = demand / float(window_days)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        cover = np.where(daily > 0, np.maximum(qty, 0.0) / daily, np.inf)
    empty = qty <= 0
    obsolete = ~empty & (idle >= obs_d)
    idle_slow = ~empty & ~obsolete & (idle > slow_d)
    # stock that never moved out and is younger than the window is too new to judge by cover
    judged = moved | (idle >= window_days)
    slow = idle_slow | (~empty & ~obsolete & judged & (cover > cover_d))
    status = np.where(empty, "empty", np.where(obsolete, "obsolete", np.where(slow, "slow", "ok")))
    pct = np.where(obsolete, obs_p, np.where(idle_slow, slow_p, 0.0))
    writedown = np.where(val > 0, val * pct / 100.0, 0.0)
    pct = np.where(val > 0, pct, 0.0)
    return Movers(
        status, cover, idle, moved, daily, pct, writedown, obs_d, slow_d, cover_d, window_days
    )


def days_until(dates: np.ndarray, at: np.datetime64) -> np.ndarray:
    """Whole days from ``at`` to each of ``dates`` (negative once past), e.g. expiry dates."""
    delta = np.asarray(dates).astype("datetime64[s]") - np.datetime64(at, "s")
    return np.floor(delta.astype(np.int64) / 86400.0).astype(np.int64)
