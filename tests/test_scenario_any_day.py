"""The demo warehouse holds, whatever day it is generated on, the situations the Odoo tests
on the demo read from it (``make test`` generates it from today's date, so a clone next
month or on 29 February must find them too).

Each invariant names the Odoo tests that rely on it. The days: 50 spread over four years
from a Monday, every 31 days (so every weekday and month comes round), plus the days a
calendar breaks things: year ends, a 29 February, the first days of a year, a Sunday.
"""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from stockops.scenario import Scenario, generate
from stockops.scenario.floor import plan_floor_work

FIRST = datetime.date(2025, 1, 6)
DAYS = sorted(
    {FIRST + datetime.timedelta(days=31 * i) for i in range(44)}
    | {
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 1, 4),
        datetime.date(2028, 2, 29),
        datetime.date(2028, 3, 1),
        datetime.date(2027, 7, 4),
    }
)
assert len(DAYS) >= 50


@pytest.fixture(scope="module", params=DAYS, ids=str)
def demo(request) -> Scenario:
    """The default demo as generated on one of the days (pytest groups the tests by day,
    so each is generated once)."""
    return generate("default", today=request.param)


def _empty_bins(sc: Scenario) -> Counter:
    """Empty bins with a storage category, per zone kind."""
    kind = {z.code: z.kind for z in sc.zones}
    full = {q.bin_name for q in sc.quants if q.qty > 0}
    return Counter(
        kind[b.zone_code] for b in sc.bins if b.storage_category_code and b.name not in full
    )


def _orders_stock_covers(sc: Scenario) -> list:
    """Open sale orders whose every line the stock covers, served oldest first."""
    free = Counter()
    for q in sc.quants:
        free[q.product_code] += q.qty
    covered = []
    for order in sorted(sc.sale_orders, key=lambda o: (o.date_order, o.ref)):
        if all(free[line.product_code] >= line.qty for line in order.lines):
            covered.append(order)
            for line in order.lines:
                free[line.product_code] -= line.qty
    return covered


def test_the_demo_holds_what_the_odoo_tests_read(demo):
    sc, day = demo, demo.today
    # put-away, top-up and re-slot tests place their own items in empty bins
    empty = _empty_bins(sc)
    assert empty["forward"] >= 20 and empty["reserve"] >= 20, empty
    # the wave-plan tests wave the demo's ready picks (at least 50)
    covered = _orders_stock_covers(sc)
    assert len(covered) >= 60
    # the labour demo test waves two fully reserved picks of several products each
    # (wms_labor test_demo); Odoo may reserve a few differently, so keep a wide margin
    several = [o for o in covered if len({line.product_code for line in o.lines}) > 1]
    assert len(several) >= 20, len(several)
    # the policy run on the demo: 200 rules, intermittent and weekly seasonal items
    assert len(sc.products) >= 200
    patterns = Counter(p.demand_pattern for p in sc.products)
    assert patterns["intermittent"] >= 5 and patterns["seasonal"] >= 5, patterns
    # measured lead times: a product bought at least three times in the history
    bought = Counter(
        line.product_code
        for po in sc.purchase_orders
        if po.receipt_date is not None and po.receipt_date < day
        for line in po.lines
    )
    assert max(bought.values()) >= 3


def test_the_demo_floor_weeks_give_the_scorecard_figures(demo):
    """The scorecard tests on the demo's floor weeks: pick accuracy between 90 % and
    100 % (a few shorts), dock-to-stock between half an hour and two days on average, the
    order cycle under three days on average (a Friday truck may wait for Monday)."""
    work = plan_floor_work(demo)
    lines = [line for order in work.orders for line in order.lines]
    shorts = [line for line in lines if line.picked_qty < line.qty]
    assert 0 < len(shorts) <= 0.1 * len(lines)
    assert all(line.short_reason for line in shorts)
    hour = datetime.timedelta(hours=1)
    dock = [(at - r.arrived_at) / hour for r in work.receipts for at in r.put_away_at]
    assert 0.5 <= sum(dock) / len(dock) <= 48.0
    cycle = [(o.shipped_at - o.ordered_at) / hour for o in work.orders]
    assert min(cycle) > 0 and sum(cycle) / len(cycle) <= 72.0
    shipped_on = {o.shipped_at.date() for o in work.orders}
    assert len(shipped_on) >= 5, "orders shipped on most of the working days"
    assert work.days[-1] < demo.today
