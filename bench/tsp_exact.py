"""An exact tour solver independent of the engine, to measure routing gaps against.

The symmetric travelling-salesman problem as an integer programme (Dantzig, Fulkerson &
Johnson 1954): one 0/1 variable per pair of spots, two edges at every spot, and a cut
``sum of edges leaving S >= 2`` for every subtour ``S`` the solution shows, added until
the solution is one tour. Solved by HiGHS through scipy (the optional ``bench`` extra);
nothing here is shared with the engine's routing.
"""

from __future__ import annotations

import numpy as np


def have_scipy() -> bool:
    try:
        import scipy.optimize  # noqa: F401
    except ImportError:
        return False
    return True


def optimum_m(dist: np.ndarray, time_limit_s: float = 60.0) -> float | None:
    """Length (m) of the shortest closed tour through every node of the symmetric matrix
    ``dist``, or None when HiGHS does not prove it within the time limit."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix, vstack

    n = dist.shape[0]
    if n <= 3:
        return float(sum(dist[i, (i + 1) % n] for i in range(n))) if n > 1 else 0.0
    iu, ju = np.triu_indices(n, 1)
    cost = dist[iu, ju]
    m = iu.size
    edges = np.arange(m)
    degree = csr_matrix((np.ones(2 * m), (np.r_[iu, ju], np.r_[edges, edges])), shape=(n, m))
    rows, lo, hi = [degree], [np.full(n, 2.0)], [np.full(n, 2.0)]
    for _ in range(1000):
        res = milp(
            cost,
            constraints=LinearConstraint(vstack(rows), np.concatenate(lo), np.concatenate(hi)),
            integrality=np.ones(m),
            bounds=Bounds(0, 1),
            options={"time_limit": time_limit_s},
        )
        if res.x is None or res.status != 0:
            return None
        chosen = res.x > 0.5
        parts = _components(n, iu[chosen], ju[chosen])
        if len(parts) == 1:
            return float(res.fun)
        for part in parts:
            inside = np.zeros(n, dtype=bool)
            inside[part] = True
            rows.append(csr_matrix((inside[iu] != inside[ju]).astype(float)[None, :]))
            lo.append(np.array([2.0]))
            hi.append(np.array([np.inf]))
    return None


def _components(n: int, a: np.ndarray, b: np.ndarray) -> list[list[int]]:
    adj: list[list[int]] = [[] for _ in range(n)]
    for u, v in zip(a.tolist(), b.tolist(), strict=True):
        adj[u].append(v)
        adj[v].append(u)
    seen = [False] * n
    parts = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        stack, part = [start], []
        while stack:
            u = stack.pop()
            part.append(u)
            for v in adj[u]:
                if not seen[v]:
                    seen[v] = True
                    stack.append(v)
        parts.append(part)
    return parts
