"""Lower bounds on the number of cartons an order needs, for benchmarks and reasons.

Valid bounds, rotations allowed (so they hold whatever orientation the packer uses):

* continuous: total unit volume over the largest inner volume, total weight over the
  largest payload;
* large items (the L1 idea of Martello, Pisinger & Vigo 2000): units that pairwise cannot
  share any carton (two boxes share a carton exactly when some axis separates them, so
  the test is exact for pairs) each need their own carton; a greedy clique of such units;
* large items plus volume (their L2 idea): the other units must fit in what the clique's
  cartons have left, or open new cartons.

When every carton type fits inside the largest, two bounds on that one carton hold as well
(:mod:`stockops.execution.cartonize.one_carton`): conservative scales (Fekete & Schepers),
whatever turns the units may take, and, when no unit may turn (``keep_orientation``), the
bound L2 of Martello, Pisinger & Vigo (2000), the one the literature's tables use.

>>> from stockops.execution.cartonize.model import CartonType, Item
>>> cube = CartonType("C", 100, 100, 100, 100.0)
>>> bound = lower_bound_cartons([Item("A", 3, 60, 60, 60, 1.0), Item("B", 1, 40, 40, 40, 1.0)],
...                             [cube])
>>> bound.cartons, bound.by_volume, bound.reason
(3, 1, '3 units pairwise too big to share a carton need their own, the rest may fit beside')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stockops.execution.cartonize.model import CartonType, Item
from stockops.execution.cartonize.one_carton import l2_fixed_orientation, scaled_volume_bound


@dataclass(frozen=True, slots=True)
class LowerBound:
    """No packing uses fewer than ``cartons``; the parts it is the max of, and why:
    ``by_volume`` and ``by_weight`` continuous, ``by_large_items`` the clique of units that
    cannot share, ``by_scales`` conservative scales and ``by_l2`` L2 (0 where they do not
    apply)."""

    cartons: int
    by_volume: int
    by_weight: int
    by_large_items: int
    reason: str
    by_scales: int = 0
    by_l2: int = 0


def lower_bound_cartons(items: Sequence[Item], cartons: Sequence[CartonType]) -> LowerBound:
    """Lower bound on cartons for the units of ``items`` that fit some carton type alone
    (the others are unpackable and need no carton type)."""
    if not cartons:
        raise ValueError("no carton types to bound with")
    items = [it for it in items if any(_fits(it, c) for c in cartons)]
    if not items:
        return LowerBound(0, 0, 0, 0, "nothing to pack")
    max_vol = max(c.volume_mm3 for c in cartons)
    max_kg = max(c.payload_kg for c in cartons)
    vol = sum(it.volume_mm3 * it.qty for it in items)
    kg = sum(it.weight_kg * it.qty for it in items)
    by_volume = math.ceil(vol / max_vol - 1e-12)
    by_weight = math.ceil(kg / max_kg - 1e-9) if max_kg > 0 else 0
    by_large, clique_size, more = _large_items(items, cartons, max_vol)
    by_scales, by_l2 = _one_carton(items, cartons)
    best = max(by_volume, by_weight, by_large, by_scales, by_l2, 1)
    if best == by_l2 and by_l2 > max(by_volume, by_weight, by_large, by_scales):
        reason = (
            "no unit may turn: Martello, Pisinger & Vigo's bound L2 on the largest carton "
            f"needs {by_l2}"
        )
    elif best == by_scales and by_scales > max(by_volume, by_weight, by_large):
        reason = (
            "the volume of the units, their sizes rounded by a conservative scale "
            f"(Fekete & Schepers), needs {by_scales} of the largest carton"
        )
    elif best == by_large and clique_size:
        rest_needs = f"the rest need {more} more" if more else "the rest may fit beside"
        reason = (
            f"{clique_size} units pairwise too big to share a carton need their own, {rest_needs}"
        )
    elif best == by_weight and by_weight >= by_volume:
        reason = f"{kg:.2f} kg over the largest payload of {max_kg:.2f} kg"
    else:
        reason = f"{vol / 1e9:.4f} m3 of goods over the largest carton of {max_vol / 1e9:.4f} m3"
    return LowerBound(best, by_volume, by_weight, by_large, reason, by_scales, by_l2)


def _one_carton(items: Sequence[Item], cartons: Sequence[CartonType]) -> tuple[int, int]:
    """(scales bound, L2) on the largest carton when every type fits inside it (a packing in
    smaller cartons is then one in as many of the largest), else (0, 0); L2 only when no
    unit may turn."""
    big = max(cartons, key=lambda c: c.volume_mm3)
    if any(any(a > b for a, b in zip(c.dims_mm, big.dims_mm, strict=True)) for c in cartons):
        return 0, 0
    scales = scaled_volume_bound(items, big.dims_mm)
    if not all(it.keep_orientation for it in items):
        return scales, 0
    dims = [it.dims_mm for it in items for _ in range(it.qty)]
    return scales, l2_fixed_orientation(dims, big.dims_mm)


def _fits(item: Item, carton: CartonType) -> bool:
    if item.weight_kg > carton.payload_kg + 1e-9:
        return False
    return any(
        a <= carton.length_mm and b <= carton.width_mm and c <= carton.height_mm
        for a, b, c in item.orientations()
    )


def _large_items(
    items: Sequence[Item], cartons: Sequence[CartonType], max_vol: int
) -> tuple[int, int, int]:
    """(bound, clique size, cartons the rest need beyond the clique's).

    Two units share a carton of size T exactly when some axis k separates them, with each
    unit in an orientation that fits T: so with ``reach[u, k]`` the shortest extent along k
    of a fitting orientation of u, they share iff ``reach[a, k] + reach[b, k] <= T[k]`` for
    some k (and their weights fit the payload). A clique of units no two of which share
    needs as many cartons; the other units go beside a clique unit they can share with, in
    the room its largest fitting carton leaves, or into more cartons. Greedy cliques from
    two orders (largest first, most constrained first); the best bound wins."""
    kinds = list(dict.fromkeys(items))
    n = len(kinds)
    vol = np.array([it.volume_mm3 for it in kinds], dtype=float)
    qty = np.array([it.qty for it in kinds])
    kg = np.array([it.weight_kg for it in kinds])
    share = np.zeros((n, n), dtype=bool)
    room = np.zeros(n)
    for carton in cartons:
        size = np.array(carton.dims_mm)
        reach = np.full((n, 3), np.inf)
        for i, it in enumerate(kinds):
            for o in it.orientations():
                if o[0] <= size[0] and o[1] <= size[1] and o[2] <= size[2]:
                    reach[i] = np.minimum(reach[i], o)
        fits = np.isfinite(reach[:, 0]) & (kg <= carton.payload_kg + 1e-9)
        room = np.where(fits, np.maximum(room, carton.volume_mm3 - vol), room)
        apart_k = reach[:, None, :] + reach[None, :, :] <= size
        light = kg[:, None] + kg[None, :] <= carton.payload_kg + 1e-9
        share |= apart_k.any(axis=2) & light
    partners = (share * qty[None, :]).sum(axis=1)
    best = (0, 0, 0)
    for order in (np.argsort(-vol, kind="stable"), np.lexsort((-vol, partners))):
        taken = np.zeros(n, dtype=int)  # units of each kind in the clique
        for i in order:
            if share[i, taken > 0].any():
                continue
            taken[i] = qty[i] if not share[i, i] else 1
        if not taken.any():
            continue
        left = qty - taken
        rest_vol = float((left * vol).sum())
        usable = 0.0
        for i in np.flatnonzero(taken):
            beside = float((left * vol * share[i]).sum())
            usable += taken[i] * min(room[i], beside)
        homeless = (left > 0) & ~share[:, taken > 0].any(axis=1)
        more = max(
            math.ceil(max(0.0, rest_vol - usable) / max_vol - 1e-12),
            math.ceil(float((left * vol)[homeless].sum()) / max_vol - 1e-12),
        )
        size_ = int(taken.sum())
        if size_ + more > best[0]:
            best = (size_ + more, size_, more)
    return best
