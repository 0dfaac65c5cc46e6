"""Sessions of facilitators', admins' and projectors' devices, each known by the hash of its token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessment.storage.models import AccessSession, utcnow


def insert(session: Session, *, token_sha256: str, kind: str, workshop_id: int | None, device: str) -> AccessSession:
    row = AccessSession(token_sha256=token_sha256, kind=kind, workshop_id=workshop_id, device=device)
    session.add(row)
    session.flush()
    return row


def by_token(session: Session, *, token_sha256: str) -> AccessSession | None:
    return session.scalar(select(AccessSession).where(AccessSession.token_sha256 == token_sha256))


def touch(session: Session, *, session_id: int, at: datetime) -> None:
    session.execute(update(AccessSession).where(AccessSession.id == session_id).values(last_seen_at=at))


def of_workshop(session: Session, *, workshop_id: int, kind: str) -> list[AccessSession]:
    """The sessions still going, newest first."""
    return list(session.scalars(select(AccessSession).where(
        AccessSession.workshop_id == workshop_id, AccessSession.kind == kind, AccessSession.ended_at.is_(None))
        .order_by(AccessSession.id.desc())))


def end(session: Session, *, session_ids: list[int]) -> None:
    session.execute(update(AccessSession).where(AccessSession.id.in_(session_ids), AccessSession.ended_at.is_(None))
                    .values(ended_at=utcnow()))
