"""What the projector shows at each step of the workshop, read by the workshop's screen link.

The screen link is the projector's own (a random key, replaced with the facilitator link): the join code, which
the room sees, opens no screen, so no page answers "is this a workshop?" for a guessed code without the limiter.

The screen shows only what the whole room sees anyway: the join panel and how many have joined, scored and
finished (totals only: a sector's count could single out its one member), the open principle of a paced round,
the last workshop's actions at a follow-up, and — once the facilitator has revealed results — the room's
profile, each principle in its parts, second votes (their results once revealed too), agreed scores, actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import Framework, Principle
from assessment.engine.agenda import Part, Stage
from assessment.engine.agreement import Agreement
from assessment.engine.profiles import Series, agreed_series, room_series
from assessment.engine.rounds import RoundComparison
from assessment.engine.scoring import score
from assessment.engine.sectors import sector_lens
from assessment.engine.spotlight import Spotlight, StatementCounts, spotlight, statement_counts
from assessment.services.comments import RELEASED, comments_in
from assessment.services.consensus import ActionRecord, ActionToReview, actions_in, agreed_in, reviews_for
from assessment.services.presenter import Position, position
from assessment.services.results import Attendance, attendance_in, workshop_responses
from assessment.services.second_votes import comparisons_in
from assessment.services.workshops import WorkshopFacts, facts, frameworks_of, pick
from assessment.storage import answers, second_votes
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import SecondVote, Workshop


@dataclass(frozen=True)
class PrincipleLine:
    name: str
    mean: float | None
    level: str | None
    agreement: Agreement
    agreed: str | None  # "3 · Developing"


@dataclass(frozen=True)
class Overview:
    framework: Framework
    profiles: list[Series]  # the room, then the agreed scores where any
    lines: list[PrincipleLine]
    people: int


@dataclass(frozen=True)
class SecondVoteView:
    name: str
    framework_id: str
    principle_id: str
    is_open: bool
    revealed: bool  # the facilitator has shown the second round's answers
    comparison: RoundComparison
    scale: list[str]  # "1 Not yet in place", …
    first_round: list[StatementCounts]
    second_round: list[StatementCounts]


@dataclass(frozen=True)
class ScoringNow:
    """The principle open on every phone in a paced round, and how far the room has got with it."""

    framework: str
    principle: Principle
    number: int  # 1-based, of `of`
    of: int
    done: int  # people who have answered all its statements


@dataclass(frozen=True)
class Screen:
    workshop: WorkshopFacts
    position: Position
    attendance: Attendance
    overviews: list[Overview]  # the step's framework in the overview and agree stages; every one at the close
    spotlight: Spotlight | None  # principles stage
    second_vote: SecondVoteView | None  # second vote stage: the step's principle, else the open one, else the latest
    actions: list[ActionRecord]  # actions stage and close
    reviews: list[ActionToReview]  # the review of the last workshop's actions
    scoring_now: ScoringNow | None  # a paced round's open principle


def _agreed_labels(session: Session, workshop: Workshop, framework: Framework) -> dict[str, int | None]:
    return {pid: a.score for (fid, pid), a in agreed_in(session, workshop_id=workshop.id).items() if fid == framework.id}


def _overview(session: Session, workshop: Workshop, framework: Framework) -> Overview:
    result = score(framework, workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id))
    agreed = _agreed_labels(session, workshop, framework)
    profiles = [room_series({p.id: p.mean for p in result.principles})]
    if any(value is not None for value in agreed.values()):
        profiles.append(agreed_series(framework, agreed))
    lines = [PrincipleLine(p.name, p.mean, p.level, p.agreement,
                           None if (point := agreed.get(p.id)) is None else f"{point} · {framework.scale.labels[point]}")
             for p in result.principles]
    return Overview(framework, profiles, lines, result.participants)


def _spotlight(session: Session, workshop: Workshop, framework: Framework, principle_id: str,
               part: Part) -> Spotlight:
    responses = workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id)
    result = score(framework, responses)
    shown = [c.text for c in comments_in(session, workshop=workshop, framework_id=framework.id,
                                         principle_id=principle_id, states=[RELEASED])] if part is Part.views else []
    chosen = [e for e in builtin_exemplars() if e.id in workshop.exemplar_ids]
    second = comparisons_in(session, workshop=workshop).get((framework.id, principle_id))
    revealed = second_votes.of_principle(session, workshop_id=workshop.id, framework_id=framework.id,
                                         principle_id=principle_id)
    return spotlight(framework, principle_id, responses=responses, result=result,
                     lens=sector_lens(framework, responses, result, workshop.sector_groups),
                     comments=shown, exemplars=chosen, agreed=_agreed_labels(session, workshop, framework).get(principle_id),
                     second_round=second if second and second.second.people and revealed and revealed.revealed
                     else None)


def _vote_shown(session: Session, workshop: Workshop, framework_id: str | None,
                principle_id: str | None) -> SecondVote | None:
    if principle_id is not None:
        return second_votes.of_principle(session, workshop_id=workshop.id, framework_id=framework_id or "",
                                         principle_id=principle_id)
    votes = second_votes.of_workshop(session, workshop_id=workshop.id)
    return next((v for v in votes if v.closed_at is None), votes[-1] if votes else None)


def _second_vote(session: Session, workshop: Workshop, framework_id: str | None,
                 principle_id: str | None) -> SecondVoteView | None:
    current = _vote_shown(session, workshop, framework_id, principle_id)
    if current is None:
        return None
    comparison = comparisons_in(session, workshop=workshop)[(current.framework_id, current.principle_id)]
    framework = pick(frameworks_of(workshop), current.framework_id)
    principle = next(p for p in framework.principles if p.id == current.principle_id)
    rounds = [statement_counts(framework, principle, workshop_responses(session, workshop_id=workshop.id,
                                                                       framework_id=framework.id, round=number))
              for number in (1, 2)]
    return SecondVoteView(comparison.name, framework.id, principle.id, current.closed_at is None, current.revealed,
                          comparison, [f"{point} {label}" for point, label in framework.scale.labels.items()], *rounds)


def _scoring_now(session: Session, workshop: Workshop, frameworks: tuple[Framework, ...], framework_id: str,
                 principle_id: str) -> ScoringNow:
    framework = pick(frameworks, framework_id)
    principle = next(p for p in framework.principles if p.id == principle_id)
    every = [(f.id, p.id) for f in frameworks for p in f.principles]
    answered = answers.answered_counts(session, workshop_id=workshop.id, framework_id=framework_id,
                                       statement_ids=[s.id for s in principle.statements])
    return ScoringNow(framework.title, principle, every.index((framework_id, principle_id)) + 1, len(every),
                      sum(count == len(principle.statements) for count in answered.values()))


def screen(db: Database, *, screen_key: str) -> Screen | None:
    """Everything the projector draws now; None when no workshop has this screen link (or it was replaced)."""
    with db.read() as session:
        workshop = stored_workshops.by_screen_key(session, screen_key=screen_key.strip())
        if workshop is None:
            return None
        frameworks = frameworks_of(workshop)
        here = position(session, workshop, frameworks)
        step, revealed = here.step, workshop.revealed
        stage = step.stage
        overviews: list[Overview] = []
        if revealed and stage in (Stage.overview, Stage.agree, Stage.close):
            overviews = [_overview(session, workshop, f) for f in frameworks if step.framework_id in (None, f.id)]
        focus = None
        if revealed and stage is Stage.principles and step.framework_id and step.principle_id:
            focus = _spotlight(session, workshop, pick(frameworks, step.framework_id), step.principle_id,
                               step.part or Part.room)
        vote = _second_vote(session, workshop, step.framework_id, step.principle_id) \
            if stage is Stage.second_vote else None
        now = _scoring_now(session, workshop, frameworks, step.framework_id, step.principle_id) \
            if stage is Stage.scoring and step.framework_id and step.principle_id else None
        actions = actions_in(session, workshop_id=workshop.id) if stage in (Stage.actions, Stage.close) else []
        reviews = reviews_for(session, workshop=workshop) if stage is Stage.review else []
        return Screen(facts(workshop), here, attendance_in(session, workshop_id=workshop.id), overviews, focus, vote,
                      actions, reviews, now)
