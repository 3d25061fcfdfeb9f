"""Local improvement of a closed tour on a distance matrix: 2-opt, or-opt, cheapest insertion,
and an iterated local search around them.

A tour is a list of matrix indices that starts at the depot (index 0) and returns to it
implicitly. Distances are metres and symmetric, as :func:`stockops.layout.distance_matrix_m`
gives them. Every move is taken only when it shortens the tour by more than ``EPS_M``, so
the result is never longer than the input. Each pass prices every move of its kind at once
(numpy) and takes the best.

:func:`iterated` is an iterated local search (Lourenco, Martin & Stuetzle 2003): from the
best tour so far, a *double bridge* (three cuts, the middle two pieces swapped, a change
2-opt and or-opt cannot undo in one move) and a new local search; the result replaces the
tour when it is no longer. Kicks are drawn from a generator seeded by the distances, so
the same stops always give the same route.

>>> import numpy as np
>>> d = np.array([[0, 1, 2, 1], [1, 0, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]], dtype=float)
>>> tour_length_m(d, [0, 2, 1, 3]), tour_length_m(d, improve(d, [0, 2, 1, 3]))
(6.0, 4.0)
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

EPS_M = 1e-9
#: longest run of consecutive stops or-opt moves at once
OR_OPT_LONGEST = 3


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


def or_opt(dist: np.ndarray, tour: list[int]) -> list[int]:
    """Move runs of 1..``OR_OPT_LONGEST`` consecutive stops (either way round) to their
    best place, the best move of all first, until no move shortens the tour."""
    return _descend(dist, tour, two_opt=False)


def improve(dist: np.ndarray, tour: list[int]) -> list[int]:
    """The best 2-opt or or-opt move, again and again, until none shortens the tour
    (never lengthens it)."""
    return _descend(dist, tour, two_opt=True)


def _descend(dist: np.ndarray, tour: list[int], two_opt: bool) -> list[int]:
    t = np.asarray(tour)
    if t.size < 4:
        return t.tolist()
    for _ in range(100 * t.size):
        moved = _best_move(dist, t, two_opt)
        if moved is None:
            break
        t = moved
    return t.tolist()


def _best_move(dist: np.ndarray, t: np.ndarray, two_opt: bool) -> np.ndarray | None:
    """The tour after the best move, or None when none shortens it by more than ``EPS_M``.
    Moves are priced on ``walk``, the distances in tour position order, so each kind is a
    few whole-array operations. The depot (position 0) never moves."""
    n = t.size
    walk = dist[np.ix_(t, t)]
    nxt = _NEXT(n)
    edge = walk[np.arange(n), nxt]  # edge j joins positions j and j+1
    best, move = -EPS_M, None
    if two_opt:  # replace edges i and j by (i, j) and (i+1, j+1): reverse i+1..j
        delta = walk + walk[np.ix_(nxt, nxt)] - edge[:, None] - edge[None, :]
        delta = np.where(_pairs(n), delta, np.inf)
        flat = int(np.argmin(delta))
        if delta.flat[flat] < best:
            best, move = delta.flat[flat], ("2opt", *divmod(flat, n))
    seg = _segments(n)
    gain = walk[seg.before, seg.first] + walk[seg.last, seg.after] - walk[seg.before, seg.after]
    first, last = walk[seg.first], walk[seg.last]  # (segment, position of u)
    fwd = first + last[:, nxt] - edge[None, :]
    rev = last + first[:, nxt] - edge[None, :]
    cost = np.where(seg.touching, np.inf, np.minimum(fwd, rev) - gain[:, None])
    flat = int(np.argmin(cost))
    if cost.flat[flat] < best:
        k, e = divmod(flat, n)
        move = ("or", k, e, bool(rev[k, e] < fwd[k, e]))
    if move is None:
        return None
    if move[0] == "2opt":
        _, i, j = move
        out = t.copy()
        out[i + 1 : j + 1] = out[i + 1 : j + 1][::-1]
        return out
    _, k, e, reverse = move
    i, length = int(seg.first[k]), int(seg.length[k])
    piece = t[i : i + length][::-1] if reverse else t[i : i + length]
    rest = np.concatenate([t[:i], t[i + length :]])
    at = e if e < i else e - length  # the edge's first end, in ``rest``
    return np.concatenate([rest[: at + 1], piece, rest[at + 1 :]])


@lru_cache(maxsize=64)
def _NEXT(n: int) -> np.ndarray:  # noqa: N802 - a constant per tour size
    return (np.arange(n) + 1) % n


@lru_cache(maxsize=64)
def _pairs(n: int) -> np.ndarray:
    """Edges (i, j) a 2-opt move may replace: i + 2 <= j, not the first and last edge
    together (they share the depot)."""
    upper = np.triu(np.ones((n, n), dtype=bool), k=2)
    upper[0, n - 1] = False
    return upper


class _Segments:
    """Every run an or-opt move may lift out of a tour of ``n`` positions (one row each):
    its first and last position, the positions before and after it, its length, and
    which edges it touches (it may not go back between those)."""

    def __init__(self, n: int, longest: int) -> None:
        first, length = [], []
        for k in range(1, min(longest, n - 2) + 1):
            starts = range(1, n - k + 1)
            first += starts
            length += [k] * len(starts)
        self.first = np.asarray(first, dtype=np.int64)
        self.length = np.asarray(length, dtype=np.int64)
        self.last = self.first + self.length - 1
        self.before = self.first - 1
        self.after = (self.last + 1) % n
        j = np.arange(n)[None, :]
        self.touching = (j >= self.before[:, None]) & (j <= self.last[:, None])


@lru_cache(maxsize=64)
def _segments(n: int) -> _Segments:
    return _Segments(n, OR_OPT_LONGEST)


def iterated(dist: np.ndarray, tour: list[int], kicks: int) -> tuple[list[int], int]:
    """Iterated local search from ``tour`` (see the module doc): ``kicks`` double bridges,
    each followed by :func:`improve`, keeping the tour whenever the result is no longer.
    Returns the best tour and how many kicks shortened it."""
    best = improve(dist, tour)
    length = tour_length_m(dist, best)
    n = len(best)
    if n < 8:
        return best, 0
    rng = np.random.default_rng(zlib.crc32(np.ascontiguousarray(dist).tobytes()))
    shortened = 0
    for _ in range(kicks):
        a, b, c = np.sort(rng.choice(np.arange(1, n), size=3, replace=False))
        kicked = best[:a] + best[b:c] + best[a:b] + best[c:]
        cand = improve(dist, kicked)
        cand_len = tour_length_m(dist, cand)
        if cand_len <= length + EPS_M:
            shortened += cand_len < length - EPS_M
            best, length = cand, cand_len
    return best, shortened
