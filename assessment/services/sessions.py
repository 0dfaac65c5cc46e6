"""Control belongs to a browser: the sessions of facilitators' and admins' browsers, and ending them.

Every browser carries a random device cookie (HttpOnly; `pages/custody.py` sets it). Opening a private link
(a workshop's facilitator link, or the admin link) makes a session of that browser — known by the SHA-256 of its
cookie — and the address then carries no credential: copying any address into another browser opens nothing.
Each browser is its own device in the workshop's list, with when it was last seen, and ending one ends only it.
A **new facilitator link** changes the workshop's key and its screen link and ends every device's session but the
one that asked. An admin session counts only while the admin key it was opened with is the current one.

A session ends when it is ended, after its idle time without use, or at its absolute lifetime, whichever comes
first. "Add another device" makes a one-time link (15 minutes, one use) rather than passing a session around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Refused, Role
from assessment.services.workshops import authorised
from assessment.storage import access_sessions as stored
from assessment.storage import audit
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import AccessSession, utcnow

FACILITATOR, ADMIN, INVITE = "facilitator", "admin", "invite"
SEEN_EVERY = timedelta(minutes=1)  # last-seen times are kept to the minute, not written on every rerun
ENDED_NOTICE = timedelta(days=1)  # a browser whose control was ended is told so for this long, reloads included


@dataclass(frozen=True)
class Lifetime:
    idle: timedelta  # ends after this long unused
    absolute: timedelta  # ends this long after it began, used or not


LIFETIMES = {
    FACILITATOR: Lifetime(idle=timedelta(days=7), absolute=timedelta(days=30)),  # set up a week ahead, run, report
    ADMIN: Lifetime(idle=timedelta(hours=12), absolute=timedelta(days=7)),  # opens everything: shorter
    INVITE: Lifetime(idle=timedelta(minutes=15), absolute=timedelta(minutes=15)),
}


@dataclass(frozen=True)
class Held:
    """What this browser controls now."""

    admin: int | None = None  # its admin session's id
    facilitating: dict[int, int] = field(default_factory=dict)  # workshop id → its session's id, newest first
    ended: bool = False  # it controls nothing now, and its control of a workshop was ended in the last day

    @property
    def anything(self) -> bool:
        return self.admin is not None or bool(self.facilitating)


@dataclass(frozen=True)
class Device:
    session_id: int
    device: str
    started: datetime
    last_seen: datetime


def admin_fingerprint(key: str) -> str:
    """What an admin session keeps of the key it was opened with: enough to tell keys apart, not the key."""
    return codes.digest(f"admin key:{key}")


def _live(row: AccessSession, now: datetime, admin_key_fingerprint: str | None) -> bool:
    lifetime = LIFETIMES[row.kind]
    if now - row.last_seen_at > lifetime.idle or now - row.created_at > lifetime.absolute:
        return False
    return row.kind != ADMIN or row.key_fingerprint == admin_key_fingerprint


def open_with_key(db: Database, *, key: str, holder: str, device: str) -> int | None:
    """Make this browser a device of the workshop whose facilitator link (or one-time device link) holds `key`;
    the workshop's id, or None when the key opens none."""
    key_sha256, now = codes.digest(key.strip()), utcnow()
    with db.write() as session:
        workshop = stored_workshops.by_facilitator_key(session, key_sha256=key_sha256)
        workshop_id = workshop.id if workshop else None
        if workshop_id is None:  # a one-time link for another device, used now
            invite = next(iter(stored.of_holder(session, holder_sha256=key_sha256, kind=INVITE)), None)
            if invite is None or not _live(invite, now, None):
                return None
            stored.end(session, session_ids=[invite.id])
            workshop_id = invite.workshop_id
        _start(session, holder=holder, kind=FACILITATOR, workshop_id=workshop_id, device=device, now=now)
        return workshop_id


def _start(session: Session, *, holder: str, kind: str, workshop_id: int | None, device: str, now: datetime,
           fingerprint: str | None = None) -> None:
    """A session of this browser; one it holds already (the link opened again) is carried on, not doubled."""
    holder_sha256 = codes.digest(holder)
    held = next((row for row in stored.of_holder(session, holder_sha256=holder_sha256, kind=kind)
                 if row.workshop_id == workshop_id and _live(row, now, fingerprint)), None)
    if held is not None:
        stored.touch(session, session_ids=[held.id], at=now)
        return
    stored.insert(session, holder_sha256=holder_sha256, kind=kind, workshop_id=workshop_id,
                  device=device[:200] or "A browser", key_fingerprint=fingerprint)


def open_admin(db: Database, *, holder: str, device: str, admin_key: str) -> None:
    """Make this browser an admin device (the caller has checked `admin_key` is the current one)."""
    with db.write() as session:
        _start(session, holder=holder, kind=ADMIN, workshop_id=None, device=device, now=utcnow(),
               fingerprint=admin_fingerprint(admin_key))


def held(db: Database, *, holder: str, admin_key: str | None, now: datetime | None = None) -> Held:
    """What this browser's sessions open now (none once ended, idle or past their lifetime; an admin session only
    under the admin key it was opened with: `admin_key` None, as with sign-in, opens none)."""
    now = now or utcnow()
    fingerprint = admin_fingerprint(admin_key) if admin_key else None
    with db.read() as session:
        found = stored.of_holder(session, holder_sha256=codes.digest(holder), ended_since=now - ENDED_NOTICE)
        rows = [row for row in found if row.ended_at is None and row.kind in (FACILITATOR, ADMIN)
                and _live(row, now, fingerprint)]
        stale = [row.id for row in rows if now - row.last_seen_at > SEEN_EVERY]
    if stale:
        with db.write() as session:
            stored.touch(session, session_ids=stale, at=now)
    admin = next((row.id for row in rows if row.kind == ADMIN), None)
    facilitating: dict[int, int] = {}
    for row in rows:
        if row.kind == FACILITATOR and row.workshop_id is not None:
            facilitating.setdefault(row.workshop_id, row.id)
    ended = not rows and any(row.kind == FACILITATOR and row.ended_at is not None for row in found)
    return Held(admin, facilitating, ended)


def _devices(rows: list[AccessSession], now: datetime, fingerprint: str | None = None) -> list[Device]:
    return [Device(row.id, row.device, row.created_at, row.last_seen_at)
            for row in rows if _live(row, now, fingerprint)]


def devices(db: Database, *, actor: Actor, workshop_id: int) -> list[Device]:
    """The browsers in control of this workshop now, newest first."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Listing devices")
        return _devices(stored.open_of_kind(session, kind=FACILITATOR, workshop_id=workshop_id), utcnow())


def end_sessions(db: Database, *, actor: Actor, workshop_id: int, session_ids: list[int]) -> None:
    """End facilitator sessions of this workshop: those browsers are locked out at their next step."""
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Ending a session")
        open_ids = {row.id for row in stored.open_of_kind(session, kind=FACILITATOR, workshop_id=workshop_id)}
        if any(i not in open_ids for i in session_ids):
            raise InputError("Ending a session", [Problem("that session is not one of this workshop's")])
        stored.end(session, session_ids=session_ids)


def invite_device(db: Database, *, actor: Actor, workshop_id: int) -> str:
    """A one-time key for another device's link (a tablet beside the laptop): one use, within 15 minutes."""
    key = codes.new_key()
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Adding a device")
        stored.insert(session, holder_sha256=codes.digest(key), kind=INVITE, workshop_id=workshop_id,
                      device="one-time link")
    return key


def new_facilitator_link(db: Database, *, actor: Actor, workshop_id: int, holder: str, device: str) -> str:
    """Change the workshop's facilitator key and screen link, and end every device's session (and one-time link);
    this browser, which asked, stays in control. Returns the new key: its link is shown once."""
    key = codes.new_key()
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Making a new facilitator link")
        stored_workshops.change(session, workshop_id=workshop_id, facilitator_key_sha256=codes.digest(key),
                                screen_key=codes.new_key())
        ended = [row.id for kind in (FACILITATOR, INVITE)
                 for row in stored.open_of_kind(session, kind=kind, workshop_id=workshop_id)]
        stored.end(session, session_ids=ended)
        _start(session, holder=holder, kind=FACILITATOR, workshop_id=workshop_id, device=device, now=utcnow())
        audit.insert(session, actor=actor.name, action="new facilitator link", workshop_id=workshop_id,
                     detail={"sessions ended": len(ended)})
    return key


def admin_sessions(db: Database, *, actor: Actor, admin_key: str) -> list[Device]:
    """The browsers holding the admin pages now, newest first (for whoever may see everything)."""
    if not actor.everything:
        raise Refused("Listing admin sessions", Role.owner)
    with db.read() as session:
        return _devices(stored.open_of_kind(session, kind=ADMIN), utcnow(), admin_fingerprint(admin_key))


def end_admin_sessions(db: Database, *, actor: Actor, session_ids: list[int]) -> None:
    if not actor.everything:
        raise Refused("Ending admin sessions", Role.owner)
    with db.write() as session:
        open_ids = {row.id for row in stored.open_of_kind(session, kind=ADMIN)}
        if any(i not in open_ids for i in session_ids):
            raise InputError("Ending a session", [Problem("that is not an admin session")])
        stored.end(session, session_ids=session_ids)
