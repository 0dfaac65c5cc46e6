"""One principle in the spotlight: what the projector shows while the room discusses it.

How people answered each of its statements, whether the room agrees (in words), how sectors see it, the
anonymous comments, the framework's questions for the room, what the chosen exemplars did, the agreed
score, and the second vote beside the first where there was one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from pydantic import BaseModel

from assessment.content.exemplar import Exemplar
from assessment.content.framework import Framework, Principle
from assessment.engine.agreement import Agreement
from assessment.engine.camps import camps_in_words
from assessment.engine.responses import Responses
from assessment.engine.rounds import RoundComparison
from assessment.engine.scoring import PrincipleScore, ScoreResult
from assessment.engine.sectors import SectorLens
from assessment.numbers import number


class StatementCounts(BaseModel):
    statement_id: str
    text: str
    counts: list[int]  # people per scale point, lowest first
    dont_know: int


class ExemplarPractice(BaseModel):
    name: str
    score: int
    confidence: str | None
    practice: str | None


class Spotlight(BaseModel):
    framework_id: str
    principle_id: str
    name: str
    summary: str | None
    scale: list[str]  # "1 Not yet in place", …
    mean: float | None
    level: str | None
    agreement: Agreement
    agreement_in_words: str
    statements: list[StatementCounts]
    lens: list[tuple[str, float]]  # sector or group (people) → its mean on this principle
    lens_note: str | None
    comments: list[str]
    prompts: list[str]
    exemplars: list[ExemplarPractice]
    agreed: str | None  # "3 · Developing"
    second_round: RoundComparison | None


def statement_counts(framework: Framework, principle: Principle, responses: Responses) -> list[StatementCounts]:
    """How many people gave each answer to each of the principle's statements."""
    table = responses.table
    found = []
    for statement in principle.statements:
        answers = table[table["statement"] == statement.id]
        values = answers["value"].to_numpy()
        found.append(StatementCounts(statement_id=statement.id, text=statement.text,
                                     counts=[int(np.sum(values == point)) for point in framework.scale.points],
                                     dont_know=int(answers["dont_know"].sum())))
    return found


def agreement_in_words(scored: PrincipleScore, labels: Mapping[int, str]) -> str:
    """The verdict as a board member would say it."""
    if scored.agreement is Agreement.too_few:
        return "Too few answers to say whether the room agrees."
    if scored.camps is not None:
        return f"The room is in two camps: {camps_in_words(scored.camps, labels)}."
    outside = round((scored.outside_share or 0) * scored.n)
    if scored.agreement is Agreement.agreed:
        return (f"The room broadly agrees: {scored.n - outside} of {scored.n} people are within a point of the "
                f"middle view ({number(scored.median)}).")
    return (f"The room is split: {outside} of {scored.n} people are more than a point from the middle view "
            f"({number(scored.median)}), or views are widely spread (AD {number(scored.ad, 2)}).")


def spotlight(framework: Framework, principle_id: str, *, responses: Responses, result: ScoreResult,
              lens: SectorLens, comments: Sequence[str], exemplars: Sequence[Exemplar], agreed: int | None,
              second_round: RoundComparison | None) -> Spotlight:
    principle = next(p for p in framework.principles if p.id == principle_id)
    scored = result.principle(principle_id)
    practices = []
    for exemplar in exemplars:
        judgement = exemplar.judgement(framework.id, principle_id)
        if judgement is not None and judgement.assessed:
            practices.append(ExemplarPractice(name=exemplar.name, score=judgement.score,
                                              confidence=str(judgement.confidence) if judgement.confidence else None,
                                              practice=judgement.practice))
    return Spotlight(
        framework_id=framework.id, principle_id=principle_id, name=principle.name, summary=principle.summary,
        scale=[f"{point} {label}" for point, label in framework.scale.labels.items()],
        mean=scored.mean, level=scored.level, agreement=scored.agreement,
        agreement_in_words=agreement_in_words(scored, framework.scale.labels),
        statements=statement_counts(framework, principle, responses),
        lens=[(series.name, value) for series in lens.series
              if (value := series.scores.get(principle_id)) is not None],
        lens_note=lens.in_words, comments=list(comments), prompts=list(principle.prompts), exemplars=practices,
        agreed=None if agreed is None else f"{agreed} · {framework.scale.labels[agreed]}",
        second_round=second_round)
