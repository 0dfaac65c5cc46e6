"""What the room view shows beyond the scores: answer distributions, split statements, sector profiles.

Plain functions of the framework, the answers and the score, so tests can check them without a browser.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from assessment.pages.charts import Series
from assessment.content.framework import Framework
from assessment.engine.responses import Responses
from assessment.engine.scoring import ScoreResult, StatementScore

DONT_KNOW_LABEL = "Don't know"


def answer_distribution(framework: Framework, responses: Responses) -> pd.DataFrame:
    """How many people gave each answer to each statement, in the framework's order.

    Columns: Statement, one per scale label ("1 Not yet in place" …), Don't know.
    """
    table = responses.table
    labels = [f"{point} {framework.scale.labels[point]}" for point in framework.scale.points]
    rows = []
    for statement in framework.statements:
        answers = table[table["statement"] == statement.id]
        values = answers["value"].to_numpy()
        counts = [int(np.sum(values == point)) for point in framework.scale.points]
        rows.append([statement.text, *counts, int(answers["dont_know"].sum())])
    return pd.DataFrame(rows, columns=["Statement", *labels, DONT_KNOW_LABEL])


def most_split(result: ScoreResult, *, limit: int = 5) -> list[StatementScore]:
    """The statements where answers differ most (largest average deviation), at least two answers each."""
    scored = [s for s in result.statements if s.ad is not None]
    return sorted(scored, key=lambda s: (-s.ad, s.rwg if s.rwg is not None else 1.0))[:limit]


MIN_SECTOR_SIZE = 3  # fewer people than this and a sector's scores would give away who said what


def sector_sizes(responses: Responses) -> dict[str, int]:
    """People per sector, each counted once under the first sector they gave (as the scoring engine does)."""
    first = responses.table.dropna(subset=["sector"]).groupby("participant", sort=False)["sector"].first()
    return {str(sector): int(count) for sector, count in first.value_counts().sort_index().items()}


def sector_series(result: ScoreResult, responses: Responses) -> tuple[list[Series], list[str]]:
    """One radar series per sector with enough people to stay anonymous, and the sectors left out."""
    sizes = sector_sizes(responses)
    shown = [Series(f"{sector} ({sizes[sector]})", scores) for sector, scores in sorted(result.by_sector.items())
             if sizes.get(sector, 0) >= MIN_SECTOR_SIZE]
    hidden = [sector for sector in sorted(result.by_sector) if sizes.get(sector, 0) < MIN_SECTOR_SIZE]
    return shown, hidden
