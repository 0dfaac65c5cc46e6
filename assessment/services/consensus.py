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


@dataclass(frozen=True)
class AgreedScore:
    score: int | None
    note: str | None


@dataclass(frozen=True)
class ActionRecord:
    id: int
    framework_id: str
    principle_id: str
    text: str
    owner: str
    due_on: date | None


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


def commit_to(session: Session, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str, text: str,
              owner: str, due_on: date | None) -> None:
    """`add_action` inside a caller's transaction (the caller has checked the actor's role)."""
    problems = []
    what = entries.clean(text, field="Action")
    who = entries.clean(owner, field="Owner", limit=entries.MAX_NAME)
    if not what:
        problems.append(Problem("say what will be done", location="Action"))
    if not who:
        problems.append(Problem("say who will do it", location="Owner"))
    if problems:
        raise InputError("New action", problems)
    stored_actions.insert(session, workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id,
                          text=what, owner=who, due_on=due_on)
    audit.insert(session, actor=actor.name, action="action added", workshop_id=workshop_id,
                 detail={"framework": framework_id, "principle": principle_id, "action": what,
                         "due": str(due_on or "")})


def agreed_in(session: Session, *, workshop_id: int) -> dict[tuple[str, str], AgreedScore]:
    return {key: AgreedScore(r.score, r.note) for key, r in consensus.current(session, workshop_id=workshop_id).items()}


def actions_in(session: Session, *, workshop_id: int) -> list[ActionRecord]:
    return [ActionRecord(a.id, a.framework_id, a.principle_id, a.text, a.owner, a.due_on)
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
