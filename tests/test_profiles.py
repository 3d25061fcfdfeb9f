"""The planner's most specific policy wins, and the product says which and why."""

from stockops.policy.profiles import ProfileScope, resolve_profile

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
