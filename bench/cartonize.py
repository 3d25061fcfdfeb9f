"""Cartons per order: our cartonizer on the published instances of Martello, Pisinger & Vigo,
against their lower bounds, their own branch and bound and py3dbp; and on demo orders.

Instances: ``bench.mpv``, generated as the authors' ``test3dbpp.c`` does (their random
number generator and seeds; box for box the published files): classes 1-8, n = 20, 50 and
100 boxes, tests 1-10 (``small``: n = 20 and 50, tests 1-3), in the class's cubic bin,
sizes read as millimetres, weights irrelevant. Packed twice:

* no rotation (every box ``keep_orientation``, as in the authors' problem): cartons per
  L2, the bound their tables use; n = 20 also against the optimum and n = 50 against the
  best packing of the authors' branch and bound after 5 s (``AUTHORS_BRANCH_AND_BOUND``);
* rotation allowed: cartons per our lower bound (conservative scales, large items,
  continuous; valid for every orientation), the bound before the scales alongside; and
  against py3dbp 1.1.2 (the optional ``bench`` extra), which rotates too, given as many
  bins as boxes, largest first, ``distribute_items=True`` (a box it leaves out counts as a
  bin of its own).

"Mean cartons per bound" is the mean over the instances of cartons / bound (the ratio of
the totals is printed too). Demo orders: about 50 units each from the scenario's open sale
orders, its parcel cartons, the products' sizes, weights and flags. Every packing passes
``verify``. Time: per order, best of 3 runs; p95 over the 50-box orders. Figure: total
cartons without rotation against total L2.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from statistics import mean

import numpy as np

from bench.mpv import AUTHORS_BRANCH_AND_BOUND, bin_size, instance
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
#: (box counts, tests) per bench size
PLAN = {"small": ((20, 50), 3), "default": ((20, 50, 100), 10), "large": ((20, 50, 100), 10)}
#: demo orders per bench size
DEMO_ORDERS = {"small": 5, "default": 10, "large": 20}
ITEMS_PER_ORDER = 50
#: targets of the issue: mean cartons per bound, p95 ms of a 50-box order
TARGETS = {"no rotation": 1.10, "rotation": 1.15, "p95_ms": 100.0}


def mpv_items(cls: int, n: int, test: int, turn: bool) -> tuple[list[Item], CartonType]:
    """One published instance as an order, and its bin."""
    side = bin_size(cls)
    items = [
        Item(f"b{j}", 1, w, h, d, 1.0, keep_orientation=not turn)
        for j, (w, h, d) in enumerate(instance(cls, n, test))
    ]
    return items, CartonType(f"bin{side}", side, side, side, max_gross_kg=1e6)


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


def _mpv_rows(ns, tests, turn: bool, baseline: bool) -> list[dict]:
    rows = []
    for n in ns:
        for cls in CLASSES:
            for test in range(1, tests + 1):
                items, bin_ = mpv_items(cls, n, test, turn)
                count, seconds = _ours(items, [bin_])
                bound = lower_bound_cartons(items, [bin_])
                rows.append({
                    "n": n, "cls": cls, "test": test, "ours": count, "s": seconds,
                    "l2": bound.by_l2, "bound": bound.cartons,
                    "before": max(bound.by_volume, bound.by_weight, bound.by_large_items, 1),
                    "py3dbp": py3dbp_count(items, [bin_]) if baseline else None,
                    "authors": _authors(n, cls, test),
                })  # fmt: skip
    return rows


def _authors(n: int, cls: int, test: int) -> tuple[int, int] | None:
    """(proven bound, bins) of the authors' branch and bound, where it was run."""
    ref = AUTHORS_BRANCH_AND_BOUND.get((n, cls))
    return (ref[0][test - 1], ref[1][test - 1]) if ref and test <= len(ref[0]) else None


def _ratio(rows, key: str) -> tuple[float, float]:
    """Mean of cartons / bound over the rows, and total cartons / total bound."""
    return (
        mean(r["ours"] / r[key] for r in rows),
        sum(r["ours"] for r in rows) / sum(r[key] for r in rows),
    )


def _print_table(title: str, rows, key: str, extra) -> None:
    print(title)
    for n in sorted({r["n"] for r in rows}):
        cells = []
        for cls in CLASSES:
            sub = [r for r in rows if r["n"] == n and r["cls"] == cls]
            cells.append(f"{_ratio(sub, key)[0]:.3f}")
        sub = [r for r in rows if r["n"] == n]
        per, tot = _ratio(sub, key)
        ms = max(r["s"] for r in sub) * 1000
        print(f"  n={n:<4} {' '.join(cells)}   mean {per:.3f} (totals {tot:.3f}), "
              f"max {ms:.0f} ms{extra(sub)}")  # fmt: skip


def run(size: str) -> Result:
    ns, tests = PLAN.get(size, PLAN["default"])
    baseline = have_py3dbp()
    if not baseline:
        print("py3dbp is NOT installed: no py3dbp column. Install the bench extra:")
        print("  pip install -e '.[bench]'   (or: pip install py3dbp)")
    fixed = _mpv_rows(ns, tests, turn=False, baseline=False)
    turned = _mpv_rows(ns, tests, turn=True, baseline=baseline)
    print(f"Martello-Pisinger-Vigo instances, classes 1-8 (columns), n = {ns}, tests 1-{tests}:")

    def vs_authors(sub):
        known = [r for r in sub if r["authors"]]
        if not known:
            return ""
        best = sum(r["authors"][1] for r in known)
        proven = sum(r["authors"][0] for r in known)
        ours = sum(r["ours"] for r in known)
        if best == proven:
            return f" | ours {ours} cartons, the authors' proven optimum {best}"
        return f" | ours {ours} cartons, the authors' best in 5 s {best} (bound {proven})"

    _print_table("no rotation, mean cartons per L2:", fixed, "l2", vs_authors)

    def vs_py3dbp(sub):
        if not baseline:
            return ""
        more = sum(r["ours"] > r["py3dbp"] for r in sub)
        ours, theirs = sum(r["ours"] for r in sub), sum(r["py3dbp"] for r in sub)
        return f" | ours {ours}, py3dbp {theirs}, ours more on {more}"

    _print_table("rotation, mean cartons per our bound:", turned, "bound", vs_py3dbp)
    _print_table("rotation, mean cartons per the bound before the scales:", turned, "before",
                 lambda sub: "")  # fmt: skip
    optimum = [r for r in fixed if r["n"] == 20 and r["authors"]]
    if optimum:
        best = mean(r["authors"][1] / r["l2"] for r in optimum)
        print(f"  n=20 without rotation, the proven optimum itself averages {best:.3f} x L2 "
              f"(ours {_ratio(optimum, 'l2')[0]:.3f})")  # fmt: skip
    orders, cartons = demo_orders(size, DEMO_ORDERS.get(size, 10))
    demo = [(_ours(o, cartons), lower_bound_cartons(o, cartons).cartons, o) for o in orders]
    d_ours = sum(c for (c, _), _, _ in demo)
    d_base = sum(py3dbp_count(o, cartons) for *_, o in demo) if baseline else 0
    print(f"demo orders: {len(demo)} of {ITEMS_PER_ORDER} units, ours {d_ours} cartons "
          f"(bound {sum(b for _, b, _ in demo)}), py3dbp {d_base or '-'}")  # fmt: skip
    fifty = [r["s"] for r in fixed + turned if r["n"] == 50] + [s for (_, s), _, _ in demo]
    p95 = float(np.percentile(fifty, 95)) * 1000
    no_rot, rot = _ratio(fixed, "l2")[0], _ratio(turned, "bound")[0]
    print(f"targets: no rotation {no_rot:.3f} (<= {TARGETS['no rotation']}), rotation "
          f"{rot:.3f} (<= {TARGETS['rotation']}), p95 of a 50-box order {p95:.0f} ms "
          f"(< {TARGETS['p95_ms']:.0f})")  # fmt: skip
    if baseline:
        mine, theirs = sum(r["ours"] for r in turned), sum(r["py3dbp"] for r in turned)
        print(f"rotation: ours {mine} cartons, py3dbp {theirs}, ratio {mine / theirs:.4g}")
    return Result(float(sum(r["ours"] for r in fixed)), "L2 (no rotation)",
                  float(sum(r["l2"] for r in fixed)), "cartons")  # fmt: skip
