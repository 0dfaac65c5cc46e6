"""Participants: who joined a workshop (organisation and sector, never a name) and who has finished."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assessment.storage.models import Participant, utcnow


def insert(session: Session, *, workshop_id: int, resume_code_sha256: str, organisation: str | None,
           sector: str | None, paper_number: int | None = None) -> Participant:
    participant = Participant(workshop_id=workshop_id, resume_code_sha256=resume_code_sha256,
                              organisation=organisation, sector=sector, paper_number=paper_number)
    session.add(participant)
    session.flush()
    return participant


def get(session: Session, *, participant_id: int) -> Participant | None:
    return session.get(Participant, participant_id)


def by_resume_code(session: Session, *, workshop_id: int, resume_code_sha256: str) -> Participant | None:
    return session.scalar(select(Participant).where(Participant.workshop_id == workshop_id,
                                                    Participant.resume_code_sha256 == resume_code_sha256))


def by_paper_number(session: Session, *, workshop_id: int, paper_number: int) -> Participant | None:
    return session.scalar(select(Participant).where(Participant.workshop_id == workshop_id,
                                                    Participant.paper_number == paper_number))


def of_workshop(session: Session, *, workshop_id: int) -> list[Participant]:
    return list(session.scalars(select(Participant).where(Participant.workshop_id == workshop_id)
                                .order_by(Participant.id)))


def on_paper(session: Session, *, workshop_id: int) -> int:
    """How many of the workshop's participants are paper forms the facilitator typed in."""
    return session.scalar(select(func.count(Participant.id)).where(Participant.workshop_id == workshop_id,
                                                                   Participant.paper_number.is_not(None))) or 0


def mark_finished(session: Session, *, participant_id: int) -> None:
    session.execute(update(Participant).where(Participant.id == participant_id, Participant.finished_at.is_(None))
                    .values(finished_at=utcnow()))


@dataclass(frozen=True)
class SectorCount:
    sector: str | None
    joined: int
    finished: int


def counts_by_sector(session: Session, *, workshop_id: int) -> list[SectorCount]:
    rows = session.execute(
        select(Participant.sector, func.count(Participant.id), func.count(Participant.finished_at))
        .where(Participant.workshop_id == workshop_id).group_by(Participant.sector))
    return [SectorCount(*row) for row in rows]


def erase_details(session: Session, *, workshop_id: int) -> None:
    session.execute(update(Participant).where(Participant.workshop_id == workshop_id)
                    .values(organisation=None, sector=None))
