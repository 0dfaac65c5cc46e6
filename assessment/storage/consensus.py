"""Agreed scores, append-only: each recording is a new row and the newest per principle is current."""

from __future__ import annotations

from collections.abc import Sequence

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
    return current_of(session, workshop_ids=[workshop_id]).get(workshop_id, {})


def current_of(session: Session, *, workshop_ids: Sequence[int]) -> dict[int, dict[tuple[str, str], ConsensusRecord]]:
    """`current` for several workshops in one query: workshop id → (framework id, principle id) → recording."""
    newest = (
        select(func.max(ConsensusRecord.id))
        .where(ConsensusRecord.workshop_id.in_(workshop_ids))
        .group_by(ConsensusRecord.workshop_id, ConsensusRecord.framework_id, ConsensusRecord.principle_id)
    )
    found: dict[int, dict[tuple[str, str], ConsensusRecord]] = {}
    for r in session.scalars(select(ConsensusRecord).where(ConsensusRecord.id.in_(newest))):
        found.setdefault(r.workshop_id, {})[(r.framework_id, r.principle_id)] = r
    return found


def erase_notes(session: Session, *, workshop_id: int) -> None:
    session.execute(update(ConsensusRecord).where(ConsensusRecord.workshop_id == workshop_id).values(note=None))
