"""Systems within systems: every place's latest profile side by side, and who could learn from whom."""

from __future__ import annotations

import statistics
from collections.abc import Mapping

from pydantic import BaseModel

from assessment.content.framework import Framework

LEARNING_GAP = 1.0  # a point or more between two places is worth a conversation


class PrincipleSpread(BaseModel):
    principle: str
    name: str
    places: int
    lowest: float | None
    highest: float | None
    range: float | None
    sd: float | None


class Pairing(BaseModel):
    principle: str
    name: str
    learn_from: str
    score: float
    learner: str
    learner_score: float


def spreads(framework: Framework, profiles: Mapping[str, Mapping[str, float | None]]) -> list[PrincipleSpread]:
    """Per principle, how far apart the places are (`profiles`: place → principle → score)."""
    found = []
    for principle in framework.principles:
        values = [v for v in (p.get(principle.id) for p in profiles.values()) if v is not None]
        found.append(PrincipleSpread(
            principle=principle.id, name=principle.name, places=len(values),
            lowest=min(values) if values else None, highest=max(values) if values else None,
            range=max(values) - min(values) if values else None,
            sd=statistics.stdev(values) if len(values) >= 2 else None))
    return found


def pairings(framework: Framework, profiles: Mapping[str, Mapping[str, float | None]]) -> list[Pairing]:
    """For each principle, the strongest place paired with every place at least a point behind it."""
    found: list[Pairing] = []
    for principle in framework.principles:
        scored = {place: v for place, p in profiles.items() if (v := p.get(principle.id)) is not None}
        if len(scored) < 2:
            continue
        leader = max(sorted(scored), key=scored.__getitem__)
        found.extend(Pairing(principle=principle.id, name=principle.name, learn_from=leader,
                             score=scored[leader], learner=place, learner_score=scored[place])
                     for place in sorted(scored, key=scored.__getitem__) if scored[leader] - scored[place] >= LEARNING_GAP)
    return sorted(found, key=lambda p: -(p.score - p.learner_score))
