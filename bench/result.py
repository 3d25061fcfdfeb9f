"""The closing line every benchmark prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """Our figure and the baseline's, in the same unit (lower is better)."""

    ours: float
    baseline_name: str
    baseline: float
    unit: str

    @property
    def ratio(self) -> float:
        """ours / baseline (infinite when the baseline is 0, NaN when it did not run)."""
        return self.ours / self.baseline if self.baseline else float("inf")

    def line(self, name: str) -> str:
        return (
            f"{name}: ours {self.ours:.4g} {self.unit} | {self.baseline_name} "
            f"{self.baseline:.4g} {self.unit} | ratio {self.ratio:.4g}"
        )
