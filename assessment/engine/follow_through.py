"""What became of the previous workshop's actions, as a follow-up records it, for the report."""

from __future__ import annotations

from pydantic import BaseModel


class ReviewedAction(BaseModel):
    """An action of the place's previous workshop and what the follow-up made of it (None: not yet reviewed)."""

    principle: str
    text: str
    owner: str
    due: str | None
    from_workshop: str
    outcome: str | None  # done, carried over, dropped
    note: str | None
