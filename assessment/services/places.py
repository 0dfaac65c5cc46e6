"""Places (partnerships) and their workshops as an actor may see them, and the systems they sit in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.services import entries
from assessment.services.access import Actor, Role
from assessment.storage import partnerships as stored
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import Partnership


@dataclass(frozen=True)
class WorkshopLine:
    id: int
    title: str
    held_on: date
    join_code: str
    scoring_open: bool
    archived: bool
    people: int


@dataclass(frozen=True)
class Place:
    id: int
    label: str
    system: str | None
    role: Role | None  # the actor's role on it
    workshops: tuple[WorkshopLine, ...]  # oldest first


def place_label(partnership: Partnership) -> str:
    return partnership.name if partnership.name == partnership.place else f"{partnership.name} ({partnership.place})"


def _organisations_seen(actor: Actor, needed: Role) -> list[int] | None:
    """The organisations whose places the actor may see (or act on); None for all of them. An empty list finds
    nothing: SQLAlchemy turns an empty IN into a condition no row meets."""
    return None if actor.everything else actor.organisations(needed)


def visible(session: Session, *, actor: Actor, needed: Role = Role.viewer) -> list[Partnership]:
    """The partnerships this actor may see (or act on, with a higher `needed`), by name."""
    return stored.every(session, organisation_ids=_organisations_seen(actor, needed))


def places(db: Database, *, actor: Actor) -> list[Place]:
    """Every place the actor may see with its workshops and how many people joined each (one count query)."""
    with db.read() as session:
        found = visible(session, actor=actor)
        counts = stored_workshops.participant_counts(
            session, workshop_ids=[w.id for p in found for w in p.workshops])
        return [Place(p.id, place_label(p), p.system.name if p.system else None,
                      actor.role_for(organisation_id=p.organisation_id),
                      tuple(WorkshopLine(w.id, w.title, w.held_on, w.join_code, w.scoring_open, w.archived,
                                         counts.get(w.id, 0)) for w in p.workshops))
                for p in found]


def systems(db: Database, *, actor: Actor) -> dict[int, str]:
    """The systems of the places the actor may see: id → name."""
    with db.read() as session:
        return stored.systems_of(session, organisation_ids=_organisations_seen(actor, Role.viewer))


def place_in_system(db: Database, *, actor: Actor, partnership_id: int, system_name: str | None) -> None:
    """Put a place in a system (made on first use), or take it out with None (facilitators)."""
    with db.write() as session:
        place_into(session, actor=actor, partnership_id=partnership_id, system_name=system_name)


def place_into(session: Session, *, actor: Actor, partnership_id: int, system_name: str | None) -> None:
    """`place_in_system` inside a caller's transaction."""
    partnership = stored.get(session, partnership_id=partnership_id)
    if partnership is None:
        raise InputError("System", [Problem("this place no longer exists")])
    actor.require(Role.facilitator, organisation_id=partnership.organisation_id, what="Putting a place in a system")
    name = entries.clean(system_name, field="System", limit=entries.MAX_NAME)
    if name is None:
        stored.set_system(session, partnership_id=partnership_id, system_id=None)
        return
    system = stored.system_named(session, name=name) or stored.insert_system(session, name=name)
    stored.set_system(session, partnership_id=partnership_id, system_id=system.id)
