"""The running order of a facilitated workshop: its stages, a suggested 90 minutes, and moving through them.

A workshop moves through its stages one step at a time, each step one screen on the projector that fits it
without scrolling. "Principles" presents each principle in three steps, one idea each: where the room stands,
how sectors see it and what people said, then what others did and the questions for the room. "Overview" and
"agree" have one step per framework. In a presenter-paced round, "scoring" has one step per principle: the
facilitator opens them one at a time on every phone. A follow-up workshop reviews the previous workshop's
actions after people have joined. A second vote is a step of its principle: it is opened from there, and the
room returns to the principle after it. Every other stage is one step. The facilitator can change how many
minutes each stage has; the suggestion adds up to 90.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from assessment.content.framework import Framework, Principle
from assessment.errors import InputError, Problem


class Stage(StrEnum):
    joining = "join"  # not `join`, which would hide str.join on every member
    review = "review"
    scoring = "scoring"
    overview = "overview"
    principles = "principles"
    second_vote = "second_vote"
    agree = "agree"
    actions = "actions"
    close = "close"


TITLES = {
    Stage.joining: "Join",
    Stage.review: "Last workshop's actions",
    Stage.scoring: "Individual scoring",
    Stage.overview: "Where we stand",
    Stage.principles: "One principle at a time",
    Stage.second_vote: "Second vote",
    Stage.agree: "Agreed scores",
    Stage.actions: "Actions",
    Stage.close: "Close",
}
SUGGESTED_MINUTES = {Stage.joining: 5, Stage.review: 0, Stage.scoring: 15, Stage.overview: 10, Stage.principles: 35,
                     Stage.second_vote: 10, Stage.agree: 5, Stage.actions: 5, Stage.close: 5}
REVIEW_MINUTES = 5  # at a follow-up, taken from the principles' time
MAX_MINUTES = 180


class Part(StrEnum):
    """The steps a principle is presented in, one idea each."""

    room = "room"
    views = "views"
    practice = "practice"


PART_TITLES = {Part.room: "where the room stands", Part.views: "how sectors see it, and what people said",
               Part.practice: "what others did, and questions"}
PER_FRAMEWORK = (Stage.overview, Stage.agree)


@dataclass(frozen=True)
class Step:
    """Where the room is: a stage and what it is on — the framework, or the principle in the spotlight (and which
    part of it)."""

    stage: Stage
    spotlight: str | None = None  # "framework id", "framework id/principle id" or "framework id/principle id/part"

    @property
    def framework_id(self) -> str | None:
        return self.spotlight.split("/", 1)[0] if self.spotlight else None

    @property
    def principle_id(self) -> str | None:
        parts = self.spotlight.split("/") if self.spotlight else []
        return parts[1] if len(parts) > 1 else None

    @property
    def part(self) -> Part | None:
        """Which part of its principle a principles step shows (the first when the spotlight names none)."""
        if self.stage is not Stage.principles or self.principle_id is None:
            return None
        parts = self.spotlight.split("/") if self.spotlight else []
        return Part(parts[2]) if len(parts) > 2 and parts[2] in Part.__members__ else Part.room


def spotlight_key(framework_id: str, principle_id: str, part: Part = Part.room) -> str:
    return f"{framework_id}/{principle_id}" + ("" if part is Part.room else f"/{part}")


def vote_on(framework_id: str, principle_id: str) -> Step:
    """The step of a second vote on one principle."""
    return Step(Stage.second_vote, spotlight_key(framework_id, principle_id))


def steps(frameworks: Sequence[Framework], *, paced: bool = False, reviewing: bool = False) -> list[Step]:
    """Every step of the workshop in order: three per principle in the principles stage (and, when `paced`, one
    per principle in scoring), one per framework in the overview and agree stages, the review of the last
    workshop's actions when `reviewing`, one for each other stage."""
    found = []
    for stage in Stage:
        if stage is Stage.principles:
            found += [Step(stage, spotlight_key(f.id, p.id, part)) for f in frameworks for p in f.principles
                      for part in Part]
        elif stage is Stage.scoring and paced:
            found += [Step(stage, spotlight_key(f.id, p.id)) for f in frameworks for p in f.principles]
        elif stage in PER_FRAMEWORK:
            found += [Step(stage, f.id) for f in frameworks]
        elif stage is not Stage.review or reviewing:
            found.append(Step(stage))
    return found


def _principle(step: Step, frameworks: Sequence[Framework]) -> Principle | None:
    framework = next((f for f in frameworks if f.id == step.framework_id), None)
    return next((p for p in framework.principles if p.id == step.principle_id), None) if framework else None


def is_vote(step: Step, frameworks: Sequence[Framework]) -> bool:
    """A second vote on one of the workshop's principles."""
    return step.stage is Stage.second_vote and _principle(step, frameworks) is not None


def place_in(step: Step, order: Sequence[Step]) -> int:
    """Where a step stands in the running order (0-based): a second vote stands at its principle, and a step the
    order no longer has (a round paced since) at its stage's first step."""
    if step.stage is Stage.second_vote and step.principle_id is not None:
        step = Step(Stage.principles, step.spotlight)
    if step in order:
        return order.index(step)
    return next((i for i, known in enumerate(order) if known.stage is step.stage), 0)


def on_what(step: Step, frameworks: Sequence[Framework]) -> str | None:
    """The name of what a step is on: the principle in the spotlight, or the framework; None for a stage."""
    for framework in frameworks:
        if step.framework_id == framework.id:
            if step.principle_id is None:
                return framework.title
            return next((p.name for p in framework.principles if p.id == step.principle_id), None)
    return None


def label(step: Step, frameworks: Sequence[Framework]) -> str:
    """The step as the control view lists it: "One principle at a time: Identify the right partners — where the
    room stands"."""
    name = on_what(step, frameworks)
    title = "Scoring now" if step.stage is Stage.scoring and name else TITLES[step.stage]
    return title + (f": {name}" if name else "") + (f" — {PART_TITLES[step.part]}" if step.part else "")


def moved(current: Step, frameworks: Sequence[Framework], by: int, *, paced: bool = False,
          reviewing: bool = False) -> Step:
    """The step `by` places on (negative: back), staying within the first and last. From a second vote on a
    principle either way leads back to the principle."""
    if is_vote(current, frameworks):
        return Step(Stage.principles, current.spotlight)
    order = steps(frameworks, paced=paced, reviewing=reviewing)
    return order[min(max(place_in(current, order) + by, 0), len(order) - 1)]


def minutes(agenda: Sequence[Sequence[str | int]] | None, *, reviewing: bool = False) -> dict[Stage, int]:
    """The planned minutes per stage: the workshop's own where it set them, the suggestion otherwise (at a
    follow-up, five of the principles' minutes go to reviewing the last workshop's actions)."""
    planned = dict(SUGGESTED_MINUTES)
    if reviewing:
        planned[Stage.review], planned[Stage.principles] = REVIEW_MINUTES, planned[Stage.principles] - REVIEW_MINUTES
    stages = {s.value: s for s in Stage}
    for stage, value in agenda or ():
        if stage in stages:
            planned[stages[stage]] = int(value)
    return planned


def checked_agenda(planned: dict[str, int]) -> list[list[str | int]]:
    """A workshop's own running order, as stored; minutes outside 0–180 are refused, naming the stage."""
    problems = [Problem(f"give whole minutes from 0 to {MAX_MINUTES}", location=TITLES[Stage(stage)])
                for stage, value in planned.items() if not 0 <= value <= MAX_MINUTES]
    if problems:
        raise InputError("Running order", problems)
    return [[stage, int(planned[stage])] for stage in Stage if stage in planned]


@dataclass(frozen=True)
class Timer:
    elapsed_seconds: int
    planned_minutes: int

    @property
    def over(self) -> bool:
        return self.elapsed_seconds > self.planned_minutes * 60

    @property
    def in_words(self) -> str:
        whole_minutes, seconds = divmod(self.elapsed_seconds, 60)
        return f"{whole_minutes}:{seconds:02d} of {self.planned_minutes} min" + (" — over time" if self.over else "")


def timer(stage: Stage, started_at: datetime | None, now: datetime,
          agenda: Sequence[Sequence[str | int]] | None, *, reviewing: bool = False) -> Timer:
    """How long the room has been at this stage, against the minutes planned for it."""
    elapsed = 0 if started_at is None else max(0, int((now - started_at).total_seconds()))
    return Timer(elapsed, minutes(agenda, reviewing=reviewing)[stage])
