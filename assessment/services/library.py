"""The framework library: the built-in frameworks and those uploaded, each upload numbered per framework id.

An upload with an id already in the library and different content becomes that id's next version;
the same content again changes nothing. Workshops pin the exact content they ran with, so a new
version never changes a workshop already set up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from assessment.content.foundations import foundation_problems
from assessment.content.framework import BUILTIN_DIR, Framework, builtin_frameworks, parse_framework
from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Refused, Role
from assessment.settings import get_settings
from assessment.storage import audit
from assessment.storage import frameworks as stored
from assessment.storage.db import Database
from assessment.storage.models import FrameworkVersion, LibraryEntry

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
    organisation_id: int | None = None  # whose library it is in (None: the library without sign-in)

    @property
    def label(self) -> str:
        origin = "built in" if self.builtin else f"version {self.version}, uploaded {self.uploaded_at:%Y-%m-%d}"
        return f"{self.framework.title} ({origin})"


@dataclass(frozen=True)
class Added:
    entry: Entry
    new: bool  # False when the library already held exactly this content


def read_upload(raw: bytes, *, source: str) -> Framework:
    """A framework from an uploaded file, checked whole: size first, then YAML, then content and limits, then that
    the principles it rests on (`rests_on`) are principles of built-in frameworks."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(source, [Problem(f"the file is {len(raw) / 1024:,.0f} KB; a framework file may be at most "
                                          f"{MAX_UPLOAD_BYTES // 1024} KB")])
    framework = parse_framework(raw, source=source)
    if len(framework.statements) > MAX_STATEMENTS:
        raise InputError(source, [Problem(f"{len(framework.statements)} statements in all; a framework may have at "
                                          f"most {MAX_STATEMENTS}", location="principles")])
    if problems := foundation_problems(framework, {f.id: f for f in builtin_frameworks()}):
        raise InputError(source, problems)
    return framework


_PINNED: dict[str, Framework] = {}  # content digest → framework; pinned content never changes


def pinned(row: FrameworkVersion) -> Framework:
    """The framework stored content is, validated once per process (its content is read from the database
    only then: a workshop's frameworks are usually known by their digest alone)."""
    if row.content_sha256 not in _PINNED:
        _PINNED[row.content_sha256] = Framework.model_validate(row.content)
    return _PINNED[row.content_sha256]


def pinned_by_digests(session: Session, *, digests: Sequence[str]) -> tuple[Framework, ...]:
    """`pinned` for the stored contents with these digests, in their order (each read from the database only when
    this process first meets it)."""
    frameworks = []
    for digest in digests:
        if digest not in _PINNED:
            row = stored.by_digest(session, digest=digest)
            if row is None:
                raise LookupError(f"no framework content with digest {digest}")
            pinned(row)
        frameworks.append(_PINNED[digest])
    return tuple(frameworks)


def pin(session: Session, *, framework: Framework) -> FrameworkVersion:
    """The stored copy of exactly this framework content, made on first use."""
    content = framework.model_dump(mode="json")
    digest = codes.digest(json.dumps(content, sort_keys=True, ensure_ascii=False))
    return (stored.by_digest(session, digest=digest)
            or stored.insert(session, framework_id=framework.id, version=framework.version, digest=digest,
                             content=content))


def _builtin() -> list[Entry]:
    return [Entry(f, f.version, builtin=True) for f in builtin_frameworks()]


def _uploaded(row: LibraryEntry) -> Entry:
    return Entry(pinned(row.framework_version), row.version, builtin=False,
                 uploaded_at=row.uploaded_at, uploaded_by=row.uploaded_by, organisation_id=row.organisation_id)


def libraries(actor: Actor, needed: Role = Role.viewer) -> list[int | None] | None:
    """The libraries the actor may read (or, with `needed=Role.owner`, add to); None means all of them.

    Without sign-in there is one library (None), read by all and added to by the admin; with sign-in each
    organisation has its own, read by its members and added to by its owners. The admin and the command
    line reach every library; uploads made before sign-in was turned on stay in library None, which then
    only they see.
    """
    if actor.everything:
        return None
    if not get_settings().sign_in:
        return [None] if needed <= Role.viewer else []
    return list(actor.organisations(needed))


def versions(db: Database, *, actor: Actor, framework_id: str) -> list[Entry]:
    """Every version of one framework the actor may read, oldest first."""
    with db.read() as session:
        rows = stored.uploads_of(session, framework_id=framework_id, organisation_ids=libraries(actor))
        return [e for e in _builtin() if e.framework.id == framework_id] + [_uploaded(row) for row in rows]


def latest(db: Database, *, actor: Actor) -> list[Entry]:
    """The newest version of every framework the actor may use: built-in ones first, then uploads by title."""
    with db.read() as session:
        uploads = [_uploaded(row) for row in stored.latest_uploads(session, organisation_ids=libraries(actor))]
    return _builtin() + sorted(uploads, key=lambda e: e.framework.title.casefold())


def add(db: Database, *, actor: Actor, framework: Framework, organisation_id: int | None = None) -> Added:
    """Put an uploaded framework in an organisation's library (its owners only; without sign-in, whoever runs
    PlaceReady): a new version when its content is new to that library."""
    allowed = libraries(actor, Role.owner)
    if allowed is not None and organisation_id not in allowed:
        raise Refused("Uploading a framework", Role.owner)
    if framework.id in {e.framework.id for e in _builtin()}:
        raise InputError("Framework id", [Problem(f"'{framework.id}' is a built-in framework's id; give your "
                                                  "framework an id of its own, e.g. my-place-principles",
                                                  location="id")])
    with db.write() as session:
        content = pin(session, framework=framework)
        if (already := stored.entry_of(session, organisation_id=organisation_id,
                                       framework_version_id=content.id)) is not None:
            return Added(_uploaded(already), new=False)
        version = stored.highest_version(session, organisation_id=organisation_id, framework_id=framework.id) + 1
        entry = stored.add_entry(session, organisation_id=organisation_id, framework_version_id=content.id,
                                 framework_id=framework.id, version=version, uploaded_by=actor.name)
        audit.insert(session, actor=actor.name, action="framework uploaded", workshop_id=None,
                     detail={"framework": framework.id, "version": version, "organisation": organisation_id})
        return Added(_uploaded(entry), new=True)
