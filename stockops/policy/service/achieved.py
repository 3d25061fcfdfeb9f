"""What a reorder rule would have achieved on a product's own recent demand: its last
weeks of daily demand replayed through the rule night by night as Odoo 18 runs it
(:func:`stockops.policy.service.replay.replay`: receipts in the morning, deliveries,
backorders, the scheduler at night ordering max - position rounded down to the pack).

Units: demand in the product's stock unit per day (units), quantities in units, lead
times in days (rounded to whole days, fixed at the lead time the policy used). Days that
are not history (NaN: weeks a planner excluded, lost-demand weeks, weeks before the
first sale) are replayed as days without demand. Stock starts at the rule's max with
nothing on order; only complete replenishment cycles are measured, so a slow mover may
have nothing to measure yet (service NaN, said in the reason).

>>> import numpy as np
>>> demand = np.tile([3.0, 0.0, 5.0, 2.0], (1, 50))
>>> out = achieved_service(demand, 12.0, 24.0, 1.0, 3.0)
>>> int(out.cycles[0]) > 5, float(out.service[0])
(True, 1.0)
>>> head, result = out.reason(0, 0.95).split("): ")
>>> head
'Last 26 weeks of its own demand replayed through this rule (min 12, max 24, 3 d lead time'
>>> result  # doctest: +ELLIPSIS
'100.0% cycle service, no stockout in ... order cycles; at or above the 95.0% target.'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from stockops.policy.service.replay import replay

#: how far back the achieved service is measured (weeks of daily demand)
REPLAY_WEEKS = 26


@dataclass(frozen=True, eq=False)
class Achieved:
    """Per product: the rule replayed (``min_qty``, ``max_qty``, ``multiple`` in units,
    ``lead_days`` whole days), the service it achieved by its ``measure`` (a share, NaN
    when there is nothing to measure), both measures, the complete ``cycles`` and those
    with a stockout, the ``demand`` (units) asked for in them and the ``weeks`` replayed."""

    min_qty: np.ndarray
    max_qty: np.ndarray
    multiple: np.ndarray
    lead_days: np.ndarray
    measure: np.ndarray
    service: np.ndarray
    cycle_service: np.ndarray
    fill_rate: np.ndarray
    cycles: np.ndarray
    stockout_cycles: np.ndarray
    demand: np.ndarray
    weeks: float

    def below(self, targets: ArrayLike) -> np.ndarray:
        """Whether each product achieved less than its target (a share); False when there
        is nothing to measure."""
        with np.errstate(invalid="ignore"):
            return np.isfinite(self.service) & (self.service < np.asarray(targets) - 1e-9)

    def reason(self, i: int, target: float) -> str:
        """What product ``i``'s rule would have achieved, against ``target`` (a share), in
        a planner's words."""
        pack = f", packs of {_num(self.multiple[i])}" if self.multiple[i] > 1 else ""
        head = (
            f"Last {_num(self.weeks)} weeks of its own demand replayed through this rule "
            f"(min {_num(self.min_qty[i])}, max {_num(self.max_qty[i])}{pack}, "
            f"{int(self.lead_days[i])} d lead time): "
        )
        if not np.isfinite(self.service[i]):
            if self.cycles[i] == 0:
                return head + "no complete order cycle, nothing to measure yet."
            return head + "no demand in its complete order cycles, nothing to measure."
        cycles, out = int(self.cycles[i]), int(self.stockout_cycles[i])
        if self.measure[i] == "fill_rate":
            short = self.demand[i] * (1.0 - self.fill_rate[i])
            what = (
                f"{_pct(self.fill_rate[i])} fill rate, {_num(short)} of "
                f"{_num(self.demand[i])} units not shipped from stock the day they were "
                f"asked for in {cycles} order cycles"
            )
        elif out:
            what = f"{_pct(self.cycle_service[i])} cycle service, a stockout in {out} of "
            what += f"{cycles} order cycles"
        else:
            what = f"{_pct(1.0)} cycle service, no stockout in {cycles} order cycles"
        verdict = "below the" if self.service[i] < target - 1e-9 else "at or above the"
        return head + f"{what}; {verdict} {_pct(target)} target."


def achieved_service(
    history: ArrayLike,
    min_qty: ArrayLike,
    max_qty: ArrayLike,
    multiple: ArrayLike = 1.0,
    lead_time_days: ArrayLike = 0.0,
    measure: str | list[str] | np.ndarray = "cycle",
    weeks: int = REPLAY_WEEKS,
) -> Achieved:
    """Replay the last ``weeks`` of each product's daily demand (``history``: products x
    days, oldest first, NaN for days that are not history) through its rule and measure
    the service by ``measure`` ("cycle" or "fill_rate", one for all or one per product).
    ``min_qty``, ``max_qty``, ``multiple`` (units) and ``lead_time_days`` (days) one per
    product or one for all. ValueError for a negative lead time or bad demand."""
    h = np.atleast_2d(np.asarray(history, dtype=float))
    n = len(h)
    demand = np.nan_to_num(h[:, -weeks * 7 :], nan=0.0) if h.shape[1] else np.zeros((n, 1))
    lead = np.broadcast_to(np.asarray(lead_time_days, dtype=float), (n,))
    if not np.isfinite(lead).all() or (lead < 0).any():
        raise ValueError("lead_time_days must be finite and not negative (days)")
    lead_days = np.rint(lead).astype(np.int64)
    low = np.broadcast_to(np.asarray(min_qty, dtype=float), (n,))
    high = np.broadcast_to(np.asarray(max_qty, dtype=float), (n,))
    pack = np.broadcast_to(np.asarray(multiple, dtype=float), (n,))
    how = np.broadcast_to(np.asarray(measure, dtype=object), (n,)).astype(str)
    bad = set(how) - {"cycle", "fill_rate"}
    if bad:
        raise ValueError(f"measure must be 'cycle' or 'fill_rate', got {sorted(bad)}")
    out = replay(demand, low, high, pack, lead_days)
    cycle, fill = out.cycle_service, out.fill_rate
    return Achieved(
        min_qty=low.copy(),
        max_qty=high.copy(),
        multiple=pack.copy(),
        lead_days=lead_days,
        measure=how,
        service=np.where(how == "fill_rate", fill, cycle),
        cycle_service=cycle,
        fill_rate=fill,
        cycles=out.cycles,
        stockout_cycles=out.stockout_cycles,
        demand=out.demand,
        weeks=demand.shape[1] / 7.0,
    )


def _num(x: float) -> str:
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pct(share: float) -> str:
    return f"{float(share) * 100:.1f}%"
