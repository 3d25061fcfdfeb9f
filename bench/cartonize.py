"""Cartons per order: our cartonizer against py3dbp and against the lower bound.

Instances: the eight classes of Martello, Pisinger & Vigo (2000), 50 items each — classes
1-5 mix the five item types of their paper in a 100-cube (60 % of the class's own type,
10 % each of the others), classes 6-8 are Berkey & Wang's uniform items in cubes of 10, 40
and 100 — read as millimetres, rotations allowed for both packers, weights irrelevant;
plus demo orders of about 50 units from the scenario's open sale orders (its parcel
cartons, the products' real sizes, weights and this-side-up/fragile flags; products no
parcel carton takes go by pallet and are left out). Each class has its own seed.

Baseline: py3dbp 1.1.2 (the optional ``bench`` extra: ``pip install -e .[bench]``), given
as many copies of each carton type as there are items, items and bins sorted largest
first, ``distribute_items=True``; it ignores this-side-up and fragile, and an item it
leaves out is counted as a carton of its own. Every packing of ours passes ``verify``.
Bound: ``lower_bound_cartons`` (volume, weight, large items); an order at its bound is
packed optimally. Time: per 50-item order, best of 3 runs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from bench.result import Result
from stockops import scenario
from stockops.execution.cartonize import (
    CartonType,
    Item,
    cartonize,
    lower_bound_cartons,
    verify,
)

CLASSES = tuple(range(1, 9))
#: orders per class
INSTANCES = {"small": 5, "default": 10, "large": 20}
ITEMS_PER_ORDER = 50
#: the 50-item order time target (ms)
TARGET_MS = 50.0


def mpv_instance(cls: int, n: int, rng: np.random.Generator) -> tuple[list[Item], CartonType]:
    """One instance of class ``cls`` (1-8) with ``n`` items, and its bin."""
    if cls in (6, 7, 8):
        side, top = {6: (10, 10), 7: (40, 35), 8: (100, 100)}[cls]
        dims = rng.integers(1, top + 1, size=(n, 3))
    else:
        side = 100
        kinds = rng.choice(5, size=n, p=[0.6 if k == cls - 1 else 0.1 for k in range(5)])
        dims = np.array([_mpv_type(int(k) + 1, side, rng) for k in kinds])
    items = [Item(f"i{j}", 1, *map(int, d), 1.0) for j, d in enumerate(dims)]
    return items, CartonType(f"bin{side}", side, side, side, max_gross_kg=1e6)


def _mpv_type(kind: int, s: int, rng: np.random.Generator) -> tuple[int, ...]:
    """Item types 1-5 of Martello, Pisinger & Vigo: width, height, depth ranges."""
    small, big, half = (1, s // 2), (-(-2 * s // 3), s), (s // 2, s)
    ranges = {
        1: (small, big, big),
        2: (big, small, big),
        3: (big, big, small),
        4: (half, half, half),
        5: (small, small, small),
    }[kind]
    return tuple(int(rng.integers(lo, hi + 1)) for lo, hi in ranges)


def demo_orders(size: str, n_orders: int) -> tuple[list[list[Item]], list[CartonType]]:
    """Orders of about 50 units from the scenario's sale-order lines, and its cartons."""
    sc = scenario.generate(size=size)
    cartons = [
        CartonType(c.code, c.length_m * 1000, c.width_m * 1000, c.height_m * 1000,
                   max_gross_kg=c.max_gross_kg, tare_kg=c.tare_kg, cost=c.cost)
        for c in sc.carton_types
        if not c.code.startswith("PLT")
    ]  # fmt: skip
    by_code = {p.default_code: p for p in sc.products}
    orders: list[list[Item]] = []
    current: list[Item] = []
    units = 0
    for line in (line for so in sc.sale_orders for line in so.lines):
        p = by_code[line.product_code]
        item = Item(p.default_code, min(line.qty, ITEMS_PER_ORDER - units), p.length_m * 1000,
                    p.width_m * 1000, p.height_m * 1000, p.weight_kg,
                    this_side_up=p.this_side_up, fragile=p.fragile)  # fmt: skip
        if cartonize([item], cartons).unpackable:
            continue
        current.append(item)
        units += item.qty
        if units >= ITEMS_PER_ORDER:
            orders.append(current)
            current, units = [], 0
            if len(orders) == n_orders:
                break
    return orders, cartons


def have_py3dbp() -> bool:
    try:
        import py3dbp  # noqa: F401
    except ImportError:
        return False
    return True


def py3dbp_count(items: Sequence[Item], cartons: Sequence[CartonType]) -> int:
    """Cartons py3dbp uses for the items (an item it leaves out counts as one more)."""
    from py3dbp import Bin, Packer
    from py3dbp import Item as PyItem

    packer = Packer()
    n = sum(it.qty for it in items)
    for c in cartons:
        for k in range(n):
            packer.add_bin(Bin(f"{c.name}#{k}", c.length_mm, c.height_mm, c.width_mm,
                               min(c.payload_kg, 1e6)))  # fmt: skip
    for it in items:
        for k in range(it.qty):
            packer.add_item(PyItem(f"{it.product_id}#{k}", it.length_mm, it.height_mm,
                                   it.width_mm, it.weight_kg))  # fmt: skip
    packer.pack(bigger_first=True, distribute_items=True)
    used = sum(1 for b in packer.bins if b.items)
    placed = sum(len(b.items) for b in packer.bins)
    return used + (n - placed)


def _ours(items: Sequence[Item], cartons: Sequence[CartonType]) -> tuple[int, float]:
    """Our carton count (checked by ``verify``) and the best of 3 times (s)."""
    best, packing = float("inf"), None
    for _ in range(3):
        started = time.perf_counter()
        packing = cartonize(items, cartons)
        best = min(best, time.perf_counter() - started)
    problems = verify(packing, items)
    assert not problems, problems
    assert not packing.unpackable, packing.unpackable
    return packing.carton_count, best


def _cases(size: str, n_inst: int) -> list[tuple[str, list]]:
    rows = []
    for cls in CLASSES:
        rng = np.random.default_rng((2000, cls))
        cases = [mpv_instance(cls, ITEMS_PER_ORDER, rng) for _ in range(n_inst)]
        rows.append((f"MPV {cls}", [(items, [bin_]) for items, bin_ in cases]))
    orders, cartons = demo_orders(size, n_inst)
    rows.append(("demo", [(order, cartons) for order in orders]))
    return rows


def run(size: str) -> Result:
    n_inst = INSTANCES.get(size, INSTANCES["default"])
    baseline = have_py3dbp()
    if not baseline:
        print("py3dbp is NOT installed: the baseline column is empty. Install it with")
        print("  pip install -e '.[bench]'   (or: pip install py3dbp)")
    print(f"{n_inst} orders of {ITEMS_PER_ORDER} items per class; cartons used, summed")
    print(
        f"  {'class':<7}{'bound':>6}{'ours':>6}{'py3dbp':>8}{'fewer':>7}{'equal':>7}"
        f"{'more':>6}{'at bound':>10}{'ms/order':>10}{'max ms':>8}"
    )
    total_ours = total_base = 0
    times: list[float] = []
    for label, cases in _cases(size, n_inst):
        bound = ours = base = fewer = equal = more = optimal = 0
        secs = []
        for items, types in cases:
            count, seconds = _ours(items, types)
            low = lower_bound_cartons(items, types).cartons
            ours, bound, optimal = ours + count, bound + low, optimal + (count == low)
            secs.append(seconds)
            if baseline:
                other = py3dbp_count(items, types)
                base += other
                fewer, equal, more = (
                    fewer + (count < other),
                    equal + (count == other),
                    more + (count > other),
                )
        times.extend(secs)
        total_ours += ours
        total_base += base
        vs = f"{base:>8}{fewer:>7}{equal:>7}{more:>6}" if baseline else f"{'-':>8}{'':>20}"
        print(
            f"  {label:<7}{bound:>6}{ours:>6}{vs}{optimal:>6}/{len(cases):<3}"
            f"{np.mean(secs) * 1000:>10.1f}{max(secs) * 1000:>8.1f}"
        )
    worst = max(times) * 1000
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(
        f"  time per {ITEMS_PER_ORDER}-item order: mean {np.mean(times) * 1000:.1f} ms, "
        f"max {worst:.1f} ms (target < {TARGET_MS:.0f} ms: {verdict})"
    )
    return Result(float(total_ours), "py3dbp" if baseline else "py3dbp (missing)",
                  float(total_base), "cartons")  # fmt: skip
