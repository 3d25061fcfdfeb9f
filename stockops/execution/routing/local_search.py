"""Local improvement of a closed tour on a distance matrix: 2-opt, or-opt, cheapest insertion.

A tour is a list of matrix indices that starts at the depot (index 0) and returns to it
implicitly. Distances are metres and symmetric, as :func:`stockops.layout.distance_matrix_m`
gives them. Every move is taken only when it shortens the tour by more than ``EPS_M``, so
the result is never longer than the input.

>>> import numpy as np
>>> d = np.array([[0, 1, 2, 1], [1, 0, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]], dtype=float)
>>> tour_length_m(d, [0, 2, 1, 3]), tour_length_m(d, improve(d, [0, 2, 1, 3]))
(6.0, 4.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

EPS_M = 1e-9


def tour_length_m(dist: np.ndarray, tour: Sequence[int]) -> float:
    """Length (m) of the closed tour (back to ``tour[0]`` at the end)."""
    if len(tour) < 2:
        return 0.0
    t = np.asarray(tour)
    return float(dist[t, np.roll(t, -1)].sum())


def cheapest_insertion(dist: np.ndarray, tour: list[int], nodes: Sequence[int]) -> list[int]:
    """``tour`` with each of ``nodes`` inserted where it adds the least walking."""
    tour = list(tour)
    for node in nodes:
        t = np.asarray(tour)
        nxt = np.roll(t, -1)
        added = dist[t, node] + dist[node, nxt] - dist[t, nxt]
        tour.insert(int(np.argmin(added)) + 1, node)
    return tour


def two_opt(dist: np.ndarray, tour: list[int]) -> list[int]:
    """Reverse the best tour segment until no reversal shortens the tour."""
    path = np.asarray([*tour, tour[0]])
    n = path.size
    if n < 5:
        return list(tour)
    upper = np.triu(np.ones((n - 1, n - 1), dtype=bool), k=2)
    for _ in range(50 * n):
        a, b = path[:-1], path[1:]
        edge = dist[a, b]
        delta = dist[np.ix_(a, a)] + dist[np.ix_(b, b)] - edge[:, None] - edge[None, :]
        delta = np.where(upper, delta, 0.0)
        flat = int(np.argmin(delta))
        i, j = divmod(flat, n - 1)
        if delta[i, j] >= -EPS_M:
            break
        path[i + 1 : j + 1] = path[i + 1 : j + 1][::-1]
    return path[:-1].tolist()


def or_opt(dist: np.ndarray, tour: list[int], longest: int = 3) -> list[int]:
    """Move segments of 1..``longest`` stops (either way round) to their best place."""
    tour = list(tour)
    improved = True
    while improved:
        improved = False
        for k in range(1, longest + 1):
            i = 1
            while i + k <= len(tour):
                moved = _best_move(dist, tour, i, k)
                if moved is not None:
                    tour, improved = moved, True
                i += 1
    return tour


def _best_move(dist: np.ndarray, tour: list[int], i: int, k: int) -> list[int] | None:
    seg = tour[i : i + k]
    prev, nxt = tour[i - 1], tour[(i + k) % len(tour)]
    gain = dist[prev, seg[0]] + dist[seg[-1], nxt] - dist[prev, nxt]
    rest = np.asarray(tour[:i] + tour[i + k :])
    if rest.size < 2:
        return None
    after = np.roll(rest, -1)
    base = dist[rest, after]
    fwd = dist[rest, seg[0]] + dist[seg[-1], after] - base
    rev = dist[rest, seg[-1]] + dist[seg[0], after] - base
    both = np.minimum(fwd, rev)
    both[i - 1] = np.inf  # putting it back where it was
    at = int(np.argmin(both))
    if both[at] - gain >= -EPS_M:
        return None
    piece = seg if fwd[at] <= rev[at] else seg[::-1]
    out = rest.tolist()
    return out[: at + 1] + piece + out[at + 1 :]


def improve(dist: np.ndarray, tour: list[int]) -> list[int]:
    """2-opt and or-opt in turn until neither shortens the tour (never lengthens it)."""
    best = list(tour)
    length = tour_length_m(dist, best)
    for _ in range(20):
        cand = or_opt(dist, two_opt(dist, best))
        cand_len = tour_length_m(dist, cand)
        if cand_len >= length - EPS_M:
            break
        best, length = cand, cand_len
    return best
