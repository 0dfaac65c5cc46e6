"""Agreed scores, append-only: each recording is a new row and the newest per principle is current."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assessment.storage.models import ConsensusRecord


def insert(session: Session, *, workshop_id: int, framework_id: str, principle_id: str, score: int | None,
           note: str | None) -> ConsensusRecord:
    record = ConsensusRecord(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id,
                             score=score, note=note)
    session.add(record)
    session.flush()
    return record


def current(session: Session, *, workshop_id: int) -> dict[tuple[str, str], ConsensusRecord]:
    """(framework id, principle id) → the newest recording."""
    newest = (
        select(func.max(ConsensusRecord.id))
        .where(ConsensusRecord.workshop_id == workshop_id)
        .group_by(ConsensusRecord.framework_id, ConsensusRecord.principle_id)
    )
    records = session.scalars(select(ConsensusRecord).where(ConsensusRecord.id.in_(newest)))
    return {(r.framework_id, r.principle_id): r for r in records}


def erase_notes(session: Session, *, workshop_id: int) -> None:
    session.execute(update(ConsensusRecord).where(ConsensusRecord.workshop_id == workshop_id).values(note=None))
