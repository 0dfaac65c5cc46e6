"""Progress over time: a place's workshops in order, and whether each change is more than noise.

A principle's score at a workshop is the agreed score where the room recorded one, otherwise the
room's mean. A change counts as real only when it is larger than the room's own spread (the AD of
the answers, in scale points) at both ends; otherwise we say plainly it could be disagreement.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from enum import StrEnum

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.scoring import ScoreResult
from assessment.numbers import number


class Basis(StrEnum):
    agreed = "agreed"
    room = "room mean"


class PrincipleAtWorkshop(BaseModel):
    score: float | None
    basis: Basis | None
    spread: float | None  # AD of the room's answers


class Snapshot(BaseModel):
    """One workshop's profile."""

    workshop_id: int
    title: str
    held_on: datetime.date
    principles: dict[str, PrincipleAtWorkshop]


def snapshot(workshop_id: int, title: str, held_on: datetime.date, result: ScoreResult,
             agreed: Mapping[str, int | None]) -> Snapshot:
    principles = {}
    for p in result.principles:
        own = agreed.get(p.id)
        if own is not None:
            principles[p.id] = PrincipleAtWorkshop(score=float(own), basis=Basis.agreed, spread=p.ad)
        else:
            principles[p.id] = PrincipleAtWorkshop(score=p.mean, basis=Basis.room if p.mean is not None else None,
                                                   spread=p.ad)
    return Snapshot(workshop_id=workshop_id, title=title, held_on=held_on, principles=principles)


class Change(BaseModel):
    principle: str
    name: str
    first: float | None
    last: float | None
    change: float | None
    beyond_spread: bool | None  # None when there is nothing to compare
    in_words: str


def changes(framework: Framework, snapshots: Sequence[Snapshot]) -> list[Change]:
    """First to latest workshop per principle, largest change first."""
    ordered = sorted(snapshots, key=lambda s: (s.held_on, s.workshop_id))
    found = []
    for principle in framework.principles:
        points = [s.principles.get(principle.id) for s in ordered]
        scored = [p for p in points if p is not None and p.score is not None]
        if len(scored) < 2:
            found.append(Change(principle=principle.id, name=principle.name, first=None, last=None, change=None,
                                beyond_spread=None, in_words="Fewer than two workshops scored this principle."))
            continue
        first, last = scored[0], scored[-1]
        difference = last.score - first.score
        spreads = [s for s in (first.spread, last.spread) if s is not None]
        noise = max(spreads) if spreads else None
        beyond = None if noise is None else abs(difference) > noise
        # "up 0.0" says nothing: a change too small to show at one decimal is no change
        moved = "unchanged" if number(abs(difference)) == number(0) else (
            f"{'up' if difference > 0 else 'down'} {number(abs(difference))}")
        if beyond is None:
            words = f"{moved}; too few answers to judge against the room's spread."
        elif beyond:
            words = f"{moved}, more than the room's own spread ({number(noise)}): a real change."
        elif moved == "unchanged":
            words = "unchanged."
        else:
            words = (f"{moved}, within the room's own spread ({number(noise)}): this could be "
                     "disagreement in the room rather than change.")
        found.append(Change(principle=principle.id, name=principle.name, first=first.score, last=last.score,
                            change=difference, beyond_spread=beyond, in_words=words))
    return sorted(found, key=lambda c: -abs(c.change) if c.change is not None else 1)


class Baseline(BaseModel):
    """The workshop a follow-up is compared with: both workshops scored on the statements they share."""

    title: str
    held_on: datetime.date
    then: Snapshot
    now: Snapshot
    note: str | None = None  # when the two ran different versions of the framework, what was left out
