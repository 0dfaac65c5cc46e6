"""Actions a room agreed: what will be done, by whom and by when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessment.storage.models import Action


def insert(session: Session, *, workshop_id: int, framework_id: str, principle_id: str, text: str, owner: str,
           due_on: date | None) -> Action:
    action = Action(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id, text=text,
                    owner=owner, due_on=due_on)
    session.add(action)
    session.flush()
    return action


def of_workshop(session: Session, *, workshop_id: int) -> list[Action]:
    return list(session.scalars(select(Action).where(Action.workshop_id == workshop_id).order_by(Action.id)))


def replace_owners(session: Session, *, workshop_id: int, owner: str) -> None:
    session.execute(update(Action).where(Action.workshop_id == workshop_id).values(owner=owner))
