"""A partnership's profile beside exemplars: the gaps, largest first, and what each exemplar did."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from pydantic import BaseModel

from assessment.content.exemplar import Confidence, Exemplar, ExemplarSource
from assessment.content.framework import Framework
from assessment.numbers import difference

LEVEL_TOLERANCE = 0.25  # within a quarter of a point counts as level with the exemplar


class GapKind(StrEnum):
    behind = "behind"  # the exemplar is ahead: a gap to close
    level = "level"
    ahead = "ahead"
    not_assessed = "exemplar not assessed"  # a gap in our knowledge, not a zero
    no_score = "no partnership score"


class Gap(BaseModel):
    principle: str
    principle_name: str
    exemplar: str
    exemplar_name: str
    partnership_score: float | None
    exemplar_score: int | None
    gap: float | None  # exemplar minus partnership; positive means the exemplar is ahead
    kind: GapKind
    confidence: Confidence | None
    practice: str | None  # what the exemplar did: a prompt for the room
    evidence: str | None
    not_assessed_reason: str | None
    sources: list[ExemplarSource]


_ORDER = {GapKind.behind: 0, GapKind.level: 1, GapKind.ahead: 2, GapKind.no_score: 3, GapKind.not_assessed: 4}


def compare(
    framework: Framework,
    partnership: Mapping[str, float | None],
    exemplars: Sequence[Exemplar],
) -> list[Gap]:
    """Per principle and exemplar, how far the partnership is from the exemplar, largest gaps first.

    `partnership` maps principle ids to the partnership's score (the room's mean or the agreed
    score). Principles an exemplar was not assessed on come last, as gaps in knowledge.
    """
    gaps: list[Gap] = []
    for exemplar in exemplars:
        for principle in framework.principles:
            own = partnership.get(principle.id)
            judgement = exemplar.judgement(framework.id, principle.id)
            assessed = judgement is not None and judgement.assessed
            theirs = judgement.score if judgement is not None else None  # None where it was not assessed
            # from the two scores as printed, so "+1.3" always sits beside 4 and 2.7
            apart = difference(theirs, own)
            if not assessed:
                kind = GapKind.not_assessed
            elif apart is None:
                kind = GapKind.no_score
            elif apart > LEVEL_TOLERANCE:
                kind = GapKind.behind
            elif apart < -LEVEL_TOLERANCE:
                kind = GapKind.ahead
            else:
                kind = GapKind.level
            gaps.append(
                Gap(
                    principle=principle.id,
                    principle_name=principle.name,
                    exemplar=exemplar.id,
                    exemplar_name=exemplar.name,
                    partnership_score=own,
                    exemplar_score=theirs,
                    gap=apart,
                    kind=kind,
                    confidence=judgement.confidence if judgement else None,
                    practice=judgement.practice if judgement else None,
                    evidence=judgement.evidence if judgement else None,
                    not_assessed_reason=(
                        judgement.not_assessed if judgement else f"{exemplar.name} has no judgement on this principle"
                    ),
                    sources=exemplar.cited(judgement.sources) if judgement else [],
                )
            )
    position = {p.id: i for i, p in enumerate(framework.principles)}
    return sorted(gaps, key=lambda g: (_ORDER[g.kind], -(g.gap or 0.0), position[g.principle]))
