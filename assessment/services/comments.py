"""Participants' anonymous comments, moderated: each waits in the facilitator's queue until released to the room
or hidden from it (or is released as it is saved, when the workshop releases comments automatically). Only
released comments reach the projector, reports and the room's exports; a hidden one stays in the data, marked
hidden."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.engine.responses import Responses
from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Role
from assessment.services.workshops import authorised, frameworks_of
from assessment.storage import answers, audit
from assessment.storage import moderated_comments as stored
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import Workshop
from assessment.storage.moderated_comments import HIDDEN, RELEASED, CommentKey

PENDING = "pending"
STATES = (PENDING, RELEASED, HIDDEN)


@dataclass(frozen=True)
class Comment:
    key: str  # opaque: which comment to release or hide
    framework_id: str
    principle_id: str
    principle: str  # the principle's name
    statement: str  # the statement's text
    text: str
    state: str  # pending, released or hidden


def _key(key: CommentKey) -> str:
    return ":".join(str(part) for part in key)


def state_of(key: CommentKey, decisions: dict[CommentKey, str], *, automatic: bool) -> str:
    """A comment's state: as decided, else released when the workshop releases comments automatically, else
    waiting."""
    return decisions.get(key, RELEASED if automatic else PENDING)


def states_of(session: Session, *, workshop: Workshop) -> Callable[[int, str, str, str], str]:
    """How to tell the state of any of the workshop's comments from (participant id, framework id, statement id,
    text)."""
    decisions = stored.decisions_in(session, workshop_id=workshop.id)

    def state(participant_id: int, framework_id: str, statement_id: str, text: str) -> str:
        return state_of((participant_id, framework_id, statement_id, codes.digest(text)), decisions,
                        automatic=workshop.auto_release_comments)

    return state


def comments_in(session: Session, *, workshop: Workshop, framework_id: str | None = None,
                principle_id: str | None = None, states: Sequence[str] = STATES) -> list[Comment]:
    """The current first-round comments of the workshop (or one framework, or one principle) in these states,
    newest first."""
    frameworks: dict[str, Framework] = {f.id: f for f in frameworks_of(workshop)}
    decisions = stored.decisions_in(session, workshop_id=workshop.id)
    found = []
    for saved in answers.current_comments(session, workshop_id=workshop.id, framework_id=framework_id):
        framework = frameworks.get(saved.framework_id)
        principle = framework.principle_of.get(saved.statement_id) if framework else None
        if principle is None or principle_id not in (None, principle.id):
            continue
        key = (saved.participant_id, saved.framework_id, saved.statement_id, codes.digest(saved.comment))
        state = state_of(key, decisions, automatic=workshop.auto_release_comments)
        if state in states:
            statement = next(s.text for s in principle.statements if s.id == saved.statement_id)
            found.append(Comment(_key(key), saved.framework_id, principle.id, principle.name, statement,
                                 saved.comment, state))
    return found


def released_only(session: Session, *, workshop: Workshop, framework_id: str, responses: Responses) -> Responses:
    """The answers with every comment not released to the room taken out, for reports and the room's exports."""
    state = states_of(session, workshop=workshop)

    def shown(participant: str, statement: str, comment: str | float | None) -> str | float | None:  # NaN: none
        if not isinstance(comment, str):
            return comment
        return comment if state(int(participant[1:]), framework_id, statement, comment) == RELEASED else None  # "p<id>"

    table = responses.table.copy()
    table["comment"] = [shown(*row) for row in zip(table["participant"], table["statement"], table["comment"],
                                                   strict=True)]
    return Responses(table)


def comments(db: Database, *, actor: Actor, workshop_id: int, framework_id: str | None = None,
             principle_id: str | None = None, states: Sequence[str] = STATES) -> list[Comment]:
    """The workshop's comments with their states, newest first, for the facilitator."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Reading comments")
        return comments_in(session, workshop=workshop, framework_id=framework_id, principle_id=principle_id,
                           states=states)


def moderate(db: Database, *, actor: Actor, workshop_id: int, keys: Sequence[str], state: str) -> None:
    """Release comments to the room, or hide them from it (all or none: each must be a current comment of the
    workshop)."""
    if state not in (RELEASED, HIDDEN):
        raise InputError("Moderating comments", [Problem(f"a comment is released or hidden, not '{state}'")])
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Moderating comments")
        known = {_key(key): key for key in _current_keys(session, workshop)}
        if any(key not in known for key in keys):
            raise InputError("Moderating comments", [Problem("that comment is not one of this workshop's")])
        stored.decide(session, keys=[known[key] for key in keys], state=state)
        audit.insert(session, actor=actor.name, action=f"comments {state}", workshop_id=workshop_id,
                     detail={"comments": len(set(keys))})


def release_automatically(db: Database, *, actor: Actor, workshop_id: int, automatic: bool) -> None:
    """Turn automatic release on (the comments waiting now are released too) or off (comments shown so far stay
    released; new ones wait)."""
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Changing how comments are released")
        if workshop.auto_release_comments and not automatic:
            decisions = stored.decisions_in(session, workshop_id=workshop_id)
            stored.decide(session, keys=[key for key in _current_keys(session, workshop) if key not in decisions],
                          state=RELEASED)
        stored_workshops.change(session, workshop_id=workshop_id, auto_release_comments=automatic)
        audit.insert(session, actor=actor.name, action="comments released automatically" if automatic
                     else "comments wait for release", workshop_id=workshop_id, detail={})


def release_every_comment(session: Session, *, workshop: Workshop) -> None:
    """Release all the workshop's current comments (answers imported from elsewhere), inside a caller's
    transaction."""
    stored.decide(session, keys=_current_keys(session, workshop), state=RELEASED)


def _current_keys(session: Session, workshop: Workshop) -> list[CommentKey]:
    return [(c.participant_id, c.framework_id, c.statement_id, codes.digest(c.comment))
            for c in answers.current_comments(session, workshop_id=workshop.id)]
