"""Exact picker tours over a distance matrix: Held-Karp for up to ``HELD_KARP_MAX`` stops.

Units are metres. Works on any layout and with stops on the open floor, since it only
reads the walking distances between the stops (:func:`stockops.layout.distance_matrix_m`);
the aisle sweep (:mod:`stockops.execution.routing.sweep`) is exact for any number of
stops but only for stops in aisles.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

#: most stops Held-Karp solves in "auto" (time grows as n^2 2^n: 15 take tens of ms)
HELD_KARP_MAX = 15


def held_karp(dist: np.ndarray) -> tuple[tuple[int, ...], float]:
    """Shortest closed tour from node 0 through all others of the ``n x n`` matrix ``dist``
    (m): the visit order of nodes 1..n-1 and its length. ValueError for a matrix that is
    not square or holds a negative, NaN or infinite distance.

    Dynamic programming over subsets (Held & Karp 1962), one numpy step per subset size:
    ``best[S, j]``, the shortest walk from 0 through the set S ending at j, is the least
    ``best[S - j, i] + dist[i, j]``. Time and memory grow as n^2 2^n: 15 stops take a few
    tens of milliseconds, 20 would take seconds.

    >>> held_karp(np.array([[0, 1, 5], [1, 0, 1], [5, 1, 0]], dtype=float))
    ((2, 1), 7.0)
    """
    dist = check_matrix(dist)
    n = dist.shape[0] - 1
    if n <= 0:
        return (), 0.0
    d = dist[1:, 1:]
    d_to = np.ascontiguousarray(d.T)  # d_to[j, i] = dist from i to j
    full = 1 << n
    best = np.full((full, n), np.inf)
    best[1 << np.arange(n), np.arange(n)] = dist[0, 1:]
    for mask, end, before in _subset_steps(n):
        best[mask, end] = (best[before] + d_to[end]).min(axis=1)
    closing = best[full - 1] + dist[1:, 0]
    j = int(np.argmin(closing))
    total = float(closing[j])
    order, mask = [j + 1], full - 1
    while mask & (mask - 1):  # walk back: which i came before j in the best walk
        before = mask ^ (1 << j)
        j = int(np.argmin(best[before] + d[:, j]))
        order.append(j + 1)
        mask = before
    return tuple(reversed(order)), total


def check_matrix(dist) -> np.ndarray:
    """``dist`` as a float array, or ValueError when it is not a square matrix of finite,
    non-negative distances (m)."""
    dist = np.asarray(dist, dtype=float)
    if dist.ndim != 2 or dist.shape[0] != dist.shape[1]:
        raise ValueError(f"a distance matrix must be square, not of shape {dist.shape}")
    if not np.isfinite(dist).all():
        raise ValueError("a distance matrix holds a NaN or infinite distance")
    if (dist < 0).any():
        raise ValueError("a distance matrix holds a negative distance")
    return dist


@lru_cache(maxsize=16)
def _subset_steps(n: int) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], ...]:
    """For each subset size from 2 to n: every (subset, end in it, subset without the end),
    as three aligned index arrays; subsets are bit masks over the n stops."""
    masks = np.arange(1 << n, dtype=np.int32)
    bits = (1 << np.arange(n)).astype(np.int32)
    member = (masks[:, None] & bits[None, :]) != 0
    size = member.sum(axis=1)
    steps = []
    for k in range(2, n + 1):
        layer = masks[size == k]
        row, end = np.nonzero(member[layer])
        steps.append((layer[row], end.astype(np.int32), layer[row] ^ bits[end]))
    return tuple(steps)
