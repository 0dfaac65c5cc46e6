"""Organisations and their members: who signs in, with which role, in which organisation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.services import entries
from assessment.services.access import Actor, Refused, Role
from assessment.storage import audit
from assessment.storage import organisations as stored
from assessment.storage.db import Database


@dataclass(frozen=True)
class OrganisationView:
    id: int
    name: str
    members: tuple[tuple[str, str], ...]  # (e-mail, role), by e-mail


def actor_for(db: Database, *, email: str) -> Actor:
    """A signed-in person with their roles, read afresh on every page so a removed member loses access at once."""
    address = entries.email_address(email)
    with db.read() as session:
        return Actor(address, {m.organisation_id: Role[m.role] for m in stored.memberships_of(session, email=address)})


def create_organisation(db: Database, *, actor: Actor, name: str, owner_email: str) -> int:
    """A new organisation and its first owner (whoever runs the server: the command line)."""
    if not actor.everything:
        raise Refused("Creating an organisation", Role.owner)
    cleaned = entries.clean(name, field="Organisation", limit=entries.MAX_NAME)
    if not cleaned:
        raise InputError("New organisation", [Problem("required", location="Organisation")])
    with db.write() as session:
        if stored.named(session, name=cleaned) is not None:
            raise InputError("New organisation", [Problem(f"'{cleaned}' already exists", location="Organisation")])
        organisation = stored.insert(session, name=cleaned)
        _set_role(session, actor, organisation.id, owner_email, Role.owner.name)
        return organisation.id


def organisation_id(db: Database, *, name: str) -> int:
    with db.read() as session:
        found = stored.named(session, name=name)
    if found is None:
        raise InputError("--organisation", [Problem(f"no organisation is called '{name}'")])
    return found.id


def set_member(db: Database, *, actor: Actor, organisation_id: int, email: str, role: str) -> None:
    """Give someone a role in an organisation, or change it (owners only)."""
    actor.require(Role.owner, organisation_id=organisation_id, what="Managing members")
    with db.write() as session:
        _set_role(session, actor, organisation_id, email, role)


def _set_role(session: Session, actor: Actor, organisation_id: int, email: str, role: str) -> None:
    address = entries.email_address(email)
    problems = []
    if "@" not in address or len(address) > 320:
        problems.append(Problem("give the e-mail address the person signs in with", location="E-mail"))
    if role not in Role.__members__:
        problems.append(Problem("must be owner, facilitator or viewer", location="Role"))
    if problems:
        raise InputError("Member", problems)
    stored.set_role(session, organisation_id=organisation_id, email=address, role=role)
    audit.insert(session, actor=actor.name, action="member role", workshop_id=None,
                 detail={"organisation": organisation_id, "email": address, "role": role})


def remove_member(db: Database, *, actor: Actor, organisation_id: int, email: str) -> bool:
    """Take someone's role away (owners only); False when they had none. Access ends on their next page."""
    actor.require(Role.owner, organisation_id=organisation_id, what="Managing members")
    address = entries.email_address(email)
    with db.write() as session:
        removed = stored.remove_member(session, organisation_id=organisation_id, email=address)
        if removed:
            audit.insert(session, actor=actor.name, action="member removed", workshop_id=None,
                         detail={"organisation": organisation_id, "email": address})
    return removed


def organisations(db: Database, *, actor: Actor, needed: Role) -> list[OrganisationView]:
    """The organisations in which the actor has at least `needed`, with their members."""
    with db.read() as session:
        return [OrganisationView(o.id, o.name, tuple((m.email, m.role) for m in o.members))
                for o in stored.with_ids(session, ids=actor.organisations(needed))]
