"""Profiles: a score per principle under a name — the room, the agreed scores, a sector, an exemplar.

Every radar in the app, the reports and the board pack is drawn from these, and every radar has the
same numbers beside it as a table (`profile_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from pydantic import BaseModel

from assessment.content.exemplar import Exemplar
from assessment.content.framework import Framework
from assessment.numbers import rounded


class Series(BaseModel):
    """One profile on a radar: a name and a score per principle id (None where there is none)."""

    name: str
    scores: dict[str, float | None]
    withheld: list[str] = []  # principle ids left blank because fewer than 3 people of a sector scored them


ROOM = "This room (mean)"
AGREED = "Agreed"


def room_series(means: Mapping[str, float | None]) -> Series:
    """The room's profile: the mean of the answers per principle."""
    return Series(name=ROOM, scores=dict(means))


def agreed_series(framework: Framework, agreed: Mapping[str, int | None]) -> Series:
    """The scores the room agreed in discussion, where it recorded one."""
    return Series(name=AGREED, scores={p.id: None if (score := agreed.get(p.id)) is None else float(score)
                                       for p in framework.principles})


def exemplar_series(exemplar: Exemplar, framework: Framework) -> Series:
    """An exemplar's judged scores on the framework; None where it was not assessed."""
    scores: dict[str, float | None] = {}
    for principle in framework.principles:
        judgement = exemplar.judgement(framework.id, principle.id)
        scores[principle.id] = judgement.score if judgement and judgement.assessed else None
    return Series(name=exemplar.name, scores=scores)


def profile_table(framework: Framework, series: Sequence[Series]) -> pd.DataFrame:
    """The radar's numbers as a table: one row per principle, one column per series."""
    return pd.DataFrame({
        "Principle": [p.name for p in framework.principles],
        **{one.name: [rounded(one.scores.get(p.id)) for p in framework.principles] for one in series},
    })
