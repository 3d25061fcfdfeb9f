"""Cartonization: fewest cartons then least volume, every unit inside one carton exactly
once, no overlaps, no carton over weight, this-side-up/fragile/do-not-mix kept, and an
item no carton takes reported with its reason instead of dropped."""

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from stockops.execution.cartonize import (
    CartonType,
    Item,
    PackedCarton,
    Packing,
    Placement,
    cartonize,
    lower_bound_cartons,
    verify,
)
from stockops.scenario import CARTON_TYPES

SMALL = CartonType("S", 200, 200, 100, max_gross_kg=20.0, tare_kg=0.2)
MEDIUM = CartonType("M", 200, 200, 200, max_gross_kg=20.0, tare_kg=0.4)
#: the demo warehouse's parcel cartons (not the pallets), in mm
PARCELS = [
    CartonType(c.code, c.length_m * 1000, c.width_m * 1000, c.height_m * 1000,
               max_gross_kg=c.max_gross_kg, tare_kg=c.tare_kg, cost=c.cost)
    for c in CARTON_TYPES
    if not c.code.startswith("PLT")
]  # fmt: skip


def cube(n, kg=1.0, **flags):
    return Item("CUBE", n, 100, 100, 100, kg, **flags)


def test_four_cubes_take_the_small_carton_five_the_medium_one():
    four = cartonize([cube(4)], [MEDIUM, SMALL])
    assert [(c.carton.name, c.units) for c in four.cartons] == [("S", 4)]
    assert four.shipped_volume_m3 == pytest.approx(0.004)
    assert four.gross_kg == pytest.approx(4.2)
    five = cartonize([cube(5)], [MEDIUM, SMALL])
    # one medium carton (1 carton) beats a small and a medium or two smalls (2 cartons)
    assert [(c.carton.name, c.units) for c in five.cartons] == [("M", 5)]
    assert five.cartons[0].fill_ratio == pytest.approx(5 / 8)
    nine = cartonize([cube(9)], [MEDIUM, SMALL])
    # 8 fill the medium, the ninth goes in the smaller carton
    assert sorted((c.carton.name, c.units) for c in nine.cartons) == [("M", 8), ("S", 1)]
    assert nine.shipped_volume_m3 == pytest.approx(0.012)
    for packing, items in ((four, [cube(4)]), (five, [cube(5)]), (nine, [cube(9)])):
        assert verify(packing, items) == ()


def test_weight_limits_the_units_per_carton():
    # 19.6 kg payload in the medium carton: three 6 kg cubes, not eight
    items = [cube(7, kg=6.0)]
    packing = cartonize(items, [MEDIUM])
    assert [c.units for c in packing.cartons] == [3, 3, 1]
    assert all(c.gross_kg <= MEDIUM.max_gross_kg for c in packing.cartons)
    assert packing.gross_kg == pytest.approx(42.0 + 3 * 0.4)
    assert lower_bound_cartons(items, [MEDIUM]).cartons == 3
    assert verify(packing, items) == ()


def test_item_larger_than_every_carton_comes_back_with_the_reason():
    roll = Item("ROLL", 2, 1200, 300, 300, 4.0)
    packing = cartonize([roll, cube(1)], [SMALL, MEDIUM])
    assert [c.units for c in packing.cartons] == [1]
    [left] = packing.unpackable
    assert (left.item, left.qty) == (roll, 2)
    assert left.reason == (
        "item ROLL 1200x300x300 mm fits no carton type: largest is M 200x200x200 mm"
    )
    assert "for a manual carton: 2 x item ROLL" in packing.reason
    assert verify(packing, [roll, cube(1)]) == ()


def test_too_heavy_for_any_carton_is_unpackable_with_the_weights():
    anvil = Item("ANVIL", 1, 150, 100, 100, 25.0)
    [left] = cartonize([anvil], [SMALL, MEDIUM]).unpackable
    assert left.reason == (
        "item ANVIL 150x100x100 mm weighs 25 kg, more than any carton carries: the most is "
        "19.8 kg in S"
    )


def test_this_side_up_item_is_not_laid_down():
    # 250 mm tall: it fits the 300x300x100 carton only lying down
    flat = CartonType("FLAT", 300, 300, 100, max_gross_kg=10.0)
    vase = Item("VASE", 1, 90, 90, 250, 1.0, this_side_up=True)
    [left] = cartonize([vase], [flat]).unpackable
    assert left.reason.endswith(
        ", kept upright fits no carton type: largest is FLAT 300x300x100 mm"
    )
    lying = cartonize([Item("VASE", 1, 90, 90, 250, 1.0)], [flat])
    assert lying.carton_count == 1 and lying.cartons[0].placements[0].dz_mm == 90
    box = CartonType("TALL", 300, 300, 300, max_gross_kg=10.0)
    [carton] = cartonize([vase], [box]).cartons
    assert carton.placements[0].dz_mm == 250


def test_nothing_goes_on_top_of_a_fragile_unit():
    # two 100 mm cubes stacked would fit a 100x100x200 tower; a fragile one cannot
    # carry the other, so the fragile one goes on top
    tower = CartonType("T", 100, 100, 200, max_gross_kg=10.0)
    items = [
        Item("GLASS", 1, 100, 100, 100, 0.5, fragile=True),
        Item("BRICK", 1, 100, 100, 100, 2.0),
    ]
    [carton] = cartonize(items, [tower]).cartons
    top = max(carton.placements, key=lambda p: p.z_mm)
    assert top.product_id == "GLASS" and top.z_mm == 100
    two_fragile = [Item("GLASS", 2, 100, 100, 100, 0.5, fragile=True)]
    assert cartonize(two_fragile, [tower]).carton_count == 2


def test_do_not_mix_product_gets_cartons_of_its_own():
    items = [cube(2), Item("BLEACH", 2, 100, 100, 100, 1.0, do_not_mix=True)]
    packing = cartonize(items, [MEDIUM])
    contents = sorted(sorted({str(p.product_id) for p in c.placements}) for c in packing.cartons)
    assert contents == [["BLEACH"], ["CUBE"]]
    assert "do-not-mix BLEACH packed alone" in " ".join(c.reason for c in packing.cartons)
    assert verify(packing, items) == ()


def test_nothing_to_pack_and_bad_input():
    empty = cartonize([], [SMALL])
    assert (empty.carton_count, empty.cartons, empty.unpackable) == (0, (), ())
    with pytest.raises(ValueError, match="no carton types"):
        cartonize([cube(1)], [])
    with pytest.raises(ValueError, match="listed twice"):
        cartonize([cube(1)], [SMALL, SMALL])
    with pytest.raises(ValueError, match="positive whole number"):
        Item("X", 0, 1, 1, 1, 1.0)
    with pytest.raises(ValueError, match="positive"):
        Item("X", 1, -5, 1, 1, 1.0)
    with pytest.raises(ValueError, match="weight"):
        Item("X", 1, 5, 1, 1, -1.0)
    with pytest.raises(ValueError, match="leaves nothing"):
        CartonType("C", 100, 100, 100, max_gross_kg=0.5, tare_kg=0.5)
    with pytest.raises(ValueError, match="tare"):
        CartonType("C", 100, 100, 100, max_gross_kg=5.0, tare_kg=float("nan"))


def test_sizes_are_rounded_on_the_safe_side():
    # 100.2 mm goes up to 101: two of them no longer fit a 200 mm carton side by side
    items = [Item("A", 2, 100.2, 200, 200, 1.0)]
    carton = CartonType("C", 200.9, 200, 200, max_gross_kg=10.0)
    assert cartonize(items, [carton]).carton_count == 2


def _packed(carton, *placements):
    kg = sum(p.item.weight_kg for p in placements)
    vol = sum(p.item.volume_mm3 for p in placements)
    pc = PackedCarton(carton, placements, vol / carton.volume_mm3, kg + carton.tare_kg, "")
    return Packing((pc,), (), 1, carton.volume_mm3 / 1e9, pc.gross_kg, 0.0, "")


def test_verify_catches_what_a_bad_packing_breaks():
    item = Item("A", 2, 100, 100, 100, 12.0)
    inside = Placement(item, 0, 0, 0, 100, 100, 100)
    overlapping = Placement(item, 50, 0, 0, 100, 100, 100)
    outside = Placement(item, 150, 0, 0, 100, 100, 100)
    problems = verify(_packed(MEDIUM, inside, overlapping), [item])
    assert any("overlaps" in p for p in problems)
    assert any("over its payload" in p for p in problems)  # 24 kg in a 19.6 kg payload
    assert any("sticks out" in p for p in verify(_packed(MEDIUM, outside), [item]))
    assert any("2 units ordered, 1 placed" in p for p in verify(_packed(MEDIUM, inside), [item]))
    upright = Item("U", 1, 100, 100, 150, 1.0, this_side_up=True)
    laid = Placement(upright, 0, 0, 0, 150, 100, 100)
    assert any("on its side" in p for p in verify(_packed(MEDIUM, laid), [upright]))
    fixed = Item("K", 1, 150, 100, 80, 1.0, keep_orientation=True)
    turned = Placement(fixed, 0, 0, 0, 100, 150, 80)
    assert any("may not turn" in p for p in verify(_packed(MEDIUM, turned), [fixed]))
    glass = Item("G", 1, 100, 100, 50, 1.0, fragile=True)
    below = Placement(glass, 0, 0, 0, 100, 100, 50)
    on_glass = verify(_packed(MEDIUM, below, Placement(item, 50, 50, 50, 100, 100, 100)))
    assert any("above fragile G" in p for p in on_glass)


items_strategy = st.lists(
    st.builds(
        Item,
        st.sampled_from(["P1", "P2", "P3", "P4", "P5"]),
        st.integers(1, 8),
        st.integers(10, 700),
        st.integers(10, 450),
        st.integers(5, 350),
        st.floats(0.0, 12.0),
        this_side_up=st.booleans(),
        fragile=st.booleans(),
        do_not_mix=st.booleans(),
        keep_orientation=st.booleans(),
    ),
    max_size=6,
)


@settings(max_examples=120, deadline=None)
@given(items_strategy)
def test_every_packing_verifies_and_respects_the_bound(items):
    packing = cartonize(items, PARCELS)
    assert verify(packing, items) == ()
    for carton in packing.cartons:
        size = carton.carton.dims_mm
        assert carton.gross_kg <= carton.carton.max_gross_kg + 1e-6
        for p in carton.placements:
            assert min(p.x_mm, p.y_mm, p.z_mm) >= 0
            assert p.x_mm + p.dx_mm <= size[0] and p.y_mm + p.dy_mm <= size[1]
            assert p.z_mm + p.dz_mm <= size[2]
            if p.item.this_side_up:
                assert p.dz_mm == p.item.height_mm
            if p.item.keep_orientation:
                assert p.dims_mm == p.item.dims_mm
    placed = sum(c.units for c in packing.cartons) + sum(u.qty for u in packing.unpackable)
    assert placed == sum(it.qty for it in items)
    assert packing.carton_count >= lower_bound_cartons(items, PARCELS).cartons
    for left in packing.unpackable:
        assert cartonize([left.item], PARCELS).carton_count == 0


@settings(max_examples=40, deadline=None)
@given(items_strategy)
def test_same_order_same_cartons(items):
    first, second = cartonize(items, PARCELS), cartonize(items, PARCELS)
    assert first == second
    assert (
        cartonize(list(reversed(items)), PARCELS).carton_count
        >= lower_bound_cartons(items, PARCELS).cartons
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 100), st.integers(1, 100), st.integers(1, 100)),
                min_size=1, max_size=30))  # fmt: skip
@example(dims=[(34, 34, 34), (66, 66, 66)])  # 1 - 0.34 < 0.66 in floating point
def test_cubes_of_one_bin_never_beat_the_lower_bound(dims):
    items = [Item(f"i{k}", 1, *d, 1.0) for k, d in enumerate(dims)]
    bin_ = CartonType("B", 100, 100, 100, max_gross_kg=1e6)
    packing = cartonize(items, [bin_])
    assert verify(packing, items) == ()
    bound = lower_bound_cartons(items, [bin_])
    assert bound.cartons <= packing.carton_count <= len(items)
    assert bound.by_volume == -(-sum(a * b * c for a, b, c in dims) // 100**3)


@pytest.mark.parametrize("size", [math.inf, -math.inf, math.nan])
def test_an_item_of_infinite_or_nan_size_is_refused_with_a_sentence(size):
    with pytest.raises(ValueError, match="item X length must be a finite number of millimetres"):
        Item("X", 1, size, 100, 100, 1.0)
    with pytest.raises(ValueError, match="carton C inner height must be a finite number"):
        CartonType("C", 100, 100, size, max_gross_kg=10.0)


def test_an_infinite_weight_is_refused_even_for_an_unlimited_carton():
    with pytest.raises(ValueError, match="item X: weight must be a finite number of kilograms"):
        Item("X", 1, 100, 100, 100, math.inf)
    unlimited = CartonType("U", 200, 200, 200, max_gross_kg=math.inf)
    assert cartonize([Item("X", 2, 100, 100, 100, 1e6)], [unlimited]).carton_count == 1


def test_a_nan_weight_is_called_what_it_is_not_negative():
    with pytest.raises(ValueError, match="weight must be a finite number of kilograms, not nan"):
        Item("X", 1, 100, 100, 100, math.nan)
    with pytest.raises(ValueError, match="max gross weight must be a number of kilograms"):
        CartonType("C", 100, 100, 100, max_gross_kg=math.nan)
    with pytest.raises(ValueError, match="tare must be a finite number"):
        CartonType("C", 100, 100, 100, max_gross_kg=5.0, tare_kg=math.inf)


def test_an_item_that_keeps_its_orientation_is_never_turned():
    # 250 mm long: it only fits the 300 mm carton lengthwise, and may not be stood up
    long_box = Item("SIGN", 2, 250, 90, 40, 0.5, keep_orientation=True)
    carton = CartonType("C", 300, 100, 100, max_gross_kg=10.0)
    packing = cartonize([long_box], [carton])
    assert all(p.dims_mm == (250, 90, 40) for c in packing.cartons for p in c.placements)
    assert packing.carton_count == 1 and verify(packing, [long_box]) == ()
    narrow = CartonType("N", 100, 300, 100, max_gross_kg=10.0)
    [left] = cartonize([long_box], [narrow]).unpackable
    assert left.reason.startswith("item SIGN 250x90x40 mm, not turned fits no carton type")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 100), st.integers(1, 100), st.integers(1, 100)),
                min_size=1, max_size=25), st.booleans())  # fmt: skip
def test_the_bound_never_exceeds_a_verified_packing_turned_or_not(dims, turn):
    items = [Item(f"i{k}", 1, *d, 1.0, keep_orientation=not turn) for k, d in enumerate(dims)]
    bin_ = CartonType("B", 100, 100, 100, max_gross_kg=1e6)
    packing = cartonize(items, [bin_])
    assert verify(packing, items) == ()
    bound = lower_bound_cartons(items, [bin_])
    assert max(bound.by_scales, bound.by_l2) <= bound.cartons <= packing.carton_count
