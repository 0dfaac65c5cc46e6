"""A participant's part: join by code (organisation and sector, never a name), answer, resume, finish.

A participant is known by the id that joining or resuming gives; the page keeps it in the person's own
session, and every change here checks the workshop is still open for scoring.

Writes are bounded: an answer the same as the person's newest (value, don't know and comment) appends nothing,
and a phone stores at most `PLACEREADY_ANSWERS_PER_MINUTE` changed answers a minute (`TooFast` beyond that: one
phone flipping an answer on every rerun wrote 1,790 rows in 20 s). Anything that is not an answer — a score off
the scale or of the wrong type, a statement not in the workshop — is refused whole.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from numbers import Integral

from sqlalchemy.orm import Session

from assessment.content.framework import Framework, Principle
from assessment.errors import InputError, Problem
from assessment.services import codes, entries, library
from assessment.services.allowances import Allowance, UsedUp
from assessment.services.workshops import frameworks_of
from assessment.settings import get_settings
from assessment.storage import answers, participants, second_votes
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import CurrentAnswer, NewAnswer
from assessment.storage.db import Database
from assessment.storage.models import Workshop

_log = logging.getLogger(__name__)
NOT_ANSWERED = (None, False, None)  # (value, don't know, comment) of a statement never answered


@dataclass(frozen=True)
class Joined:
    workshop_id: int
    join_code: str
    participant_id: int
    resume_code: str  # shown to the participant; only its hash is stored


def join(db: Database, *, join_code: str, organisation: str | None, sector: str | None) -> Joined:
    with db.write() as session:
        workshop = stored_workshops.by_join_code(session, join_code=codes.normalise_code(join_code))
        if workshop is None:
            raise InputError("Joining", [Problem("no workshop has that join code")])
        return enrol(session, workshop=workshop, organisation=organisation, sector=sector)


def enrol(session: Session, *, workshop: Workshop, organisation: str | None, sector: str | None) -> Joined:
    """`join` inside a caller's transaction (imports enrol many people in one)."""
    if not workshop.scoring_open:
        raise InputError("Joining", [Problem("this workshop has closed scoring; ask the facilitator")])
    resume_code = codes.new_code(codes.RESUME_CODE_LENGTH)
    participant = participants.insert(
        session, workshop_id=workshop.id, resume_code_sha256=codes.resume_digest(workshop.id, resume_code),
        organisation=entries.clean(organisation, field="Organisation", limit=entries.MAX_NAME),
        sector=entries.clean(sector, field="Sector", limit=100))
    return Joined(workshop.id, workshop.join_code, participant.id, resume_code)


def resume(db: Database, *, join_code: str, resume_code: str) -> Joined | None:
    """The participant whose resume code this is, in the workshop with this join code; None if no match."""
    with db.read() as session:
        workshop = stored_workshops.by_join_code(session, join_code=codes.normalise_code(join_code))
        if workshop is None:
            return None
        found = participants.by_resume_code(session, workshop_id=workshop.id,
                                            resume_code_sha256=codes.resume_digest(workshop.id, resume_code))
        return Joined(workshop.id, workshop.join_code, found.id, codes.normalise_code(resume_code)) if found else None


class TooFast(UsedUp):
    """This person has changed answers more often in the last minute than anyone reading them could."""

    def __init__(self, seconds: int):
        super().__init__("Slow down", "answers are changing faster than anyone could read the statements. Wait "
                         f"{seconds} seconds, then answer again", seconds)


@functools.lru_cache
def _saves(per_minute: int) -> Allowance:
    return Allowance("answer saves", {"person": f"{per_minute}/minute"})


def save_answer(db: Database, *, participant_id: int, framework_id: str, statement_id: str, value: int | None,
                dont_know: bool = False, comment: str | None = None, round: int = 1) -> bool:
    """Record an answer or a change to one: in round 1 while scoring is open, in round 2 while a second vote
    is open on the statement's principle. `TooFast`, storing nothing, once the person has stored their changes
    allowed for the minute.

    Returns False when nothing new was kept (the same answer again, or a blank for a statement never answered).
    """
    saves = _saves(get_settings().answers_per_minute)
    if wait := saves.wait(person=participant_id):
        raise TooFast(wait)
    with db.write() as session:
        stored = record(session, participant_id=participant_id, framework_id=framework_id, statement_id=statement_id,
                        value=value, dont_know=dont_know, comment=comment, round=round)
    if stored:
        saves.use(person=participant_id)
    return stored


def record(session: Session, *, participant_id: int, framework_id: str, statement_id: str, value: int | None,
           dont_know: bool = False, comment: str | None = None, round: int = 1) -> bool:
    """`save_answer` inside a caller's transaction."""
    found = stored_workshops.row_of_participant(session, participant_id=participant_id)
    if found is None:
        raise InputError("Your answer", [Problem("this participant is not known; join the workshop again")])
    workshop, digests = found
    if round == 1 and not workshop.scoring_open:
        raise InputError("Your answer", [Problem("Scoring has closed, so answers can no longer change")])
    frameworks = library.pinned_by_digests(session, digests=digests)
    if round == 2:
        vote = second_votes.open_one(session, workshop_id=workshop.id)
        principle = next((p for f in frameworks if f.id == vote.framework_id
                          for p in f.principles if p.id == vote.principle_id), None) if vote else None
        if vote is None or principle is None or framework_id != vote.framework_id or statement_id not in {
                s.id for s in principle.statements}:
            raise InputError("Your second vote", [Problem("the second vote on this principle has closed")])
    elif round != 1:
        raise InputError("Your answer", [Problem("there are two rounds of voting, 1 and 2")])
    comment = _checked_comment(frameworks, framework_id=framework_id, statement_id=statement_id,
                               value=value, dont_know=dont_know, comment=comment)
    current = answers.newest(session, participant_id=participant_id, framework_id=framework_id,
                             statement_id=statement_id, round=round)
    unchanged = (current.value, current.dont_know, current.comment) if current else NOT_ANSWERED
    if (value, dont_know, comment) == unchanged:
        return False
    answers.insert(session, participant_id=participant_id, framework_id=framework_id, statement_id=statement_id,
                   value=value, dont_know=dont_know, comment=comment, round=round)
    return True


def record_all(session: Session, *, workshop: Workshop, given: Sequence[NewAnswer]) -> int:
    """`record` for many round-1 answers in one open workshop (imports and the demo), checked as `record` checks
    each and kept under the same rule: an answer the same as the one current at its turn is not stored again.
    Nothing is stored when any answer is refused. Returns how many were stored."""
    if not workshop.scoring_open:
        raise InputError("Your answer", [Problem("Scoring has closed, so answers can no longer change")])
    frameworks = frameworks_of(workshop)
    people = {p.id for p in participants.of_workshop(session, workshop_id=workshop.id)}
    current = {(a.participant_id, a.framework_id, a.statement_id): (a.value, a.dont_know, a.comment)
               for a in answers.current(session, workshop_id=workshop.id)}
    kept: list[NewAnswer] = []
    for answer in given:
        if answer.participant_id not in people or answer.round != 1:
            raise InputError("Your answer", [Problem("not a participant's first-round answer in this workshop")])
        comment = _checked_comment(frameworks, framework_id=answer.framework_id, statement_id=answer.statement_id,
                                   value=answer.value, dont_know=answer.dont_know, comment=answer.comment)
        key = (answer.participant_id, answer.framework_id, answer.statement_id)
        if (answer.value, answer.dont_know, comment) == current.get(key, NOT_ANSWERED):
            continue
        current[key] = (answer.value, answer.dont_know, comment)
        kept.append(replace(answer, comment=comment))
    answers.insert_all(session, new=kept)
    return len(kept)


def _checked_comment(frameworks: Sequence[Framework], *, framework_id: str, statement_id: str, value: int | None,
                     dont_know: bool, comment: str | None) -> str | None:
    """The answer's comment as stored, once the statement is the workshop's and the score on its scale. What is not
    an answer is refused with one line in the log (a phone only sends one by being made to)."""
    framework = next((f for f in frameworks if f.id == framework_id), None)
    whole = isinstance(value, Integral) and not isinstance(value, bool)
    if framework is None or statement_id not in framework.principle_of:
        problem = Problem("not a statement of this workshop", location=f"{framework_id}/{statement_id}")
    elif value is not None and (dont_know or not whole or value not in framework.scale.points):
        problem = Problem(f"score must be one of {list(framework.scale.points)}", location=statement_id)
    elif not isinstance(dont_know, bool) or not (comment is None or isinstance(comment, str)):
        problem = Problem("not an answer", location=statement_id)
    else:
        return entries.clean(comment, field="Comment")
    _log.warning("refused an answer: %s (%s)", problem.message, type(value).__name__)
    raise InputError("Your answer", [problem])


def finish(db: Database, *, participant_id: int) -> None:
    with db.write() as session:
        participants.mark_finished(session, participant_id=participant_id)


def my_answers(db: Database, *, participant_id: int, round: int = 1
               ) -> dict[tuple[str, str], CurrentAnswer]:
    """(framework id, statement id) → this participant's current answer in the round."""
    with db.read() as session:
        participant = participants.get(session, participant_id=participant_id)
        if participant is None:
            return {}
        return {(a.framework_id, a.statement_id): a for a in
                answers.current(session, workshop_id=participant.workshop_id, participant_id=participant_id,
                                round=round)}


def screens(frameworks: tuple[Framework, ...] | list[Framework]) -> list[tuple[Framework, Principle]]:
    """One screen per principle, framework by framework."""
    return [(f, p) for f in frameworks for p in f.principles]


def answered(answer: CurrentAnswer | None) -> bool:
    return answer is not None and (answer.value is not None or answer.dont_know)


def first_unanswered(frameworks: tuple[Framework, ...], mine: dict[tuple[str, str], CurrentAnswer]) -> int:
    """The first screen with a statement not yet answered; the end when all are."""
    all_screens = screens(frameworks)
    for step, (framework, principle) in enumerate(all_screens):
        if any(not answered(mine.get((framework.id, s.id))) for s in principle.statements):
            return step
    return len(all_screens)
