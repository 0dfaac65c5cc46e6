"""What a workshop's answers come to: who has joined, the answers as the engine reads them, the scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.framework import Framework, builtin_frameworks
from assessment.engine.crosswalk import Crosswalk, crosswalk, foundation_ids
from assessment.engine.disclosure import anonymised
from assessment.engine.responses import Responses
from assessment.engine.room import RoomResults, room_results
from assessment.engine.scoring import ScoreResult, score
from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.services.access import Actor, Role
from assessment.services.comments import released_only
from assessment.services.workshops import authorised, frameworks_of, pick
from assessment.storage import answers, participants
from assessment.storage.db import Database
from assessment.storage.models import Workshop


def workshop_responses(session: Session, *, workshop_id: int, framework_id: str,
                       round: int = 1) -> Responses:
    """The workshop's current answers to one framework (in one round), ready for the scoring engine."""
    return responses_from(answers.current(session, workshop_id=workshop_id, framework_id=framework_id, round=round))


def responses_from(current: Sequence[answers.CurrentAnswer]) -> Responses:
    """Stored answers as the scoring engine takes them."""
    # One transpose rather than a pass per column: the places view turns 16,000 answers into tables each rerun.
    column = dict(zip(answers.CurrentAnswer._fields, zip(*current, strict=True), strict=False))
    return Responses.from_columns(
        participant=[f"p{i}" for i in column.get("participant_id", ())], statement=column.get("statement_id", ()),
        score=column.get("value", ()), dont_know=column.get("dont_know", ()),
        organisation=column.get("organisation", ()), sector=column.get("sector", ()),
        comment=column.get("comment", ()))


def responses(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, personal: bool = False) -> Responses:
    """The current answers, as exports give them: only the comments the facilitator released to the room (the
    whole workshop's JSON file for its facilitators keeps the others, marked, as the data), and every sector and
    organisation shown under a label that stands for at least 3 people (`engine.disclosure`). `personal=True`: the
    raw rows, every label as given — personal data, for the workshop's facilitators and owners only."""
    needed = Role.facilitator if personal else Role.viewer
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=needed, what="Reading the answers")
        stored = workshop_responses(session, workshop_id=workshop_id, framework_id=framework_id)
        given = released_only(session, workshop=workshop, framework_id=framework_id, responses=stored)
        groups = workshop.sector_groups if workshop.sector_groups is not None else STANDARD_SECTOR_GROUPS
    return given if personal else anonymised(given, groups)


def _answers_to(db: Database, actor: Actor, workshop_id: int, framework_id: str, needed: Role,
                what: str) -> tuple[Framework, Responses, dict[str, str] | None]:
    """The framework, its current first-round answers, and the workshop's sector groups."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=needed, what=what)
        framework = pick(frameworks_of(workshop), framework_id)
        return (framework, workshop_responses(session, workshop_id=workshop_id, framework_id=framework_id),
                workshop.sector_groups)


def scores(db: Database, *, actor: Actor, workshop_id: int, framework_id: str) -> ScoreResult:
    """The engine's numbers for one framework of the workshop (viewers and up)."""
    framework, responses, _ = _answers_to(db, actor, workshop_id, framework_id, Role.viewer, "Reading the results")
    return score(framework, responses)


def room(db: Database, *, actor: Actor, workshop_id: int, framework_id: str) -> RoomResults:
    """Everything the facilitator's results view shows, for one framework (facilitators)."""
    return room_results(*_answers_to(db, actor, workshop_id, framework_id, Role.facilitator,
                                     "Showing the room's results"))


def crosswalks(db: Database, *, actor: Actor, workshop_id: int, framework_id: str) -> list[Crosswalk]:
    """What one of the workshop's frameworks rests on in others, with the room's scores where the workshop scored
    those too (viewers and up)."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Reading the results")
        return crosswalks_in(session, workshop=workshop, framework=pick(frameworks_of(workshop), framework_id))


def crosswalks_in(session: Session, *, workshop: Workshop, framework: Framework) -> list[Crosswalk]:
    """Each framework `framework` rests on: the workshop's own copy, scored by the room, when it scored that
    framework; otherwise the built-in one, unscored, so the links still show. A framework neither scored nor built
    in is left out."""
    scored = {f.id: f for f in frameworks_of(workshop)}
    builtin = {f.id: f for f in builtin_frameworks()}
    found = []
    for other_id in foundation_ids(framework):
        if other_id in scored:
            found.append(crosswalk(framework, scored[other_id],
                                   result=score(framework, workshop_responses(session, workshop_id=workshop.id,
                                                                              framework_id=framework.id)),
                                   foundation_result=score(scored[other_id], workshop_responses(
                                       session, workshop_id=workshop.id, framework_id=other_id))))
        elif other_id in builtin:
            found.append(crosswalk(framework, builtin[other_id]))
    return [c for c in found if c is not None]


@dataclass(frozen=True)
class Attendance:
    joined: int
    finished: int
    by_sector: dict[str, tuple[int, int]]  # sector → (joined, finished), for the facilitator's eyes only
    took_part: int  # answered at least one statement


NOT_GIVEN = "Not given"


def attendance(db: Database, *, actor: Actor, workshop_id: int) -> Attendance:
    """Who has joined and finished, by sector, for the facilitator's screen."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Counting people")
        return attendance_in(session, workshop_id=workshop_id)


def attendance_in(session: Session, *, workshop_id: int) -> Attendance:
    rows = participants.counts_by_sector(session, workshop_id=workshop_id)
    by_sector = {(row.sector or NOT_GIVEN): (row.joined, row.finished) for row in rows}
    return Attendance(sum(j for j, _ in by_sector.values()), sum(f for _, f in by_sector.values()),
                      dict(sorted(by_sector.items())), len(answers.answered_counts(session, workshop_id=workshop_id)))
