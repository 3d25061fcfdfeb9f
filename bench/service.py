"""Service targets against the service achieved by reorder rules replayed as Odoo 18 runs
them, on four demand classes, for ours, the textbook normal reorder point and OCA ddmrp.

Simulated daily demand with known truth, four classes (``stockops.policy.service.paths``:
smooth, erratic, intermittent, lumpy), 500 series each at ``default``. Each series has
104 weeks of history, then 156 weeks replayed. The policy is planned once from the
history as the nightly run plans it: weekly ISO-week buckets (weeks before the first sale
are not history), ``forecast_many`` over 13 weeks, the demand over the lead time from
the forecast, the daily history for the distribution, and ``decide_policies``. A third of
the series buy in packs (6, 12 or 24 a pack, about a week's demand at most).

Each cell (class x target x lead time 3 / 7 / 21 days, fixed or with a spread of 30 % of
the lead time) replays every series through Odoo's min/max rule night by night
(``stockops.policy.service.replay``: receipts in the morning, deliveries, backorders,
the scheduler at night ordering max - position rounded down to the pack), with the same
demand and the same lead-time draws for every policy. Achieved service is the mean over
series of each series' service over its complete cycles (cycle service: share of
replenishment cycles without a stockout; fill rate: share of units served from stock the
day they were asked for). Profiles promising a fill rate get their own table.

Stock is the mean stock on hand at the end of a day. Its floor is the least stock that
achieves the same service when each series' true process is known: every series gets
the min that gives it service theta on fifteen years of fresh paths of its own process
(same order quantity), and theta is searched until the cell achieves the same mean
service on the replayed paths; ``stock/floor`` is the policy's stock over that floor. The
floor gives every series the same service: a policy that spends its stock unequally
(more where a unit buys more service) can sit a little below it.

Baselines (``bench.service_baselines``): the textbook normal reorder point on the lead
time alone (the suite's previous rule, with its max rounded up to the pack), and OCA
ddmrp's buffer with its usual factors. The closing line is the mean absolute distance
between achieved and target over every cell (both measures), in points.
"""

from __future__ import annotations

import time

import numpy as np

from bench.result import Result
from bench.service_baselines import ddmrp_zones, normal_rop
from stockops.policy.forecast import STEADY_METHODS, forecast_many
from stockops.policy.reorder import decide_policies, demand_per_day_over
from stockops.policy.service.paths import CLASSES, class_paths, lead_time_draws
from stockops.policy.service.replay import replay, shifted_service

SIZES = {"small": 100, "default": 500, "large": 2000}
HISTORY_DAYS, REPLAY_DAYS, CALIBRATION_DAYS = 728, 1092, 5460
TARGETS = (0.90, 0.95, 0.98)
LEADS = (3, 7, 21)
LEAD_CV = 0.3
REVIEW_DAYS = 7.0
HORIZON_WEEKS = 13
MEASURES = ("cycle", "fill_rate")
THETAS = np.concatenate([np.linspace(0.30, 0.99, 400), np.linspace(0.9901, 0.99995, 200)])


def _packs(rng, mean_per_day, n):
    """A pack multiple per series: none for two thirds, else the largest of 6, 12, 24
    that is at most a week's demand (6 when even that is more)."""
    week = 7 * mean_per_day
    fits = np.select([week >= 24, week >= 12], [24.0, 12.0], 6.0)
    return np.where(rng.random(n) < 1 / 3, fits, 1.0)


def _history_inputs(hist):
    """What the nightly run reads: weekly buckets with the weeks before the first sale
    excluded, the daily history (NaN before the first sale) and the real weeks."""
    n = len(hist)
    weekly = hist.reshape(n, -1, 7).sum(axis=2)
    started = np.maximum.accumulate(weekly > 0, axis=1)
    days = np.where(np.repeat(started, 7, axis=1), hist, np.nan)
    return weekly, ~started, days, started.sum(axis=1).astype(float)


def _measured_lead_times(hist, lead, lead_sd, pack, rng):
    """Lead times as the policy run measures them on receipts (mean and deviation per
    series): the history replayed through the previous rule (normal-rop at 95 % from the
    true demand), orders drawn from the vendor and delivered in sequence."""
    d = hist.mean(axis=1)
    low, high = normal_rop(d, hist.std(axis=1), lead, lead_sd, REVIEW_DAYS, 0.95, "cycle", 0, pack)
    draws = lead_time_draws(lead, lead_sd, hist.shape, rng)
    out = replay(hist, low, high, pack, draws)
    mean = np.where(np.isfinite(out.lead_time_mean), out.lead_time_mean, lead)
    sd = np.where(np.isfinite(out.lead_time_sd), out.lead_time_sd, lead_sd)
    return mean, sd


def _plan(hist, lead, lead_sd, pack):
    """Our policy for every target and measure, and the planning time per series."""
    weekly, exclude, days, weeks = _history_inputs(hist)
    started = time.perf_counter()
    fc = forecast_many(weekly, HORIZON_WEEKS, exclude=exclude)
    d_lead = demand_per_day_over(fc.per_period, lead + 1.0)
    share = np.nanmean(days > 0, axis=1)
    rules = {}
    for measure in MEASURES:
        for target in TARGETS:
            b = decide_policies(
                d_lead,
                fc.sigma / np.sqrt(7.0),
                lead,
                lead_sd,
                REVIEW_DAYS,
                target,
                0.0,
                pack,
                service_measure=measure,
                demand_day_share=np.where(np.isfinite(share), share, 1.0),
                history=days,
                history_weeks=weeks,
                pattern=fc.pattern,
                forecast_level_sd_per_day=fc.level_sd / 7.0,
                forecast_steady=np.isin(fc.method, STEADY_METHODS),
            )
            rules[measure, target] = (b.min_qty, b.max_qty)
    per_series = (time.perf_counter() - started) / len(hist) / (len(MEASURES) * len(TARGETS))
    return fc, rules, per_series


def _curves(demand, low, high, pack, lead_days, offsets, measure):
    """Service (by ``measure``) and stock of the rule moved by each offset, per series."""
    out = replay(demand, low, high, pack, lead_days, keep_trace=True)
    shifted = shifted_service(out.trace, offsets)
    svc = shifted.cycle_service if measure == "cycle" else shifted.fill_rate
    return svc, shifted.mean_on_hand


def _floor(cal_svc, eval_svc, eval_stock, achieved):
    """The least mean stock that achieves ``achieved`` (mean service over series) with
    every series at the same known-process service theta; NaN when out of reach."""
    valid = np.isfinite(cal_svc).any(axis=1) & np.isfinite(eval_svc).all(axis=1)
    cal = np.nan_to_num(cal_svc[valid], nan=0.0)
    ev_svc, ev_stock = eval_svc[valid], eval_stock[valid]
    rows = np.arange(len(cal))[:, None]
    cells, stocks = [], []
    for lo in range(0, len(THETAS), 100):
        theta = THETAS[lo : lo + 100]
        # the first offset reaching theta on the series' own long paths (rows rise with k)
        k = (cal[:, :, None] < theta[None, None, :]).sum(axis=1)
        k = np.minimum(k, cal.shape[1] - 1)
        cells.append(ev_svc[rows, k].mean(axis=0))
        stocks.append(ev_stock[rows, k].mean(axis=0))
    cells = np.maximum.accumulate(np.concatenate(cells))
    stocks = np.maximum.accumulate(np.concatenate(stocks))
    if not cells[0] <= achieved <= cells[-1]:
        return float("nan")
    return float(np.interp(achieved, cells, stocks))


def _cell_rows(name, demand, lead_days, rules, pack, zones):
    """Replay every policy of one class and lead time on the same paths; per policy key
    the per-series result."""
    keys = list(rules)
    low = np.concatenate([rules[k][0] for k in keys])
    high = np.concatenate([rules[k][1] for k in keys])
    n = len(demand)
    stack = len(keys)
    out_odoo = replay(
        np.tile(demand, (stack, 1)),
        low,
        high,
        np.tile(pack, stack),
        np.tile(lead_days, (stack, 1)),
    )
    out_ddmrp = replay(demand, zones[0], zones[1], pack, lead_days, rule="ddmrp")
    results = {}
    for j, k in enumerate(keys):
        rows = slice(j * n, (j + 1) * n)
        results[k] = (
            out_odoo.cycle_service[rows],
            out_odoo.fill_rate[rows],
            out_odoo.mean_on_hand[rows],
        )
    results["ddmrp"] = (out_ddmrp.cycle_service, out_ddmrp.fill_rate, out_ddmrp.mean_on_hand)
    return results


def run(size: str) -> Result:
    n = SIZES[size]
    rng = np.random.default_rng(21)
    total = HISTORY_DAYS + REPLAY_DAYS + CALIBRATION_DAYS
    rows = []  # (measure, class, target, lead, spread, ours, normal, ddmrp, ratios...)
    plan_times, lost = [], {}
    print(
        f"{n} series a class, {HISTORY_DAYS // 7} weeks of history, {REPLAY_DAYS // 7} weeks "
        f"replayed, weekly order cycle, Odoo's nightly review, backorders"
    )
    for pattern in CLASSES:
        paths = class_paths(pattern, n, total, rng)
        hist = paths.demand[:, :HISTORY_DAYS]
        future = paths.demand[:, HISTORY_DAYS : HISTORY_DAYS + REPLAY_DAYS]
        fresh = paths.demand[:, HISTORY_DAYS + REPLAY_DAYS :]
        pack = _packs(rng, paths.mean_per_day, n)
        for lead in LEADS:
            for spread in (False, True):
                lead_sd = LEAD_CV * lead if spread else 0.0
                seen, seen_sd = _measured_lead_times(hist, lead, lead_sd, pack, rng)
                fc, ours, per_series = _plan(hist, seen, seen_sd, pack)
                plan_times.append(per_series)
                sd_day = fc.sigma / np.sqrt(7.0)
                normal = {}
                for measure in MEASURES:
                    for target in TARGETS:
                        normal[measure, target] = normal_rop(
                            fc.mean / 7.0,
                            sd_day,
                            seen,
                            seen_sd,
                            REVIEW_DAYS,
                            target,
                            measure,
                            0.0,
                            pack,
                        )
                zones = ddmrp_zones(
                    paths.demand[:, : HISTORY_DAYS + REPLAY_DAYS],
                    HISTORY_DAYS,
                    lead,
                    REVIEW_DAYS,
                    np.zeros(n),
                )
                draws = lead_time_draws(lead, lead_sd, (n, REPLAY_DAYS), rng)
                cal_draws = lead_time_draws(lead, lead_sd, (n, CALIBRATION_DAYS), rng)
                got = _cell_rows(
                    pattern,
                    future,
                    draws,
                    {("ours", *k): v for k, v in ours.items()}
                    | {("normal", *k): v for k, v in normal.items()},
                    pack,
                    zones,
                )
                if lead == 7 and not spread:
                    low, high = ours["cycle", 0.95]
                    lost[pattern] = replay(future, low, high, pack, draws, backorders=False)
                for measure in MEASURES:
                    base_low, base_high = ours[measure, 0.95]
                    span = np.maximum(ours[measure, 0.98][0] - ours[measure, 0.90][0], 1.0)
                    step = np.maximum(1.0, np.round(span / 12))
                    offsets = step[:, None] * np.arange(-36, 109)[None, :]
                    cal_svc, _ = _curves(
                        fresh, base_low, base_high, pack, cal_draws, offsets, measure
                    )
                    ev_svc, ev_stock = _curves(
                        future, base_low, base_high, pack, draws, offsets, measure
                    )
                    m = 0 if measure == "cycle" else 1
                    dd = got["ddmrp"]
                    dd_ach = float(np.nanmean(dd[m]))
                    floor95 = _floor(cal_svc, ev_svc, ev_stock, 0.95)
                    for target in TARGETS:
                        o = got["ours", measure, target]
                        b = got["normal", measure, target]
                        o_ach, b_ach = float(np.nanmean(o[m])), float(np.nanmean(b[m]))
                        rows.append(
                            {
                                "measure": measure,
                                "class": pattern,
                                "target": target,
                                "lead": lead,
                                "spread": spread,
                                "ours": o_ach,
                                "ours_ratio": np.nanmean(o[2])
                                / _floor(cal_svc, ev_svc, ev_stock, o_ach),
                                "normal": b_ach,
                                "normal_ratio": np.nanmean(b[2])
                                / _floor(cal_svc, ev_svc, ev_stock, b_ach),
                                "ddmrp": dd_ach,
                                "ddmrp_ratio": np.nanmean(dd[2])
                                / _floor(cal_svc, ev_svc, ev_stock, dd_ach),
                                "ddmrp_vs95": np.nanmean(dd[2]) / floor95,
                            }
                        )
    _print(rows, lost, plan_times)
    ours_dev = np.mean([abs(r["ours"] - r["target"]) * 100 for r in rows])
    base_dev = np.mean([abs(r["normal"] - r["target"]) * 100 for r in rows])
    return Result(ours_dev, "normal-rop", base_dev, "pt")


def _ratio(value: float) -> str:
    """A stock ratio; "out of reach" when the service is beyond every floor searched (a
    policy at 100 %)."""
    return f"{value:.3f}" if np.isfinite(value) else "out of reach"


def _print(rows, lost, plan_times):
    head = (
        f"  {'class':<13}{'target':>6}{'lead':>9}  {'ours':>6}{'stock/floor':>12}  "
        f"{'normal-rop':>10}{'stock/floor':>12}  {'ddmrp':>6}{'stock/floor':>12}"
        f"{'vs 95% floor':>13}"
    )
    for measure, title in (("cycle", "cycle service"), ("fill_rate", "fill-rate profiles")):
        print(f"{title}: achieved (% , mean over series) against target")
        print(head)
        for r in (r for r in rows if r["measure"] == measure):
            lead = f"{r['lead']} d{' ±30%' if r['spread'] else ''}"
            print(
                f"  {r['class']:<13}{r['target']:>6.0%}{lead:>9}  {r['ours'] * 100:6.1f}"
                f"{_ratio(r['ours_ratio']):>12}  {r['normal'] * 100:10.1f}"
                f"{_ratio(r['normal_ratio']):>12}  {r['ddmrp'] * 100:6.1f}"
                f"{_ratio(r['ddmrp_ratio']):>12}{r['ddmrp_vs95']:13.2f}"
            )
    for measure in MEASURES:
        mine = [r for r in rows if r["measure"] == measure]
        dev = np.mean([abs(r["ours"] - r["target"]) for r in mine]) * 100
        worst = max(abs(r["ours"] - r["target"]) for r in mine) * 100  # unrounded
        ratio = np.nanmax([r["ours_ratio"] for r in mine])
        over = sum(r["ours_ratio"] > 1.05 for r in mine)
        print(
            f"{measure}: mean |achieved - target| {dev:.2f} pt (largest {worst:.2f}), "
            f"stock/floor at most {ratio:.3f}, above 1.05 in {over} of {len(mine)} cells"
        )
    print(
        "lost sales instead of backorders, 95% cycle service, lead time 7 d: "
        + ", ".join(f"{k} {np.nanmean(v.cycle_service) * 100:.1f}%" for k, v in lost.items())
    )
    print(f"planning (forecast + policy) {np.mean(plan_times) * 1e6:.0f} µs a series and target")
    worst = max(rows, key=lambda r: abs(r["ours"] - r["target"]))
    lead = f"{worst['lead']} d{' ±30%' if worst['spread'] else ''}"
    print(
        f"worst cell: {worst['measure']} {worst['class']} {worst['target']:.0%} {lead}: "
        f"ours {worst['ours'] * 100:.1f}% (normal-rop {worst['normal'] * 100:.1f}%, "
        f"ddmrp {worst['ddmrp'] * 100:.1f}%)"
    )
