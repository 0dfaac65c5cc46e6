"""Partnerships (places) and the systems they sit in."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessment.storage.models import Partnership, System, Workshop


def named(session: Session, *, name: str, place: str, organisation_id: int | None) -> Partnership | None:
    owner = (Partnership.organisation_id.is_(None) if organisation_id is None
             else Partnership.organisation_id == organisation_id)
    return session.scalar(select(Partnership).where(Partnership.name == name, Partnership.place == place, owner))


def insert(session: Session, *, name: str, place: str, organisation_id: int | None) -> Partnership:
    partnership = Partnership(name=name, place=place, organisation_id=organisation_id)
    session.add(partnership)
    session.flush()
    return partnership


def get(session: Session, *, partnership_id: int) -> Partnership | None:
    return session.get(Partnership, partnership_id)


def every(session: Session, *, organisation_ids: Sequence[int] | None = None) -> list[Partnership]:
    """All partnerships by name, or only those of the given organisations, with their workshops and the
    frameworks those were set up with (the pages over places read them all)."""
    query = (select(Partnership).order_by(Partnership.name, Partnership.place)
             .options(selectinload(Partnership.workshops).selectinload(Workshop.frameworks)))
    if organisation_ids is not None:
        query = query.where(Partnership.organisation_id.in_(organisation_ids))
    return list(session.scalars(query))


def systems_of(session: Session, *, organisation_ids: Sequence[int] | None = None) -> dict[int, str]:
    """The systems that hold a partnership (of the given organisations), by name: id → name."""
    query = (select(System.id, System.name).join(Partnership, Partnership.system_id == System.id).distinct()
             .order_by(System.name))
    if organisation_ids is not None:
        query = query.where(Partnership.organisation_id.in_(organisation_ids))
    return dict(session.execute(query).all())


def delete_if_empty(session: Session, *, partnership_id: int) -> bool:
    partnership = session.get(Partnership, partnership_id)
    if partnership is None or partnership.workshops:
        return False
    session.delete(partnership)
    return True


def system_named(session: Session, *, name: str) -> System | None:
    return session.scalar(select(System).where(System.name == name))


def insert_system(session: Session, *, name: str) -> System:
    system = System(name=name)
    session.add(system)
    session.flush()
    return system


def set_system(session: Session, *, partnership_id: int, system_id: int | None) -> None:
    session.get_one(Partnership, partnership_id).system_id = system_id
