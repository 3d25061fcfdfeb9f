"""Labour standards and task assignment: skills, zones, due times, interleaving."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.labor.assign import Operator, Task, next_task, plan_shift
from stockops.labor.standards import performance_pct, standard_times_s
from stockops.layout import Aisle, Layout, Point

LAYOUT = Layout(
    tuple(Aisle(f"A{i}", 2.0 + 5.0 * i, 10.0, 60.0) for i in range(6)), (10.0, 35.0, 60.0)
)
DOCK, PACK = Point(0.0, 0.0), Point(30.0, 0.0)


def bin_(aisle: int, y: float) -> Point:
    return Point(2.0 + 5.0 * aisle, y, aisle=f"A{aisle}")


def test_standard_adds_travel_and_handling():
    times = standard_times_s(
        ["putaway", "count"], [90.0, 0.0], [1, 2], [40, 0], ["forklift", "foot"]
    )
    assert times.total_s[0] == pytest.approx(90 / 2.2 + 45 + 30 + 40)
    assert times.total_s[1] == pytest.approx(30 + 2 * 20)
    assert "by forklift" in times.reason(0)


@pytest.mark.parametrize(
    ("kinds", "gear", "match"),
    [(["dance"], ["foot"], "task type"), (["pick"], ["hoverboard"], "equipment")],
)
def test_unknown_type_or_equipment_is_named(kinds, gear, match):
    with pytest.raises(ValueError, match=match):
        standard_times_s(kinds, [1.0], [1], [1], gear)


def test_performance_is_standard_over_actual():
    assert performance_pct([100.0, 50.0], [80.0, 0.0])[0] == pytest.approx(125.0)
    assert math.isnan(performance_pct([100.0, 50.0], [80.0, 0.0])[1])


def test_skills_decide_who_may_take_a_task():
    pallet = Task(1, "putaway", DOCK, bin_(3, 50.0), skill="forklift", equipment="forklift")
    picker = Operator(1, DOCK)
    driver = Operator(2, PACK, skills=frozenset({"forklift"}))
    plan = plan_shift([picker, driver], [pallet], LAYOUT)
    assert plan.queues == {1: (), 2: (1,)}
    alone = plan_shift([picker], [pallet], LAYOUT)
    assert "forklift" in alone.unassigned[1]
    assert next_task(picker, [pallet], LAYOUT) == (
        None,
        "no open task this operator has the skills for",
    )


def test_two_zones_two_operators_two_different_next_tasks():
    tasks = [
        Task(1, "pick", bin_(0, 20.0), PACK, zone="FWD", work_s=30),
        Task(2, "replenish", bin_(5, 50.0), bin_(0, 20.0), zone="RES", work_s=60),
    ]
    fwd = Operator(1, PACK, zone="FWD")
    res = Operator(2, PACK, zone="RES")
    assert next_task(fwd, tasks, LAYOUT)[0] == 1
    assert next_task(res, tasks, LAYOUT)[0] == 2


def test_a_task_about_to_be_late_goes_before_a_nearer_one():
    near = Task(1, "pick", bin_(0, 12.0), PACK, work_s=30)
    urgent = Task(2, "pick", bin_(5, 58.0), PACK, work_s=30, due_s=200.0)
    choice, why = next_task(Operator(1, DOCK), [near, urgent], LAYOUT)
    assert choice == 2, why


def test_interleaving_pairs_a_put_away_with_a_pick_near_where_it_ended():
    tasks = [
        Task(1, "putaway", DOCK, bin_(4, 55.0), work_s=60),
        Task(2, "pick", bin_(0, 15.0), PACK, work_s=30),
        Task(3, "pick", bin_(4, 52.0), PACK, work_s=30),
    ]
    plan = plan_shift([Operator(1, DOCK)], tasks, LAYOUT)
    assert plan.queues[1][:2] == (1, 3)
    assert "(interleaved)" in plan.reasons[3]
    fifo = plan_shift([Operator(1, DOCK)], tasks, LAYOUT, fifo=True)
    assert fifo.empty_travel_m > plan.empty_travel_m


def test_a_pinned_task_goes_first_to_its_operator():
    tasks = [Task(1, "pick", bin_(0, 12.0), PACK), Task(2, "count", bin_(5, 58.0), bin_(5, 58.0))]
    plan = plan_shift([Operator(1, DOCK), Operator(2, DOCK)], tasks, LAYOUT, pinned={2: 1})
    assert plan.queues[1][0] == 2
    assert plan.reasons[2].startswith("pinned")
    with pytest.raises(ValueError, match="not on shift"):
        plan_shift([Operator(1, DOCK)], tasks, LAYOUT, pinned={2: 9})


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.floats(10, 60), st.sampled_from([None, "forklift"])),
        min_size=1, max_size=40,
    ),
    st.integers(1, 4),
)  # fmt: skip
def test_every_task_is_done_once_or_left_out_with_a_reason(specs, n_ops):
    tasks = [
        Task(i, "pick", bin_(a, y), PACK, skill=skill, work_s=20)
        for i, (a, y, skill) in enumerate(specs)
    ]
    ops = [Operator(j, DOCK, skills=frozenset({"forklift"}) if j == 0 else frozenset())
           for j in range(n_ops)]  # fmt: skip
    plan = plan_shift(ops, tasks, LAYOUT)
    done = [t for queue in plan.queues.values() for t in queue]
    assert len(done) == len(set(done))
    assert sorted(done + list(plan.unassigned)) == list(range(len(tasks)))
    for j, queue in plan.queues.items():
        for t in queue:
            assert tasks[t].skill is None or tasks[t].skill in ops[j].skills
    starts = np.array([plan.start_s[t] for t in plan.queues[0]])
    assert (np.diff(starts) > 0).all()


def test_a_task_does_not_start_before_it_is_released():
    later = Task(1, "pick", bin_(0, 12.0), PACK, work_s=30, release_s=600.0)
    plan = plan_shift([Operator(1, DOCK)], [later], LAYOUT)
    assert plan.start_s[1] == 600.0


def test_an_operator_helps_another_zone_only_when_it_pays():
    # the same walk to either task: the home zone's goes first
    home = Task(1, "pick", bin_(1, 30.0), PACK, zone="FWD", work_s=30)
    away = Task(2, "pick", bin_(3, 30.0), PACK, zone="RES", work_s=30)
    fwd = Operator(1, Point(12.0, 0.0), zone="FWD")  # halfway between aisles 1 and 3
    assert next_task(fwd, [home, away], LAYOUT)[0] == 1
    # with the home queue empty the operator balances the load: the other zone's task
    choice, why = next_task(fwd, [away], LAYOUT)
    assert choice == 2
    assert why.endswith("outside home zone FWD")
    # and a task elsewhere much nearer than home work is worth the zone change
    close = Task(3, "pick", Point(12.0, 5.0), PACK, zone="RES", work_s=30)
    far_home = Task(4, "pick", bin_(0, 58.0), PACK, zone="FWD", work_s=30)
    assert next_task(fwd, [close, far_home], LAYOUT)[0] == 3
