"""The two policies the service bench holds ours against, both as a planner would set
them in Odoo:

* **normal-rop**: the textbook reorder point on the lead time alone, what the suite did
  before: ``min = ceil(d L + z sqrt(L sd^2 + d^2 sL^2))``, ``max = min + max(d R, MOQ)``
  rounded up to the pack multiple, z from the normal distribution (for a fill-rate target:
  the z whose normal loss leaves ``(1 - target) Q`` short per cycle);
* **DDMRP**: OCA ``ddmrp``'s buffer with its usual factors (lead-time factor 0.5,
  variability factor 0.5, average daily usage over the past 120 days, recomputed every
  night): red = ADU x DLT x LTF x (1 + VF), yellow = ADU x DLT, green = max(ADU x order
  cycle, ADU x DLT x LTF, MOQ); it orders top of green minus the net flow position when
  that is below the top of yellow, rounded up to the multiple.
"""

from __future__ import annotations

import math

import numpy as np

from stockops.policy.reorder import z_for_service_level

DDMRP_LEAD_TIME_FACTOR = 0.5
DDMRP_VARIABILITY_FACTOR = 0.5
DDMRP_ADU_DAYS = 120


def _normal_loss(z: np.ndarray) -> np.ndarray:
    """G(z) = E[(Z - z)+] for a standard normal Z."""
    pdf = np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    cdf = 0.5 * np.vectorize(math.erfc)(-z / math.sqrt(2))
    return pdf - z * (1 - cdf)


def _z_for_fill(target: float, order_qty: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """z with G(z) sigma = (1 - target) Q, by bisection (at least 0)."""
    want = (1 - target) * order_qty / np.maximum(sigma, 1e-9)
    lo, hi = np.full(len(want), -4.0), np.full(len(want), 6.0)
    for _ in range(60):
        mid = (lo + hi) / 2
        above = _normal_loss(mid) > want
        lo, hi = np.where(above, mid, lo), np.where(above, hi, mid)
    return np.maximum(hi, 0.0)


def normal_rop(d, sd, lead, lead_sd, review, target, measure, moq, multiple):
    """(min, max) per series of the textbook rule (units)."""
    sigma = np.sqrt(lead * sd**2 + d**2 * lead_sd**2)
    cycle = np.maximum(d * review, moq)
    fill = measure == "fill_rate"
    z = _z_for_fill(target, cycle, sigma) if fill else z_for_service_level(target)
    low = np.ceil(d * lead + z * sigma - 1e-9)
    high = multiple * np.ceil((low + cycle) / multiple - 1e-9)
    return low, high


def ddmrp_zones(demand_all, start, lead, review, moq):
    """Top of yellow and top of green per series and night (n x T), the nights of
    ``demand_all[:, start:]``, from the average daily usage of the 120 days up to each
    night."""
    n, total = demand_all.shape
    cum = np.concatenate([np.zeros((n, 1)), np.cumsum(demand_all, axis=1)], axis=1)
    nights = np.arange(start, total)
    adu = (cum[:, nights + 1] - cum[:, nights + 1 - DDMRP_ADU_DAYS]) / DDMRP_ADU_DAYS
    lead = np.asarray(lead, dtype=float)[:, None] if np.ndim(lead) else lead
    red_base = adu * lead * DDMRP_LEAD_TIME_FACTOR
    red = red_base * (1 + DDMRP_VARIABILITY_FACTOR)
    yellow = adu * lead
    green = np.maximum(np.maximum(adu * review, red_base), np.asarray(moq)[:, None])
    return red + yellow, red + yellow + green
