"""Directed put-away: which bins may take a received quantity, and which is best.

Units: metres, cubic metres, kilograms, product units. A bin may take units when it is not
blocked, its storage category admits the product (hazardous goods only in a bin of their
hazard class, other goods never there), the units' volume and weight fit what is left of
its capacity, its count limit (units) is not reached, the largest side of a unit is no
longer than the bin's longest inner side, and its mixing rule allows it ("empty": only an
empty bin; "same": empty or the same product; "mixed": anything; "same_lot" : the same
product and lot).

Among those, bins are ranked by a score in metres of walking (lower is better):

    travel weight of the velocity class x (walk from the pack station
                                           - GOLDEN_PREFERENCE_M of the class for a bin
                                             in the golden zone, waist to shoulder)
    - CONSOLIDATE_BONUS_M when the bin already holds the product
    + FILL_WEIGHT_M x the share of the bin left empty after the put-away
    + FORWARD_PENALTY_M of the class for a forward-pick bin (kept for fast movers)

so A items go near packing and at waist height, C items deep in reserve, and a bin is
topped up before a new one is opened. The golden-zone preference is the walk (m) the
warehouse trades for the picker's back: an A product's pick face goes to a golden-zone
bin up to ``GOLDEN_PREFERENCE_M["A"]`` metres farther from packing rather than to a nearer
one at the floor or above the shoulder, and the reason says the metres traded (or, when
the golden zone is too far, what it would have cost).

A quantity no single bin takes is split over the best bins, each within its capacity;
what no bin takes is reported, never forced. A product gets at most
``Item.max_forward_bins`` forward-pick bins (its pick faces, 1 by default): its own face
is topped up, the rest of a big receipt goes to reserve and comes forward by
replenishment, so one receipt never spreads a product over many lanes.

``check`` says, for a quantity already headed to given bins (a person chose them, or a
scan), why each bin cannot take it whole ("" when it can): the same rules, with figures.

>>> bins = BinState(
...     ids=[1, 2, 3], category=["FWD", "FWD", "RES"], free_volume_m3=[0.2, 0.2, 2.0],
...     free_weight_kg=[100, 100, 900], max_side_m=[0.6, 0.6, 1.2],
...     travel_m=[20.0, 8.0, 60.0], golden=[True, False, False], forward=[True, True, False])
>>> plan = suggest(bins, Item(product_id=7, qty=10, unit_volume_m3=0.01, unit_weight_kg=1.0,
...                          unit_max_side_m=0.3, velocity="A"))
>>> plan.placements
((1, 10.0),)
>>> plan.reasons[0]  # doctest: +NORMALIZE_WHITESPACE
"bin 1: 20 m from packing, golden zone, 12 m farther than bin 2 outside the golden zone,
for the picker's back (class A trades up to 30 m); fills 50% of its free volume"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

#: walking weight per velocity class: A close to packing, C pushed away from it
TRAVEL_WEIGHT = {"A": 1.0, "B": 0.4, "C": -0.3}
#: forward-pick bins are kept for what is picked often: a C item pays this to go there (m)
FORWARD_PENALTY_M = {"A": 0.0, "B": 10.0, "C": 200.0}
#: walk (m) a velocity class trades to put its units in the golden zone instead of nearer
#: at the floor or above the shoulder: fast movers' pick faces get it first
GOLDEN_PREFERENCE_M = {"A": 30.0, "B": 10.0, "C": 0.0}
CONSOLIDATE_BONUS_M = 20.0
FILL_WEIGHT_M = 10.0
MIXING = ("empty", "same", "mixed", "same_lot")


def _array(values, dtype, n, default):
    if values is None:
        return np.full(n, default, dtype=dtype)
    out = np.asarray(values, dtype=dtype)
    if out.shape != (n,):
        raise ValueError(f"bin attribute has {out.shape[0]} values for {n} bins")
    return out


@dataclass(frozen=True, eq=False)
class BinState:
    """Candidate bins and what is left in them, one entry per bin. ``products`` holds
    the product ids already in each bin (an empty tuple for an empty bin), ``lots`` their
    lots; ``hazard`` the hazard class a bin is reserved for ("" for none); ``free_count``
    the units it may still take (inf: no limit)."""

    ids: Sequence[int]
    category: Sequence[str]
    free_volume_m3: Sequence[float]
    free_weight_kg: Sequence[float]
    max_side_m: Sequence[float]
    travel_m: Sequence[float]
    golden: Sequence[bool] | None = None
    forward: Sequence[bool] | None = None
    free_count: Sequence[float] | None = None
    capacity_volume_m3: Sequence[float] | None = None
    mixing: Sequence[str] | None = None
    hazard: Sequence[str] | None = None
    blocked: Sequence[bool] | None = None
    products: Sequence[tuple[int, ...]] | None = None
    lots: Sequence[tuple[str, ...]] | None = None
    names: Sequence[str] | None = None
    arrays: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.ids)
        a = {
            "ids": np.asarray(self.ids, dtype=np.int64),
            "category": np.asarray(self.category, dtype=object),
            "free_volume": _array(self.free_volume_m3, float, n, 0.0),
            "free_weight": _array(self.free_weight_kg, float, n, 0.0),
            "max_side": _array(self.max_side_m, float, n, 0.0),
            "travel": _array(self.travel_m, float, n, 0.0),
            "golden": _array(self.golden, bool, n, False),
            "forward": _array(self.forward, bool, n, False),
            "free_count": _array(self.free_count, float, n, np.inf),
            "blocked": _array(self.blocked, bool, n, False),
            "mixing": np.asarray(self.mixing if self.mixing is not None else ["mixed"] * n),
            "hazard": np.asarray(self.hazard if self.hazard is not None else [""] * n),
        }
        a["name"] = list(self.names) if self.names is not None else [f"bin {i}" for i in self.ids]
        _index_contents(a, self.products or [()] * n, self.lots or [()] * n)
        a["capacity"] = _array(self.capacity_volume_m3, float, n, 0.0)
        a["capacity"] = np.where(a["capacity"] > 0, a["capacity"], a["free_volume"])
        unknown = set(a["mixing"].tolist()) - set(MIXING)
        if unknown:
            raise ValueError(f"unknown mixing rule(s) {sorted(unknown)}; expected {MIXING}")
        # a bin already over its capacity (stock placed by hand) is simply full
        a["free_volume"] = np.maximum(a["free_volume"], 0.0)
        a["free_weight"] = np.maximum(a["free_weight"], 0.0)
        object.__setattr__(self, "arrays", a)


def _index_contents(a: dict, products, lots) -> None:
    """What each bin holds, read once: the number of products, the only product (-1 when
    none or several), the only lot ("" when none, None when several) and, per product,
    the bins holding it."""
    n = a["ids"].size
    count = np.zeros(n, dtype=np.int64)
    single = np.full(n, -1, dtype=np.int64)
    single_lot = np.full(n, "", dtype=object)
    holders: dict[int, list[int]] = {}
    # empty bins (most of them) cost nothing here
    for i, held in enumerate(products):
        if not held:
            continue
        distinct = set(held)
        count[i] = len(distinct)
        if count[i] == 1:
            single[i] = next(iter(distinct))
        for product in distinct:
            holders.setdefault(product, []).append(i)
    for i, held in enumerate(lots):
        if held:
            distinct = set(held)
            single_lot[i] = next(iter(distinct)) if len(distinct) == 1 else None
    a["n_products"], a["single_product"], a["holders"] = count, single, holders
    a["single_lot"] = single_lot


@dataclass(frozen=True, slots=True)
class Item:
    """Units to put away: product, quantity, one unit's volume (m3), weight (kg) and
    longest side (m), velocity class, hazard class ("" for none), lot ("" for none) and the
    storage categories it may go to (empty: any)."""

    product_id: int
    qty: float
    unit_volume_m3: float
    unit_weight_kg: float
    unit_max_side_m: float
    velocity: str = "C"
    hazard: str = ""
    lot: str = ""
    categories: tuple[str, ...] = ()
    max_forward_bins: int = 1


@dataclass(frozen=True, slots=True)
class PutawayPlan:
    """Where the units go: (bin id, units) in order, a reason per placement, the units no
    bin takes (0 when all placed) and why each kind of bin was ruled out (count)."""

    placements: tuple[tuple[int, float], ...]
    reasons: tuple[str, ...]
    unplaced_qty: float
    rejected: dict[str, int]

    @property
    def bin_id(self) -> int | None:
        """The first (best) bin, or None when nothing fits."""
        return self.placements[0][0] if self.placements else None


def _holds(a: dict, product_id: int) -> np.ndarray:
    holds = np.zeros(a["ids"].size, dtype=bool)
    holds[a["holders"].get(product_id, [])] = True
    return holds


def _tests(bins: BinState, item: Item) -> dict[str, np.ndarray]:
    """Each rule a bin must pass for one unit of ``item``, as a mask over the bins."""
    a = bins.arrays
    n = a["ids"].size
    empty = a["n_products"] == 0
    lots = a["single_lot"]
    same_lot = np.asarray((lots == "") | (lots == item.lot), dtype=bool)
    only_item = empty | (a["single_product"] == item.product_id)
    mixing = a["mixing"]
    mix_ok = (
        (mixing == "mixed")
        | ((mixing == "empty") & empty)
        | ((mixing == "same") & only_item)
        | ((mixing == "same_lot") & only_item & same_lot)
    )
    tests = {
        "blocked": ~a["blocked"],
        "wrong storage category": (
            np.isin(a["category"], list(item.categories)) if item.categories else np.ones(n, bool)
        ),
        "hazard class": a["hazard"] == item.hazard,
        "unit too long for the bin": a["max_side"] + 1e-9 >= item.unit_max_side_m,
        "mixing rule": mix_ok,
        "full (volume)": a["free_volume"] + 1e-12 >= item.unit_volume_m3,
        "full (weight)": a["free_weight"] + 1e-9 >= item.unit_weight_kg,
        "full (count)": a["free_count"] >= 1,
    }
    return tests


def _eligible(bins: BinState, item: Item) -> tuple[np.ndarray, dict[str, int]]:
    ok = np.ones(bins.arrays["ids"].size, dtype=bool)
    rejected = {}
    for why, passed in _tests(bins, item).items():
        newly = ok & ~passed
        if newly.any():
            rejected[why] = int(newly.sum())
        ok &= passed
    return ok, rejected


def suggest(
    bins: BinState, item: Item, golden_preference_m: Mapping[str, float] = GOLDEN_PREFERENCE_M
) -> PutawayPlan:
    """Where ``item`` should go among ``bins`` (see the module docstring);
    ``golden_preference_m`` sets the walk (m) each velocity class trades for the golden
    zone."""
    if item.qty <= 0:
        raise ValueError(f"nothing to put away: quantity {item.qty}")
    if item.unit_volume_m3 <= 0 or item.unit_max_side_m <= 0:
        raise ValueError(
            f"product {item.product_id} has no dimensions: set them before directing put-away"
        )
    if item.velocity not in TRAVEL_WEIGHT:
        raise ValueError(f"unknown velocity class {item.velocity!r}")
    a = bins.arrays
    ok, rejected = _eligible(bins, item)
    fits_units = _fits_units(a, item)
    holds = _holds(a, item.product_id)
    # the preference is walk (m): in the score's units, the class's travel weight times it
    golden_m = float(golden_preference_m.get(item.velocity, 0.0))
    golden_bonus = np.where(a["golden"], golden_m * max(TRAVEL_WEIGHT[item.velocity], 0.0), 0.0)
    placed_qty = np.minimum(fits_units, item.qty)
    left = a["free_volume"] - placed_qty * item.unit_volume_m3
    left_share = np.divide(left, a["capacity"], out=np.ones_like(left), where=a["capacity"] > 0)
    score = (
        TRAVEL_WEIGHT[item.velocity] * a["travel"]
        - golden_bonus
        - CONSOLIDATE_BONUS_M * holds
        + FILL_WEIGHT_M * left_share
        + FORWARD_PENALTY_M[item.velocity] * a["forward"]
    )
    order = np.flatnonzero(ok & (fits_units >= 1))
    order = order[np.argsort(score[order], kind="stable")]
    remaining = float(item.qty)
    placements, reasons = [], []
    # its own pick faces are topped up; a new one only while the product has fewer
    new_faces = max(item.max_forward_bins - int((holds & a["forward"]).sum()), 0)
    for i in order:
        if remaining <= 0:
            break
        if a["forward"][i] and not holds[i]:
            if new_faces <= 0:
                rejected["one pick face per product"] = (
                    rejected.get("one pick face per product", 0) + 1
                )
                continue
            new_faces -= 1
        take = float(min(fits_units[i], remaining))
        placements.append((int(a["ids"][i]), take))
        reach = _reach_trade(a, i, order, holds, golden_m, item) if a["forward"][i] else ""
        reasons.append(_reason(a, i, take, item, bool(holds[i]), golden_bonus[i] > 0, reach))
        remaining -= take
    return PutawayPlan(tuple(placements), tuple(reasons), max(remaining, 0.0), rejected)


def _fits_units(a: dict, item: Item) -> np.ndarray:
    """Whole units of ``item`` each bin still takes by volume, weight and count."""
    return np.floor(
        np.minimum.reduce(
            [
                a["free_volume"] / item.unit_volume_m3 + 1e-9,
                a["free_weight"] / max(item.unit_weight_kg, 1e-12) + 1e-9,
                a["free_count"],
            ]
        )
    )


def fit_units(bins: BinState, item: Item) -> np.ndarray:
    """Whole units of ``item`` each bin may still take: its room by volume, weight and
    count where every rule admits the product, 0 where one refuses it.

    >>> bins = BinState(ids=[1, 2], category=["FWD", "FWD"], free_volume_m3=[0.05, 0.5],
    ...                 free_weight_kg=[100, 100], max_side_m=[0.6, 0.6], travel_m=[8, 9],
    ...                 blocked=[False, True])
    >>> fit_units(bins, Item(product_id=7, qty=10, unit_volume_m3=0.01, unit_weight_kg=1.0,
    ...                      unit_max_side_m=0.3)).tolist()
    [5.0, 0.0]
    """
    ok, _rejected = _eligible(bins, item)
    return np.where(ok, _fits_units(bins.arrays, item), 0.0)


def check(bins: BinState, item: Item) -> tuple[str, ...]:
    """Why each bin cannot take all of ``item.qty`` ("" when it can), naming the rule and,
    for capacity, what is free against what the units need.

    >>> bins = BinState(ids=[1, 2], category=["FWD", "FWD"], free_volume_m3=[0.05, 0.5],
    ...                 free_weight_kg=[100, 100], max_side_m=[0.6, 0.6], travel_m=[8, 9],
    ...                 blocked=[False, True])
    >>> check(bins, Item(product_id=7, qty=10, unit_volume_m3=0.01, unit_weight_kg=1.0,
    ...                  unit_max_side_m=0.3))
    ('full (volume): 0.05 m3 free, 0.1 m3 needed', 'blocked')
    """
    if item.unit_volume_m3 <= 0 or item.unit_max_side_m <= 0:
        raise ValueError(
            f"product {item.product_id} has no dimensions: set them before directing put-away"
        )
    a = bins.arrays
    tests = _tests(bins, item)
    need = {
        "full (volume)": (a["free_volume"], item.qty * item.unit_volume_m3, "m3"),
        "full (weight)": (a["free_weight"], item.qty * item.unit_weight_kg, "kg"),
        "full (count)": (a["free_count"], item.qty, "units"),
    }
    out = []
    for i in range(a["ids"].size):
        why = next((rule for rule, passed in tests.items() if not passed[i]), "")
        if not why:
            why = next(
                (rule for rule, (free, wanted, _u) in need.items() if free[i] + 1e-9 < wanted), ""
            )
        if why in need:
            free, wanted, unit = need[why]
            why = f"{why}: {free[i]:.3g} {unit} free, {wanted:.3g} {unit} needed"
        out.append(why)
    return tuple(out)


def _reach_trade(a, i, order, holds, golden_m, item) -> str:
    """For a new pick face: the walk traded for the golden zone, or what it would have
    cost; "" when the other kind of face is not nearer / not on offer."""
    if holds[i] or golden_m <= 0 or TRAVEL_WEIGHT[item.velocity] <= 0:
        return ""
    faces = order[a["forward"][order] & ~holds[order]]
    other = faces[a["golden"][faces] != a["golden"][i]]
    if not other.size:
        return ""
    j = other[np.argmin(a["travel"][other])]
    extra = a["travel"][j] - a["travel"][i]
    if a["golden"][i] and extra < 0:
        return (
            f"{-extra:.0f} m farther than {a['name'][j]} outside the golden zone, "
            f"for the picker's back (class {item.velocity} trades up to {golden_m:.0f} m)"
        )
    if not a["golden"][i] and extra > 0:
        return (
            f"the nearest free golden-zone bin, {a['name'][j]}, is {extra:.0f} m farther: "
            f"more than the {golden_m:.0f} m class {item.velocity} trades for it"
        )
    return ""


def _reason(a, i, take, item, holds, golden, reach) -> str:
    parts = [f"{a['name'][i]}: {a['travel'][i]:.0f} m from packing"]
    if golden:
        parts.append("golden zone")
    if reach:
        parts.append(reach)
    if holds:
        parts.append("tops up the same product")
    share = take * item.unit_volume_m3 / a["free_volume"][i] if a["free_volume"][i] else 1.0
    return ", ".join(parts) + f"; fills {share:.0%} of its free volume"
