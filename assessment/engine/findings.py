"""Which principles matter most, and how soon: the rule in docs/recommendations.md.

The rule reads, per principle, what the report already shows — its level, whether the room was split, the
share of "don't know", the largest gap between sectors, the gap to the chosen exemplars and, at a follow-up,
the movement since the baseline — and gives it points. A principle most people cannot judge is not scored
at all: finding out where it stands is the priority, and its level is never read as a weakness. A principle the
room is in two camps about, with no agreed score, has no level either: settling the difference comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.agreement import MIN_PEOPLE, Agreement
from assessment.engine.camps import camps_in_words, settle_steps
from assessment.engine.progress import Change
from assessment.engine.scoring import Camps
from assessment.numbers import difference, number, percent

FIND_OUT_SHARE = 0.5  # half the answers "don't know" or more: most people cannot judge the principle
DONT_KNOW_SHARE = 0.25  # a quarter or more: part of the partnership cannot see the work
LEVEL_POINTS = 4  # a principle at the bottom of the scale earns this many; one at the top none
SPLIT_POINTS = 2
SECTOR_GAP, WIDE_SECTOR_GAP = 1.0, 2.0  # scale points between two sectors' means: 1 point, then 2 points
EXEMPLAR_GAP = 1.0  # a chosen exemplar a point or more ahead
FELL_POINTS, ROSE_POINTS = 2, -1  # since the baseline, a clear change (assessment.engine.progress)
PRIORITIES = 3
PRIORITY_POINTS = 3  # fewer points than this is not a priority, however the rest rank


class Horizon(StrEnum):
    now = "next 3 months"
    soon = "next 6 months"
    later = "next 12 months"


class Kind(StrEnum):
    settle = "settle first"  # the room is in two camps and agreed no score: no level to act on yet
    find_out = "find out"  # most people could not judge it
    priority = "priority"  # one of the three with most points
    build = "build"  # points enough to plan for, not among the three
    sustain = "sustain"  # few points: keep it where it is and build on it


class SectorGap(BaseModel):
    """The two sectors furthest apart on a principle, named with how many people each has."""

    highest: str
    high: float
    lowest: str
    low: float

    @property
    def gap(self) -> float:
        """From the two means as printed, so the words never say 2.0 apart beside 3.7 and 1.6."""
        return difference(self.high, self.low) or 0.0


class ExemplarLead(BaseModel):
    exemplar: str
    score: int
    gap: float
    practice: str | None  # what the exemplar did


class Evidence(BaseModel):
    """What the rule reads about one principle."""

    principle: str
    name: str
    mean: float | None
    n: int
    agreement: Agreement
    outside_share: float | None
    ad: float | None
    dont_know: float | None
    level: int | None  # the agreed score where recorded, else the scale point nearest the mean (None in two camps)
    agreed: bool
    camps: Camps | None = None  # where the room is in two camps
    sector_gap: SectorGap | None  # the largest, between sectors with enough people to show
    exemplar_lead: ExemplarLead | None  # the chosen exemplar furthest ahead, where one is
    change: Change | None  # since the baseline, at a follow-up


class Priority(BaseModel):
    principle: str
    name: str
    kind: Kind
    points: int | None  # None for a principle to find out about
    horizon: Horizon
    reasons: list[str]  # the figures behind it, in sentences
    headline: str  # the main reason in a few words, for the summary and the board pack
    first_steps: list[str]  # what the rule itself asks for before the framework's steps: finding out, hearing a split


def _level_points(framework: Framework, level: int) -> int:
    """Quarters of the scale between the level and the top: 4 at the bottom, 0 at the top (one per level on 1–5)."""
    scale = framework.scale
    return round(LEVEL_POINTS * (scale.max - level) / (scale.max - scale.min))


def _cannot_judge(evidence: Evidence) -> bool:
    return evidence.n < MIN_PEOPLE or (evidence.dont_know or 0) >= FIND_OUT_SHARE


def _to_settle(evidence: Evidence) -> bool:
    return evidence.camps is not None and not evidence.agreed


FIND_OUT_STEPS = [
    ("Ask the people who answered “don't know” what they would need to see to judge this principle, and have "
     "its lead bring that evidence to the board."),
    "Score the principle again once the evidence has been shared, and only then choose the steps to improve it.",
]


def _first_steps(e: Evidence) -> list[str]:
    """Before moving up: hear a split room, and sectors that see the principle differently."""
    steps = []
    if e.agreement.divided:
        steps.append("Hear from both ends of the split before acting: ask those who scored it lowest and highest "
                     "what each of them sees.")
    if e.sector_gap and e.sector_gap.gap >= SECTOR_GAP:
        gap = e.sector_gap
        steps.append(f"Ask the {gap.lowest} and {gap.highest} members to set out what each sees here, and agree "
                     "which view the next steps start from.")
    return steps


def _points(framework: Framework, e: Evidence, level: int) -> tuple[int, list[tuple[int, str, str]]]:
    """The points and, for each signal that earned some, (points, short phrase, sentence with the figures);
    `level` is the evidence's, given when it has one."""
    label = framework.scale.labels[level]
    where = (f"The room agreed {level} ({label}); the mean of its answers was {number(e.mean)}." if e.agreed
             else f"The room's mean is {number(e.mean)}, which is {label}.")
    signals = [(_level_points(framework, level), f"{label} at {number(e.mean)}", where)]
    if e.camps is not None:
        signals.append((SPLIT_POINTS, "the room was in two camps",
                        (f"The room was in two camps before it agreed a score: "
                         f"{camps_in_words(e.camps, framework.scale.labels)}.")))
    elif e.agreement is Agreement.split_room:
        signals.append((SPLIT_POINTS, "the room split",
                        (f"The room was split: {percent(e.outside_share)} of people scored it more than a point from "
                         f"the middle score, and answers sit {number(e.ad, 2)} points from the average on average.")))
    if e.sector_gap and e.sector_gap.gap >= SECTOR_GAP:
        g = e.sector_gap
        signals.append((2 if g.gap >= WIDE_SECTOR_GAP else 1, f"sectors {number(g.gap)} points apart",
                        (f"Sectors see it differently: {g.highest} {number(g.high)}, {g.lowest} {number(g.low)}, "
                         f"{number(g.gap)} points apart.")))
    if e.exemplar_lead and e.exemplar_lead.gap >= EXEMPLAR_GAP:
        lead = e.exemplar_lead
        signals.append((1, f"{lead.exemplar} {number(lead.gap)} ahead",
                        f"{lead.exemplar} is {number(lead.gap)} points ahead ({lead.score} against {number(e.mean)})."))
    if (e.dont_know or 0) >= DONT_KNOW_SHARE:
        signals.append((1, f"{percent(e.dont_know)} don't know",
                        (f"{percent(e.dont_know)} of answers were “don't know”: part of the partnership cannot see "
                         "this work.")))
    if e.change is not None and e.change.real:
        fell = (e.change.change or 0) < 0
        signals.append((FELL_POINTS if fell else ROSE_POINTS,
                        f"{'down' if fell else 'up'} {number(abs(e.change.change or 0))} since the baseline",
                        f"Since the baseline: {e.change.in_words}"))
    return sum(points for points, _, _ in signals), signals


def prioritise(framework: Framework, evidence: Sequence[Evidence]) -> list[Priority]:
    """Every principle with its kind, points and horizon: the three priorities first, then the principles to
    settle, then those to find out about, then the rest by points (ties: the lower mean first, then the
    framework's order)."""
    order = {p.id: i for i, p in enumerate(framework.principles)}
    principles = {p.id: p for p in framework.principles}
    scored, unsettled, unknown = [], [], []
    for e in evidence:
        if _to_settle(e) and not _cannot_judge(e):
            assert e.camps is not None
            unsettled.append(Priority(
                principle=e.principle, name=e.name, kind=Kind.settle, points=None, horizon=Horizon.now,
                reasons=[(f"The room is in two camps: {camps_in_words(e.camps, framework.scale.labels)}. Its mean "
                          f"({number(e.mean)}) describes nobody in the room, so it is given no level.")],
                headline=f"two camps, {e.camps.low} and {e.camps.high} people",
                first_steps=settle_steps(framework, principles[e.principle], e.camps)))
            continue
        if _cannot_judge(e) or e.level is None:
            few = e.n < MIN_PEOPLE
            reason = ("Nobody scored it, so where it stands is not known." if e.n == 0 else
                      f"Only {e.n} {'person' if e.n == 1 else 'people'} scored it: too few to judge where it stands."
                      if few else f"{percent(e.dont_know)} of answers were “don't know”: most people could not judge "
                      "it, so its score says little about the partnership.")
            unknown.append(Priority(principle=e.principle, name=e.name, kind=Kind.find_out, points=None,
                                    horizon=Horizon.now, reasons=[reason], first_steps=FIND_OUT_STEPS,
                                    headline="too few scores" if few else f"{percent(e.dont_know)} don't know"))
            continue
        points, signals = _points(framework, e, e.level)
        scored.append((points, e, signals))
    scored.sort(key=lambda item: (-item[0], item[1].mean if item[1].mean is not None else 0, order[item[1].principle]))
    ranked = []
    for index, (points, e, signals) in enumerate(scored):
        # A board can carry about three pieces of work at once, so the work is phased in threes.
        if points < PRIORITY_POINTS:
            kind, horizon = Kind.sustain, Horizon.later
        elif index < PRIORITIES:
            kind, horizon = Kind.priority, Horizon.now
        else:
            kind, horizon = Kind.build, Horizon.soon if index < 2 * PRIORITIES else Horizon.later
        strongest = sorted((s for s in signals if s[1]), key=lambda s: -s[0])[:2]
        ranked.append(Priority(principle=e.principle, name=e.name, kind=kind, points=points, horizon=horizon,
                               reasons=[sentence for _, _, sentence in signals],
                               headline="; ".join(phrase for _, phrase, _ in strongest), first_steps=_first_steps(e)))
    priorities = [p for p in ranked if p.kind is Kind.priority]
    return priorities + unsettled + unknown + [p for p in ranked if p.kind is not Kind.priority]


def rule_in_words(framework: Framework) -> str:
    """The rule as the report's method appendix states it, with this scale's numbers."""
    scale = framework.scale
    per_level = ", ".join(f"{_level_points(framework, point)} at {scale.labels[point]}" for point in scale.points)
    return (
        "Priorities follow one stated rule, the same for every partnership. A principle that fewer than "
        f"{MIN_PEOPLE} people scored, or where {percent(FIND_OUT_SHARE)} or more of the answers were “don't know”, "
        "is one to find out about within 3 months: its score is not read as a weakness. A principle the room is in "
        "two camps about, with no agreed score, is one to settle first, within 3 months: it has no level to act on. "
        "Every other principle earns "
        f"points: for its level (the agreed score where recorded, else the level of the mean): {per_level}; "
        f"{SPLIT_POINTS} if the room was split (or in two camps); 1 if two sectors are {number(SECTOR_GAP)} points "
        f"or more apart, 2 if {number(WIDE_SECTOR_GAP)} or more; 1 if a chosen exemplar is {number(EXEMPLAR_GAP)} point or more "
        f"ahead; 1 if {percent(DONT_KNOW_SHARE)} or more of answers were “don't know”; and at a follow-up "
        f"{FELL_POINTS} if it fell clearly since the baseline (by the progress rule in the method), {ROSE_POINTS} "
        f"if it rose clearly. Ranked by points (ties: the lower mean first), the first {PRIORITIES} with at least "
        f"{PRIORITY_POINTS} points are the priorities, for the {Horizon.now}; the next {PRIORITIES} with at least "
        f"{PRIORITY_POINTS} points are for the {Horizon.soon}; the rest, to build on or sustain, for the "
        f"{Horizon.later}."
    )
