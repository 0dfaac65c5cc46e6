"""How long ten paper forms of both built-in frameworks take to print (67 statements, nine sectors), and how many
A4 pages they make.

    .venv/bin/python bench/paper_forms.py

Aim: two pages a person, ten forms in under 3 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import host_speed  # beside this script

from assessment.content.framework import builtin_frameworks
from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.reports.paper_form import paper_forms_pdf
from tests.utils.pdf import read_pdf

RUNS = 3


def forms() -> bytes:
    return paper_forms_pdf(title="Board development workshop", partnership="Eastmere Health and Care Partnership",
                           join_code="K7P4QX", frameworks=builtin_frameworks(), sectors=list(STANDARD_SECTOR_GROUPS),
                           numbers=list(range(1, 11)))


def main() -> None:
    host_speed.report("before")
    started = time.perf_counter()
    pdf = forms()
    first = time.perf_counter() - started
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        forms()
        times.append(time.perf_counter() - started)
    print(f"ten forms: first {first:.2f} s (imports included), then median {statistics.median(times):.2f} s over "
          f"{RUNS}; {read_pdf(pdf).pages} A4 pages, {len(pdf) / 1024:.0f} KB")
    host_speed.report("after")


if __name__ == "__main__":
    main()
