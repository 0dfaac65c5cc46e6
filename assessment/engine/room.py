"""What the room sees once results are revealed: scores, answer counts, split statements, sectors.

Plain functions of the framework and the answers, so tests can check them without a browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assessment.content.framework import Framework
from assessment.engine.profiles import Series, room_series
from assessment.engine.responses import Responses
from assessment.engine.scoring import ScoreResult, StatementScore, score
from assessment.engine.sectors import SectorLens, sector_lens

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
    scored = [(s.ad, s) for s in result.statements if s.ad is not None]
    scored.sort(key=lambda item: (-item[0], item[1].rwg if item[1].rwg is not None else 1.0))
    return [s for _, s in scored[:limit]]


@dataclass(frozen=True)
class RoomResults:
    result: ScoreResult
    distribution: pd.DataFrame
    most_split: list[StatementScore]
    lens: SectorLens  # sectors (or wider groups) with enough people to show, and what was left out

    @property
    def room(self) -> Series:
        return room_series({p.id: p.mean for p in self.result.principles})


def room_results(framework: Framework, responses: Responses, groups: Mapping[str, str] | None = None) -> RoomResults:
    result = score(framework, responses)
    return RoomResults(result, answer_distribution(framework, responses), most_split(result),
                       sector_lens(framework, responses, result, groups))
