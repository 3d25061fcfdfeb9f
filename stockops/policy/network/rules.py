"""The network plan as Odoo reorder rules: each warehouse's min and max from the
single-site policy (:func:`stockops.policy.reorder.decide_policies`), fed with the network
demand it serves and the days the plan makes it cover.

Units as in :mod:`stockops.policy.reorder`: units, days, units per day.

The guaranteed-service model decides *where* the stock sits (each stage's net replenishment
time, :attr:`~.echelon.Placement.covered_days`); the single-site policy decides *how much*
covers those days the way Odoo executes a rule (the night's review, the demand class, whole
packs). A stage the plan makes a pass-through (0 days covered) keeps only what the night's
review needs.
"""

from __future__ import annotations

from stockops.policy.network.echelon import NetworkPlan
from stockops.policy.reorder import PolicyBatch, decide_policies


def reorder_rules(plan: NetworkPlan, review_period_days: float = 7.0) -> PolicyBatch:
    """Min and max per placement of ``plan`` (in its order), with the reason of each.

    >>> from stockops.policy.network.graph import Stage
    >>> from stockops.policy.network.echelon import plan_network
    >>> plan = plan_network([Stage("P", "Depot", 0, 0, 9),
    ...                      Stage("P", "North", 20, 10, 4, supplier="Depot")])
    >>> rules = reorder_rules(plan)
    >>> rules.lead_time_days_used.tolist()
    [0.0, 13.0]
    >>> bool(rules.min_qty[1] > 20 * 13)
    True
    """
    rows = plan.placements
    return decide_policies(
        [p.network_demand_per_day for p in rows],
        [p.network_demand_sd_per_day for p in rows],
        [float(p.covered_days) for p in rows],
        0.0,
        review_period_days,
        [p.service_level if p.service_level > 0.5 else 0.95 for p in rows],
    )
