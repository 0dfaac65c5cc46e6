"""Second votes: a principle the room votes on again after discussing it, open until the facilitator closes it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.storage.models import SecondVote, utcnow


def of_workshop(session: Session, *, workshop_id: int) -> list[SecondVote]:
    return list(session.scalars(select(SecondVote).where(SecondVote.workshop_id == workshop_id)
                                .order_by(SecondVote.id)))


def open_one(session: Session, *, workshop_id: int) -> SecondVote | None:
    return session.scalar(select(SecondVote).where(SecondVote.workshop_id == workshop_id,
                                                   SecondVote.closed_at.is_(None)))


def of_principle(session: Session, *, workshop_id: int, framework_id: str, principle_id: str) -> SecondVote | None:
    return session.scalar(select(SecondVote).where(SecondVote.workshop_id == workshop_id,
                                                   SecondVote.framework_id == framework_id,
                                                   SecondVote.principle_id == principle_id))


def insert(session: Session, *, workshop_id: int, framework_id: str, principle_id: str) -> SecondVote:
    vote = SecondVote(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id)
    session.add(vote)
    session.flush()
    return vote


def set_closed(session: Session, *, vote_id: int, closed: bool) -> None:
    session.get_one(SecondVote, vote_id).closed_at = utcnow() if closed else None
