"""The audit log: who changed what, and when. Entries are added, never edited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
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
