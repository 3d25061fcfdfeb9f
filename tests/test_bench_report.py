"""The bench table is written from the saved results, never by hand."""

from __future__ import annotations

import math

from bench import report
from bench.result import Result


def test_a_saved_run_becomes_a_row_of_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "RESULTS", tmp_path / "results")
    monkeypatch.setattr(report, "REPORT", tmp_path / "README.md")
    report.save("travel", "large", Result(2.0, "scalar-loop", 26.0, "ms"), "Walking distance")
    report.save("travel", "default", Result(1.0, "scalar-loop", 10.0, "ms"), "Walking distance")
    report.save("policy", "large", Result(1.6, "statsforecast", math.nan, "s"), "Forecasts")
    text = report.write_report()
    assert (tmp_path / "README.md").read_text() == text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert [row.split("|")[1].strip() for row in rows] == ["`policy`", "`travel`", "`travel`"]
    assert "| default |" in rows[1] and "| large |" in rows[2], "sizes small to large"
    assert "statsforecast: n/a | n/a |" in rows[0], "a baseline that did not run"
    assert "| 2 ms | scalar-loop: 26 ms | 0.0769 |" in rows[2]


def test_what_a_bench_measures_is_its_docstring_first_sentence():
    import bench.travel

    assert report.measures(bench.travel).startswith("Walking distance from the pack station")
    assert "." not in report.measures(bench.travel)
