"""Reserve-to-forward replenishment: before the picks, within capacity, in whole cases."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.replenish import ReserveStock, Slot, plan_replenishment


def _slot(slot_id, on_hand, demand=0.0, due=math.inf, **kw):
    base = {"product_id": slot_id, "min_qty": 10, "max_qty": 40, "capacity": 50, "case_qty": 6}
    return Slot(slot_id=slot_id, on_hand=on_hand, demand=demand, first_pick_due_s=due,
                **(base | kw))  # fmt: skip


def test_a_slot_that_runs_out_first_is_refilled_first():
    slots = [_slot(1, on_hand=8), _slot(2, on_hand=3, demand=9, due=600.0)]
    reserve = [ReserveStock(90, 1, 100, 30.0), ReserveStock(91, 2, 100, 30.0)]
    plan = plan_replenishment(slots, reserve)
    assert [t.slot_id for t in plan.tasks] == [2, 1]
    assert plan.tasks[0].due_s == 600.0


def test_a_slot_above_min_after_its_picks_is_left_alone():
    plan = plan_replenishment([_slot(1, on_hand=30, demand=5)], [ReserveStock(90, 1, 100)])
    assert plan.tasks == ()


def test_nearest_reserve_first_and_a_shortage_is_reported():
    reserve = [ReserveStock(91, 1, 12, 80.0), ReserveStock(90, 1, 6, 20.0)]
    plan = plan_replenishment([_slot(1, on_hand=0)], reserve)
    assert [(t.from_bin, t.qty) for t in plan.tasks] == [(90, 6.0), (91, 12.0)]
    assert "reserve lacks 24 of the 42" in plan.short[1]


@settings(max_examples=80, deadline=None)
@given(
    st.floats(0, 60), st.floats(0, 80), st.integers(1, 12), st.floats(5, 120),
    st.floats(0, 200),
)  # fmt: skip
def test_never_beyond_capacity_and_whole_cases(on_hand, demand, case, capacity, reserve_qty):
    slot = Slot(1, 1, on_hand, min_qty=10, max_qty=40, capacity=capacity, demand=demand,
                case_qty=case)  # fmt: skip
    plan = plan_replenishment([slot], [ReserveStock(90, 1, reserve_qty)])
    moved = sum(t.qty for t in plan.tasks)
    assert on_hand + moved <= max(capacity, on_hand) + 1e-9
    assert moved <= reserve_qty + 1e-9
    if moved and 1 not in plan.short:
        assert abs(moved / case - round(moved / case)) < 1e-9
