"""The planner's most specific policy wins, and the product says which and why."""

from stockops.policy.profiles import ProfileChoice, ProfileScope, resolve_profile

WAREHOUSE, OTHER = 1, 2


def test_product_profile_beats_category_and_catch_all():
    scopes = [
        ProfileScope(1),
        ProfileScope(2, category_ids=frozenset({10})),
        ProfileScope(3, product_ids=frozenset({99})),
    ]
    assert resolve_profile(99, (1, 10), WAREHOUSE, scopes).profile_id == 3


def test_deeper_category_beats_parent_category():
    scopes = [ProfileScope(1, category_ids=frozenset({1})), ProfileScope(2, category_ids={10})]
    choice = resolve_profile(5, (1, 10), WAREHOUSE, scopes)
    assert choice.profile_id == 2
    assert "its category" in choice.reason


def test_warehouse_restriction_is_respected():
    scopes = [ProfileScope(1, warehouse_ids=frozenset({OTHER}), product_ids=frozenset({5}))]
    choice = resolve_profile(5, (1,), WAREHOUSE, scopes)
    assert choice.profile_id is None
    assert "no profile" in choice.reason


def test_ties_go_to_the_lowest_sequence():
    scopes = [ProfileScope(7, sequence=20), ProfileScope(8, sequence=5)]
    assert resolve_profile(5, (1,), WAREHOUSE, scopes).profile_id == 8


def test_abc_class_profile_beats_warehouse_but_not_category():
    by_class = ProfileScope(5, abc_classes=frozenset({"A", "B"}))
    by_warehouse = ProfileScope(6, warehouse_ids=frozenset({1}))
    by_category = ProfileScope(7, category_ids=frozenset({9}))
    scopes = [by_class, by_warehouse, by_category]
    assert resolve_profile(1, (1, 2), 1, scopes, abc_class="B").profile_id == 5
    assert resolve_profile(1, (1, 2), 1, scopes, abc_class="C").profile_id == 6
    assert resolve_profile(1, (1, 2), 1, scopes).profile_id == 6
    assert resolve_profile(1, (1, 9), 1, scopes, abc_class="A").profile_id == 7


def test_an_abc_xyz_cell_beats_a_single_class_and_needs_both_classes():
    ax = ProfileScope(1, sequence=30, abc_classes=frozenset({"A"}), xyz_classes=frozenset({"X"}))
    a_only = ProfileScope(2, sequence=10, abc_classes=frozenset({"A"}))
    z_only = ProfileScope(3, sequence=20, xyz_classes=frozenset({"Z"}))
    catch_all = ProfileScope(4, sequence=40)
    scopes = [ax, a_only, z_only, catch_all]
    steady_a = resolve_profile(1, (1,), WAREHOUSE, scopes, "A", "X")
    assert steady_a == ProfileChoice(1, "profile names its ABC-XYZ class (AX)")
    # one class each: the lower sequence decides between the ABC and the XYZ profile
    assert resolve_profile(1, (1,), WAREHOUSE, scopes, "A", "Z").profile_id == 2
    erratic_c = resolve_profile(1, (1,), WAREHOUSE, scopes, "C", "Z")
    assert erratic_c == ProfileChoice(3, "profile names its XYZ class (Z)")
    # not classified (no demand history yet): only the catch-all applies
    assert resolve_profile(1, (1,), WAREHOUSE, scopes).profile_id == 4
