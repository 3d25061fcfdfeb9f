"""Inventory figures from a warehouse's daily flows: on hand at each day's close, product
days out of stock, value held over 90 days (FIFO), volume used, average value held.

The adapter reads, per product, the units on hand when the window opens and the units
that entered and left the warehouse each day (one grouped read each); everything else
follows. Under FIFO the units on hand are the most recent ones received, so the units
younger than ``n`` days are at most the units received in the last ``n`` days: the rest
is older. Units: quantities in the product's unit, volumes in m3, values in currency,
days whole days (index 0 = the window's first day).

>>> h = StockHistory(date(2025, 1, 1), np.array([0.0, 5.0]),
...                  np.array([[10.0, 0, 0, 0], [0, 0, 0, 0]]),
...                  np.array([[0.0, 4, 6, 0], [0, 0, 5, 0]]))
>>> h.closing_qty.tolist()
[[10.0, 6.0, 0.0, 0.0], [5.0, 5.0, 0.0, 0.0]]
>>> stockouts(h, date(2025, 1, 1), 4, np.array([True, True])).reason
'4 of 8 product-days out of stock (2 products ran out)'
>>> aged_value(h, date(2025, 1, 2), np.array([1.0, 2.0]), older_than_days=1).reason
'10 of 16 held is over 1 days old'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from stockops.kpi import Kpi, aged_share, space_utilisation, stockout_rate

#: a quantity at or below this is nothing on hand
EPSILON = 1e-9
AGED_AFTER_DAYS = 90


@dataclass(frozen=True, eq=False)
class StockHistory:
    """Units into and out of one warehouse each day, per product (rows), from
    ``first_day`` (column 0); ``opening_qty`` is on hand when ``first_day`` starts."""

    first_day: date
    opening_qty: np.ndarray
    inflow_qty: np.ndarray
    outflow_qty: np.ndarray

    @property
    def closing_qty(self) -> np.ndarray:
        """On hand at each day's close, shape (products, days)."""
        net = np.cumsum(self.inflow_qty - self.outflow_qty, axis=1)
        return self.opening_qty[:, None] + net

    def column(self, day: date) -> int:
        """Column of ``day``; a day outside the window is an error in the caller."""
        index = (day - self.first_day).days
        if not 0 <= index < self.inflow_qty.shape[1]:
            raise ValueError(f"{day} is outside the window read from {self.first_day}")
        return index


def _stockout_days(history: StockHistory, start: date, days: int, stocked: np.ndarray):
    first = history.column(start)
    closing = history.closing_qty
    held = np.logical_or.accumulate(closing > EPSILON, axis=1) | (
        history.opening_qty[:, None] > EPSILON
    )
    window = slice(first, first + days)
    counted = held[:, window] & np.asarray(stocked, dtype=bool)[:, None]
    return counted, counted & (closing[:, window] <= EPSILON)


def stockouts(history: StockHistory, start: date, days: int, stocked: np.ndarray) -> Kpi:
    """Product-days out of stock over ``days`` days from ``start``: a stocked product counts
    from the first day it held stock in the window (or on hand when it opened), and is
    out on a day that closes with nothing on hand."""
    counted, out = _stockout_days(history, start, days, stocked)
    figure = stockout_rate(int(counted.sum()), int(out.sum()))
    ran_out = int(out.any(axis=1).sum())
    if figure.value is None:
        return figure
    return Kpi(figure.value, figure.unit, f"{figure.reason} ({ran_out} products ran out)")


def ran_out(history: StockHistory, start: date, days: int, stocked: np.ndarray) -> np.ndarray:
    """Per product: was it out of stock on one of the ``days`` days from ``start``."""
    return _stockout_days(history, start, days, stocked)[1].any(axis=1)


def young_qty(history: StockHistory, day: date, older_than_days: int) -> np.ndarray:
    """Units on hand at ``day``'s close received ``older_than_days`` days ago or less."""
    last = history.column(day)
    first = max(0, last - older_than_days)
    received = history.inflow_qty[:, first : last + 1].sum(axis=1)
    on_hand = np.maximum(history.closing_qty[:, last], 0.0)
    return np.minimum(on_hand, received)


def old_qty(history: StockHistory, day: date, older_than_days: int = AGED_AFTER_DAYS):
    """Units on hand at ``day``'s close received more than ``older_than_days`` days before."""
    on_hand = np.maximum(history.closing_qty[:, history.column(day)], 0.0)
    return on_hand - young_qty(history, day, older_than_days)


def aged_value(
    history: StockHistory,
    day: date,
    unit_cost: np.ndarray,
    older_than_days: int = AGED_AFTER_DAYS,
) -> Kpi:
    """Share of the value on hand at ``day``'s close received more than
    ``older_than_days`` days before (FIFO), at ``unit_cost``; the window must open at least
    that many days before ``day`` or older stock is taken for old."""
    on_hand = np.maximum(history.closing_qty[:, history.column(day)], 0.0)
    cost = np.maximum(unit_cost, 0.0)
    old = old_qty(history, day, older_than_days)
    return aged_share(float(old @ cost), float(on_hand @ cost), older_than_days)


def space_used(history: StockHistory, day: date, volume_m3: np.ndarray, capacity_m3: float) -> Kpi:
    """Volume on hand at ``day``'s close over the storage volume of the bins."""
    on_hand = np.maximum(history.closing_qty[:, history.column(day)], 0.0)
    return space_utilisation(float(on_hand @ np.maximum(volume_m3, 0.0)), capacity_m3)


def average_balance(opening: float, daily_change: np.ndarray, first: int, days: int) -> float:
    """Mean of the day-end balances of days ``first`` .. ``first + days - 1`` of a balance
    that stood at ``opening`` before day 0 and moved by ``daily_change`` each day."""
    if days <= 0:
        return 0.0
    closing = opening + np.cumsum(np.asarray(daily_change, dtype=float))
    return float(closing[first : first + days].mean())
