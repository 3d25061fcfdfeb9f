"""The product catalogue as per-product arrays: expected demand and ABC class, demand pattern,
a unique name, code and EAN-13, vendor, case quantity, dimensions, weight and prices."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from stockops.scenario.barcodes import GS1_COMPANY_PREFIX, gs1_check_digit
from stockops.scenario.product_templates import (
    CATEGORY_CODES,
    CATEGORY_WEIGHTS,
    TEMPLATES,
    Template,
)
from stockops.scenario.records import DEMAND_PATTERNS, Vendor
from stockops.scenario.sizes import ScenarioSize

# demand-pattern mix by velocity class; order as DEMAND_PATTERNS
_PATTERN_MIX = {
    "A": (0.62, 0.20, 0.08, 0.00, 0.00, 0.10),
    "B": (0.46, 0.15, 0.07, 0.12, 0.10, 0.10),
    "C": (0.22, 0.06, 0.04, 0.38, 0.25, 0.05),
}


@dataclass(slots=True)
class Catalogue:
    """Per-product arrays (index = product position in the final tuple)."""

    m: np.ndarray  # expected daily units at the base level
    velocity: list[str]
    pattern: list[str]
    active_from: np.ndarray  # first history day with demand (launch day for "new")
    templates: list[Template]
    names: list[str]
    factor: np.ndarray
    codes: list[str]
    barcodes: list[str]
    vendor_idx: np.ndarray
    case_qty: np.ndarray
    dims: np.ndarray  # (P, 3) metres
    weight: np.ndarray  # kg
    cost: np.ndarray
    list_price: np.ndarray
    peak_week: list[int | None]
    trend_slope: np.ndarray

    @property
    def size(self) -> int:
        """Number of products."""
        return len(self.codes)

    @property
    def volume(self) -> np.ndarray:
        """Volume of one unit of each product (m3)."""
        return self.dims.prod(axis=1)


def make_catalogue(
    spec: ScenarioSize,
    rng: np.random.Generator,
    vendors: tuple[Vendor, ...],
) -> Catalogue:
    """Draw ``spec.products`` products: expected daily units (lognormal around
    ``spec.median_daily_units``), ABC class by share of units, a demand pattern per class,
    a unique name from the templates, code and EAN-13, a vendor supplying the category,
    case quantity, unit dimensions (m), weight (kg), cost and list price (USD per unit),
    and the launch day of "new" products."""
    n = spec.products
    m = spec.median_daily_units * rng.lognormal(0.0, 1.7, n)
    # Pareto-like ABC: A makes the first 80 % of expected units, B the next 15 %
    order = np.argsort(-m)
    share_before = (np.cumsum(m[order]) - m[order]) / m.sum()
    velocity = ["C"] * n
    for rank, i in enumerate(order):
        share = share_before[rank]
        velocity[i] = "A" if share < 0.80 else "B" if share < 0.95 else "C"

    pattern = [DEMAND_PATTERNS[int(rng.choice(6, p=_PATTERN_MIX[v]))] for v in velocity]
    _ensure_each_pattern(rng, pattern, velocity)

    groups = _assign_groups(rng, pattern, n)
    picks = _pick_names(rng, groups)

    templates = [t for t, _ in picks]
    factor = np.array([math.prod(t.factors[a][i] for a, i in enumerate(idx)) for t, idx in picks])
    names = [t.fmt.format(*(t.values[a][i] for a, i in enumerate(idx))) for t, idx in picks]

    serial = dict.fromkeys(CATEGORY_CODES, 10000)
    codes = []
    for t in templates:
        serial[t.category] += 1
        codes.append(f"{CATEGORY_CODES[t.category]}-{serial[t.category]}")
    item_refs = rng.choice(100_000, size=n, replace=False)
    barcodes = []
    for ref in item_refs:
        body = f"{GS1_COMPANY_PREFIX}{int(ref):05d}"
        barcodes.append(body + gs1_check_digit(body))

    suppliers = {c: [i for i, v in enumerate(vendors) if c in v.categories] for c in CATEGORY_CODES}
    vendor_idx = np.array(
        [suppliers[t.category][int(rng.integers(len(suppliers[t.category])))] for t in templates]
    )
    case_qty = np.array([t.case_qtys[int(rng.integers(len(t.case_qtys)))] for t in templates])

    base_dims = np.array([t.dims_m for t in templates])
    dims = base_dims * factor[:, None] ** (1 / 3) * rng.uniform(0.9, 1.1, (n, 3))
    dims = np.round(np.maximum(dims, 0.005), 3)
    weight = np.round(
        np.array([t.weight_kg for t in templates]) * factor * rng.uniform(0.9, 1.1, n), 3
    )
    weight = np.maximum(weight, 0.01)
    cost = np.round(
        np.array([t.cost for t in templates]) * factor**0.7 * rng.uniform(0.85, 1.15, n), 2
    )
    cost = np.maximum(cost, 0.5)
    list_price = np.round(cost * rng.uniform(1.35, 1.9, n), 2)

    active_from = np.zeros(n, dtype=np.int64)
    for i, p in enumerate(pattern):
        if p == "new":
            active_from[i] = spec.history_days - int(rng.integers(3, 28))
    slope = np.where(rng.random(n) < 0.8, 1.0, -1.0) * rng.uniform(0.3, 0.6, n)
    return Catalogue(
        m=m,
        velocity=velocity,
        pattern=pattern,
        active_from=active_from,
        templates=templates,
        names=names,
        factor=factor,
        codes=codes,
        barcodes=barcodes,
        vendor_idx=vendor_idx,
        case_qty=case_qty,
        dims=dims,
        weight=weight,
        cost=cost,
        list_price=list_price,
        peak_week=[t.peak_week for t in templates],
        trend_slope=slope,
    )


def _ensure_each_pattern(rng: np.random.Generator, pattern: list[str], velocity: list[str]) -> None:
    # a small catalogue can miss a pattern by chance; the tests and demos need all of them
    minimum = dict.fromkeys(DEMAND_PATTERNS, 1) | {"seasonal": 2}
    for wanted, need in minimum.items():
        while pattern.count(wanted) < need:
            rare = wanted in ("intermittent", "lumpy")
            donors = [
                i
                for i, p in enumerate(pattern)
                if pattern.count(p) > minimum[p] and not (rare and velocity[i] == "A")
            ]
            pattern[donors[int(rng.integers(len(donors)))]] = wanted


def _assign_groups(rng: np.random.Generator, pattern: list[str], n: int) -> list[str]:
    capacity = {
        g: sum(t.combos for t in TEMPLATES if t.group == g)
        for g in ("seasonal", "hazmat", "fragile")
    }
    groups = ["seasonal" if p == "seasonal" else "regular" for p in pattern]
    seasonal = [i for i, g in enumerate(groups) if g == "seasonal"]
    for i in seasonal[capacity["seasonal"] :]:
        # out of seasonal names: such a product simply sells evenly
        groups[i], pattern[i] = "regular", "smooth"
    for group, share in (("hazmat", 0.02), ("fragile", 0.025)):
        free = [i for i, g in enumerate(groups) if g == "regular"]
        count = min(max(1, round(share * n)), capacity[group], len(free))
        for i in rng.choice(free, size=count, replace=False):
            groups[int(i)] = group
    return groups


def _decode(
    templates: list[Template], sizes: list[int], k: int
) -> tuple[Template, tuple[int, ...]]:
    for t, size in zip(templates, sizes, strict=True):
        if k < size:
            idx = []
            for values in reversed(t.values):
                idx.append(k % len(values))
                k //= len(values)
            return t, tuple(reversed(idx))
        k -= size
    raise IndexError("combination index out of range")


def _sample_combos(
    rng: np.random.Generator, templates: list[Template], count: int
) -> list[tuple[Template, tuple[int, ...]]]:
    sizes = [t.combos for t in templates]
    picks = rng.choice(sum(sizes), size=count, replace=False)
    return [_decode(templates, sizes, int(k)) for k in picks]


def _pick_names(
    rng: np.random.Generator, groups: list[str]
) -> list[tuple[Template, tuple[int, ...]]]:
    """One distinct (template, attribute indices) per product, drawn without replacement so
    that even 10,000 products get unique names."""
    picks: list[tuple[Template, tuple[int, ...]] | None] = [None] * len(groups)
    for group in ("seasonal", "hazmat", "fragile"):
        idx = [i for i, g in enumerate(groups) if g == group]
        if idx:
            tpl = [t for t in TEMPLATES if t.group == group]
            for i, pick in zip(idx, _sample_combos(rng, tpl, len(idx)), strict=True):
                picks[i] = pick
    regular = [i for i, g in enumerate(groups) if g == "regular"]
    cats = list(CATEGORY_WEIGHTS)
    weights = np.array([CATEGORY_WEIGHTS[c] for c in cats])
    by_cat = {c: [t for t in TEMPLATES if t.group == "regular" and t.category == c] for c in cats}
    cap = np.array([sum(t.combos for t in by_cat[c]) for c in cats])
    if len(regular) > cap.sum():
        raise ValueError(f"only {cap.sum()} distinct regular product names are available")
    alloc = rng.multinomial(len(regular), weights)
    while (over := np.maximum(alloc - cap, 0)).any():
        alloc -= over
        room = weights * (alloc < cap)
        alloc += rng.multinomial(int(over.sum()), room / room.sum())
    chosen = []
    for c, k in zip(cats, alloc, strict=True):
        if k:
            chosen += _sample_combos(rng, by_cat[c], int(k))
    for i, j in zip(regular, rng.permutation(len(chosen)), strict=True):
        picks[i] = chosen[int(j)]
    return [p for p in picks if p is not None]
