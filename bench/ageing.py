"""Stock ageing of 10,000 products from 200,000 remaining FIFO layers (large size).

Ours: one vectorised ``age_layers`` call (bucket every layer at once, sum per product and
bucket). Baseline: a plain per-product loop, what an adapter computing each product's
ageing on its own would do (its layers, one at a time, into five buckets). Both must give
the same buckets; the time is the best of several repeats. Sizes: small 1,000 products /
20,000 layers, default 5,000 / 100,000, large 10,000 / 200,000.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import datetime

import numpy as np

from bench.result import Result
from stockops.policy.ageing import DEFAULT_BOUNDS_DAYS, age_layers

SIZES = {"small": (1_000, 20_000), "default": (5_000, 100_000), "large": (10_000, 200_000)}


def _best_of(repeats: int, func) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - started)
    return best, out


def _per_product_loop(product, qty, value, created, at, n_products):
    """The baseline: each product's layers, one by one."""
    by_product = defaultdict(list)
    for k, p in enumerate(product):
        by_product[p].append(k)
    out_qty = np.zeros((n_products, len(DEFAULT_BOUNDS_DAYS) + 1))
    out_value = np.zeros_like(out_qty)
    for p in range(n_products):
        for k in by_product.get(p, ()):
            age = max((at - created[k]).days, 0)
            bucket = sum(age > bound for bound in DEFAULT_BOUNDS_DAYS)
            out_qty[p, bucket] += qty[k]
            out_value[p, bucket] += value[k]
    return out_qty, out_value


def run(size: str) -> Result:
    n_products, n_layers = SIZES[size]
    rng = np.random.default_rng(7)
    at = np.datetime64("2025-07-01T00:00:00")
    product = rng.integers(0, n_products, n_layers)
    qty = rng.gamma(2.0, 20.0, n_layers).round(0)
    value = (qty * rng.uniform(0.5, 400.0, n_layers)).round(2)
    age_s = rng.exponential(90 * 86400, n_layers).astype(np.int64)
    created = at - age_s.astype("timedelta64[s]")
    ours_s, ours = _best_of(5, lambda: age_layers(product, qty, value, created, at, n_products))
    # the loop gets Python objects, as it would from an ORM read
    py_product, py_qty, py_value = product.tolist(), qty.tolist(), value.tolist()
    py_created = created.astype(datetime).tolist()
    py_at = datetime(2025, 7, 1)
    loop_s, (loop_qty, loop_value) = _best_of(
        2,
        lambda: _per_product_loop(py_product, py_qty, py_value, py_created, py_at, n_products),
    )
    assert np.allclose(ours.qty, loop_qty) and np.allclose(ours.value, loop_value), (
        "vectorised and per-product ageing disagree"
    )
    share = ours.value.sum(axis=0) / ours.value.sum()
    print(f"{n_products} products, {n_layers} remaining layers at {at}")
    print(f"  vectorised age_layers : {ours_s * 1000:9.1f} ms")
    print(f"  per-product loop      : {loop_s * 1000:9.1f} ms")
    print(
        "  value by bucket       : "
        + ", ".join(f"{lab} {s:.1%}" for lab, s in zip(ours.labels, share, strict=True))
    )
    return Result(ours_s * 1000, "per-product-loop", loop_s * 1000, "ms")
