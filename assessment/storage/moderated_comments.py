"""Comments the facilitator has released to the room or hidden from it. A comment is known by its author,
statement and text (SHA-256), so the same words saved again keep the decision and new words wait again."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.storage.models import ModeratedComment, Participant, utcnow

RELEASED, HIDDEN = "released", "hidden"
CommentKey = tuple[int, str, str, str]  # participant id, framework id, statement id, comment SHA-256


def decisions_in(session: Session, *, workshop_id: int) -> dict[CommentKey, str]:
    """Every decision taken on the workshop's comments: key → released or hidden."""
    rows = session.execute(
        select(ModeratedComment.participant_id, ModeratedComment.framework_id, ModeratedComment.statement_id,
               ModeratedComment.comment_sha256, ModeratedComment.state)
        .join(Participant, Participant.id == ModeratedComment.participant_id)
        .where(Participant.workshop_id == workshop_id))
    return {(pid, fid, sid, digest): state for pid, fid, sid, digest, state in rows}


def decide(session: Session, *, keys: Iterable[CommentKey], state: str) -> None:
    """Release or hide these comments (a comment decided before is decided again)."""
    wanted = set(keys)
    if not wanted:
        return
    existing = {(m.participant_id, m.framework_id, m.statement_id, m.comment_sha256): m for m in session.scalars(
        select(ModeratedComment).where(ModeratedComment.participant_id.in_({key[0] for key in wanted})))}
    for key in wanted:
        if key in existing:
            existing[key].state, existing[key].decided_at = state, utcnow()
        else:
            pid, fid, sid, digest = key
            session.add(ModeratedComment(participant_id=pid, framework_id=fid, statement_id=sid,
                                         comment_sha256=digest, state=state))
    session.flush()
