"""What the room agrees: a score and notes per principle, and actions with owners and dates.

Agreed scores sit beside the individual answers and never replace them; each recording is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.services import entries
from assessment.services.access import Actor, Role
from assessment.services.workshops import authorised
from assessment.storage import actions as stored_actions
from assessment.storage import audit, consensus
from assessment.storage.db import Database
from assessment.storage.models import Action, Workshop


@dataclass(frozen=True)
class AgreedScore:
    score: int | None
    note: str | None


STATUSES = ("open", "in progress", "done")
OUTCOMES = ("done", "carried over", "dropped")  # what became of the last workshop's action, at the follow-up


@dataclass(frozen=True)
class ActionRecord:
    id: int
    framework_id: str
    principle_id: str
    text: str
    owner: str
    due_on: date | None
    status: str = "open"
    carried_from_id: int | None = None


@dataclass(frozen=True)
class ActionToReview:
    """An action of the place's previous workshop, and what the follow-up made of it (None: not yet reviewed)."""

    action: ActionRecord
    from_workshop: str
    outcome: str | None
    note: str | None


def record_agreed(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str,
                  score: int | None, note: str | None) -> None:
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Recording an agreed score")
        agree(session, actor=actor, workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id,
              score=score, note=note)


def agree(session: Session, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str,
          score: int | None, note: str | None) -> None:
    """`record_agreed` inside a caller's transaction (the caller has checked the actor's role)."""
    consensus.insert(session, workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id,
                     score=score, note=entries.clean(note, field="Note", limit=5000))
    audit.insert(session, actor=actor.name, action="agreed score", workshop_id=workshop_id,
                 detail={"framework": framework_id, "principle": principle_id, "score": score})


def add_action(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str, text: str,
               owner: str, due_on: date | None) -> None:
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Adding an action")
        commit_to(session, actor=actor, workshop_id=workshop_id, framework_id=framework_id,
                  principle_id=principle_id, text=text, owner=owner, due_on=due_on)


def _checked(text: str, owner: str, status: str, *, what_for: str) -> tuple[str, str]:
    problems = []
    what = entries.clean(text, field="Action")
    who = entries.clean(owner, field="Owner", limit=entries.MAX_NAME)
    if not what:
        problems.append(Problem("say what will be done", location="Action"))
    if not who:
        problems.append(Problem("say who will do it", location="Owner"))
    if status not in STATUSES:
        problems.append(Problem(f"must be one of: {', '.join(STATUSES)}", location="Status"))
    if problems or not what or not who:  # an empty action or owner is among the problems
        raise InputError(what_for, problems)
    return what, who


def _same_words(text: str) -> str:
    return " ".join(text.casefold().split())


def _refuse_identical(session: Session, *, workshop_id: int, framework_id: str, principle_id: str, text: str,
                      but: int | None = None) -> None:
    for existing in stored_actions.of_workshop(session, workshop_id=workshop_id):
        if (existing.id != but and (existing.framework_id, existing.principle_id) == (framework_id, principle_id)
                and _same_words(existing.text) == _same_words(text)):
            raise InputError("Action", [Problem("this principle already has that action; edit it instead",
                                                location="Action")])


def commit_to(session: Session, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str, text: str,
              owner: str, due_on: date | None, status: str = "open", carried_from_id: int | None = None) -> int:
    """`add_action` inside a caller's transaction (the caller has checked the actor's role); its id."""
    what, who = _checked(text, owner, status, what_for="New action")
    _refuse_identical(session, workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id, text=what)
    action = stored_actions.insert(session, workshop_id=workshop_id, framework_id=framework_id,
                                   principle_id=principle_id, text=what, owner=who, due_on=due_on, status=status,
                                   carried_from_id=carried_from_id)
    audit.insert(session, actor=actor.name, action="action added", workshop_id=workshop_id,
                 detail={"framework": framework_id, "principle": principle_id, "action": what,
                         "due": str(due_on or "")})
    return action.id


def _own_action(session: Session, actor: Actor, workshop_id: int, action_id: int, what: str) -> Action:
    authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what=what)
    action = stored_actions.get(session, action_id=action_id)
    if action is None or action.workshop_id != workshop_id or action.deleted_at is not None:
        raise InputError(what, [Problem("that action is not one of this workshop's")])
    return action


def edit_action(db: Database, *, actor: Actor, workshop_id: int, action_id: int, text: str, owner: str,
                due_on: date | None, status: str) -> None:
    """Change an action's words, owner, date or status; the audit log keeps what it was."""
    with db.write() as session:
        action = _own_action(session, actor, workshop_id, action_id, "Changing an action")
        what, who = _checked(text, owner, status, what_for="Changing an action")
        _refuse_identical(session, workshop_id=workshop_id, framework_id=action.framework_id,
                          principle_id=action.principle_id, text=what, but=action_id)
        before = {"action": action.text, "owner": action.owner, "due": str(action.due_on or ""),
                  "status": action.status}
        stored_actions.change(session, action_id=action_id, text=what, owner=who, due_on=due_on, status=status)
        audit.insert(session, actor=actor.name, action="action changed", workshop_id=workshop_id,
                     detail={"was": before, "now": {"action": what, "owner": who, "due": str(due_on or ""),
                                                   "status": status}})


def delete_action(db: Database, *, actor: Actor, workshop_id: int, action_id: int) -> None:
    """Take an action off the workshop (kept in the database and the audit log, shown nowhere)."""
    with db.write() as session:
        action = _own_action(session, actor, workshop_id, action_id, "Deleting an action")
        stored_actions.mark_deleted(session, action_id=action_id)
        audit.insert(session, actor=actor.name, action="action deleted", workshop_id=workshop_id,
                     detail={"action": action.text})


def previous_workshop(session: Session, *, workshop: Workshop) -> Workshop | None:
    """The workshop this one follows up: the one chosen at set-up, else the same place's workshop before it (by
    date, archived ones left out)."""
    if workshop.follows_id is not None:
        return session.get(Workshop, workshop.follows_id)
    earlier = [w for w in workshop.partnership.workshops
               if not w.archived and (w.held_on, w.id) < (workshop.held_on, workshop.id)]
    return max(earlier, key=lambda w: (w.held_on, w.id), default=None)


def reviewing(session: Session, *, workshop: Workshop) -> bool:
    """A follow-up with the previous workshop's actions to review (a step of its running order)."""
    before = previous_workshop(session, workshop=workshop)
    return before is not None and stored_actions.any_in(session, workshop_id=before.id)


def to_review(db: Database, *, actor: Actor, workshop_id: int) -> list[ActionToReview]:
    """The previous workshop's actions, each with what this follow-up decided about it so far."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Reviewing last workshop's actions")
        return reviews_for(session, workshop=workshop)


def reviews_for(session: Session, *, workshop: Workshop) -> list[ActionToReview]:
    before = previous_workshop(session, workshop=workshop)
    if before is None:
        return []
    reviews = stored_actions.reviews_in(session, workshop_id=workshop.id)
    return [ActionToReview(action, before.title, *((reviews[action.id].outcome, reviews[action.id].note)
                                                    if action.id in reviews else (None, None)))
            for action in actions_in(session, workshop_id=before.id)]


def review_action(db: Database, *, actor: Actor, workshop_id: int, action_id: int, outcome: str,
                  note: str | None = None) -> None:
    """Record what became of one of the previous workshop's actions. Carried over, it becomes an open action of
    this workshop (once), linked to the one it continues."""
    if outcome not in OUTCOMES:
        raise InputError("Review", [Problem(f"must be one of: {', '.join(OUTCOMES)}", location="Outcome")])
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Reviewing last workshop's actions")
        before = previous_workshop(session, workshop=workshop)
        action = stored_actions.get(session, action_id=action_id)
        if before is None or action is None or action.workshop_id != before.id or action.deleted_at is not None:
            raise InputError("Review", [Problem("that action is not one of the previous workshop's")])
        stored_actions.set_review(session, action_id=action_id, workshop_id=workshop_id, outcome=outcome,
                                  note=entries.clean(note, field="Note"))
        carried = any(a.carried_from_id == action_id for a in actions_in(session, workshop_id=workshop_id))
        if outcome == "carried over" and not carried:
            commit_to(session, actor=actor, workshop_id=workshop_id, framework_id=action.framework_id,
                      principle_id=action.principle_id, text=action.text, owner=action.owner, due_on=action.due_on,
                      carried_from_id=action_id)
        audit.insert(session, actor=actor.name, action="action reviewed", workshop_id=workshop_id,
                     detail={"action": action.text, "outcome": outcome})


def agreed_in(session: Session, *, workshop_id: int) -> dict[tuple[str, str], AgreedScore]:
    return {key: AgreedScore(r.score, r.note) for key, r in consensus.current(session, workshop_id=workshop_id).items()}


def actions_in(session: Session, *, workshop_id: int) -> list[ActionRecord]:
    return [ActionRecord(a.id, a.framework_id, a.principle_id, a.text, a.owner, a.due_on, a.status, a.carried_from_id)
            for a in stored_actions.of_workshop(session, workshop_id=workshop_id)]


def agreed_scores(db: Database, *, actor: Actor, workshop_id: int) -> dict[tuple[str, str], AgreedScore]:
    """(framework id, principle id) → the score and notes the room agreed most recently."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer, what="Reading agreed scores")
        return agreed_in(session, workshop_id=workshop_id)


def actions(db: Database, *, actor: Actor, workshop_id: int) -> list[ActionRecord]:
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer, what="Reading actions")
        return actions_in(session, workshop_id=workshop_id)
