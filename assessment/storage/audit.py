"""The audit log: who changed what, and when. Entries are added and never edited, except that erasing a
workshop's personal data (or deleting it) also erases what its entries copied of that data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessment.storage.models import AuditEntry


def insert(session: Session, *, actor: str, action: str, workshop_id: int | None, detail: dict[str, Any]) -> None:
    session.add(AuditEntry(actor=actor, action=action, workshop_id=workshop_id, detail=detail))


def newest(session: Session, *, workshop_ids: Sequence[int] | None = None, limit: int = 500) -> list[AuditEntry]:
    """The newest entries first; only those of the given workshops when `workshop_ids` is given."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if workshop_ids is not None:
        query = query.where(AuditEntry.workshop_id.in_(workshop_ids))
    return list(session.scalars(query))


def recorded(session: Session, *, workshop_id: int, action: str) -> bool:
    """Whether the workshop's log holds an entry of this action."""
    return session.scalar(select(AuditEntry.id).where(AuditEntry.workshop_id == workshop_id,
                                                      AuditEntry.action == action).limit(1)) is not None


# What a workshop's entries keep when they are scrubbed: which score or statement changed, and how; never an
# action's text or owner, a note or a comment, which can name people.
FACTS = frozenset({"framework", "principle", "statement", "score", "status", "due", "outcome", "form", "answers"})


def scrub(session: Session, *, workshop_id: int, replacement: str) -> None:
    """Replace every detail of the workshop's entries but the `FACTS` with `replacement`."""
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.workshop_id == workshop_id)):
        scrubbed = {key: value if key in FACTS else replacement for key, value in entry.detail.items()}
        if scrubbed != entry.detail:
            session.execute(update(AuditEntry).where(AuditEntry.id == entry.id).values(detail=scrubbed))
