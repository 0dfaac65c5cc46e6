"""Personal data: erasing it from a workshop, the retention rule, and the audit log of who changed what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.services.access import Actor, Refused, Role
from assessment.services.workshops import authorised
from assessment.settings import MIN_RETENTION_DAYS
from assessment.storage import actions, answers, audit, consensus, participants
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database

ERASED = "(erased)"


@dataclass(frozen=True)
class Erasure:
    """What erasing a workshop's personal data cleared, and the action text it kept."""

    actions_redacted: int
    actions_kept: list[str]  # the text of each action kept as it was


def actions_to_redact(db: Database, *, actor: Actor, workshop_id: int) -> dict[int, str]:
    """The workshop's actions (id → text), for its owner to choose those naming people before erasing."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.owner, what="Erasing personal data")
        return {action.id: action.text for action in actions.of_workshop(session, workshop_id=workshop_id)}


def erase_personal_data(db: Database, *, actor: Actor, workshop_id: int, redact: Sequence[int] = ()) -> Erasure:
    """What could identify someone goes; the anonymous scores stay, so the results still stand (owners only).

    Clears participants' organisation and sector, their comments (on every saved version), the notes of agreed
    scores, the owners of actions, the notes on earlier actions reviewed here, the text of the actions in `redact`
    (those the owner marks as naming people: "Ask Dr Jane Smith to…"), and whatever of these the audit log copied.
    PlaceReady never stores participants' names. Returns what it kept of the actions' text.
    """
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.owner, what="Erasing personal data")
        return _erase(session, actor, workshop_id, redact)


def _erase(session: Session, actor: Actor, workshop_id: int, redact: Sequence[int] = ()) -> Erasure:
    participants.erase_details(session, workshop_id=workshop_id)
    answers.erase_comments(session, workshop_id=workshop_id)
    consensus.erase_notes(session, workshop_id=workshop_id)
    actions.replace_owners(session, workshop_id=workshop_id, owner=ERASED)
    actions.erase_review_notes(session, workshop_id=workshop_id)
    redacted = actions.redact(session, workshop_id=workshop_id, action_ids=list(redact), text=ERASED) if redact else 0
    stored_workshops.change(session, workshop_id=workshop_id, personal_data_erased=True)
    audit.scrub(session, workshop_id=workshop_id, replacement=ERASED)
    audit.insert(session, actor=actor.name, action="personal data erased", workshop_id=workshop_id,
                 detail={"actions redacted": redacted})
    kept = [action.text for action in actions.of_workshop(session, workshop_id=workshop_id) if action.text != ERASED]
    return Erasure(redacted, kept)


def due_for_retention(db: Database, *, actor: Actor, days: int, today: date) -> list[int]:
    """The workshops held more than `days` days ago whose personal data is not yet erased."""
    if not actor.everything:
        raise Refused("The retention rule", Role.owner)
    if days < MIN_RETENTION_DAYS:
        raise InputError("--days", [Problem(f"{days} days is too short: personal data is kept at least "
                                            f"{MIN_RETENTION_DAYS} days, so that a workshop's report can be written")])
    with db.read() as session:
        return stored_workshops.held_before(session, cutoff=today - timedelta(days=days), personal_data_erased=False)


def apply_retention(db: Database, *, actor: Actor, days: int, today: date) -> list[int]:
    """Erase the personal data of every workshop held more than `days` days ago; returns their ids."""
    due = due_for_retention(db, actor=actor, days=days, today=today)
    with db.write() as session:
        for workshop_id in due:
            _erase(session, actor, workshop_id)
    return due


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    action: str
    workshop_id: int | None
    detail: dict[str, Any]


def audit_log(db: Database, *, actor: Actor, workshop_ids: Sequence[int] | None = None, limit: int = 500
              ) -> list[AuditLine]:
    """The newest entries first, of those of the given workshops the actor owns (all, for whoever may see
    everything): the log names who did what, so it is for owners."""
    if workshop_ids is None and not actor.everything:
        raise Refused("Reading the whole audit log", Role.owner)
    with db.read() as session:
        if workshop_ids is not None and not actor.everything:  # a deleted workshop's entries: the host's only
            owners = stored_workshops.organisations_of(session, workshop_ids=workshop_ids)
            workshop_ids = [w for w, organisation_id in owners.items()
                            if actor.may(Role.owner, organisation_id=organisation_id, workshop_id=w)]
        return [AuditLine(e.at, e.actor, e.action, e.workshop_id, dict(e.detail))
                for e in audit.newest(session, workshop_ids=workshop_ids, limit=limit)]
