"""Device sessions, so that a facilitator (or whoever runs PlaceReady) stays in control through a reload, a
new tab or a second device, and can end the session on any of them.

The facilitator link's key is exchanged for a session token when it is opened. The token goes in that
device's address bar — never the projector's, which shows the join code's read-only screen — so a reload
finds the session again. Only the token's SHA-256 is stored. A session ends when its facilitator ends it
from another device, or after a week without use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Role
from assessment.services.workshops import authorised
from assessment.storage import access_sessions as stored
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import utcnow

FACILITATOR, ADMIN = "facilitator", "admin"
IDLE_LIMIT = timedelta(days=7)
SEEN_EVERY = timedelta(minutes=1)  # last-seen times are kept to the minute, not written on every rerun


@dataclass(frozen=True)
class Grant:
    """What a session token opens."""

    session_id: int
    kind: str
    workshop_id: int | None


@dataclass(frozen=True)
class Device:
    session_id: int
    device: str
    started: datetime
    last_seen: datetime


def _start(db: Database, *, kind: str, workshop_id: int | None, device: str) -> str:
    token = codes.new_key()
    with db.write() as session:
        stored.insert(session, token_sha256=codes.digest(token), kind=kind, workshop_id=workshop_id,
                      device=device[:200] or "a device")
    return token


def start_with_key(db: Database, *, key: str, device: str) -> tuple[int, str] | None:
    """The workshop a facilitator link opens and a new session token for this device; None if it opens none."""
    with db.read() as session:
        workshop = stored_workshops.by_facilitator_key(session, key_sha256=codes.digest(key.strip()))
        workshop_id = workshop.id if workshop else None
    if workshop_id is None:
        return None
    return workshop_id, _start(db, kind=FACILITATOR, workshop_id=workshop_id, device=device)


def start_admin(db: Database, *, device: str) -> str:
    """A session for whoever holds the admin key (the caller has checked it)."""
    return _start(db, kind=ADMIN, workshop_id=None, device=device)


def add_device(db: Database, *, actor: Actor, workshop_id: int, device: str) -> str:
    """A new facilitator session for another device (a tablet beside the laptop), made from one in control."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Adding a device")
    return _start(db, kind=FACILITATOR, workshop_id=workshop_id, device=device)


def resolve(db: Database, *, token: str, now: datetime | None = None) -> Grant | None:
    """What this token opens now; None once it has ended, idled out or never existed."""
    now = now or utcnow()
    with db.read() as session:
        row = stored.by_token(session, token_sha256=codes.digest(token.strip()))
        if row is None or row.ended_at is not None or now - row.last_seen_at > IDLE_LIMIT:
            return None
        grant, last_seen = Grant(row.id, row.kind, row.workshop_id), row.last_seen_at
    if now - last_seen > SEEN_EVERY:
        with db.write() as session:
            stored.touch(session, session_id=grant.session_id, at=now)
    return grant


def devices(db: Database, *, actor: Actor, workshop_id: int) -> list[Device]:
    """The facilitator sessions still open on this workshop, newest first."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Listing devices")
        return [Device(row.id, row.device, row.created_at, row.last_seen_at)
                for row in stored.of_workshop(session, workshop_id=workshop_id, kind=FACILITATOR)]


def end_sessions(db: Database, *, actor: Actor, workshop_id: int, session_ids: list[int]) -> None:
    """End facilitator sessions of this workshop: those devices are locked out at their next step."""
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Ending a session")
        open_ids = {row.id for row in stored.of_workshop(session, workshop_id=workshop_id, kind=FACILITATOR)}
        unknown = [i for i in session_ids if i not in open_ids]
        if unknown:
            raise InputError("Ending a session", [Problem("that session is not one of this workshop's")])
        stored.end(session, session_ids=session_ids)
