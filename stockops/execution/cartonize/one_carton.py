"""Lower bounds on how many cartons of one type some units need.

Units: millimetres. Both bounds hold for a single carton type (and so for several when
they all fit inside the largest, see ``bounds``).

* :func:`scaled_volume_bound`: conservative scales, or dual feasible functions (Fekete &
  Schepers 2004). A function ``u`` on [0, 1] is one when sizes summing to at most 1 still
  do after it; applying one to each axis of every unit (sizes as shares of the carton's)
  keeps a packing a packing, so the scaled volumes of the units, at most 1 per carton,
  bound the count. ``u`` rounds big sizes up to the whole side and small ones down to 0:
  units that cannot share a carton then weigh a whole one. Each unit counts in its
  cheapest allowed orientation, so the bound holds whatever turns the packer takes.
* :func:`l2_fixed_orientation`: Martello, Pisinger & Vigo's L2, for units that may not
  turn.

>>> from stockops.execution.cartonize.model import Item
>>> slabs = [Item("S", 7, 30, 70, 70, 1.0, keep_orientation=True)]  # three a carton at most
>>> scaled_volume_bound(slabs, (100, 100, 100))
3
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from stockops.execution.cartonize.model import Item

#: k of the scales u^(k)(x) = floor((k + 1) x) / k (x itself where (k + 1) x is whole)
ROUNDING_KS = tuple(range(1, 11))


def scaled_volume_bound(items: Sequence[Item], carton_mm: tuple[int, int, int]) -> int:
    """Cartons of size ``carton_mm`` the units of ``items`` need at least, by the best of
    the scales U_e (a share above 1 - e counts 1, below e counts 0, the rest as it is;
    e at every share that changes the result) and u^(k), on all three axes or on two
    with the third as it is; units that fit no orientation of the carton are left out."""
    kinds = [it for it in items if it.qty > 0]
    if not kinds:
        return 0
    size = np.asarray(carton_mm, dtype=np.int64)
    most = max(len(it.orientations()) for it in kinds)
    # (kind, orientation, axis) in mm; a kind with fewer orientations repeats its first
    mm = np.array([[*it.orientations(), *[it.orientations()[0]] * (most - len(it.orientations()))]
                   for it in kinds], dtype=np.int64)  # fmt: skip
    qty = np.array([it.qty for it in kinds], dtype=float)
    fits = (mm <= size).all(axis=2)
    if not fits.any(axis=1).all():
        keep = fits.any(axis=1)
        mm, qty, fits = mm[keep], qty[keep], fits[keep]
    share = mm / size
    # U_e changes where e passes a small share or just passes 1 - a big one; it is a
    # conservative scale for e up to 1/2 only
    cuts = 1.0 - share[share > 0.5] + 1e-9
    edges = np.unique(np.r_[share[share <= 0.5], cuts])
    edges = edges[edges <= 0.5][:, None, None, None]
    # 1 - e is computed in floating point (1 - 0.34 < 0.66): a share equal to it is not
    # above it, or 0.34 and 0.66 of one side would weigh 1.34
    big = share > 1.0 - edges + 1e-12
    thresholds = np.where(big, 1.0, np.where(share >= edges - 1e-12, share, 0.0))
    scaled = np.concatenate([thresholds, [_rounded(mm, size, k) for k in ROUNDING_KS]])
    # every scale on all three axes, or on two with the third as it is: (variant, scale,
    # kind, orientation) scaled volumes, each kind in its cheapest orientation
    volumes = [scaled.prod(axis=3)]
    for axis in range(3):
        others = [k for k in range(3) if k != axis]
        volumes.append(scaled[..., others].prod(axis=3) * share[None, ..., axis])
    cheapest = np.where(fits, np.stack(volumes), np.inf).min(axis=3)
    return math.ceil(float((cheapest @ qty).max()) - 1e-9)


def _rounded(mm: np.ndarray, size: np.ndarray, k: int) -> np.ndarray:
    """u^(k) in whole millimetres: x / size where (k + 1) x / size is whole, else
    floor((k + 1) x / size) / k."""
    y = (k + 1) * mm
    return np.where(y % size == 0, mm / size, (y // size) / k)


def l2_fixed_orientation(
    dims_mm: Sequence[tuple[int, int, int]], bin_mm: tuple[int, int, int]
) -> int:
    """Martello, Pisinger & Vigo's lower bound L2 (Operations Research 48, 2000) on the
    number of bins of size ``bin_mm`` (length, width, height, mm) for boxes of fixed
    orientation ``dims_mm``: the best, over the three ways of naming the axes, of their
    bound L1 (boxes longer than half the bin on two axes can only be stacked along the
    third: a one-dimensional bound) raised by the volume of the boxes that bound leaves out.
    Parameters ``p`` and ``q`` run over the boxes' sizes, as in the authors' code, so the
    bound is theirs to the bin (three 60 mm cubes get 1: with no box of 50 mm or less to
    try, their L1 stays at 1; ``lower_bound_cartons`` takes the larger of it and the
    other bounds).

    >>> l2_fixed_orientation([(30, 70, 70)] * 7 + [(20, 20, 20)] * 9, (100, 100, 100))
    3
    >>> l2_fixed_orientation([(60, 60, 60)] * 3 + [(40, 40, 40)], (100, 100, 100))
    1
    """
    if not dims_mm:
        return 0
    box = np.asarray(dims_mm, dtype=np.int64).reshape(-1, 3)
    size = np.asarray(bin_mm, dtype=np.int64)
    best = 0
    for shift in range(3):  # (w, h, d) -> (h, d, w) -> (d, w, h), bin alike
        order = [(k + shift) % 3 for k in range(3)]
        best = max(best, _l2_axis(box[:, order], size[order]))
    return int(best)


def _l1_axis(box: np.ndarray, size: np.ndarray) -> int:
    """L1 with the boxes wider than half the bin along x and deeper than half along z,
    which can only be stacked along y: a one-dimensional bound on their heights."""
    big = box[(box[:, 0] > size[0] // 2) & (box[:, 2] > size[2] // 2), 1]
    if not big.size:
        return 1
    h_bin = int(size[1])
    half = h_bin // 2
    ps = np.unique(big[big <= half])
    if not ps.size:
        return 1  # as the authors' code: no threshold to try
    p = ps[:, None]
    h = big[None, :]
    j1 = (h > h_bin - p).sum(axis=1)
    in2 = (h <= h_bin - p) & (h > half)
    in3 = (h <= half) & (h >= p)
    j2 = in2.sum(axis=1)
    alpha = np.ceil(((h * in3).sum(axis=1) - (j2 * h_bin - (h * in2).sum(axis=1))) / h_bin)
    beta = np.ceil((in3.sum(axis=1) - (((h_bin - h) // p) * in2).sum(axis=1)) / (h_bin // ps))
    lb = j1 + j2 + np.maximum(np.maximum(alpha, beta), 0)
    return int(max(1, lb.max()))


def _l2_axis(box: np.ndarray, size: np.ndarray) -> int:
    """L2 for one naming of the axes: L1 plus the bins the volume of the other boxes
    needs beyond what L1's bins leave, for every pair of thresholds (p, q)."""
    lb1 = _l1_axis(box, size)
    w, h, d = box[:, 0], box[:, 1], box[:, 2]
    ps = np.unique(w[w <= size[0] // 2])
    qs = np.unique(d[d <= size[2] // 2])
    if not ps.size or not qs.size:
        return lb1
    vol = w * h * d
    p, q = ps[:, None, None], qs[None, :, None]
    tall = (w > size[0] - p) & (d > size[2] - q)  # (P, Q, n): stacked along y with L1's
    rest = ~tall & (w >= p) & (d >= q)
    k1h = (h * tall).sum(axis=2)
    k23v = (vol * rest).sum(axis=2)
    area = int(size[0]) * int(size[2])
    fract = np.ceil((k23v - (int(size[1]) * lb1 - k1h) * area) / (area * int(size[1])))
    return int(lb1 + max(0, fract.max()))
