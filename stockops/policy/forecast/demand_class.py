"""Syntetos-Boylan-Croston demand classes, and the cleaning every series gets first:
negative and non-finite buckets, excluded periods, their interpolation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: Syntetos-Boylan-Croston cut-offs: periods per demand, squared CV of the demand sizes
ADI_CUTOFF = 1.32
CV2_CUTOFF = 0.49

SMOOTH, ERRATIC, INTERMITTENT, LUMPY, INSUFFICIENT = (
    "smooth",
    "erratic",
    "intermittent",
    "lumpy",
    "insufficient",
)
PATTERNS = (SMOOTH, ERRATIC, INTERMITTENT, LUMPY, INSUFFICIENT)


@dataclass(frozen=True, slots=True)
class DemandClass:
    """Syntetos-Boylan-Croston class of one series: ``adi`` in periods per demand, ``cv2``
    the squared coefficient of variation of the non-zero sizes (unitless)."""

    pattern: str
    adi: float
    cv2: float
    reason: str


def classify_demand(series: Sequence[float] | np.ndarray, exclude=None) -> DemandClass:
    """Syntetos-Boylan-Croston class of one series of demand per period.

    ADI is the number of periods (excluded ones left out) over the number with demand; CV²
    is the population variance of the non-zero sizes over their squared mean. Fewer than
    two periods with demand gives ``"insufficient"``.

    >>> c = classify_demand([5, 6, 5, 4, 6, 5])
    >>> c.pattern, c.adi
    ('smooth', 1.0)
    >>> classify_demand([0, 0, 0, 7]).reason
    'only 1 period with demand in 4: too little to classify'
    """
    y, used = _clean(np.asarray(series, dtype=float).reshape(1, -1), _mask_2d(exclude, 1))
    code, adi, cv2, nnz, n_used = _classify(y, used)
    pattern = PATTERNS[code[0]]
    if pattern == INSUFFICIENT:
        return DemandClass(
            pattern,
            float(adi[0]),
            float(cv2[0]),
            f"only {nnz[0]} period{'s' if nnz[0] != 1 else ''} with demand in {n_used[0]}: "
            "too little to classify",
        )
    often = "regular" if adi[0] < ADI_CUTOFF else "intermittent"
    sizes = "stable" if cv2[0] < CV2_CUTOFF else "variable"
    return DemandClass(
        pattern,
        float(adi[0]),
        float(cv2[0]),
        f"{often} demand (one every {adi[0]:.2f} periods) with {sizes} sizes (CV² {cv2[0]:.2f})",
    )


def classify_many(matrix, exclude=None) -> np.ndarray:
    """The Syntetos-Boylan-Croston class (a name of PATTERNS) of every row of ``matrix``
    (n series x T periods of demand; NaN and ``exclude`` periods left out), as
    :func:`classify_demand` gives it one row at a time.

    >>> classify_many([[5, 6, 5, 4, 6, 5], [0, 0, 3, 0, 0, 4]]).tolist()
    ['smooth', 'intermittent']
    """
    y = np.asarray(matrix, dtype=float)
    y, used = _clean(y, _mask_2d(exclude, len(y)))
    code = _classify(y, used)[0]
    return np.asarray(PATTERNS)[code]


def _mask_2d(exclude, n: int) -> np.ndarray | None:
    if exclude is None:
        return None
    mask = np.asarray(exclude, dtype=bool)
    return mask.reshape(n, -1) if mask.ndim == 1 and n == 1 else mask


def _clean(y: np.ndarray, exclude: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Demand with excluded and non-finite periods set to 0 and negatives to 0, and the mask
    of the periods used."""
    if exclude is not None and exclude.shape != y.shape:
        raise ValueError(f"exclude has shape {exclude.shape}, the demand {y.shape}")
    finite = np.isfinite(y)
    used = finite if exclude is None else finite & ~exclude
    y = np.where(used, np.maximum(y, 0.0, where=finite, out=np.zeros_like(y)), 0.0)
    return y, used


def _classify(y: np.ndarray, used: np.ndarray):
    """Pattern code (index into PATTERNS), ADI, CV², periods with demand and periods used."""
    n_used = used.sum(axis=1)
    nnz = np.count_nonzero(y > 0, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        adi = np.where(nnz > 0, n_used / np.maximum(nnz, 1), np.inf)
        mean = y.sum(axis=1) / nnz
        var = np.maximum(np.einsum("ij,ij->i", y, y) / nnz - mean * mean, 0.0)
        cv2 = np.where(nnz > 0, var / (mean * mean), np.nan)
    code = np.where(adi < ADI_CUTOFF, 0, 2) + (cv2 >= CV2_CUTOFF)
    code = np.where(nnz < 2, 4, code)
    return code, adi, cv2, nnz, n_used


def _interpolate(y: np.ndarray, used: np.ndarray) -> np.ndarray:
    """``y`` with unused periods linearly interpolated between the nearest used neighbours
    (held flat before the first and after the last; 0 when nothing was used)."""
    if used.all():
        return y
    t_len = y.shape[1]
    t = np.arange(t_len)
    prev = np.maximum.accumulate(np.where(used, t, -1), axis=1)
    nxt = np.minimum.accumulate(np.where(used, t, t_len)[:, ::-1], axis=1)[:, ::-1]
    pv = np.take_along_axis(y, np.clip(prev, 0, t_len - 1), axis=1)
    nv = np.take_along_axis(y, np.clip(nxt, 0, t_len - 1), axis=1)
    has_p, has_n = prev >= 0, nxt < t_len
    frac = (t - prev) / np.maximum(nxt - prev, 1)
    inner = pv + (nv - pv) * frac
    fill = np.where(has_p & has_n, inner, np.where(has_p, pv, np.where(has_n, nv, 0.0)))
    return np.where(used, y, fill)
