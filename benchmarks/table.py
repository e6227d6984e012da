"""One row of the benchmark table and helpers to time and print it."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    area: str  # e.g. "store", "search"
    figure: str  # what was measured, e.g. "open 10k-phrase store"
    value: float  # measured value in ``unit``
    baseline_name: str  # what the baseline is, e.g. "json.load of the same file"
    baseline: float  # baseline value in ``unit``
    unit: str = "ms"
    target: str = ""  # the goal, in words: "<= 1.5x baseline", "p95 <= 5 ms"

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")


def time_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def render(rows: list[Row]) -> str:
    """A Markdown table (printed by ``python -m benchmarks`` and pasted into docs/BENCHMARKS.md)."""
    head = ("| area | figure | value | baseline | baseline value | ratio | target |\n"
            "|---|---|---|---|---|---|---|")
    lines = [head]
    for r in rows:
        lines.append(
            f"| {r.area} | {r.figure} | {r.value:.3f} {r.unit} | {r.baseline_name} | "
            f"{r.baseline:.3f} {r.unit} | {r.ratio:.2f}x | {r.target} |"
        )
    return "\n".join(lines)
