"""Organisations (who owns partnerships when hosted) and their members' roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from assessment.storage.models import Membership, Organisation


def insert(session: Session, *, name: str) -> Organisation:
    organisation = Organisation(name=name)
    session.add(organisation)
    session.flush()
    return organisation


def named(session: Session, *, name: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.name == name))


def with_ids(session: Session, *, ids: Sequence[int]) -> list[Organisation]:
    return list(session.scalars(select(Organisation).where(Organisation.id.in_(ids)).order_by(Organisation.name)))


def membership(session: Session, *, organisation_id: int, email: str) -> Membership | None:
    return session.scalar(select(Membership).where(Membership.organisation_id == organisation_id,
                                                   Membership.email == email))


def set_role(session: Session, *, organisation_id: int, email: str, role: str) -> Membership:
    """Give someone a role, or change the one they have."""
    found = membership(session, organisation_id=organisation_id, email=email)
    if found is None:
        found = Membership(organisation_id=organisation_id, email=email, role=role)
        session.add(found)
    found.role = role
    session.flush()
    return found


def remove_member(session: Session, *, organisation_id: int, email: str) -> bool:
    removed = session.execute(delete(Membership).where(Membership.organisation_id == organisation_id,
                                                       Membership.email == email))
    return bool(cast(CursorResult[Any], removed).rowcount)  # a DELETE's result is a CursorResult; execute() says Result


def memberships_of(session: Session, *, email: str) -> list[Membership]:
    return list(session.scalars(select(Membership).where(Membership.email == email)))
