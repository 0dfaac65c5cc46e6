"""Progress over time: a place's workshops in order, and whether each change is more than chance.

A principle's score at a workshop is the agreed score where the room recorded one, otherwise the room's mean.
A change is judged by its size and by Welch's 95% interval over the people of the two rooms (docs/scoring.md,
section 8): it is **clear** when the interval leaves out no change at all and it is at least a quarter of a point
as printed; **small** when the interval leaves out no change but it is under a quarter of a point; and it **could
be chance** when the interval takes in no change. Changes of level and of the room's verdict are named.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from enum import StrEnum

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.agreement import MIN_PEOPLE, Agreement
from assessment.engine.intervals import Interval, welch_interval
from assessment.engine.scoring import ScoreResult
from assessment.numbers import difference, number, signed

MEANINGFUL = 0.25  # scale points: a smaller change, however sure, is called small


class Basis(StrEnum):
    agreed = "agreed"
    room = "room mean"


class PrincipleAtWorkshop(BaseModel):
    score: float | None
    basis: Basis | None
    people: int  # who had a score for the principle
    sd: float | None  # standard deviation of their principle scores
    level: str | None  # the level the report gave it: the agreed score's, else the mean's (None in two camps)
    agreement: Agreement


class Snapshot(BaseModel):
    """One workshop's profile."""

    workshop_id: int
    title: str
    held_on: datetime.date
    principles: dict[str, PrincipleAtWorkshop]


def snapshot(workshop_id: int, title: str, held_on: datetime.date, result: ScoreResult,
             agreed: Mapping[str, int | None], labels: Mapping[int, str] | None = None) -> Snapshot:
    """`labels` (the scale's) name an agreed score's level; without them the level of the mean is kept."""
    principles = {}
    for p in result.principles:
        own = agreed.get(p.id)
        if own is not None:
            level = labels.get(own) if labels else p.level
            principles[p.id] = PrincipleAtWorkshop(score=float(own), basis=Basis.agreed, people=p.n, sd=p.sd,
                                                   level=level, agreement=p.agreement)
        else:
            principles[p.id] = PrincipleAtWorkshop(score=p.mean, basis=Basis.room if p.mean is not None else None,
                                                   people=p.n, sd=p.sd, level=p.level, agreement=p.agreement)
    return Snapshot(workshop_id=workshop_id, title=title, held_on=held_on, principles=principles)


class Verdict(StrEnum):
    clear = "clear"
    small = "small"
    chance = "could be chance"
    too_few = "too few answers"


class Change(BaseModel):
    principle: str
    name: str
    first: float | None
    last: float | None
    change: float | None  # from the two scores as printed
    interval: Interval | None  # Welch's 95% interval around the change
    verdict: Verdict | None  # None when fewer than two workshops scored it
    in_words: str

    @property
    def real(self) -> bool:
        """A clear change: the one kind the priority rule and the summaries count."""
        return self.verdict is Verdict.clear


def _judged(difference_: float, first: PrincipleAtWorkshop, last: PrincipleAtWorkshop) -> tuple[Verdict,
                                                                                                  Interval | None]:
    if min(first.people, last.people) < MIN_PEOPLE or first.sd is None or last.sd is None:
        return Verdict.too_few, None
    interval = welch_interval(difference_, (first.sd, first.people), (last.sd, last.people))
    if interval is None or not interval.excludes_zero:
        return Verdict.chance, interval
    return (Verdict.clear if abs(difference_) >= MEANINGFUL else Verdict.small), interval


def _what_else_changed(first: PrincipleAtWorkshop, last: PrincipleAtWorkshop) -> list[str]:
    """A change of level or of the room's verdict, in words."""
    found = []
    if first.level and last.level and first.level != last.level:
        found.append(f"from {first.level} to {last.level}")
    elif first.level != last.level and Agreement.two_camps in (first.agreement, last.agreement):
        found.append("no single level at the first workshop" if first.level is None else "no single level now")
    if first.agreement != last.agreement and Agreement.too_few not in (first.agreement, last.agreement):
        was = "in two camps" if first.agreement is Agreement.two_camps else str(first.agreement)
        now = {Agreement.agreed: "now agrees", Agreement.split_room: "is now split",
               Agreement.two_camps: "is now in two camps"}[last.agreement]
        found.append(f"the room, {was} at the first workshop, {now}")
    return found


def _in_words(moved: float, verdict: Verdict, interval: Interval | None, also: list[str]) -> str:
    size = "unchanged" if moved == 0 else f"{'up' if moved > 0 else 'down'} {number(abs(moved))}"
    if verdict is Verdict.too_few:
        words = f"{size}; too few answers at one of the workshops to judge it"
    else:
        around = (f" (95% interval {signed(interval.low)} to {signed(interval.high)})"
                  if interval is not None and interval.freedom is not None and moved != 0 else "")
        judged = {Verdict.clear: f": a clear {'rise' if moved > 0 else 'fall'}",
                  Verdict.small: ": a small change, though more than chance",
                  Verdict.chance: ": this could be chance" if moved != 0 else ""}[verdict]
        words = size + around + judged
    return words + "".join(f"; {part}" for part in also) + "."


def changes(framework: Framework, snapshots: Sequence[Snapshot]) -> list[Change]:
    """First to latest workshop per principle, largest change first."""
    ordered = sorted(snapshots, key=lambda s: (s.held_on, s.workshop_id))
    found = []
    for principle in framework.principles:
        points = [s.principles.get(principle.id) for s in ordered]
        scored = [p for p in points if p is not None and p.score is not None]
        if len(scored) < 2:
            found.append(Change(principle=principle.id, name=principle.name, first=None, last=None, change=None,
                                interval=None, verdict=None, in_words="Fewer than two workshops scored this principle."))
            continue
        first, last = scored[0], scored[-1]
        moved = difference(last.score, first.score)
        assert moved is not None
        verdict, interval = _judged(moved, first, last)
        found.append(Change(principle=principle.id, name=principle.name, first=first.score, last=last.score,
                            change=moved, interval=interval, verdict=verdict,
                            in_words=_in_words(moved, verdict, interval, _what_else_changed(first, last))))
    return sorted(found, key=lambda c: -abs(c.change) if c.change is not None else 1)


class Baseline(BaseModel):
    """The workshop a follow-up is compared with: both workshops scored on the statements they share."""

    title: str
    held_on: datetime.date
    then: Snapshot
    now: Snapshot
    note: str | None = None  # when the two ran different versions of the framework, what was left out
