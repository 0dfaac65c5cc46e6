"""What a participant's phone shows at each step, read in one transaction: a phone reruns its page after every
answer, so each separate read there is a round trip to the database per answer."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.services.second_votes import OpenVote, open_for
from assessment.services.workshops import WorkshopFacts, facts
from assessment.storage import answers, participants
from assessment.storage.answers import CurrentAnswer
from assessment.storage.db import Database


@dataclass(frozen=True)
class PhoneView:
    workshop: WorkshopFacts
    vote: OpenVote | None  # the second vote open now, if any
    answers: dict[tuple[str, str], CurrentAnswer]  # (framework id, statement id) → the current answer, in the
    # round the phone is answering: the second during a second vote, otherwise the first


def view(db: Database, *, participant_id: int) -> PhoneView | None:
    """The participant's workshop, any open second vote, and their answers; None if they are not known."""
    with db.read() as session:
        workshop = participants.workshop_of(session, participant_id=participant_id)
        if workshop is None:
            return None
        vote = open_for(session, workshop=workshop)
        current = answers.current(session, workshop_id=workshop.id, participant_id=participant_id,
                                  round=2 if vote else 1)
        return PhoneView(facts(workshop), vote, {(a.framework_id, a.statement_id): a for a in current})
