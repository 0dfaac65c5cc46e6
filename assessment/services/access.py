"""Who may see and do what, when PlaceReady is hosted for many organisations.

An organisation (a consultancy, an ICS) owns its partnerships. Its members have one role each:
a viewer reads results, progress and system views; a facilitator also sets up and runs workshops,
imports answers and records agreed scores and actions; an owner also deletes workshops, erases
personal data and uploads frameworks. Every page that reads a partnership asks `may` first.

Run locally without sign-in, whoever holds the admin key is `Person.local_admin()` and sees everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.storage import crud
from assessment.storage.models import Membership, Partnership


class Role(IntEnum):
    """Ordered: each role may do everything the one below it may."""

    viewer = 1
    facilitator = 2
    owner = 3


@dataclass(frozen=True)
class Person:
    """Someone using the app's private pages."""

    name: str  # for the audit log: the e-mail address, or "local admin"
    roles: Mapping[int, Role] = field(default_factory=dict)  # organisation id → role
    everything: bool = False

    @classmethod
    def local_admin(cls) -> Person:
        return cls("local admin", everything=True)

    def role_in(self, partnership: Partnership) -> Role | None:
        if self.everything:
            return Role.owner
        if partnership.organisation_id is None:
            return None
        return self.roles.get(partnership.organisation_id)

    def may(self, partnership: Partnership, needed: Role) -> bool:
        role = self.role_in(partnership)
        return role is not None and role >= needed

    def organisations(self, needed: Role) -> list[int]:
        return sorted(org for org, role in self.roles.items() if role >= needed)


def signed_in(session: Session, *, email: str) -> Person:
    """A signed-in person with their roles, read afresh on every page so a removed member loses access at once."""
    email = crud.email_address(email)
    memberships = session.scalars(select(Membership).where(Membership.email == email))
    return Person(email, {m.organisation_id: Role[m.role] for m in memberships})


def partnerships(session: Session, person: Person, needed: Role = Role.viewer) -> list[Partnership]:
    """The partnerships this person may see (or act on, with a higher `needed`), by name."""
    if person.everything:
        return crud.partnerships(session)
    allowed = person.organisations(needed)
    if not allowed:
        return []
    return list(session.scalars(select(Partnership).where(Partnership.organisation_id.in_(allowed))
                                .order_by(Partnership.name, Partnership.place)))
