"""The aisle sweep's states and moves, for ``m`` cross aisles (see ``sweep``).

A state describes the ``m`` nodes where the current aisle meets the cross aisles: entry 0
when a node is not in the tour yet, else 2 x its component label + the parity of its
degree, labels renumbered in order of first appearance; a closed tour is all -1. Moves:
covering sub-aisle ``s`` (between nodes ``s`` and ``s + 1``) in one of ``CONFIGS``, and
walking each cross aisle 0, 1 or 2 times to the next aisle. :func:`table_for` enumerates
every state reachable from the empty one and keeps the moves as index arrays.

>>> [len(table_for(m).states) for m in (2, 3, 4)]
[7, 25, 113]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product

import numpy as np

#: ways to cover one sub-aisle; "bottom" walks in from its lower cross aisle, "top" from
#: its upper one, "gap" from both up to the largest gap between its picks
CONFIGS = ("none", "full", "double", "bottom", "top", "gap")

State = tuple[int, ...]


@dataclass(frozen=True)
class Table:
    """The sweep's states for ``m`` cross aisles and the moves between them, as index
    arrays: ``vertical[s][c]`` maps each state to the state after covering sub-aisle ``s``
    in config ``CONFIGS[c]`` (-1: not allowed); ``h_src``, ``h_dst``, ``h_walks`` list every
    allowed step to the next aisle with the number of cross-aisle edges walked, and
    ``h_combo`` which multiplicities (one per cross aisle) it walks."""

    states: tuple[State, ...]
    vertical: tuple[np.ndarray, ...]
    h_src: np.ndarray
    h_dst: np.ndarray
    h_walks: np.ndarray
    h_combo: np.ndarray
    closed: np.ndarray
    empty: int


def _canon(entries: Sequence[int]) -> State:
    """Entry per node: 0 not in the tour yet, else 2 x component label + degree parity;
    labels renumbered in order of first appearance."""
    names: dict[int, int] = {}
    out = []
    for e in entries:
        if e <= 0:
            out.append(e)
            continue
        label = names.setdefault(e // 2, len(names) + 1)
        out.append(2 * label + e % 2)
    return tuple(out)


def _vertical(state: State, s: int, cfg: str) -> State | None:
    if state[0] < 0:  # the tour is closed: nothing more may be added
        return state if cfg == "none" else None
    if cfg == "none":
        return state
    e = list(state)
    fresh = 2 * (max((x // 2 for x in e), default=0) + 1)
    a, b = s, s + 1
    if cfg in ("full", "double"):
        flip = 1 if cfg == "full" else 0
        label = e[a] // 2 if e[a] else (e[b] // 2 if e[b] else fresh // 2)
        other = e[b] // 2 if e[a] and e[b] else None
        pa, pb = (e[a] % 2 if e[a] else 0) ^ flip, (e[b] % 2 if e[b] else 0) ^ flip
        e[a], e[b] = 2 * label + pa, 2 * label + pb
        if other is not None and other != label:  # two components joined
            e = [2 * label + x % 2 if x > 0 and x // 2 == other else x for x in e]
        return _canon(e)
    if cfg in ("bottom", "top"):
        k = a if cfg == "bottom" else b
        e[k] = e[k] or fresh
        return _canon(e)
    e[a] = e[a] or fresh  # gap: both ends, not joined
    e[b] = e[b] or fresh + 2
    return _canon(e)


def _horizontal(state: State, combo: tuple[int, ...]) -> State | None:
    if state[0] < 0:
        return state if not any(combo) else None
    for e, x in zip(state, combo, strict=True):
        if (e == 0 and x) or (e > 0 and (e + x) % 2):
            return None  # a walk to nowhere, or a node of odd degree left behind
    labels = {e // 2 for e in state if e > 0}
    going = {e // 2 for e, x in zip(state, combo, strict=True) if e > 0 and x}
    if going == labels:
        return _canon([2 * (e // 2) + x % 2 if x else 0 for e, x in zip(state, combo, strict=True)])
    if len(labels) == 1 and not going:
        return tuple([-1] * len(state))  # the tour closes here
    return None  # a component left behind


@cache
def table_for(m: int) -> Table:
    """Every state reachable from the empty one, and the move tables (see :class:`_Table`)."""
    empty = tuple([0] * m)
    combos = list(product((0, 1, 2), repeat=m))
    index: dict[State, int] = {empty: 0}
    states = [empty]
    moves_v: dict[tuple[int, int, int], State] = {}
    moves_h: list[tuple[int, State, int]] = []
    k = 0
    while k < len(states):
        state = states[k]
        found: list[State] = []
        for s in range(m - 1):
            for c, cfg in enumerate(CONFIGS):
                new = _vertical(state, s, cfg)
                if new is not None:
                    moves_v[k, s, c] = new
                    found.append(new)
        for j, combo in enumerate(combos):
            new = _horizontal(state, combo)
            if new is not None:
                moves_h.append((k, new, j))
                found.append(new)
        for new in found:
            if new not in index:
                index[new] = len(states)
                states.append(new)
        k += 1
    vertical = []
    for s in range(m - 1):
        arr = np.full((len(states), len(CONFIGS)), -1, dtype=np.int64)
        for (k, s2, c), new in moves_v.items():
            if s2 == s:
                arr[k, c] = index[new]
        vertical.append(arr)
    closed = np.array([st[0] < 0 or _is_closed(st) for st in states])
    return Table(
        states=tuple(states),
        vertical=tuple(vertical),
        h_src=np.array([k for k, _, _ in moves_h], dtype=np.int64),
        h_dst=np.array([index[new] for _, new, _ in moves_h], dtype=np.int64),
        h_walks=np.array([sum(combos[j]) for _, _, j in moves_h], dtype=float),
        h_combo=np.array([combos[j] for _, _, j in moves_h], dtype=np.int64).reshape(-1, m),
        closed=closed,
        empty=0,
    )


def _is_closed(state: State) -> bool:
    used = [e for e in state if e > 0]
    return bool(used) and all(e % 2 == 0 for e in used) and len({e // 2 for e in used}) == 1
