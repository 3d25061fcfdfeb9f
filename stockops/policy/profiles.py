"""Which policy profile governs a product in a warehouse.

A profile may name products, product categories, ABC (value) classes, XYZ (demand
variability) classes and warehouses. The most specific match wins: a profile naming the
product beats one naming its category, which beats one naming a parent category, which
beats one naming both an ABC and an XYZ class (a cell of the ABC-XYZ matrix, e.g. AX),
which beats one naming only an ABC or only an XYZ class, which beats one naming only the
warehouse, which beats a catch-all profile. Ties go to the lowest sequence. A profile that
names warehouses applies only in those warehouses, and one that names classes only to
products of those classes there.

>>> profiles = [
...     ProfileScope(1, sequence=10),                          # catch-all
...     ProfileScope(2, sequence=20, category_ids=frozenset({7})),
...     ProfileScope(3, sequence=30, product_ids=frozenset({42})),
... ]
>>> resolve_profile(42, (1, 7), 1, profiles)
ProfileChoice(profile_id=3, reason='profile names the product')
>>> resolve_profile(43, (1, 7), 1, profiles).reason
'profile names its category (level 2)'
>>> resolve_profile(44, (1, 9), 1, profiles).profile_id
1
>>> a_items = ProfileScope(4, sequence=40, abc_classes=frozenset({"A"}))
>>> resolve_profile(44, (1, 9), 1, [*profiles, a_items], abc_class="A").reason
'profile names its ABC class (A)'
>>> ax_items = ProfileScope(
...     5, sequence=50, abc_classes=frozenset({"A"}), xyz_classes=frozenset({"X"})
... )
>>> resolve_profile(44, (1, 9), 1, [*profiles, a_items, ax_items], "A", "X").reason
'profile names its ABC-XYZ class (AX)'
>>> resolve_profile(44, (1, 9), 1, [*profiles, a_items, ax_items], "A", "Z").profile_id
4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ProfileScope:
    """Where a profile applies: empty sets mean "not restricted by this"."""

    profile_id: int
    sequence: int = 10
    product_ids: frozenset[int] = field(default_factory=frozenset)
    category_ids: frozenset[int] = field(default_factory=frozenset)
    warehouse_ids: frozenset[int] = field(default_factory=frozenset)
    abc_classes: frozenset[str] = field(default_factory=frozenset)
    xyz_classes: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ProfileChoice:
    """The profile chosen (None: no profile applies) and why."""

    profile_id: int | None
    reason: str


def _specificity(
    scope: ProfileScope,
    product_id: int,
    categ_path: Sequence[int],
    abc_class: str | None,
    xyz_class: str | None,
) -> tuple:
    """Rank of a match, higher is more specific; None when the scope does not match."""
    if scope.product_ids:
        return (5, 0, "profile names the product") if product_id in scope.product_ids else None
    if scope.category_ids:
        # deepest matching category wins: categ_path runs root -> own category
        for depth in range(len(categ_path) - 1, -1, -1):
            if categ_path[depth] in scope.category_ids:
                own = depth == len(categ_path) - 1
                why = "its category" if own else "a parent category"
                return (4, depth, f"profile names {why} (level {depth + 1})")
        return None
    if scope.abc_classes and scope.xyz_classes:
        return (3, 1, f"profile names its ABC-XYZ class ({abc_class}{xyz_class})")
    if scope.abc_classes:
        return (3, 0, f"profile names its ABC class ({abc_class})")
    if scope.xyz_classes:
        return (3, 0, f"profile names its XYZ class ({xyz_class})")
    if scope.warehouse_ids:
        return (2, 0, "profile names the warehouse")
    return (1, 0, "catch-all profile")


def resolve_profile(
    product_id: int,
    categ_path: Sequence[int],
    warehouse_id: int,
    profiles: Sequence[ProfileScope],
    abc_class: str | None = None,
    xyz_class: str | None = None,
) -> ProfileChoice:
    """The most specific profile for ``product_id`` (category path root first; its ABC
    value class and XYZ class in this warehouse, or None when not classified) in
    ``warehouse_id``; see the module docstring for the order."""
    best: tuple | None = None
    for scope in profiles:
        if scope.warehouse_ids and warehouse_id not in scope.warehouse_ids:
            continue
        if scope.abc_classes and abc_class not in scope.abc_classes:
            continue
        if scope.xyz_classes and xyz_class not in scope.xyz_classes:
            continue
        rank = _specificity(scope, product_id, categ_path, abc_class, xyz_class)
        if rank is None:
            continue
        key = (rank[0], rank[1], -scope.sequence, -scope.profile_id)
        if best is None or key > best[0]:
            best = (key, scope.profile_id, rank[2])
    if best is None:
        return ProfileChoice(None, "no profile applies to this product in this warehouse")
    return ProfileChoice(best[1], best[2])
