"""ABC and XYZ segmentation: which products matter most, and how steady their demand is.

ABC ranks products by a yearly figure (consumption value in currency units, or pick lines
for velocity) and cuts the cumulative share at the class thresholds: with the usual
80/15/5, class A is the few products that make the first 80 % of the total, B the next
15 %, C the long tail. A product with nothing (no consumption, no cost, no picks) is C
whatever the tail looks like, and says so. Ties keep the input order, so equal inputs give
equal classes on every run.

XYZ reads the coefficient of variation (standard deviation / mean) of each product's
demand per period: X steady (CV <= 0.5 by default), Y variable (<= 1.0), Z erratic or
sporadic; a product with no demand in the window is Z.

>>> seg = classify_abc([500.0, 300.0, 120.0, 50.0, 30.0, 0.0])
>>> "".join(seg.classes)
'AABBCC'
>>> seg.reason(5)
'C: no consumption in the period'
>>> seg.reason(0)
'A: 500 is 50.0% of the total; the top 1 products reach 50.0% (A up to 80%)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_THRESHOLDS = (0.80, 0.15, 0.05)
DEFAULT_XYZ_LIMITS = (0.5, 1.0)


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Classes ("A"/"B"/"C") per product, in input order, with each product's share of the
    total, the cumulative share of the products ranked up to it (fractions 0-1), its rank
    (0 = largest) and the total of the figure ranked."""

    classes: np.ndarray
    share: np.ndarray
    cumulative: np.ndarray
    rank: np.ndarray
    thresholds: tuple[float, float, float]
    label: str
    total: float

    def reason(self, i: int) -> str:
        """Why product ``i`` got its class, in one sentence."""
        cls = str(self.classes[i])
        if self.share[i] <= 0:
            return f"{cls}: no {self.label} in the period"
        limit = {"A": self.thresholds[0], "B": self.thresholds[0] + self.thresholds[1]}
        bound = f"{cls} up to {limit[cls]:.0%}" if cls in limit else "the tail is C"
        return (
            f"{cls}: {self.share[i] * self.total:.4g} is {self.share[i]:.1%} of the total; the top "
            f"{int(self.rank[i]) + 1} products reach {self.cumulative[i]:.1%} ({bound})"
        )


def _check_thresholds(thresholds: Sequence[float]) -> tuple[float, float, float]:
    if len(thresholds) != 3 or any(t < 0 for t in thresholds):
        raise ValueError(f"ABC thresholds are three shares (A, B, C), not {tuple(thresholds)}")
    total = float(sum(thresholds))
    if not np.isclose(total, 1.0, atol=1e-6) and not np.isclose(total, 100.0, atol=1e-4):
        raise ValueError(f"ABC thresholds must add up to 100 %, not {total:g}")
    scale = 100.0 if total > 1.5 else 1.0
    a, b, c = (float(t) / scale for t in thresholds)
    return a, b, c


def classify_abc(
    values: Sequence[float] | np.ndarray,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    label: str = "consumption",
) -> Segmentation:
    """ABC classes of products by ``values`` (any non-negative yearly figure: consumption
    value in currency units, pick lines, units). ``thresholds`` are the class shares of the
    total, as fractions or percentages (80/15/5). A product is A while the cumulative share
    *before* it is under the A threshold, so the product that crosses 80 % is still A.
    Negative values (net returns) count as zero; NaN is refused."""
    a, b, _c = _check_thresholds(thresholds)
    v = np.asarray(values, dtype=float)
    if np.isnan(v).any():
        raise ValueError("ABC values contain NaN: give 0 for products without a figure")
    v = np.maximum(v, 0.0)
    total = float(v.sum())
    n = v.size
    order = np.argsort(-v, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    share = v / total if total > 0 else np.zeros(n)
    cumulative_sorted = np.cumsum(share[order])
    cumulative = np.empty(n)
    cumulative[order] = cumulative_sorted
    before = cumulative - share
    tol = 1e-12
    classes = np.where(before < a - tol, "A", np.where(before < a + b - tol, "B", "C"))
    classes = np.where(share > 0, classes, "C")
    return Segmentation(classes, share, cumulative, rank, (a, b, 1.0 - a - b), label, total)


@dataclass(frozen=True, eq=False)
class Variability:
    """XYZ class per product, the coefficient of variation of its demand per period (NaN
    without demand) and the limits used."""

    classes: np.ndarray
    cv: np.ndarray
    limits: tuple[float, float]

    def reason(self, i: int) -> str:
        """Why product ``i`` got its class."""
        cls, cv = str(self.classes[i]), float(self.cv[i])
        if np.isnan(cv):
            return f"{cls}: no demand in the window"
        x, y = self.limits
        bound = {"X": f"<= {x:g}", "Y": f"<= {y:g}", "Z": f"> {y:g}"}[cls]
        return f"{cls}: demand varies by CV {cv:.2f} per period ({cls} is CV {bound})"


def classify_xyz(
    demand: np.ndarray, limits: tuple[float, float] = DEFAULT_XYZ_LIMITS
) -> Variability:
    """XYZ classes from ``demand``, an (n products, periods) matrix of units per period
    (weeks or months; negative values count as zero)."""
    x, y = limits
    if not 0 < x < y:
        raise ValueError(f"XYZ limits must be 0 < X < Y, not {limits}")
    d = np.maximum(np.atleast_2d(np.asarray(demand, dtype=float)), 0.0)
    mean = d.mean(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cv = np.where(mean > 0, d.std(axis=1) / mean, np.nan)
    classes = np.where(cv <= x, "X", np.where(cv <= y, "Y", "Z"))
    classes = np.where(np.isnan(cv), "Z", classes)
    return Variability(classes, cv, (float(x), float(y)))
