"""Re-slotting: which products should change bins so pickers walk less, best first.

A product picked ``lines`` times a period from a bin ``d`` metres from the pack station
costs about ``2 x lines x d`` metres of walking a period (there and back). Moving a fast
product into an empty bin nearer packing saves ``2 x lines x (d_now - d_new)`` for one
move; swapping a fast product in a far bin with a slow one in a near bin saves
``2 x (lines_fast - lines_slow) x (d_far - d_near)`` for two moves. Steps are taken one
at a time on the slots as they then are, the most metres saved per move first (a bin a
step empties is free for the next); a product stepped twice is still one move, from its
bin to where it ends, and the budget counts those moves. A product only goes where it
fits (its stock's volume within the bin's capacity, m3).

>>> plan = propose(
...     lines=[50, 2], current_bin=[1, 0], bin_travel_m=[10.0, 40.0],
...     bin_capacity_m3=[1.0, 1.0], product_volume_m3=[0.5, 0.5], move_budget=4)
>>> [(m.product, m.from_bin, m.to_bin) for m in plan.moves]
[(0, 1, 0), (1, 0, 1)]
>>> plan.moves[0].reason
'swap product 0 (50 lines) and product 1 (2 lines), 40 m <-> 10 m; saves 2,880 m a period'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Move:
    """One product moved from its bin (index) to another, the change in its own walk (m a
    period; negative for a slow product swapped out of a near bin) and the steps behind
    it."""

    product: int
    from_bin: int
    to_bin: int
    saving_m: float
    reason: str


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """The moves, most walking saved first, the total walking saved (m a period) and the
    walk before (m a period)."""

    moves: tuple[Move, ...]
    saving_m: float
    walk_before_m: float


def propose(
    lines: Sequence[float] | np.ndarray,
    current_bin: Sequence[int] | np.ndarray,
    bin_travel_m: Sequence[float] | np.ndarray,
    bin_capacity_m3: Sequence[float] | np.ndarray,
    product_volume_m3: Sequence[float] | np.ndarray,
    move_budget: int,
    names: Sequence[str] | None = None,
) -> SlotPlan:
    """Re-slot proposal for products (``lines`` picked a period, index of the bin each
    occupies) over bins (walk from packing m, capacity m3); a bin no product occupies is
    empty. ``move_budget`` caps the moves (a swap is two)."""
    v = np.asarray(lines, dtype=float)
    cur = np.asarray(current_bin, dtype=np.int64)
    d = np.asarray(bin_travel_m, dtype=float)
    cap = np.asarray(bin_capacity_m3, dtype=float)
    vol = np.asarray(product_volume_m3, dtype=float)
    n_bins = d.size
    if cur.size != v.size or vol.size != v.size or cap.size != n_bins:
        raise ValueError("one bin per product and one capacity per bin are needed")
    if cur.size and (cur.min() < 0 or cur.max() >= n_bins):
        raise ValueError("a product sits in a bin that is not in the list")
    if np.unique(cur).size != cur.size:
        raise ValueError("two products share a bin: give each its own slot")
    label = list(names) if names is not None else [f"product {i}" for i in range(v.size)]
    walk_before = float(2.0 * (v * d[cur]).sum())
    where = cur.copy()
    saving = 0.0
    why_of: dict[int, list[str]] = {}
    # one step at a time on the slots as they are (a bin a step empties is free for the
    # next); every step lowers the walk, so this ends. A product stepped twice is still
    # one move, from where it was to where it ends: the budget counts those moves.
    while True:
        best = _best_step(v, where, d, cap, vol, label)
        if best is None:
            break
        total, legs, why = best
        trial = where.copy()
        for p, _f, t in legs:
            trial[p] = t
        if int((trial != cur).sum()) > move_budget:
            break
        where = trial
        saving += total
        for p, _f, _t in legs:
            why_of.setdefault(p, []).append(why)
    changed = np.flatnonzero(where != cur)
    own = 2.0 * v[changed] * (d[cur[changed]] - d[where[changed]])
    order = changed[np.argsort(-own, kind="stable")]
    moves = [
        Move(int(p), int(cur[p]), int(where[p]), float(2.0 * v[p] * (d[cur[p]] - d[where[p]])),
             "; then ".join(why_of[int(p)]))
        for p in order
    ]  # fmt: skip
    return SlotPlan(tuple(moves), float(saving), walk_before)


def _best_step(v, where, d, cap, vol, label):
    """The move into an empty bin, or the swap of two products, that saves the most metres
    per move on the current slots; None when nothing saves walking."""
    occupied = np.zeros(d.size, dtype=bool)
    occupied[where] = True
    empty = np.flatnonzero(~occupied)
    best, best_rate = None, 0.0
    if empty.size:
        gain = 2.0 * v[:, None] * (d[where, None] - d[None, empty])
        gain[vol[:, None] > cap[None, empty] + 1e-12] = 0.0
        p, e = np.unravel_index(int(np.argmax(gain)), gain.shape)
        if gain[p, e] > best_rate:
            b, here = int(empty[e]), int(where[p])
            best_rate = gain[p, e]
            why = (
                f"into empty bin {b}: {v[p]:g} lines, {d[here]:.0f} m -> "
                f"{d[b]:.0f} m; saves {gain[p, e]:,.0f} m a period"
            )
            best = (float(gain[p, e]), [(int(p), here, b)], why)
    if v.size > 1:
        dw = d[where]
        gain = 2.0 * (v[:, None] - v[None, :]) * (dw[:, None] - dw[None, :])
        fits = (vol[:, None] <= cap[None, where] + 1e-12) & (
            vol[None, :] <= cap[where, None] + 1e-12
        )
        gain[~fits] = 0.0
        a, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
        if gain[a, b] / 2 > best_rate:
            here, there = int(where[a]), int(where[b])
            why = (
                f"swap {label[a]} ({v[a]:g} lines) and {label[b]} ({v[b]:g} lines), "
                f"{d[here]:.0f} m <-> {d[there]:.0f} m; saves {gain[a, b]:,.0f} m a period"
            )
            best = (float(gain[a, b]), [(int(a), here, there), (int(b), there, here)], why)
    return best
