"""How long each report format takes to build for the demo workshop (Riverbrook baseline, Ham framework).

    .venv/bin/python bench/report_times.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessment.content.demo import load_demo  # noqa: E402
from assessment.content.exemplar import builtin_exemplars  # noqa: E402
from assessment.content.framework import builtin_framework  # noqa: E402
from assessment.engine.report import build_report  # noqa: E402
from assessment.reports.render import render  # noqa: E402
from assessment.reports.spreadsheets import results_xlsx  # noqa: E402
from assessment.services.demo import demo_responses  # noqa: E402

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
    demo = load_demo()
    framework = builtin_framework("ham-2015")
    responses = demo_responses(demo.workshops[0], framework.id)
    exemplars = [e for e in builtin_exemplars() if e.id in demo.exemplars]
    started = time.perf_counter()
    report = build_report(framework, responses, partnership=demo.name, exemplars=exemplars)
    print(f"report model: {(time.perf_counter() - started) * 1000:.0f} ms ({report.participants} people, "
          f"{len(report.principles)} principles, {len(exemplars)} exemplars)")
    for fmt in ("pdf", "docx", "html"):
        first, median, size = timed(lambda fmt=fmt: render(report, fmt))
        print(f"{fmt:>5}: first {first:5.2f} s (imports included), then median {median:5.2f} s over {RUNS}; "
              f"{size / 1024:6.0f} KB")
    first, median, size = timed(lambda: results_xlsx(report, responses))
    print(f" xlsx: first {first:5.2f} s, then median {median:5.2f} s over {RUNS}; {size / 1024:6.0f} KB")


if __name__ == "__main__":
    main()
