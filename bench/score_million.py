"""How long the scoring engine takes over a million answers, and how much memory it needs.

500 workshops x 40 people x 50 statements (10 principles of 5), 1-5 scale, with 5% "don't know",
3% blank and eight sectors. Prints figures; asserts nothing.

    python bench/score_million.py
"""

from __future__ import annotations

import resource
import statistics
import time

import numpy as np
import pandas as pd

from assessment.content.framework import Framework
from assessment.engine.responses import Responses
from assessment.engine.scoring import score

WORKSHOPS, PEOPLE, PRINCIPLES, PER_PRINCIPLE = 500, 40, 10, 5
SECTORS = ["acute", "community", "primary care", "mental health", "local authority", "VCSE",
           "public health", "patient/public"]


def framework() -> Framework:
    return Framework.model_validate({
        "id": "bench", "title": "Benchmark", "version": 1,
        "source": {"title": "Synthetic", "publisher": "PlaceReady", "year": 2026},
        "scale": {"min": 1, "max": 5, "labels": {i: f"Level {i}" for i in range(1, 6)}},
        "principles": [
            {"id": f"p{p}", "name": f"Principle {p}",
             "statements": [{"id": f"p{p}-{s}", "text": "A statement."} for s in range(PER_PRINCIPLE)]}
            for p in range(PRINCIPLES)
        ],
    })


def responses(workshops: int, rng: np.random.Generator) -> Responses:
    statements = [f"p{p}-{s}" for p in range(PRINCIPLES) for s in range(PER_PRINCIPLE)]
    people = workshops * PEOPLE
    participant = np.repeat([f"w{i // PEOPLE}-p{i % PEOPLE}" for i in range(people)], len(statements))
    statement = np.tile(statements, people)
    value = rng.integers(1, 6, size=participant.size).astype(float)
    kind = rng.random(participant.size)
    dont_know = kind < 0.05
    value[kind < 0.08] = np.nan
    sector = np.repeat(rng.choice(SECTORS, size=people), len(statements))
    return Responses(pd.DataFrame({
        "participant": participant, "statement": statement, "value": value, "dont_know": dont_know,
        "organisation": None, "sector": sector, "comment": None,
    }))


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    rng = np.random.default_rng(2015)
    fw = framework()
    everything = responses(WORKSHOPS, rng)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"answers: {len(everything.table):,} ({WORKSHOPS} workshops x {PEOPLE} people x "
          f"{PRINCIPLES * PER_PRINCIPLE} statements)")
    score(fw, everything)  # warm up imports and caches
    one_call = timed(lambda: score(fw, everything), repeat=5)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"score() over all 1,000,000 answers at once: median {statistics.median(one_call):.3f} s, "
          f"min {min(one_call):.3f} s (5 runs)")
    print(f"peak resident memory: {rss_after / 1024:.0f} MB (before scoring {rss_before / 1024:.0f} MB)")

    workshops = [Responses(group.reset_index(drop=True))
                 for _, group in everything.table.groupby(everything.table.index // (PEOPLE * 50))]
    each = timed(lambda: [score(fw, w) for w in workshops], repeat=3)
    print(f"score() once per workshop, {len(workshops)} workshops of {PEOPLE * 50:,} answers: "
          f"median {statistics.median(each):.2f} s in all, {statistics.median(each) / len(workshops) * 1000:.1f} ms each")


if __name__ == "__main__":
    main()
