"""Who may see and do what. Every service that changes or reveals a workshop asks here first.

An organisation (a consultancy, an ICS) owns its partnerships when PlaceReady is hosted with sign-in.
Its members have one role each: a viewer reads results, progress and system views; a facilitator also
sets up and runs workshops, imports answers and records agreed scores and actions; an owner also
deletes workshops, erases personal data, uploads frameworks and manages members.

Without sign-in, whoever holds the admin key (and the command line) may do everything, and whoever
opened a workshop's facilitator link facilitates that workshop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from assessment.errors import InputError, Problem


class Role(IntEnum):
    """Ordered: each role may do everything the one below it may."""

    viewer = 1
    facilitator = 2
    owner = 3


class Refused(InputError):
    """The actor lacks the role an action needs; nothing was changed."""

    def __init__(self, what: str, needed: Role):
        super().__init__(what, [Problem(f"this needs the {needed.name} role, which you do not have here")])
        self.needed = needed


@dataclass(frozen=True)
class Actor:
    """Someone (or something) acting on PlaceReady: the name goes into the audit log."""

    name: str
    roles: Mapping[int, Role] = field(default_factory=dict)  # organisation id → role, when signed in
    everything: bool = False  # the local admin, the command line, the retention rule
    facilitating: frozenset[int] = frozenset()  # workshops opened with their facilitator link, without sign-in

    @classmethod
    def local_admin(cls) -> Actor:
        return cls("local admin", everything=True)

    @classmethod
    def system(cls, name: str) -> Actor:
        """A command or a scheduled rule, run by whoever runs the server."""
        return cls(name, everything=True)

    def role_for(self, *, organisation_id: int | None, workshop_id: int | None = None) -> Role | None:
        """The role on a partnership of this organisation (and on this workshop, when given)."""
        if self.everything:
            return Role.owner
        role = self.roles.get(organisation_id) if organisation_id is not None else None
        if workshop_id is not None and workshop_id in self.facilitating:
            role = max(role or Role.facilitator, Role.facilitator)
        return role

    def may(self, needed: Role, *, organisation_id: int | None, workshop_id: int | None = None) -> bool:
        role = self.role_for(organisation_id=organisation_id, workshop_id=workshop_id)
        return role is not None and role >= needed

    def require(self, needed: Role, *, organisation_id: int | None, workshop_id: int | None = None,
                what: str = "That") -> None:
        """Refuse (raise `Refused`) unless the actor has at least the `needed` role."""
        if not self.may(needed, organisation_id=organisation_id, workshop_id=workshop_id):
            raise Refused(what, needed)

    def organisations(self, needed: Role) -> list[int]:
        """The organisations in which the actor has at least `needed`."""
        return sorted(org for org, role in self.roles.items() if role >= needed)

    def opens_private_pages(self) -> bool:
        """May see the places, progress and system pages at all."""
        return self.everything or bool(self.roles)


NOBODY = Actor("nobody")
