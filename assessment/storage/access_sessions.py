"""Sessions of facilitators' and admins' browsers, and one-time links for another device, each known by a hash."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessment.storage.models import AccessSession, utcnow


def insert(session: Session, *, holder_sha256: str, kind: str, workshop_id: int | None, device: str,
           key_fingerprint: str | None = None) -> AccessSession:
    row = AccessSession(holder_sha256=holder_sha256, kind=kind, workshop_id=workshop_id, device=device,
                        key_fingerprint=key_fingerprint)
    session.add(row)
    session.flush()
    return row


def of_holder(session: Session, *, holder_sha256: str, kind: str | None = None,
              ended_since: datetime | None = None) -> list[AccessSession]:
    """The holder's sessions not yet ended (and, with `ended_since`, those ended since then), of one kind when given,
    newest first."""
    still = AccessSession.ended_at.is_(None)
    query = select(AccessSession).where(AccessSession.holder_sha256 == holder_sha256,
                                        still if ended_since is None else still | (AccessSession.ended_at >= ended_since))
    if kind is not None:
        query = query.where(AccessSession.kind == kind)
    return list(session.scalars(query.order_by(AccessSession.id.desc())))


def touch(session: Session, *, session_ids: Sequence[int], at: datetime) -> None:
    session.execute(update(AccessSession).where(AccessSession.id.in_(session_ids)).values(last_seen_at=at))


def open_of_kind(session: Session, *, kind: str, workshop_id: int | None = None) -> list[AccessSession]:
    """The sessions of this kind (of this workshop, when given) not yet ended, newest first."""
    query = select(AccessSession).where(AccessSession.kind == kind, AccessSession.ended_at.is_(None))
    if workshop_id is not None:
        query = query.where(AccessSession.workshop_id == workshop_id)
    return list(session.scalars(query.order_by(AccessSession.id.desc())))


def end(session: Session, *, session_ids: Sequence[int]) -> None:
    session.execute(update(AccessSession).where(AccessSession.id.in_(session_ids), AccessSession.ended_at.is_(None))
                    .values(ended_at=utcnow()))
