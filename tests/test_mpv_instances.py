"""The cartonization bench's instances are the published ones: boxes equal to the files the
authors' generator wrote, and the bound L2 averaging what the literature's tables report."""

import pytest

from bench.mpv import bin_size, instance
from stockops.execution.cartonize.bounds import l2_fixed_orientation


@pytest.mark.parametrize(
    ("cls", "n", "test", "first", "boxes"),
    [
        (1, 100, 1, 0, [(34, 94, 83), (8, 74, 93), (23, 70, 91)]),
        (2, 200, 7, 2, [(44, 91, 69), (92, 38, 81), (95, 51, 61)]),
        (4, 150, 10, 0, [(67, 76, 42), (73, 53, 58), (78, 57, 62)]),
        (5, 50, 10, 0, [(7, 23, 48), (5, 36, 49), (7, 95, 73)]),
        (6, 100, 3, 0, [(8, 9, 9), (5, 9, 9), (6, 3, 1)]),
        (8, 50, 1, 0, [(46, 39, 75), (27, 21, 61), (94, 81, 35)]),
    ],
)
def test_boxes_are_those_of_the_published_instance_files(cls, n, test, first, boxes):
    assert instance(cls, n, test)[first : first + len(boxes)] == boxes


@pytest.mark.parametrize(
    ("n", "averages"),
    [
        (50, [12.5, 12.7, 12.3, 28.7, 7.3, 8.7, 6.3, 8.0]),
        (100, [25.1, 24.1, 24.7, 57.6, 12.9, 17.5, 10.9, 17.5]),
    ],
)
def test_l2_averages_what_the_literature_reports(n, averages):
    got = []
    for cls in range(1, 9):
        side = bin_size(cls)
        bounds = [l2_fixed_orientation(instance(cls, n, t), (side,) * 3) for t in range(1, 11)]
        got.append(sum(bounds) / 10)
    assert got == pytest.approx(averages)


def test_no_such_instance_is_a_clear_error():
    with pytest.raises(ValueError, match="no published instance: class 9"):
        instance(9, 50, 1)
