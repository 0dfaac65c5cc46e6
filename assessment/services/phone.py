"""What a participant's phone shows at each step, read in one transaction: a phone reruns its page after every
answer, so each separate read there is a round trip to the database per answer. And what a phone asks every
few seconds to know when to change screen by itself: a second vote opened or closed, or in a presenter-paced
round the next principle opened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from assessment.engine.agenda import Stage
from assessment.services import codes, library
from assessment.services.second_votes import OpenVote, open_for
from assessment.services.workshops import WorkshopFacts, facts_of_row
from assessment.storage import answers, second_votes
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import CurrentAnswer
from assessment.storage.db import Database
from assessment.storage.models import Workshop

BEFORE_SCORING = (Stage.joining, Stage.review)


@dataclass(frozen=True)
class Pace:
    """How the room scores: at each person's own pace, or one principle at a time as the facilitator opens it."""

    paced: bool
    open: tuple[str, str] | None  # (framework id, principle id) open on every phone now, in a paced round
    started: bool  # the room is past joining (and a follow-up's review)
    over: bool  # the room is past scoring: a paced round's phones are free to fill their gaps

    @property
    def waiting(self) -> bool:
        """A paced round the facilitator has not begun yet."""
        return self.paced and not self.started


@dataclass(frozen=True)
class PhoneView:
    workshop: WorkshopFacts
    vote: OpenVote | None  # the second vote open now, if any
    answers: dict[tuple[str, str], CurrentAnswer]  # (framework id, statement id) → the current answer, in the
    # round the phone is answering: the second during a second vote, otherwise the first
    first_answers: dict[tuple[str, str], CurrentAnswer]  # during a second vote, the person's first answers
    pace: Pace

    @property
    def signal(self) -> tuple[object, ...]:
        """What this view was drawn for, as `signal` reads it."""
        return _signal(self.vote.vote_id if self.vote else None, self.pace)


def _signal(vote_id: int | None, pace: Pace) -> tuple[object, ...]:
    # A self-paced phone has no need to change screen as the room moves on: only a second vote moves it, and the
    # end of scoring, after which it looks for one more often (pages/join.py).
    return (vote_id, pace if pace.paced else pace.over)


def pace_of(workshop: Workshop | Row[Any]) -> Pace:
    """From a `Workshop`, or a row with its columns' names (`stored_workshops.row_of_participant`)."""
    stage = Stage(workshop.stage)
    scoring = stage is Stage.scoring
    open_principle = None
    if workshop.paced and scoring and workshop.spotlight and "/" in workshop.spotlight:
        framework_id, principle_id = workshop.spotlight.split("/")[:2]
        open_principle = (framework_id, principle_id)
    return Pace(workshop.paced, open_principle, stage not in BEFORE_SCORING,
                stage not in BEFORE_SCORING and not scoring)


def view(db: Database, *, participant_id: int) -> PhoneView | None:
    """The participant's workshop, any open second vote, their answers and the room's pace; None if they are not
    known."""
    with db.read() as session:
        found = stored_workshops.row_of_participant(session, participant_id=participant_id)
        if found is None:
            return None
        workshop, digests = found
        frameworks = library.pinned_by_digests(session, digests=digests)
        vote = open_for(session, workshop_id=workshop.id, frameworks=frameworks)

        def current(round: int) -> dict[tuple[str, str], CurrentAnswer]:
            return {(a.framework_id, a.statement_id): a for a in answers.current(
                session, workshop_id=workshop.id, participant_id=participant_id, round=round)}

        mine = current(2 if vote else 1)
        return PhoneView(facts_of_row(workshop, frameworks), vote, mine, current(1) if vote else mine,
                         pace_of(workshop))


def signal(db: Database, *, join_code: str) -> tuple[object, ...] | None:
    """What decides which screen a phone shows, cheap enough for every phone to ask every few seconds: the open
    second vote, and the pace of the round. A phone whose screen was drawn for another answer changes screen."""
    with db.read() as session:
        workshop = stored_workshops.by_join_code(session, join_code=codes.normalise_code(join_code))
        if workshop is None:
            return None
        vote = second_votes.open_one(session, workshop_id=workshop.id)
        return _signal(vote.id if vote else None, pace_of(workshop))
