"""Comments kept off the room's screen. A comment is known by its author, statement and text, so the same
words saved again stay hidden and new words are shown."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessment.storage.models import HiddenComment, Participant


def hidden_in(session: Session, *, workshop_id: int) -> set[tuple[int, str, str, str]]:
    """(participant id, framework id, statement id, comment SHA-256) of every hidden comment of the workshop."""
    rows = session.execute(
        select(HiddenComment.participant_id, HiddenComment.framework_id, HiddenComment.statement_id,
               HiddenComment.comment_sha256)
        .join(Participant, Participant.id == HiddenComment.participant_id)
        .where(Participant.workshop_id == workshop_id))
    return {tuple(row) for row in rows}


def hide(session: Session, *, participant_id: int, framework_id: str, statement_id: str, comment_sha256: str) -> None:
    exists = session.scalar(select(HiddenComment.id).where(
        HiddenComment.participant_id == participant_id, HiddenComment.framework_id == framework_id,
        HiddenComment.statement_id == statement_id, HiddenComment.comment_sha256 == comment_sha256))
    if exists is None:
        session.add(HiddenComment(participant_id=participant_id, framework_id=framework_id,
                                  statement_id=statement_id, comment_sha256=comment_sha256))


def show(session: Session, *, participant_id: int, framework_id: str, statement_id: str, comment_sha256: str) -> None:
    session.execute(delete(HiddenComment).where(
        HiddenComment.participant_id == participant_id, HiddenComment.framework_id == framework_id,
        HiddenComment.statement_id == statement_id, HiddenComment.comment_sha256 == comment_sha256))
