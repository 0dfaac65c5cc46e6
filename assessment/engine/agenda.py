"""The running order of a facilitated workshop: its stages, a suggested 90 minutes, and moving through them.

A workshop moves through eight stages. In "principles" the room looks at one principle at a time, so that
stage has one step per principle; "overview" and "agree" have one step per framework, so that each fits the
projector without scrolling; every other stage is one step. The facilitator can change how many minutes each
stage has; the suggestion adds up to 90.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from assessment.content.framework import Framework
from assessment.errors import InputError, Problem


class Stage(StrEnum):
    join = "join"
    scoring = "scoring"
    overview = "overview"
    principles = "principles"
    second_vote = "second_vote"
    agree = "agree"
    actions = "actions"
    close = "close"


TITLES = {
    Stage.join: "Join",
    Stage.scoring: "Individual scoring",
    Stage.overview: "Where we stand",
    Stage.principles: "One principle at a time",
    Stage.second_vote: "Second vote",
    Stage.agree: "Agreed scores",
    Stage.actions: "Actions",
    Stage.close: "Close",
}
SUGGESTED_MINUTES = {Stage.join: 5, Stage.scoring: 15, Stage.overview: 10, Stage.principles: 35,
                     Stage.second_vote: 10, Stage.agree: 5, Stage.actions: 5, Stage.close: 5}
MAX_MINUTES = 180


PER_FRAMEWORK = (Stage.overview, Stage.agree)


@dataclass(frozen=True)
class Step:
    """Where the room is: a stage and what it is on — the framework, or the principle in the spotlight."""

    stage: Stage
    spotlight: str | None = None  # "framework id/principle id" in the principles stage; "framework id" in others

    @property
    def framework_id(self) -> str | None:
        return self.spotlight.split("/", 1)[0] if self.spotlight else None

    @property
    def principle_id(self) -> str | None:
        return self.spotlight.split("/", 1)[1] if self.spotlight and "/" in self.spotlight else None


def spotlight_key(framework_id: str, principle_id: str) -> str:
    return f"{framework_id}/{principle_id}"


def steps(frameworks: Sequence[Framework]) -> list[Step]:
    """Every step of the workshop in order: one per principle in the principles stage, one per framework in the
    overview and agree stages, one for each other stage."""
    found = []
    for stage in Stage:
        if stage is Stage.principles:
            found += [Step(stage, spotlight_key(f.id, p.id)) for f in frameworks for p in f.principles]
        elif stage in PER_FRAMEWORK:
            found += [Step(stage, f.id) for f in frameworks]
        else:
            found.append(Step(stage))
    return found


def on_what(step: Step, frameworks: Sequence[Framework]) -> str | None:
    """The name of what a step is on: the principle in the spotlight, or the framework; None for a stage."""
    for framework in frameworks:
        if step.framework_id == framework.id:
            if step.principle_id is None:
                return framework.title
            return next((p.name for p in framework.principles if p.id == step.principle_id), None)
    return None


def label(step: Step, frameworks: Sequence[Framework]) -> str:
    """The step as the control view lists it: "One principle at a time: Identify the right partners…"."""
    name = on_what(step, frameworks)
    return TITLES[step.stage] + (f": {name}" if name else "")


def moved(current: Step, frameworks: Sequence[Framework], by: int) -> Step:
    """The step `by` places on (negative: back), staying within the first and last."""
    order = steps(frameworks)
    here = order.index(current) if current in order else next(
        (i for i, step in enumerate(order) if step.stage is current.stage), 0)
    return order[min(max(here + by, 0), len(order) - 1)]


def minutes(agenda: Sequence[Sequence[object]] | None) -> dict[Stage, int]:
    """The planned minutes per stage: the workshop's own where it set them, the suggestion otherwise."""
    planned = dict(SUGGESTED_MINUTES)
    for stage, value in agenda or ():
        if stage in Stage.__members__:
            planned[Stage(stage)] = int(value)  # type: ignore[call-overload]
    return planned


def checked_agenda(planned: dict[str, int]) -> list[list[object]]:
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
          agenda: Sequence[Sequence[object]] | None) -> Timer:
    """How long the room has been at this stage, against the minutes planned for it."""
    elapsed = 0 if started_at is None else max(0, int((now - started_at).total_seconds()))
    return Timer(elapsed, minutes(agenda)[stage])
