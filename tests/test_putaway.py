"""Directed put-away: never over capacity, the right zone for the class, reasons."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.execution.putaway import BinState, Item, check, suggest


def _bins(**overrides):
    base = {
        "ids": [1, 2, 3, 4],
        "names": ["F-01", "F-02", "R-01", "H-01"],
        "category": ["FWD", "FWD", "RES", "HAZ"],
        "free_volume_m3": [0.20, 0.20, 2.0, 1.0],
        "free_weight_kg": [100.0, 100.0, 900.0, 500.0],
        "max_side_m": [0.6, 0.6, 1.2, 1.2],
        "travel_m": [8.0, 30.0, 60.0, 40.0],
        "golden": [True, False, False, False],
        "hazard": ["", "", "", "flammable"],
    }
    base.update(overrides)
    return BinState(**base)


def _item(**overrides):
    base = {"product_id": 7, "qty": 10, "unit_volume_m3": 0.01, "unit_weight_kg": 1.0,
                "unit_max_side_m": 0.3, "velocity": "A"}  # fmt: skip
    base.update(overrides)
    return Item(**base)


def test_a_items_go_near_packing_c_items_deep_in_reserve():
    assert suggest(_bins(), _item(velocity="A")).bin_id == 1
    assert suggest(_bins(), _item(velocity="C")).bin_id == 3


def test_hazardous_goods_only_in_their_cage_and_nothing_else_there():
    plan = suggest(_bins(), _item(hazard="flammable"))
    assert plan.bin_id == 4
    assert plan.rejected["hazard class"] == 3
    assert 4 not in [b for b, _q in suggest(_bins(), _item(qty=500)).placements]


def test_a_quantity_no_bin_takes_whole_is_split_within_capacity():
    plan = suggest(_bins(), _item(qty=250, velocity="C"))
    assert plan.placements == ((3, 200.0), (2, 20.0), (1, 20.0))
    assert plan.unplaced_qty == 10.0


def test_mixing_rules_and_consolidation():
    bins = _bins(mixing=["same", "empty", "mixed", "mixed"], products=[(9,), (), (7,), ()])
    plan = suggest(bins, _item(velocity="B"))
    assert 1 not in [b for b, _q in plan.placements]  # holds another product
    assert plan.rejected["mixing rule"] == 1
    reason = suggest(bins, _item(velocity="C")).reasons[0]
    assert reason.startswith("R-01") and "tops up the same product" in reason


def test_blocked_or_too_short_bins_are_ruled_out_with_the_count():
    plan = suggest(_bins(blocked=[True, False, False, False]), _item(unit_max_side_m=0.8))
    assert plan.rejected == {"blocked": 1, "hazard class": 1, "unit too long for the bin": 1}
    assert plan.bin_id == 3


def test_no_dimensions_and_nothing_to_place_are_refused():
    with pytest.raises(ValueError, match="no dimensions"):
        suggest(_bins(), _item(unit_volume_m3=0.0))
    with pytest.raises(ValueError, match="nothing to put away"):
        suggest(_bins(), _item(qty=0))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 2), st.floats(0, 500), st.floats(1, 80)), min_size=1,
             max_size=30),
    st.floats(0.5, 400),
    st.sampled_from("ABC"),
)  # fmt: skip
def test_never_over_capacity_and_nothing_lost(spec, qty, velocity):
    volume, weight, travel = (np.array(col) for col in zip(*spec, strict=True))
    n = len(spec)
    bins = BinState(ids=list(range(n)), category=["X"] * n, free_volume_m3=volume,
                    free_weight_kg=weight, max_side_m=[1.0] * n, travel_m=travel)  # fmt: skip
    item = _item(qty=qty, unit_volume_m3=0.02, unit_weight_kg=3.0, velocity=velocity)
    plan = suggest(bins, item)
    placed = sum(q for _b, q in plan.placements)
    assert placed + plan.unplaced_qty == pytest.approx(qty)
    for b, q in plan.placements:
        assert q * 0.02 <= volume[b] + 1e-9 and q * 3.0 <= weight[b] + 1e-9
    assert len({b for b, _q in plan.placements}) == len(plan.placements)


def test_a_slow_item_keeps_out_of_the_forward_lanes():
    bins = _bins(forward=[True, True, False, False])
    assert suggest(bins, _item(velocity="C")).bin_id == 3
    assert suggest(bins, _item(velocity="A")).bin_id == 1


def test_a_big_receipt_gets_one_pick_face_and_the_rest_goes_to_reserve():
    bins = _bins(forward=[True, True, False, False], travel_m=[8.0, 9.0, 60.0, 40.0])
    plan = suggest(bins, _item(qty=40, velocity="A"))  # 0.4 m3: two lanes would take 0.4
    assert plan.placements == ((1, 20.0), (3, 20.0))
    assert plan.rejected["one pick face per product"] == 1
    # a product already on a face tops it up and opens no second one
    held = _bins(forward=[True, True, False, False], products=[(), (7,), (), ()],
                 free_volume_m3=[0.2, 0.05, 2.0, 1.0])  # fmt: skip
    assert [b for b, _q in suggest(held, _item(qty=40, velocity="A")).placements] == [2, 3]
    wider = suggest(bins, _item(qty=40, velocity="A", max_forward_bins=2))
    assert wider.placements == ((1, 20.0), (2, 20.0))


def test_check_names_the_rule_and_the_figures():
    bins = _bins(mixing=["same", "mixed", "mixed", "mixed"], products=[(9,), (), (), ()])
    assert check(bins, _item(qty=30)) == (
        "mixing rule",
        "full (volume): 0.2 m3 free, 0.3 m3 needed",
        "",
        "hazard class",
    )
    with pytest.raises(ValueError, match="no dimensions"):
        check(bins, _item(unit_max_side_m=0.0))


def _faces(travel_m, golden):
    """Three empty pick faces (and a reserve bin far away) at the given walks and reach."""
    return BinState(
        ids=[1, 2, 3, 4], names=["F01-01-1L", "F01-13-2L", "F01-01-4L", "R-01"],
        category=["FLOW", "FLOW", "FLOW", "PALLET"], free_volume_m3=[0.25, 0.25, 0.25, 2.0],
        free_weight_kg=[100.0] * 3 + [900.0], max_side_m=[0.9, 0.9, 0.9, 1.2],
        travel_m=travel_m, golden=golden, forward=[True, True, True, False],
    )  # fmt: skip


def test_a_fast_mover_walks_a_few_metres_more_for_a_golden_zone_face():
    # the near faces are at the floor (1L) and above the shoulder (4L); golden is 17 m on
    bins = _faces([5.7, 22.5, 5.7, 80.0], [False, True, False, False])
    plan = suggest(bins, _item(velocity="A"))
    assert plan.bin_id == 2
    assert "golden zone, 17 m farther than F01-01-1L outside the golden zone, for the " \
           "picker's back (class A trades up to 30 m)" in plan.reasons[0]  # fmt: skip
    # a B product trades less: the near low face wins
    assert suggest(bins, _item(velocity="B", product_id=8)).bin_id == 1


def test_when_the_golden_zone_is_too_far_the_reason_says_what_it_would_cost():
    bins = _faces([5.7, 45.0, 5.7, 80.0], [False, True, False, False])
    plan = suggest(bins, _item(velocity="A"))
    assert plan.bin_id == 1
    assert plan.reasons[0] == (
        "F01-01-1L: 6 m from packing, the nearest free golden-zone bin, F01-13-2L, is 39 m "
        "farther: more than the 30 m class A trades for it; fills 40% of its free volume"
    )
    # the warehouse may set its own trade
    assert suggest(bins, _item(velocity="A"), {"A": 50.0}).bin_id == 2


def test_a_face_the_product_already_has_is_topped_up_wherever_it_is():
    bins = BinState(
        ids=[1, 2], names=["F01-01-1L", "F01-13-2L"], category=["FLOW"] * 2,
        free_volume_m3=[0.2, 0.25], free_weight_kg=[100.0] * 2, max_side_m=[0.9] * 2,
        travel_m=[5.7, 22.5], golden=[False, True], forward=[True, True], products=[(7,), ()],
    )  # fmt: skip
    plan = suggest(bins, _item(velocity="A"))
    assert plan.bin_id == 1 and "tops up the same product" in plan.reasons[0]
    assert "golden" not in plan.reasons[0]
