"""The scorecard's figures, from plain counts and sums, each with the sentence behind it.

Every function takes what the warehouse recorded over one period and returns a
:class:`Kpi`: the value (``None`` when the period holds nothing to measure), its unit and
how it was reached. Units: fractions 0-1 for rates, hours for times, turns a year.

>>> fill_rate(ordered_units=200, shipped_units=190).reason
'190 of 200 units ordered shipped'
>>> round(inventory_turns(cogs=52_000.0, average_inventory_value=8_000.0, days=91).value, 2)
26.07
>>> otif(orders=40, on_time_in_full=34).value
0.85
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DAYS_PER_YEAR = 365.0


@dataclass(frozen=True, slots=True)
class Kpi:
    """One figure: its value (None when nothing was measured), unit and why."""

    value: float | None
    unit: str
    reason: str


def _share(part: float, whole: float, unit: str, said: str) -> Kpi:
    if whole <= 0:
        return Kpi(None, unit, f"nothing to measure: no {said.split(' of ')[-1]}")
    return Kpi(part / whole, unit, said)


def fill_rate(ordered_units: float, shipped_units: float) -> Kpi:
    """Units shipped over units customers ordered (fraction)."""
    return _share(
        shipped_units, ordered_units, "share",
        f"{shipped_units:g} of {ordered_units:g} units ordered shipped",
    )  # fmt: skip


def otif(orders: int, on_time_in_full: int) -> Kpi:
    """Orders shipped complete by their promised date over orders shipped (fraction)."""
    return _share(
        on_time_in_full, orders, "share",
        f"{on_time_in_full} of {orders} orders shipped on time and in full",
    )  # fmt: skip


def pick_accuracy(lines_picked: int, lines_with_errors: int) -> Kpi:
    """Pick lines without a short pick, mislabel or weight mismatch (fraction)."""
    return _share(
        lines_picked - lines_with_errors, lines_picked, "share",
        f"{lines_with_errors} of {lines_picked} pick lines raised an exception",
    )  # fmt: skip


def stockout_rate(product_days: int, stockout_product_days: int) -> Kpi:
    """Share of product-days a stocked product had nothing on hand (fraction)."""
    return _share(
        stockout_product_days, product_days, "share",
        f"{stockout_product_days} of {product_days} product-days out of stock",
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
    return _share(
        used_m3, capacity_m3, "share", f"{used_m3:,.1f} m3 used of {capacity_m3:,.1f} m3 of bins"
    )
