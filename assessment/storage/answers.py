"""Answers, append-only: every save is a new row and the newest per (participant, statement) is current."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Select, func, select, update
from sqlalchemy import insert as insert_rows
from sqlalchemy.orm import Session

from assessment.storage.models import AnswerRecord, Participant


def insert(session: Session, *, participant_id: int, framework_id: str, statement_id: str, value: int | None,
           dont_know: bool, comment: str | None, round: int = 1) -> AnswerRecord:
    record = AnswerRecord(participant_id=participant_id, framework_id=framework_id, statement_id=statement_id,
                          value=value, dont_know=dont_know, comment=comment, round=round)
    session.add(record)
    session.flush()
    return record


@dataclass(frozen=True)
class NewAnswer:
    """One answer to append, for `insert_all`."""

    participant_id: int
    framework_id: str
    statement_id: str
    value: int | None
    dont_know: bool = False
    comment: str | None = None
    round: int = 1


def insert_all(session: Session, *, new: Sequence[NewAnswer]) -> None:
    """Append many answers in one executemany, in the order given: an import or the demo stores thousands, and an
    ORM object flushed for each took seconds."""
    if new:
        session.execute(insert_rows(AnswerRecord), [vars(answer) for answer in new])


def newest(session: Session, *, participant_id: int, framework_id: str, statement_id: str, round: int = 1
           ) -> AnswerRecord | None:
    return session.scalar(
        select(AnswerRecord)
        .where(AnswerRecord.participant_id == participant_id, AnswerRecord.framework_id == framework_id,
               AnswerRecord.statement_id == statement_id, AnswerRecord.round == round)
        .order_by(AnswerRecord.id.desc()).limit(1))


class CurrentAnswer(NamedTuple):  # a tuple, not a dataclass: the system view makes tens of thousands per rerun
    participant_id: int
    organisation: str | None
    sector: str | None
    framework_id: str
    statement_id: str
    value: int | None
    dont_know: bool
    comment: str | None
    workshop_id: int


def _current_ids(workshop_ids: Sequence[int], round: int, participant_id: int | None,
                 framework_id: str | None) -> Select[int]:
    ids = (
        select(func.max(AnswerRecord.id))
        .join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(Participant.workshop_id.in_(workshop_ids), AnswerRecord.round == round)
        .group_by(AnswerRecord.participant_id, AnswerRecord.framework_id, AnswerRecord.statement_id)
    )
    # Narrowed here, not only in the outer query: a phone reads its own answers after every answer, and
    # grouping the whole workshop's saves each time made that read grow with the room.
    if participant_id is not None:
        ids = ids.where(AnswerRecord.participant_id == participant_id)
    if framework_id is not None:
        ids = ids.where(AnswerRecord.framework_id == framework_id)
    return ids


def current(session: Session, *, workshop_id: int, participant_id: int | None = None,
            framework_id: str | None = None, round: int = 1) -> list[CurrentAnswer]:
    """The current answers of a workshop (or one participant, or one framework) in one round, by participant."""
    return current_of(session, workshop_ids=[workshop_id], participant_id=participant_id, framework_id=framework_id,
                      round=round)


def current_of(session: Session, *, workshop_ids: Sequence[int], participant_id: int | None = None,
               framework_id: str | None = None, round: int = 1) -> list[CurrentAnswer]:
    """`current` for several workshops in one query (the system view reads forty places' at once), workshop by
    workshop."""
    # Plain columns rather than ORM objects: the system view reads tens of thousands of answers per rerun.
    query = (
        select(AnswerRecord.participant_id, Participant.organisation, Participant.sector, AnswerRecord.framework_id,
               AnswerRecord.statement_id, AnswerRecord.value, AnswerRecord.dont_know, AnswerRecord.comment,
               Participant.workshop_id)
        .join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(AnswerRecord.id.in_(_current_ids(workshop_ids, round, participant_id, framework_id)))
        .order_by(Participant.workshop_id, AnswerRecord.participant_id, AnswerRecord.id)
    )
    # Run on the connection: the ORM's row processing, for plain columns, took as long as the query.
    return [CurrentAnswer(*row) for row in session.connection().execute(query)]


class CurrentComment(NamedTuple):
    answer_id: int  # the newest answer carrying it: a larger id was saved later
    participant_id: int
    framework_id: str
    statement_id: str
    comment: str


def current_comments(session: Session, *, workshop_id: int, framework_id: str | None = None) -> list[CurrentComment]:
    """The comment of every current first-round answer that has one (in one framework, if given), newest first."""
    query = (select(AnswerRecord.id, AnswerRecord.participant_id, AnswerRecord.framework_id,
                    AnswerRecord.statement_id, AnswerRecord.comment)
             .where(AnswerRecord.id.in_(_current_ids([workshop_id], 1, None, framework_id)),
                    AnswerRecord.comment.is_not(None))
             .order_by(AnswerRecord.id.desc()))
    return [CurrentComment._make(row) for row in session.connection().execute(query)]  # comment: never None here


def answered_counts(session: Session, *, workshop_id: int, framework_id: str | None = None,
                    statement_ids: Sequence[str] | None = None) -> dict[int, int]:
    """Participant id → how many statements (of one framework, and of these, if given) their current first-round
    answers answer with a score or "don't know" (a comment alone answers nothing). People with none are left out."""
    query = (select(AnswerRecord.participant_id, func.count(AnswerRecord.id))
             .where(AnswerRecord.id.in_(_current_ids([workshop_id], 1, None, framework_id)),
                    AnswerRecord.value.is_not(None) | AnswerRecord.dont_know)
             .group_by(AnswerRecord.participant_id))
    if statement_ids is not None:
        query = query.where(AnswerRecord.statement_id.in_(statement_ids))
    return dict(session.execute(query).all())


def saves_in(session: Session, *, workshop_id: int) -> int:
    """Every save ever made in the workshop, changes included."""
    return session.scalar(
        select(func.count(AnswerRecord.id)).join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(Participant.workshop_id == workshop_id)
    ) or 0


def erase_comments(session: Session, *, workshop_id: int) -> None:
    """Clear the comment of every saved version of every answer in the workshop."""
    people = select(Participant.id).where(Participant.workshop_id == workshop_id)
    session.execute(update(AnswerRecord).where(AnswerRecord.participant_id.in_(people)).values(comment=None))
