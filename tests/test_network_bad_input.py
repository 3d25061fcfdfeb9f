"""Bad input to the network engine (negative, NaN, None, text for numbers, unknown sites
and channels, a circle of supply routes) is refused before any work with a ValueError
whose sentence names the record, the field and the value."""

import datetime as dt
import math

import pytest

from stockops.policy.network import (
    Allocation,
    Channel,
    Incoming,
    Lane,
    Lot,
    Request,
    SiteStock,
    Stage,
    available_to_promise,
    plan_network,
    propose_rebalancing,
    reserve,
)

DAY = dt.date(2026, 3, 2)
NAN = math.nan
KEY = [Channel("Key accounts", 1), Channel("Web shop", 2)]
LOT = Lot("Tea", "Main", "L1", 10, DAY)


def depot(**kw):
    return Stage(
        **{
            "product": "Tea",
            "site": "Depot",
            "demand_per_day": 0,
            "demand_sd_per_day": 0,
            "lead_time_days": 9,
            **kw,
        }
    )


def site(**kw):
    return Stage(
        **{
            "product": "Tea",
            "site": "North",
            "demand_per_day": 20,
            "demand_sd_per_day": 10,
            "lead_time_days": 4,
            "supplier": "Depot",
            **kw,
        }
    )


def stock(**kw):
    return SiteStock(
        **{
            "product": "Tea",
            "site": "North",
            "projected_stock": 10,
            "demand_per_day": 5,
            "days_to_next_receipt": 4,
            **kw,
        }
    )


def ask(**kw):
    return reserve(
        [
            Request(
                **{
                    "name": "WEB/1",
                    "channel": "Web shop",
                    "product": "Tea",
                    "site": "Main",
                    "quantity": 2,
                    **kw,
                }
            )
        ],
        KEY,
        [],
        [LOT],
        ["Main"],
    )


ROWS = [
    (
        "negative demand",
        lambda: plan_network([depot(), site(demand_per_day=-1)]),
        "'Tea' at 'North': demand per day must be 0 or more, not -1",
    ),
    (
        "NaN deviation",
        lambda: plan_network([depot(), site(demand_sd_per_day=NAN)]),
        "demand standard deviation per day must be a finite number, not nan",
    ),
    (
        "None lead time",
        lambda: plan_network([depot(lead_time_days=None), site()]),
        "'Tea' at 'Depot': lead time (days) must be a number, not None",
    ),
    (
        "text lead time",
        lambda: plan_network([depot(), site(lead_time_days="4")]),
        "lead time (days) must be a number, not '4'",
    ),
    (
        "target of 1",
        lambda: plan_network([depot(), site(service_level=1.0)]),
        "service level must be between 0.5 and 1 (a share), not 1.0",
    ),
    (
        "zero holding cost",
        lambda: plan_network([depot(holding_cost=0)]),
        "holding cost must be above 0, not 0",
    ),
    (
        "unknown supplier",
        lambda: plan_network([depot(), site(supplier="South")]),
        "'Tea' at 'North': supplier 'South' is unknown",
    ),
    (
        "site twice",
        lambda: plan_network([depot(), site(), site()]),
        "'Tea': site 'North' is given twice",
    ),
    (
        "circle",
        lambda: plan_network([depot(supplier="North"), site()]),
        "'Tea': the supply routes go round in a circle",
    ),
    ("not a stage", lambda: plan_network([None]), "a network stage must be a Stage, not None"),
    (
        "unknown law",
        lambda: plan_network([depot()], law="poisson"),
        "the demand law must be one of ('normal', 'gamma'), not 'poisson'",
    ),
    (
        "zero horizon",
        lambda: propose_rebalancing([stock()], [], horizon_days=0),
        "rebalancing: horizon (days) must be above 0, not 0",
    ),
    (
        "negative stock",
        lambda: propose_rebalancing([stock(projected_stock=-3)], []),
        "'Tea' at 'North': projected stock must be 0 or more, not -3",
    ),
    (
        "NaN receipt",
        lambda: propose_rebalancing([stock(days_to_next_receipt=NAN)], []),
        "days to the next receipt must be a finite number, not nan",
    ),
    (
        "unknown route site",
        lambda: propose_rebalancing([stock()], [Lane("Main", "North", 1)]),
        "route 'Main' -> 'North': source 'Main' is unknown",
    ),
    (
        "negative transfer",
        lambda: propose_rebalancing([stock(), stock(site="Main")], [Lane("Main", "North", -1)]),
        "transfer days must be 0 or more, not -1",
    ),
    (
        "unknown channel",
        lambda: ask(channel="Marketplace"),
        "order line 'WEB/1': channel 'Marketplace' is unknown",
    ),
    ("unknown site", lambda: ask(site="South"), "order line 'WEB/1': site 'South' is unknown"),
    ("zero quantity", lambda: ask(quantity=0), "quantity must be above 0, not 0"),
    ("None quantity", lambda: ask(quantity=None), "quantity must be a number, not None"),
    ("text date", lambda: ask(commitment="2026-03-02"), "the commitment date must be a date"),
    (
        "channel rank 0",
        lambda: reserve([], [Channel("Web shop", 0)], [], [], ["Main"]),
        "sales channel 'Web shop': rank must be a whole number from 1, not 0",
    ),
    (
        "allocation both",
        lambda: reserve(
            [], KEY, [Allocation("Web shop", "Tea", "Main", units=1, share=0.5)], [], ["Main"]
        ),
        "give units or a share, one of the two",
    ),
    (
        "share above 1",
        lambda: reserve([], KEY, [Allocation("Web shop", "Tea", "Main", share=1.5)], [], ["Main"]),
        "share must be between 0 and 1 (a share), not 1.5",
    ),
    (
        "over-reserved lot",
        lambda: reserve(
            [],
            KEY,
            [],
            [Lot("Tea", "Main", "L1", 2, DAY, reserved_by=(("Web shop", 3),))],
            ["Main"],
        ),
        "lot 'L1' of 'Tea': 3 reserved of 2 on hand",
    ),
    (
        "lot at unknown site",
        lambda: reserve([], KEY, [], [Lot("Tea", "South", "L1", 2, DAY)], ["Main"]),
        "site 'South' is unknown",
    ),
    (
        "removal rule",
        lambda: reserve([], KEY, [], [LOT], ["Main"], removal={"Tea": "lifo"}),
        "'Tea': removal strategy must be one of ('fefo', 'fifo'), not 'lifo'",
    ),
    (
        "NaN incoming",
        lambda: available_to_promise(
            KEY, [], [LOT], [Incoming("Tea", "Main", NAN, DAY)], ["Main"], DAY
        ),
        "receipt of 'Tea' at 'Main': quantity must be a finite number, not nan",
    ),
    (
        "None date",
        lambda: available_to_promise(KEY, [], [LOT], [], ["Main"], None),
        "the date must be a date, not None",
    ),
]


@pytest.mark.parametrize(("call", "sentence"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_bad_input_is_refused_with_a_sentence(call, sentence):
    with pytest.raises(ValueError) as caught:
        call()
    assert sentence in str(caught.value)
