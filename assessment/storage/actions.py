"""Actions a room agreed: what will be done, by whom and by when, how far it has got, and at a follow-up,
what became of it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from assessment.storage.models import Action, ActionReview, utcnow


def insert(session: Session, *, workshop_id: int, framework_id: str, principle_id: str, text: str, owner: str,
           due_on: date | None, status: str = "open", carried_from_id: int | None = None) -> Action:
    action = Action(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id, text=text,
                    owner=owner, due_on=due_on, status=status, carried_from_id=carried_from_id)
    session.add(action)
    session.flush()
    return action


def get(session: Session, *, action_id: int) -> Action | None:
    return session.get(Action, action_id)


def of_workshop(session: Session, *, workshop_id: int) -> list[Action]:
    """The workshop's actions, oldest first, deleted ones left out."""
    return list(session.scalars(select(Action).where(Action.workshop_id == workshop_id, Action.deleted_at.is_(None))
                                .order_by(Action.id)))


def any_in(session: Session, *, workshop_id: int) -> bool:
    """The workshop has an action (deleted ones left out)."""
    return session.scalar(select(Action.id).where(Action.workshop_id == workshop_id, Action.deleted_at.is_(None))
                          .limit(1)) is not None


def change(session: Session, *, action_id: int, **fields: Any) -> None:
    """Change an action's text, owner, due date or status."""
    action = session.get_one(Action, action_id)
    for name, value in fields.items():
        setattr(action, name, value)
    action.updated_at = utcnow()


def mark_deleted(session: Session, *, action_id: int) -> None:
    session.get_one(Action, action_id).deleted_at = utcnow()


def replace_owners(session: Session, *, workshop_id: int, owner: str) -> None:
    session.execute(update(Action).where(Action.workshop_id == workshop_id).values(owner=owner))


def redact(session: Session, *, workshop_id: int, action_ids: Sequence[int], text: str) -> int:
    """Replace the text of these actions of the workshop (deleted ones too); how many were changed."""
    changed = session.execute(update(Action).where(Action.workshop_id == workshop_id, Action.id.in_(action_ids))
                              .values(text=text))
    return cast(CursorResult[Any], changed).rowcount  # an UPDATE's result is a CursorResult; execute() says Result


def erase_review_notes(session: Session, *, workshop_id: int) -> None:
    """Clear the notes a follow-up workshop wrote on what became of earlier actions."""
    session.execute(update(ActionReview).where(ActionReview.workshop_id == workshop_id).values(note=None))


def reviews_in(session: Session, *, workshop_id: int) -> dict[int, ActionReview]:
    """Action id → the review recorded at this (follow-up) workshop."""
    rows = session.scalars(select(ActionReview).where(ActionReview.workshop_id == workshop_id))
    return {row.action_id: row for row in rows}


def set_review(session: Session, *, action_id: int, workshop_id: int, outcome: str, note: str | None) -> None:
    review = session.scalar(select(ActionReview).where(ActionReview.action_id == action_id,
                                                       ActionReview.workshop_id == workshop_id))
    if review is None:
        session.add(ActionReview(action_id=action_id, workshop_id=workshop_id, outcome=outcome, note=note))
    else:
        review.outcome, review.note, review.reviewed_at = outcome, note, utcnow()
    session.flush()
