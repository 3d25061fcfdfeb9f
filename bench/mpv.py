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
