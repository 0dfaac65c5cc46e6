"""Framework content as stored: each distinct content once, pinned by workshops, numbered when uploaded."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessment.storage.models import FrameworkVersion, utcnow


def by_digest(session: Session, *, digest: str) -> FrameworkVersion | None:
    return session.scalar(select(FrameworkVersion).where(FrameworkVersion.content_sha256 == digest))


def insert(session: Session, *, framework_id: str, version: int, digest: str, content: dict[str, Any]
           ) -> FrameworkVersion:
    row = FrameworkVersion(framework_id=framework_id, version=version, content_sha256=digest, content=content)
    session.add(row)
    session.flush()
    return row


def uploads_of(session: Session, *, framework_id: str) -> list[FrameworkVersion]:
    """Every uploaded version of one framework id, oldest first."""
    return list(session.scalars(select(FrameworkVersion).where(FrameworkVersion.framework_id == framework_id,
                                                                FrameworkVersion.uploaded_at.is_not(None))
                                .order_by(FrameworkVersion.version)))


def latest_uploads(session: Session) -> list[FrameworkVersion]:
    """The newest uploaded version of every framework id."""
    newest = (select(FrameworkVersion.framework_id, func.max(FrameworkVersion.version).label("version"))
              .where(FrameworkVersion.uploaded_at.is_not(None)).group_by(FrameworkVersion.framework_id).subquery())
    return list(session.scalars(select(FrameworkVersion).join(
        newest, (FrameworkVersion.framework_id == newest.c.framework_id) & (FrameworkVersion.version == newest.c.version))
        .where(FrameworkVersion.uploaded_at.is_not(None))))


def highest_upload_version(session: Session, *, framework_id: str) -> int:
    return session.scalar(select(func.max(FrameworkVersion.version)).where(
        FrameworkVersion.framework_id == framework_id, FrameworkVersion.uploaded_at.is_not(None))) or 0


def mark_uploaded(session: Session, *, row: FrameworkVersion, version: int, uploaded_by: str) -> None:
    """Make stored content an upload of the library, numbered `version`."""
    row.version, row.uploaded_at, row.uploaded_by = version, utcnow(), uploaded_by
    session.flush()
