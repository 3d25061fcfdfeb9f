"""Where today's stock on hand sits: forward-pick bins, reserve pallets, the hazmat cage,
and the receiving dock for what no bin can take."""

from __future__ import annotations

import numpy as np

from stockops.scenario.building import Layout, pallet_capacity
from stockops.scenario.catalogue import Catalogue
from stockops.scenario.geometry import GOLDEN_ZONE_LEVELS
from stockops.scenario.records import StockQuant


def place_stock(
    rng: np.random.Generator,
    cat: Catalogue,
    on_hand: np.ndarray,
    layout: Layout,
) -> tuple[StockQuant, ...]:
    """Forward bins first (fast movers, one bin per product, golden zone nearest the front),
    then whole or partial pallets in reserve, one product per pallet bin."""
    quants: list[StockQuant] = []
    remaining = on_hand.copy()
    volume, weight, longest = cat.volume, cat.weight, cat.dims.max(axis=1)
    hazardous = np.array([t.hazard_class is not None for t in cat.templates])

    forward_bins = sorted(
        (b for b in layout.bins if b.storage_category_code == "FLOW"),
        key=lambda b: (b.level not in GOLDEN_ZONE_LEVELS, b.y_m, b.x_m),
    )
    flow_cap = pallet_capacity(volume, weight, "FLOW", longest)
    eligible = (flow_cap >= 4) & ~hazardous & (remaining > 0)
    by_speed = [int(i) for i in np.argsort(-cat.m, kind="stable") if eligible[i]]
    a_items = [i for i in by_speed if cat.velocity[i] == "A"]
    b_items = [i for i in by_speed if cat.velocity[i] == "B"]
    # forward holds every A item it can and tops up with B items to about half full
    n_forward = min(len(forward_bins), max(len(a_items), round(0.55 * len(forward_bins))))
    for i, b in zip((a_items + b_items)[:n_forward], forward_bins, strict=False):
        qty = int(min(remaining[i], flow_cap[i]))
        quants.append(StockQuant(cat.codes[i], b.name, qty))
        remaining[i] -= qty

    overflow: dict[int, int] = {}
    for category, mask in (("PALLET", ~hazardous), ("HAZ", hazardous)):
        bins = [b for b in layout.bins if b.storage_category_code == category]
        items = np.flatnonzero(mask & (remaining > 0))
        if not items.size:
            continue
        cap = np.maximum(pallet_capacity(volume[items], weight[items], category), 1)
        pallets = -(-remaining[items] // cap)
        target = round(rng.uniform(0.62, 0.72) * len(bins))
        pallets = _spread_pallets(pallets, remaining[items], volume[items], target)
        # fast movers get the bins nearest the front and the floor; noise keeps it lived-in
        y_max = max(b.y_m for b in bins)
        score = [b.y_m / y_max + 0.15 * b.level + rng.uniform(0, 0.6) for b in bins]
        free = [bins[k] for k in np.argsort(score, kind="stable")]
        cursor = 0
        for j in np.argsort(-cat.m[items], kind="stable"):
            i, qty, k = int(items[j]), int(remaining[items[j]]), int(pallets[j])
            base, bigger = divmod(qty, k)
            for part in range(min(k, qty)):
                part_qty = base + (part < bigger)
                if cursor >= len(free):
                    # no bin left: the stock waits on the receiving dock for putaway
                    overflow[i] = overflow.get(i, 0) + part_qty
                    continue
                quants.append(StockQuant(cat.codes[i], free[cursor].name, part_qty))
                cursor += 1
    quants += [StockQuant(cat.codes[i], "RCV-DOCK", q) for i, q in sorted(overflow.items())]
    return tuple(quants)


def _spread_pallets(
    pallets: np.ndarray, qty: np.ndarray, volume: np.ndarray, target: int
) -> np.ndarray:
    """Split stock over more (partial) pallets until about ``target`` bins are used, as
    successive receipts leave them in a warehouse that has run for months."""
    pallets = pallets.copy()
    most = np.minimum(qty, pallets * 6)
    for _ in range(4):
        extra = target - int(pallets.sum())
        room = most - pallets
        if extra <= 0 or room.sum() <= 0:
            break
        weight = volume * qty * (room > 0)
        add = np.minimum(np.floor(extra * weight / weight.sum()).astype(np.int64), room)
        if add.sum() == 0:
            add[int(np.argmax(room))] = 1
        pallets += add
    return pallets
