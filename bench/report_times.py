"""How long each report format takes to build for the demo's follow-up workshop (Riverbrook against its baseline,
Ham framework, three exemplars): the readiness report as PDF, Word and HTML, the board pack, and the results.

    .venv/bin/python bench/report_times.py

Aims: PDF under 3 s, Word under 2 s, HTML under 1 s (and under 1 MB), PowerPoint under 2 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessment.reports.render import render
from tests.utils.reports import follow_up_report, riverbrook

RUNS = 5


def timed(action) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    size = len(action())
    first = time.perf_counter() - started
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times), size


def main() -> None:
    started = time.perf_counter()
    report = follow_up_report()
    print(f"report model: {(time.perf_counter() - started) * 1000:.0f} ms ({report.participants} people, "
          f"{len(report.principles)} principles, {len(report.exemplar_names)} exemplars, baseline "
          f"{report.baseline.held_on})")
    _, answers = riverbrook()
    for fmt in ("pdf", "docx", "html", "pptx", "xlsx"):
        first, median, size = timed(lambda fmt=fmt: render(report, fmt, responses=answers))
        print(f"{fmt:>5}: first {first:5.2f} s (imports included), then median {median:5.2f} s over {RUNS}; "
              f"{size / 1024:6.0f} KB")


if __name__ == "__main__":
    main()
