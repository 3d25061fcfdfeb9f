"""Channel reservation and available to promise: a lower channel cannot take what is held
for a higher one, a higher one takes a lower one's unreserved stock, and ATP says what a
new order of the channel would get."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stockops.policy.network import (
    Allocation,
    Channel,
    Incoming,
    Lot,
    Request,
    available_to_promise,
    reserve,
)

DAY = dt.date(2026, 3, 2)
CHANNELS = [Channel("Key accounts", 1), Channel("Web shop", 2)]


def lots(*quantities):
    return [
        Lot("Tea", "Main", f"L{k}", q, DAY + dt.timedelta(days=k), DAY + dt.timedelta(days=30 - k))
        for k, q in enumerate(quantities)
    ]


def test_a_web_shop_order_cannot_take_units_allocated_to_a_key_account():
    [web] = reserve(
        [Request("WEB/1", "Web shop", "Tea", "Main", 10)],
        CHANNELS,
        [Allocation("Key accounts", "Tea", "Main", units=8)],
        lots(10),
        ["Main"],
    )
    assert web.units == 2.0
    assert "8 held for Key accounts cannot be taken by Web shop" in web.reason


def test_a_key_account_takes_the_web_shops_unreserved_stock():
    key, web = reserve(
        [
            Request("WEB/1", "Web shop", "Tea", "Main", 3, DAY),
            Request("KA/1", "Key accounts", "Tea", "Main", 9, DAY + dt.timedelta(days=5)),
        ],
        CHANNELS,
        [Allocation("Web shop", "Tea", "Main", share=0.5)],
        lots(6, 6),
        ["Main"],
    )
    # 12 on hand, 6 held for the web shop: the key account takes the 6 held for nobody and
    # 3 of the web shop's, which keeps the 3 left for its own order
    assert (key.request, key.units) == ("KA/1", 9.0)
    assert "3 held for Web shop, ranked below Key accounts" in key.reason
    assert (web.request, web.units) == ("WEB/1", 3.0)


def test_reserved_stock_is_never_taken_by_a_higher_channel():
    stock = [Lot("Tea", "Main", "L0", 10, DAY, reserved_by=(("Web shop", 7.0),))]
    [key] = reserve(
        [Request("KA/1", "Key accounts", "Tea", "Main", 10)], CHANNELS, [], stock, ["Main"]
    )
    assert key.units == 3.0


def test_within_a_channel_the_earlier_commitment_is_served_first_from_the_first_expiring_lot():
    late, early = (
        Request("KA/2", "Key accounts", "Tea", "Main", 5, DAY + dt.timedelta(9)),
        (Request("KA/1", "Key accounts", "Tea", "Main", 5, DAY)),
    )
    out = reserve([late, early], CHANNELS, [], lots(4, 4), ["Main"], removal={"Tea": "fefo"})
    assert [(r.request, r.units) for r in out] == [("KA/1", 5.0), ("KA/2", 3.0)]
    # L1 expires first (day 29 against day 30): FEFO draws it before L0
    assert out[0].lots == (("L1", 4.0), ("L0", 1.0))
    fifo = reserve([early], CHANNELS, [], lots(4, 4), ["Main"], removal={"Tea": "fifo"})
    assert fifo[0].lots == (("L0", 4.0), ("L1", 1.0))


def test_available_to_promise_leaves_out_what_is_held_for_a_higher_channel():
    stock = [Lot("Tea", "Main", "L0", 20, DAY, reserved_by=(("Key accounts", 4.0),))]
    incoming = [
        Incoming("Tea", "Main", 5, DAY + dt.timedelta(2)),
        Incoming("Tea", "Main", 50, DAY + dt.timedelta(20)),
    ]
    atp = available_to_promise(
        CHANNELS,
        [Allocation("Key accounts", "Tea", "Main", units=10)],
        stock,
        incoming,
        ["Main"],
        DAY + dt.timedelta(3),
    )
    by = {p.channel: p.units for p in atp}
    # key accounts: 20 - 4 reserved + 5 incoming; web: also less the 6 still held for them
    assert by == {"Key accounts": 21.0, "Web shop": 15.0}


@given(
    st.lists(st.floats(0, 50), min_size=1, max_size=3),
    st.lists(st.one_of(st.none(), st.floats(0, 30)), min_size=3, max_size=3),
    st.lists(st.floats(0, 10), min_size=3, max_size=3),
)
def test_available_to_promise_is_what_a_new_order_of_the_channel_would_reserve(q, held, resv):
    channels = [Channel("A", 1), Channel("B", 2), Channel("C", 3)]
    allocations = [
        Allocation(c.name, "Tea", "Main", units=h)
        for c, h in zip(channels, held, strict=True)
        if h is not None
    ]
    stock = []
    for k, quantity in enumerate(q):
        mine = [(c.name, r) for c, r in zip(channels, resv, strict=True) if k == 0]
        total = sum(r for _, r in mine)
        stock.append(Lot("Tea", "Main", f"L{k}", quantity + total, DAY, reserved_by=tuple(mine)))
    atp = available_to_promise(channels, allocations, stock, [], ["Main"], DAY)
    for promise in atp:
        [got] = reserve(
            [Request("X", promise.channel, "Tea", "Main", 10_000)],
            channels,
            allocations,
            stock,
            ["Main"],
        )
        assert got.units == pytest.approx(promise.units)
        assert sum(u for _, u in got.lots) == pytest.approx(got.units)
