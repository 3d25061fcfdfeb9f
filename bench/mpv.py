"""The published three-dimensional bin packing instances of Martello, Pisinger & Vigo.

"The three-dimensional bin packing problem", Operations Research 48 (2000) 256-267,
generated as the authors' ``test3dbpp.c`` does (a reimplementation, not their code): its
own 48-bit congruential generator (so every machine draws the same numbers), seeded with
``test + n`` for test 1 to 10 of each (class, n), and per box a width, height and depth
drawn in that order.

* Classes 1-5 (bin 100): a box takes the class's own type with probability 6/10 and each
  of the five types with 1/10 (one draw from 1..10: 1-5 is that type, 6-10 the class's);
  type 1 is w in [1, W/2], h in [2H/3, H], d in [2D/3, D]; type 2 and 3 put the short side
  on h and on d; type 4 has every side in [half, full] (its width drawn in [W/2, H], as the
  authors wrote it); type 5 every side in [1, half]. Halves and two thirds are integer
  divisions (2H/3 = 66 for H = 100).
* Classes 6-8 (Berkey & Wang): every side uniform in [1, 10], [1, 35] and [1, 100], in
  bins of 10, 40 and 100.

The generated boxes equal the published instance files (320 of them, n = 50 to 200, as
the authors' generator wrote them) box for box; ``tests/test_mpv_instances.py`` checks
a few.

>>> instance(1, 100, 1)[:3], instance(6, 100, 3)[:2], bin_size(7)
([(34, 94, 83), (8, 74, 93), (23, 70, 91)], [(8, 9, 9), (5, 9, 9)], 40)
"""

from __future__ import annotations

_MASK = 0xFFFFFFFF
#: bin side per class
_BIN = {6: 10, 7: 40, 8: 100}
#: classes 6-8: largest side of a box
_BERKEY_WANG = {6: 10, 7: 35, 8: 100}


class Rand48:
    """The authors' portable ``srand48``/``lrand48``: 32-bit unsigned arithmetic on a high
    and a low half, as in ``test3dbpp.c``."""

    def __init__(self, seed: int) -> None:
        self.high = seed & _MASK
        self.low = 0x330E

    def next(self) -> int:
        """The next draw, 0 to 2^31 - 1."""
        self.high = (self.high * 0xDEECE66D + self.low * 0x5DEEC) & _MASK
        self.low = (self.low * 0xE66D + 0xB) & _MASK
        self.high = (self.high + (self.low >> 16)) & _MASK
        self.low &= 0xFFFF
        return self.high >> 1

    def between(self, lo: int, hi: int) -> int:
        """A draw in [lo, hi], as the authors' ``rint`` (modulo the range)."""
        return self.next() % (hi - lo + 1) + lo


def bin_size(cls: int) -> int:
    """Side of the cubic bin of class ``cls``."""
    return _BIN.get(cls, 100)


def instance(cls: int, n: int, test: int) -> list[tuple[int, int, int]]:
    """Boxes (w, h, d) of test ``test`` (1-10) of class ``cls`` (1-8) with ``n`` boxes."""
    if cls not in range(1, 9) or test not in range(1, 11) or n < 1:
        raise ValueError(f"no published instance: class {cls}, n {n}, test {test}")
    rng = Rand48(test + n)
    side = bin_size(cls)
    return [_box(rng, cls, side) for _ in range(n)]


def _box(rng: Rand48, cls: int, side: int) -> tuple[int, int, int]:
    if cls in _BERKEY_WANG:
        top = _BERKEY_WANG[cls]
        return rng.between(1, top), rng.between(1, top), rng.between(1, top)
    kind = cls
    draw = rng.between(1, 10)
    if draw <= 5:
        kind = draw
    half, two_thirds = side // 2, 2 * side // 3
    small, large, upper = (1, half), (two_thirds, side), (half, side)
    ranges = {
        1: (small, large, large),
        2: (large, small, large),
        3: (large, large, small),
        4: (upper, upper, upper),
        5: (small, small, small),
    }[kind]
    w, h, d = (rng.between(lo, hi) for lo, hi in ranges)
    return w, h, d


#: The authors' own branch and bound (``3dbpp.c`` with ``test3dbpp.c``, general packing,
#: run once on this project's behalf; its code is not part of the project): per (n, class),
#: the lower bound it proved and the bins of the best packing it found, for tests 1-10. For
#: n = 20 every instance was solved to optimality (bound = bins); for n = 50 it ran 5 s of
#: CPU per instance, so its bins are an upper and its bound a lower limit on the optimum.
AUTHORS_BRANCH_AND_BOUND: dict[tuple[int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {
    (20, 1): ((5, 7, 5, 5, 6, 6, 8, 5, 7, 6), (5, 7, 5, 5, 6, 6, 8, 5, 7, 6)),
    (20, 2): ((6, 8, 6, 5, 6, 6, 8, 5, 9, 7), (6, 8, 6, 5, 6, 6, 8, 5, 9, 7)),
    (20, 3): ((6, 6, 5, 5, 7, 6, 8, 5, 7, 5), (6, 6, 5, 5, 7, 6, 8, 5, 7, 5)),
    (20, 4): ((14, 13, 8, 11, 12, 14, 16, 12, 12, 11), (14, 13, 8, 11, 12, 14, 16, 12, 12, 11)),
    (20, 5): ((2, 4, 4, 3, 4, 3, 6, 3, 6, 4), (2, 4, 4, 3, 4, 3, 6, 3, 6, 4)),
    (20, 6): ((7, 6, 3, 6, 5, 6, 6, 5, 5, 5), (7, 6, 3, 6, 5, 6, 6, 5, 5, 5)),
    (20, 7): ((3, 3, 4, 3, 4, 4, 4, 4, 6, 3), (3, 3, 4, 3, 4, 4, 4, 4, 6, 3)),
    (20, 8): ((5, 4, 5, 6, 5, 3, 6, 6, 5, 4), (5, 4, 5, 6, 5, 3, 6, 6, 5, 4)),
    (50, 1): ((13, 13, 14, 10, 12, 11, 15, 16, 10, 11), (15, 14, 15, 12, 12, 12, 16, 17, 12, 11)),
    (50, 2): ((13, 14, 14, 11, 14, 12, 14, 14, 11, 10), (15, 15, 15, 12, 14, 14, 15, 17, 13, 11)),
    (50, 3): ((13, 13, 12, 12, 13, 12, 15, 13, 10, 11), (15, 13, 12, 13, 14, 12, 16, 16, 12, 13)),
    (50, 4): ((24, 28, 34, 32, 35, 28, 27, 30, 27, 27), (27, 28, 34, 32, 35, 28, 28, 30, 27, 27)),
    (50, 5): ((9, 8, 7, 6, 7, 8, 11, 9, 5, 5), (12, 9, 8, 8, 10, 8, 11, 11, 9, 6)),
    (50, 6): ((11, 10, 12, 9, 9, 11, 9, 10, 8, 9), (11, 10, 12, 9, 9, 11, 9, 10, 8, 9)),
    (50, 7): ((10, 5, 5, 6, 8, 6, 8, 5, 5, 9), (10, 7, 9, 6, 8, 9, 11, 8, 8, 12)),
    (50, 8): ((8, 5, 11, 8, 7, 5, 13, 11, 9, 8), (12, 7, 11, 8, 10, 8, 13, 11, 9, 11)),
}
