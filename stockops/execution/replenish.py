"""Replenishment from reserve to forward pick: which forward bins to top up, from where,
how much, and in what order, before pickers run short.

Units: product units, metres, seconds from now. A forward slot holds one product between a
min and a max (units) and never more than its capacity. It needs a top-up when what will
be left after the open picks due before the next review (``demand``) falls below its min:
then it is filled up to max in whole cases, never beyond what the bin holds. The units come from
the reserve bins holding the product, nearest to the slot first, each giving at most what
it holds. Top-ups are ordered by when the slot runs out: a slot whose open picks exceed its
stock must be refilled before the first of them (``due_s``).

>>> need = plan_replenishment(
...     [Slot(slot_id=1, product_id=7, on_hand=4, min_qty=10, max_qty=40, capacity=50,
...           demand=12, first_pick_due_s=900.0, case_qty=6)],
...     [ReserveStock(bin_id=90, product_id=7, qty=100, travel_m=35.0)],
... )
>>> [(t.slot_id, t.from_bin, t.qty) for t in need.tasks]
[(1, 90, 36.0)]
>>> need.tasks[0].reason
'4 on hand, 12 to pick (short by 8): up to max 40 -> 36 (6 cases of 6), due in 15 min'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Slot:
    """A forward-pick slot: its product, stock, min/max and capacity (units), the units of
    open picks due from it before the next review, when the first of them is due (s from
    now; inf: none) and the case size it is refilled in."""

    slot_id: int
    product_id: int
    on_hand: float
    min_qty: float
    max_qty: float
    capacity: float
    demand: float = 0.0
    first_pick_due_s: float = math.inf
    case_qty: float = 1.0


@dataclass(frozen=True, slots=True)
class ReserveStock:
    """Units of a product in a reserve bin, and the walk (m) from it to the forward area."""

    bin_id: int
    product_id: int
    qty: float
    travel_m: float = 0.0


@dataclass(frozen=True, slots=True)
class TopUp:
    """Move ``qty`` units from reserve bin ``from_bin`` to forward slot ``slot_id``, due
    ``due_s`` seconds from now, and why."""

    slot_id: int
    product_id: int
    from_bin: int
    qty: float
    due_s: float
    reason: str


@dataclass(frozen=True, slots=True)
class ReplenishmentPlan:
    """The top-ups, most urgent first, and the slots that cannot be refilled (why)."""

    tasks: tuple[TopUp, ...]
    short: dict[int, str]


def plan_replenishment(slots: Sequence[Slot], reserve: Sequence[ReserveStock]) -> ReplenishmentPlan:
    """Top-ups for ``slots`` from ``reserve`` (see the module docstring)."""
    left: dict[int, list[list]] = {}
    for r in sorted(reserve, key=lambda r: (r.product_id, r.travel_m, r.bin_id)):
        if r.qty > 0:
            left.setdefault(r.product_id, []).append([r.bin_id, float(r.qty)])
    order = sorted(slots, key=lambda s: (_runs_out_s(s), s.on_hand - s.demand - s.min_qty))
    tasks, short = [], {}
    for s in order:
        if s.max_qty < s.min_qty or s.capacity <= 0:
            short[s.slot_id] = f"min {s.min_qty:g} above max {s.max_qty:g} or no capacity"
            continue
        after_picks = s.on_hand - s.demand
        if after_picks >= s.min_qty:
            continue
        case = max(s.case_qty, 1.0)
        target = min(s.max_qty, s.capacity)
        # whole cases up to max, never more than the bin holds with its stock in it
        qty = min(
            math.ceil((target - s.on_hand) / case) * case,
            math.floor((s.capacity - s.on_hand) / case) * case,
        )
        if qty <= 0:
            short[s.slot_id] = f"no room for a case of {case:g} in the slot"
            continue
        due = _runs_out_s(s)
        gap = (
            f"short by {s.demand - s.on_hand:g}"
            if s.demand > s.on_hand
            else f"{after_picks:g} left, under min {s.min_qty:g}"
        )
        when = f", due in {due / 60:.0f} min" if math.isfinite(due) else ""
        why = (
            f"{s.on_hand:g} on hand, {s.demand:g} to pick ({gap}): up to max {target:g} -> "
            f"{qty:g} ({qty / case:g} cases of {case:g}){when}"
        )
        if s.demand > s.on_hand + qty:
            why += "; the picks exceed the slot: another top-up follows"
        pending = qty
        for source in left.get(s.product_id, []):
            if pending <= 0:
                break
            take = min(source[1], pending)
            if take <= 0:
                continue
            source[1] -= take
            pending -= take
            tasks.append(TopUp(s.slot_id, s.product_id, source[0], float(take), due, why))
        if pending > 0:
            short[s.slot_id] = f"reserve lacks {pending:g} of the {qty:g} units needed"
    return ReplenishmentPlan(tuple(tasks), short)


def _runs_out_s(slot: Slot) -> float:
    """When the slot runs out: at its first pick when its picks exceed its stock."""
    return slot.first_pick_due_s if slot.demand > slot.on_hand else math.inf
