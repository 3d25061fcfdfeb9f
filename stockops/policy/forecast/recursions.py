"""Smoothing recursions: every series x every grid point at once, one time step per iteration

y is (T, n) float32, w the (T, n) float32 weights (1 used, 0 excluded) or None, params are
(G, 1) grid columns or (1, n) chosen values, states (G, n) (season: (m, G, n)), updated in
place. A run returns the in-sample SSE (G, n) and the final states, and fills ``fitted``
(T, G, n) with the one-step forecasts when given.
"""

from __future__ import annotations

import numpy as np

#: trend damping of Holt and Holt-Winters: the trend fades by 2 % per period ahead
DAMPING = 0.98


def _run_ses(y, w, p, states, m, fitted):
    (level,) = states
    alpha = p["alpha"]
    sse, e, tmp = np.zeros_like(level), np.empty_like(level), np.empty_like(level)
    for t in range(len(y)):
        if fitted is not None:
            fitted[t] = level
        np.subtract(y[t], level, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        level += tmp
        e *= e
        sse += e
    return sse, (level,)


def _run_holt(y, w, p, states, m, fitted):
    level, trend = states
    alpha, beta = p["alpha"], p["beta"]
    sse, e, f, pt, tmp = (np.zeros_like(level), *(np.empty_like(level) for _ in range(4)))
    for t in range(len(y)):
        np.multiply(trend, DAMPING, out=pt)
        np.add(level, pt, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        np.add(f, tmp, out=level)
        np.multiply(beta, e, out=tmp)
        np.add(pt, tmp, out=trend)
        e *= e
        sse += e
    return sse, (level, trend)


def _run_holt_winters(y, w, p, states, m, fitted):
    level, trend, season = states
    alpha, beta, gamma = p["alpha"], p["beta"], p["gamma"]
    sse, e, f, lp, pt, tmp = (np.zeros_like(level), *(np.empty_like(level) for _ in range(5)))
    for t in range(len(y)):
        s = season[t % m]
        np.multiply(trend, DAMPING, out=pt)
        np.add(level, pt, out=lp)
        np.add(lp, s, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        np.multiply(alpha, e, out=tmp)
        np.add(lp, tmp, out=level)
        np.multiply(beta, e, out=tmp)
        np.add(pt, tmp, out=trend)
        np.multiply(gamma, e, out=tmp)
        s += tmp
        e *= e
        sse += e
    return sse, (level, trend, season)


def _demand_events(y, w):
    """Per period: 1 where there was demand (float32), and the interval since the previous
    demand at those periods, counting used periods only."""
    nz = (y > 0).astype(y.dtype)
    q = np.empty_like(y)
    count = np.zeros(y.shape[1], dtype=y.dtype)
    for t in range(len(y)):
        count += 1 if w is None else w[t]
        q[t] = count
        count *= 1 - nz[t]
    return nz, q


def _run_croston(y, w, p, states, m, fitted):
    size, interval = states
    alpha, factor = p["alpha"], p["factor"]
    nz, q = _demand_events(y, w)
    sse, e, f, a, tmp = (np.zeros_like(size), *(np.empty_like(size) for _ in range(4)))
    for t in range(len(y)):
        np.divide(size, interval, out=f)
        f *= factor
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        e *= e
        sse += e
        np.multiply(alpha, nz[t], out=a)
        np.subtract(y[t], size, out=tmp)
        tmp *= a
        size += tmp
        np.subtract(q[t], interval, out=tmp)
        tmp *= a
        interval += tmp
    return sse, (size, interval)


def _run_tsb(y, w, p, states, m, fitted):
    prob, size = states
    alpha, beta = p["alpha"], p["beta"]
    nz = (y > 0).astype(y.dtype)
    sse, e, f, a, tmp = (np.zeros_like(size), *(np.empty_like(size) for _ in range(4)))
    for t in range(len(y)):
        np.multiply(prob, size, out=f)
        if fitted is not None:
            fitted[t] = f
        np.subtract(y[t], f, out=e)
        if w is not None:
            e *= w[t]
        e *= e
        sse += e
        np.subtract(nz[t], prob, out=tmp)
        tmp *= beta
        if w is not None:
            tmp *= w[t]
        prob += tmp
        np.multiply(alpha, nz[t], out=a)
        np.subtract(y[t], size, out=tmp)
        tmp *= a
        size += tmp
    return sse, (prob, size)
