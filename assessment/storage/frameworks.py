"""Framework content as stored: each distinct content once (pinned by workshops), and the uploads of each
organisation's library, numbered per framework id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from assessment.storage.models import FrameworkVersion, LibraryEntry


def by_digest(session: Session, *, digest: str) -> FrameworkVersion | None:
    return session.scalar(select(FrameworkVersion).where(FrameworkVersion.content_sha256 == digest))


def insert(session: Session, *, framework_id: str, version: int, digest: str, content: dict[str, Any]
           ) -> FrameworkVersion:
    row = FrameworkVersion(framework_id=framework_id, version=version, content_sha256=digest, content=content)
    session.add(row)
    session.flush()
    return row


_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def _in_libraries(query: _Query, organisation_ids: Sequence[int | None] | None) -> _Query:
    """Only entries of these libraries (None in the list: the library without sign-in; None for the list: all)."""
    if organisation_ids is None:
        return query
    known = [i for i in organisation_ids if i is not None]
    owner: ColumnElement[bool] = LibraryEntry.organisation_id.in_(known)
    if None in organisation_ids:
        owner = owner | LibraryEntry.organisation_id.is_(None)
    return query.where(owner)


def uploads_of(session: Session, *, framework_id: str,
               organisation_ids: Sequence[int | None] | None) -> list[LibraryEntry]:
    """Every upload of one framework id to these libraries (None: the library without sign-in), oldest first."""
    return list(session.scalars(_in_libraries(select(LibraryEntry).where(LibraryEntry.framework_id == framework_id),
                                              organisation_ids).order_by(LibraryEntry.version)))


def latest_uploads(session: Session, *, organisation_ids: Sequence[int | None] | None) -> list[LibraryEntry]:
    """The newest upload of every framework id in each of these libraries."""
    owner = func.coalesce(LibraryEntry.organisation_id, 0)
    newest = (select(owner.label("owner"), LibraryEntry.framework_id, func.max(LibraryEntry.version).label("version"))
              .group_by(owner, LibraryEntry.framework_id).subquery())
    query = select(LibraryEntry).join(newest, (func.coalesce(LibraryEntry.organisation_id, 0) == newest.c.owner)
                                      & (LibraryEntry.framework_id == newest.c.framework_id)
                                      & (LibraryEntry.version == newest.c.version))
    return list(session.scalars(_in_libraries(query, organisation_ids)))


def entry_of(session: Session, *, organisation_id: int | None, framework_version_id: int) -> LibraryEntry | None:
    """The library's upload of exactly this content, if it has one."""
    return session.scalar(_in_libraries(select(LibraryEntry).where(
        LibraryEntry.framework_version_id == framework_version_id), [organisation_id]))


def highest_version(session: Session, *, organisation_id: int | None, framework_id: str) -> int:
    return session.scalar(_in_libraries(select(func.max(LibraryEntry.version)).where(
        LibraryEntry.framework_id == framework_id), [organisation_id])) or 0


def add_entry(session: Session, *, organisation_id: int | None, framework_version_id: int, framework_id: str,
              version: int, uploaded_by: str) -> LibraryEntry:
    entry = LibraryEntry(organisation_id=organisation_id, framework_version_id=framework_version_id,
                         framework_id=framework_id, version=version, uploaded_by=uploaded_by)
    session.add(entry)
    session.flush()
    return entry
