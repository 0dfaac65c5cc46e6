"""The framework library: the built-in frameworks and those uploaded, each upload numbered per framework id.

An upload with an id already in the library and different content becomes that id's next version;
the same content again changes nothing. Workshops pin the exact content they ran with, so a new
version never changes a workshop already set up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessment.storage import crud
from assessment.errors import InputError, Problem
from assessment.content.framework import BUILTIN_DIR, Framework, builtin_frameworks, parse_framework
from assessment.storage.models import FrameworkVersion, utcnow

TEMPLATE_FILE = BUILTIN_DIR / "templates" / "framework-template.yaml"
MAX_UPLOAD_BYTES = 512 * 1024
MAX_STATEMENTS = 200  # in all; the model already caps principles (40) and statements per principle (50)


@dataclass(frozen=True)
class Entry:
    """One version of a framework in the library."""

    framework: Framework
    version: int
    builtin: bool
    uploaded_at: datetime | None = None
    uploaded_by: str | None = None

    @property
    def label(self) -> str:
        origin = "built in" if self.builtin else f"version {self.version}, uploaded {self.uploaded_at:%Y-%m-%d}"
        return f"{self.framework.title} ({origin})"


@dataclass(frozen=True)
class Added:
    entry: Entry
    new: bool  # False when the library already held exactly this content


def read_upload(raw: bytes, *, source: str) -> Framework:
    """A framework from an uploaded file, checked whole: size first, then YAML, then content and limits."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(source, [Problem(f"the file is {len(raw) / 1024:,.0f} KB; a framework file may be at most "
                                          f"{MAX_UPLOAD_BYTES // 1024} KB")])
    framework = parse_framework(raw, source=source)
    if len(framework.statements) > MAX_STATEMENTS:
        raise InputError(source, [Problem(f"{len(framework.statements)} statements in all; a framework may have at "
                                          f"most {MAX_STATEMENTS}", location="principles")])
    return framework


def _builtin() -> list[Entry]:
    return [Entry(f, f.version, builtin=True) for f in builtin_frameworks()]


def _uploaded(row: FrameworkVersion) -> Entry:
    return Entry(crud.pinned_framework(row), row.version, builtin=False, uploaded_at=row.uploaded_at,
                 uploaded_by=row.uploaded_by)


def versions(session: Session, *, framework_id: str) -> list[Entry]:
    """Every version of one framework, oldest first."""
    builtin = [e for e in _builtin() if e.framework.id == framework_id]
    rows = session.scalars(select(FrameworkVersion).where(FrameworkVersion.framework_id == framework_id,
                                                          FrameworkVersion.uploaded_at.is_not(None))
                           .order_by(FrameworkVersion.version))
    return builtin + [_uploaded(row) for row in rows]


def latest(session: Session) -> list[Entry]:
    """The newest version of every framework: built-in ones first, then uploads by title."""
    newest = (select(FrameworkVersion.framework_id, func.max(FrameworkVersion.version).label("version"))
              .where(FrameworkVersion.uploaded_at.is_not(None)).group_by(FrameworkVersion.framework_id).subquery())
    rows = session.scalars(select(FrameworkVersion).join(
        newest, (FrameworkVersion.framework_id == newest.c.framework_id) & (FrameworkVersion.version == newest.c.version))
        .where(FrameworkVersion.uploaded_at.is_not(None)))
    return _builtin() + sorted((_uploaded(row) for row in rows), key=lambda e: e.framework.title.casefold())


def add(session: Session, *, framework: Framework, uploaded_by: str | None = None) -> Added:
    """Put an uploaded framework in the library: a new version when its content is new."""
    if framework.id in {e.framework.id for e in _builtin()}:
        raise InputError("Framework id", [Problem(f"'{framework.id}' is a built-in framework's id; give your "
                                                  "framework an id of its own, e.g. my-place-principles",
                                                  location="id")])
    pinned = crud.pin_framework(session, framework=framework)
    if pinned.uploaded_at is not None:
        return Added(_uploaded(pinned), new=False)
    highest = session.scalar(select(func.max(FrameworkVersion.version)).where(
        FrameworkVersion.framework_id == framework.id, FrameworkVersion.uploaded_at.is_not(None)))
    pinned.version = (highest or 0) + 1
    pinned.uploaded_at = utcnow()
    pinned.uploaded_by = uploaded_by
    crud.audit(session, actor=uploaded_by or crud.LOCAL_ACTOR, action="framework uploaded", workshop_id=None,
               detail={"framework": framework.id, "version": pinned.version})
    session.flush()
    return Added(_uploaded(pinned), new=True)
