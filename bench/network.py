"""Stock held by a two-level network (one depot, its regional sites) at the sites' service
target: safety stock placed by the guaranteed-service model against each warehouse
planned alone (safety stock stacked at every level).

Random networks with known truth: a depot bought from a vendor in 3-21 days, 2-8 sites
resupplied in 1-7 days, each site's demand 5-60 units a day with a coefficient of
variation of 0.2-1 (gamma days), one target per network (90 %, 95 % or 98 % of days
without a stockout). Each network is planned both ways with the gamma law
(``plan_network`` and ``plan_network(stacked=True)``) and run day by day through the same demand
(``stockops.policy.network.simulate``: one-for-one base stock, the depot's shortfalls
delaying the sites), 40 paths of 730 days. Printed per target: the sites' achieved
service (mean over sites and networks, and the worst site) and the stock on hand of the
whole network (mean units a day, summed over networks). The closing line compares the
stock on hand; lower is better.
"""

from __future__ import annotations

import numpy as np

from bench.result import Result
from stockops.policy.network import Stage, plan_network
from stockops.policy.network.simulate import gamma_demand, simulate_two_level

SIZES = {"small": 20, "default": 100, "large": 400}
TARGETS = (0.90, 0.95, 0.98)
PATHS, DAYS = 40, 730


def _network(rng, k):
    target = TARGETS[k % len(TARGETS)]
    sites = int(rng.integers(2, 9))
    mean = rng.uniform(5, 60, sites)
    sd = mean * rng.uniform(0.2, 1.0, sites)
    stages = [Stage("P", "Depot", 0, 0, float(rng.integers(3, 22)))]
    for j in range(sites):
        lead = float(rng.integers(1, 8))
        stages.append(Stage("P", f"S{j}", mean[j], sd[j], lead, "Depot", target))
    return target, stages, mean, sd


def run(size: str) -> Result:
    rng = np.random.default_rng(25)
    rows = {t: {"ours": [], "stacked": []} for t in TARGETS}
    stock = {"ours": 0.0, "stacked": 0.0}
    for k in range(SIZES[size]):
        target, stages, mean, sd = _network(rng, k)
        demand = gamma_demand(mean, sd, (PATHS, DAYS), rng)
        for name, stacked in (("ours", False), ("stacked", True)):
            plan = plan_network(stages, stacked=stacked, law="gamma")
            out = simulate_two_level(plan, "P", demand)
            rows[target][name].append(out.cycle_service)
            stock[name] += out.total_on_hand
    print(f"{'target':>7} | {'network: mean / worst site':>27} | {'stacked: mean / worst':>22}")
    for target, got in rows.items():
        ours, base = np.concatenate(got["ours"]), np.concatenate(got["stacked"])
        print(
            f"{target:>7.0%} | {ours.mean():>17.1%} / {ours.min():.1%} |"
            f" {base.mean():>12.1%} / {base.min():.1%}"
        )
    print(
        f"stock on hand, units a day over {SIZES[size]} networks: network {stock['ours']:.0f},"
        f" stacked {stock['stacked']:.0f}"
    )
    return Result(stock["ours"], "stacked", stock["stacked"], "units")
