"""How fast the host runs just now, printed beside each benchmark's figures.

These machines share their host: the same code ran up to twice as slowly from one hour to the next, so a figure
means little without this one. Two timings on one core: a loop of Python arithmetic, and NumPy sorting two
million numbers, which leans on memory and caches as the app's own work does (the loop alone once read as quiet
while `bench/score_million.py` ran at half its speed).
"""

from __future__ import annotations

import time

import numpy as np

LOOP = 3_000_000
SORTED = 2_000_000


def report(when: str) -> None:
    started = time.perf_counter()
    total = 0
    for number in range(LOOP):
        total += number * number
    looped = time.perf_counter() - started
    numbers = np.random.default_rng(7).random(SORTED)
    started = time.perf_counter()
    np.sort(numbers)
    print(f"host speed {when}: {LOOP:,} multiply-adds in {looped * 1000:.0f} ms, "
          f"{SORTED:,} numbers sorted in {(time.perf_counter() - started) * 1000:.0f} ms")
