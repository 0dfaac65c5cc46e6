"""Participants' anonymous comments: shown to the room in a principle's spotlight, unless the facilitator hides
one. A hidden comment stays in the data, marked hidden, and reports and exports for the room leave it out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.engine.responses import Responses
from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Role
from assessment.services.workshops import authorised, frameworks_of, pick
from assessment.storage import answers, audit
from assessment.storage import hidden_comments as stored
from assessment.storage.db import Database


@dataclass(frozen=True)
class Comment:
    key: str  # opaque: which comment to hide or show
    statement: str
    text: str
    hidden: bool


def _key(participant_id: int, framework_id: str, statement_id: str, text: str) -> str:
    return f"{participant_id}:{framework_id}:{statement_id}:{codes.digest(text)}"


def comments_in(session: Session, *, workshop_id: int, framework: Framework, principle_id: str | None = None
                ) -> list[Comment]:
    """The current first-round comments on the framework (or one principle), in statement order."""
    hidden = stored.hidden_in(session, workshop_id=workshop_id)
    principle_of = {s.id: p.id for p in framework.principles for s in p.statements}
    texts = {s.id: s.text for s in framework.statements}
    order = {s.id: i for i, s in enumerate(framework.statements)}
    found = []
    for a in answers.current(session, workshop_id=workshop_id, framework_id=framework.id):
        if not a.comment or a.statement_id not in principle_of:
            continue
        if principle_id is not None and principle_of[a.statement_id] != principle_id:
            continue
        key = (a.participant_id, a.framework_id, a.statement_id, codes.digest(a.comment))
        found.append((order[a.statement_id], Comment(_key(*key[:3], a.comment), texts[a.statement_id], a.comment,
                                                     key in hidden)))
    return [comment for _, comment in sorted(found, key=lambda pair: pair[0])]


def without_hidden(session: Session, *, workshop_id: int, framework_id: str, responses: Responses) -> Responses:
    """The answers with the comments the facilitator hid taken out, for reports and the room's exports."""
    hidden = stored.hidden_in(session, workshop_id=workshop_id)
    if not hidden:
        return responses
    def shown(participant: str, statement: str, comment: object) -> object:
        # workshop_responses labels each participant "p<id>"
        if not isinstance(comment, str):
            return comment
        return None if (int(participant[1:]), framework_id, statement, codes.digest(comment)) in hidden else comment

    table = responses.table.copy()
    table["comment"] = [shown(*row) for row in zip(table["participant"], table["statement"], table["comment"],
                                                   strict=True)]
    return Responses(table)


def comments(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str | None = None
             ) -> list[Comment]:
    """Every comment, hidden ones marked, for the facilitator."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Reading comments")
        return comments_in(session, workshop_id=workshop_id, framework=pick(frameworks_of(workshop), framework_id),
                           principle_id=principle_id)


def set_hidden(db: Database, *, actor: Actor, workshop_id: int, key: str, hidden: bool) -> None:
    """Hide a comment from the room (or show it again)."""
    participant, framework_id, statement_id, digest = (key.split(":", 3) + ["", "", "", ""])[:4]
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Hiding a comment")
        known = {(str(a.participant_id), a.framework_id, a.statement_id, codes.digest(a.comment))
                 for a in answers.current(session, workshop_id=workshop_id) if a.comment}
        if (participant, framework_id, statement_id, digest) not in known:
            raise InputError("Hiding a comment", [Problem("that comment is not one of this workshop's")])
        change = stored.hide if hidden else stored.show
        change(session, participant_id=int(participant), framework_id=framework_id, statement_id=statement_id,
               comment_sha256=digest)
        audit.insert(session, actor=actor.name, action="comment hidden" if hidden else "comment shown",
                     workshop_id=workshop_id, detail={"statement": statement_id})
