"""Second votes: after the room has discussed a principle, the facilitator opens a re-vote on it and the
phones show its statements again, each person's own first answers chosen and the room's first-round answers
beside them. The projector shows how many have voted again, and the second round's answers only once the
facilitator reveals them. Both rounds are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.framework import Framework, Principle
from assessment.engine.rounds import RoundComparison, compare_rounds
from assessment.engine.scoring import score
from assessment.engine.spotlight import StatementCounts, statement_counts
from assessment.errors import InputError, Problem
from assessment.services import codes
from assessment.services.access import Actor, Role
from assessment.services.results import workshop_responses
from assessment.services.workshops import authorised, frameworks_of, pick
from assessment.storage import audit
from assessment.storage import second_votes as stored
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import Workshop


@dataclass(frozen=True)
class OpenVote:
    """What a phone needs to vote again: the principle, and how the room answered it the first time."""

    vote_id: int
    framework: Framework
    principle: Principle
    first_round: list[StatementCounts]


def _principle(framework: Framework, principle_id: str) -> Principle:
    found = next((p for p in framework.principles if p.id == principle_id), None)
    if found is None:
        raise InputError("Second vote", [Problem(f"'{principle_id}' is not a principle of {framework.id}")])
    return found


def open_vote(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str) -> None:
    """Open a second vote on a principle (or open it again); only one is open at a time."""
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Opening a second vote")
        _principle(pick(frameworks_of(workshop), framework_id), principle_id)
        already = stored.open_one(session, workshop_id=workshop_id)
        if already is not None and (already.framework_id, already.principle_id) != (framework_id, principle_id):
            raise InputError("Second vote", [Problem("close the second vote that is open before opening another")])
        vote = stored.of_principle(session, workshop_id=workshop_id, framework_id=framework_id,
                                   principle_id=principle_id)
        if vote is None:
            stored.insert(session, workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id)
        else:  # voting again hides the result again until the facilitator shows it
            stored.set_closed(session, vote_id=vote.id, closed=False)
            vote.revealed = False
        audit.insert(session, actor=actor.name, action="second vote opened", workshop_id=workshop_id,
                     detail={"framework": framework_id, "principle": principle_id})


def close_vote(db: Database, *, actor: Actor, workshop_id: int) -> None:
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Closing the second vote")
        vote = stored.open_one(session, workshop_id=workshop_id)
        if vote is not None:
            stored.set_closed(session, vote_id=vote.id, closed=True)


def reveal(db: Database, *, actor: Actor, workshop_id: int, framework_id: str, principle_id: str) -> None:
    """Show the second round's answers on the projector."""
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Showing a second vote's result")
        vote = stored.of_principle(session, workshop_id=workshop_id, framework_id=framework_id,
                                   principle_id=principle_id)
        if vote is None:
            raise InputError("Second vote", [Problem("there has been no second vote on this principle")])
        vote.revealed = True
        audit.insert(session, actor=actor.name, action="second vote revealed", workshop_id=workshop_id,
                     detail={"framework": framework_id, "principle": principle_id})


def held(db: Database, *, actor: Actor, workshop_id: int) -> list[tuple[str, str, bool, bool]]:
    """Every second vote held: (framework id, principle id, open now, result shown), in the order opened."""
    with db.read() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                   what="Reading the second votes")
        return [(v.framework_id, v.principle_id, v.closed_at is None, v.revealed)
                for v in stored.of_workshop(session, workshop_id=workshop_id)]


def open_for(session: Session, *, workshop_id: int, frameworks: Sequence[Framework]) -> OpenVote | None:
    """The second vote open in the workshop (whose frameworks these are), if any."""
    vote = stored.open_one(session, workshop_id=workshop_id)
    if vote is None:
        return None
    framework = pick(frameworks, vote.framework_id)
    principle = _principle(framework, vote.principle_id)
    first = workshop_responses(session, workshop_id=workshop_id, framework_id=framework.id)
    return OpenVote(vote.id, framework, principle, statement_counts(framework, principle, first))


def open_now(db: Database, *, join_code: str) -> OpenVote | None:
    """The second vote open in the workshop with this join code, for its participants' phones."""
    with db.read() as session:
        workshop = stored_workshops.by_join_code(session, join_code=codes.normalise_code(join_code))
        return open_for(session, workshop_id=workshop.id, frameworks=frameworks_of(workshop)) if workshop else None


def comparisons_in(session: Session, *, workshop: Workshop) -> dict[tuple[str, str], RoundComparison]:
    """(framework id, principle id) → the first and second rounds side by side, for every second vote held."""
    found = {}
    frameworks = frameworks_of(workshop)
    for vote in stored.of_workshop(session, workshop_id=workshop.id):
        framework = pick(frameworks, vote.framework_id)
        first = workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id)
        second = workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id, round=2)
        found[(framework.id, vote.principle_id)] = compare_rounds(framework, vote.principle_id, first, second)
    return found


def comparisons(db: Database, *, actor: Actor, workshop_id: int) -> dict[tuple[str, str], RoundComparison]:
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Reading the second votes")
        return comparisons_in(session, workshop=workshop)


def suggested(db: Database, *, actor: Actor, workshop_id: int, framework_id: str) -> list[str]:
    """The framework's principle ids in the order to offer a second vote: split ones (two camps among them) first, then
    the rest."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                              what="Suggesting a second vote")
        framework = pick(frameworks_of(workshop), framework_id)
        result = score(framework, workshop_responses(session, workshop_id=workshop_id, framework_id=framework_id))
    ranked = sorted(result.principles, key=lambda p: (not p.agreement.divided, -(p.ad or 0)))
    return [p.id for p in ranked]
