"""The scorecard's figures, from plain counts and sums, each with the sentence behind it.

Reads counts and sums over a period; returns a :class:`Kpi` (value, unit, reason) and its
grade against targets; writes nothing. Rooms: ``periods`` (days, weeks, months, to date)
and ``stock`` (on hand, stockouts, ageing and space from daily flows).

Every function takes what the warehouse recorded over one period and returns a
:class:`Kpi`: the value (``None`` when the period holds nothing to measure), its unit and
how it was reached. Units: fractions 0-1 for rates, hours for times, turns a year.

>>> fill_rate(ordered_units=200, shipped_units=190).reason
'190 of 200 units ordered shipped'
>>> round(inventory_turns(cogs=52_000.0, average_inventory_value=8_000.0, days=91).value, 2)
26.07
>>> otif(orders=40, on_time_in_full=34).value
0.85
>>> carrying_cost(average_inventory_value=120_000.0, annual_rate=0.25, days=7).reason
'120,000 held on average x 25% a year x 7 days'
>>> grade(0.91, good=0.95, warn=0.90, higher_is_better=True)
('warn', 'watch: 0.91 is below the target 0.95 but not below 0.9')
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

DAYS_PER_YEAR = 365.0


@dataclass(frozen=True, slots=True)
class Kpi:
    """One figure: its value (None when nothing was measured), unit and why."""

    value: float | None
    unit: str
    reason: str


def _checked(nothing: str, *figures: float) -> None:
    """ValueError unless every figure is a finite number (``nothing`` names what it counts)."""
    for figure in figures:
        if isinstance(figure, bool) or not isinstance(figure, numbers.Real):
            raise ValueError(f"{nothing}: a count or sum must be a number, not {figure!r}")
        if not math.isfinite(figure):
            raise ValueError(f"{nothing}: a count or sum must be finite, not {figure}")


def _share(part: float, whole: float, unit: str, said: str, nothing: str) -> Kpi:
    _checked(nothing, part, whole)
    if whole <= 0:
        return Kpi(None, unit, f"nothing to measure: no {nothing}")
    return Kpi(part / whole, unit, said)


def fill_rate(ordered_units: float, shipped_units: float) -> Kpi:
    """Units shipped over units customers ordered (fraction)."""
    _checked("units ordered", ordered_units, shipped_units)
    return _share(
        shipped_units, ordered_units, "share",
        f"{shipped_units:g} of {ordered_units:g} units ordered shipped", "units ordered",
    )  # fmt: skip


def otif(orders: int, on_time_in_full: int) -> Kpi:
    """Orders shipped complete by their promised date over orders shipped (fraction)."""
    return _share(
        on_time_in_full, orders, "share",
        f"{on_time_in_full} of {orders} orders shipped on time and in full", "orders shipped",
    )  # fmt: skip


def pick_accuracy(lines_picked: int, lines_with_errors: int) -> Kpi:
    """Pick lines without a short pick, mislabel or weight mismatch (fraction)."""
    return _share(
        lines_picked - lines_with_errors, lines_picked, "share",
        f"{lines_with_errors} of {lines_picked} pick lines raised an exception",
        "pick lines confirmed",
    )  # fmt: skip


def pick_accuracy_after_review(lines_picked: int, exceptions: int, cleared: int) -> Kpi:
    """Pick lines without a picker's error (fraction): every pick exception counts, but for
    those a count or a review cleared (the stock was not there, or nothing was wrong)."""
    errors = min(max(exceptions - cleared, 0), lines_picked)
    figure = pick_accuracy(lines_picked, errors)
    if figure.value is None:
        return figure
    return Kpi(
        figure.value, figure.unit,
        f"{errors} of {lines_picked} pick lines wrong: {exceptions} exceptions, "
        f"{cleared} cleared by a count or review",
    )  # fmt: skip


def stockout_rate(product_days: int, stockout_product_days: int) -> Kpi:
    """Share of product-days a stocked product had nothing on hand (fraction)."""
    return _share(
        stockout_product_days, product_days, "share",
        f"{stockout_product_days} of {product_days} product-days out of stock",
        "stocked products",
    )  # fmt: skip


def inventory_turns(cogs: float, average_inventory_value: float, days: int) -> Kpi:
    """Cost of goods shipped over average inventory value, scaled to a year (turns)."""
    if average_inventory_value <= 0 or days <= 0:
        return Kpi(None, "turns/year", "nothing to measure: no inventory value")
    value = cogs / average_inventory_value * DAYS_PER_YEAR / days
    return Kpi(
        value, "turns/year",
        f"{cogs:,.0f} shipped at cost over {average_inventory_value:,.0f} held, over {days} days",
    )  # fmt: skip


def mean_hours(durations_h: Sequence[float], what: str) -> Kpi:
    """Average of durations (hours), e.g. dock-to-stock or order cycle time."""
    if not durations_h:
        return Kpi(None, "hours", f"nothing to measure: no {what}")
    value = sum(durations_h) / len(durations_h)
    return Kpi(value, "hours", f"mean of {len(durations_h)} {what}: {value:.1f} h")


def lines_per_hour(lines: int, hours: float) -> Kpi:
    """Pick lines confirmed per operator hour worked on picks."""
    if hours <= 0:
        return Kpi(None, "lines/hour", "nothing to measure: no pick hours")
    return Kpi(lines / hours, "lines/hour", f"{lines} lines in {hours:.1f} operator hours")


def space_utilisation(used_m3: float, capacity_m3: float) -> Kpi:
    """Volume of stock over the storage volume of the bins holding capacity (fraction)."""
    _checked("bins with a storage volume", used_m3, capacity_m3)
    return _share(
        used_m3, capacity_m3, "share", f"{used_m3:,.1f} m3 used of {capacity_m3:,.1f} m3 of bins",
        "bins with a storage volume",
    )  # fmt: skip


def carrying_cost(average_inventory_value: float, annual_rate: float, days: int) -> Kpi:
    """Cost of holding the average inventory over ``days`` (currency): capital, space,
    insurance and shrinkage, as a yearly ``annual_rate`` (fraction) of the value held."""
    if days <= 0 or annual_rate <= 0:
        return Kpi(None, "currency", "nothing to measure: no carrying rate or no days")
    value = average_inventory_value * annual_rate * days / DAYS_PER_YEAR
    return Kpi(
        value, "currency",
        f"{average_inventory_value:,.0f} held on average x {annual_rate:.0%} a year x {days} days",
    )  # fmt: skip


def aged_share(value_over: float, value_total: float, days: int) -> Kpi:
    """Share of the inventory value received more than ``days`` ago (fraction, FIFO)."""
    _checked("stock held", value_over, value_total)
    return _share(
        value_over, value_total, "share",
        f"{value_over:,.0f} of {value_total:,.0f} held is over {days} days old", "stock held",
    )  # fmt: skip


def is_on_time_in_full(
    shipped_day: date,
    promised_day: date,
    ordered_units: float,
    shipped_units: float,
    backordered: bool,
) -> bool:
    """An order counts for OTIF when it shipped by its promised day (local dates), every
    unit ordered shipped, and nothing was left for a backorder."""
    return shipped_day <= promised_day and shipped_units >= ordered_units and not backordered


def grade(
    value: float | None, good: float | None, warn: float | None, higher_is_better: bool
) -> tuple[str | None, str]:
    """Colour a figure against its thresholds: ``good`` (on target) at or beyond ``good``,
    ``warn`` at or beyond ``warn``, else ``bad``; beyond means above when higher is better,
    below otherwise. No value or no threshold: no colour (None)."""
    if value is None:
        return None, "not measured"
    if good is None or warn is None:
        return None, "no threshold set"
    sign = 1.0 if higher_is_better else -1.0
    side = "below" if higher_is_better else "above"
    if sign * value >= sign * good:
        return "good", f"on target: {value:g} against {good:g}"
    if sign * value >= sign * warn:
        return "warn", f"watch: {value:g} is {side} the target {good:g} but not {side} {warn:g}"
    return "bad", f"off target: {value:g} is {side} {warn:g}"
