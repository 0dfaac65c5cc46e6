"""The facilitator leads the room through the workshop's stages from a control view; the projector, every
control device and, in a paced round, the phones follow. Where the room is (stage and spotlight) is stored
with the workshop, so every screen and every device sees the same step."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.engine.agenda import (
    TITLES,
    Stage,
    Step,
    Timer,
    checked_agenda,
    is_vote,
    label,
    minutes,
    moved,
    place_in,
    steps,
    timer,
)
from assessment.errors import InputError, Problem
from assessment.services.access import Actor, Role
from assessment.services.consensus import reviewing
from assessment.services.workshops import authorised, frameworks_of
from assessment.storage import workshops as stored
from assessment.storage.db import Database
from assessment.storage.models import Workshop, utcnow


@dataclass(frozen=True)
class Position:
    step: Step
    number: int  # 1-based, of `total`
    total: int
    title: str  # the stage's title
    label: str  # the step as the running order lists it
    timer: Timer
    planned: dict[Stage, int]  # minutes per stage
    order: list[Step]  # every step, in order
    paced: bool  # the facilitator opens one principle at a time on every phone
    reviewing: bool  # a follow-up, with the last workshop's actions to review


def _step(workshop: Workshop) -> Step:
    return Step(Stage(workshop.stage), workshop.spotlight)


def position(session: Session, workshop: Workshop, frameworks: tuple[Framework, ...]) -> Position:
    here, follow_up = _step(workshop), reviewing(session, workshop=workshop)
    order = steps(frameworks, paced=workshop.paced, reviewing=follow_up)
    return Position(here, place_in(here, order) + 1, len(order), TITLES[here.stage], label(here, frameworks),
                    timer(here.stage, workshop.stage_started_at, utcnow(), workshop.agenda, reviewing=follow_up),
                    minutes(workshop.agenda, reviewing=follow_up), order, workshop.paced, follow_up)


def where(db: Database, *, actor: Actor, workshop_id: int) -> Position:
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Leading the workshop")
        return position(session, workshop, frameworks_of(workshop))


def current_step(db: Database, *, actor: Actor, workshop_id: int) -> Step:
    """Where the room is, and nothing else: every control device asks every few seconds."""
    with db.read() as session:
        return _step(authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                                what="Leading the workshop"))


def go_to(db: Database, *, actor: Actor, workshop_id: int, step: Step) -> None:
    """Put the room at a step; the stage's timer starts again when the stage changes."""
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Leading the workshop")
        frameworks = frameworks_of(workshop)
        if step not in steps(frameworks, paced=workshop.paced, reviewing=reviewing(session, workshop=workshop)) \
                and not is_vote(step, frameworks):
            raise InputError("Presenter", [Problem("that step is not part of this workshop")])
        _set(session, workshop, step)


def _set(session: Session, workshop: Workshop, step: Step) -> None:
    changes: dict[str, object] = {"stage": str(step.stage), "spotlight": step.spotlight}
    if step.stage != Stage(workshop.stage) or workshop.stage_started_at is None:
        changes["stage_started_at"] = utcnow()
    stored.change(session, workshop_id=workshop.id, **changes)


def move(db: Database, *, actor: Actor, workshop_id: int, by: int) -> Step:
    """Next (`by=1`) or previous (`by=-1`) step; where the room is now."""
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Leading the workshop")
        step = moved(_step(workshop), frameworks_of(workshop), by, paced=workshop.paced,
                     reviewing=reviewing(session, workshop=workshop))
        _set(session, workshop, step)
        return step


def set_paced(db: Database, *, actor: Actor, workshop_id: int, paced: bool) -> None:
    """Score at each person's own pace, or one principle at a time as the facilitator opens it on every phone."""
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Changing how the room scores")
        stored.change(session, workshop_id=workshop_id, paced=paced)


def set_running_order(db: Database, *, actor: Actor, workshop_id: int, planned: dict[str, int]) -> None:
    """The minutes this workshop gives each stage (refused whole if any is out of range)."""
    agenda = checked_agenda(planned)
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Changing the running order")
        stored.change(session, workshop_id=workshop_id, agenda=agenda)
