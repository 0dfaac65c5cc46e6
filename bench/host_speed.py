"""How fast the host runs Python just now, printed beside each benchmark's figures.

These machines share their host: the same code ran up to twice as slowly at one hour as at the one before, so a
figure means little without this one. It times a fixed loop of Python arithmetic on one core.
"""

from __future__ import annotations

import time

LOOP = 3_000_000


def report(when: str) -> None:
    started = time.perf_counter()
    total = 0
    for number in range(LOOP):
        total += number * number
    print(f"host speed {when}: {LOOP:,} multiply-adds in {(time.perf_counter() - started) * 1000:.0f} ms")
