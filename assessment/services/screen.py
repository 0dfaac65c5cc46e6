"""What the projector shows at each step of the workshop, read by the join code (the screen holds no secret).

The screen shows only what the whole room sees anyway: the join panel and counts, and — once the facilitator
has revealed results — the room's profile, one principle at a time, second votes, agreed scores, actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import Framework
from assessment.engine.agenda import Stage
from assessment.engine.agreement import Agreement
from assessment.engine.profiles import Series, agreed_series, room_series
from assessment.engine.rounds import RoundComparison
from assessment.engine.scoring import score
from assessment.engine.sectors import sector_lens
from assessment.engine.spotlight import Spotlight, StatementCounts, spotlight, statement_counts
from assessment.services import codes
from assessment.services.comments import RELEASED, comments_in
from assessment.services.consensus import ActionRecord, ActionToReview, actions_in, agreed_in, reviews_for
from assessment.services.presenter import Position, position
from assessment.services.results import Attendance, attendance_in, workshop_responses
from assessment.services.second_votes import comparisons_in
from assessment.services.workshops import WorkshopFacts, facts, frameworks_of, pick
from assessment.storage import second_votes
from assessment.storage import workshops as stored_workshops
from assessment.storage.db import Database
from assessment.storage.models import Workshop


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
    is_open: bool
    comparison: RoundComparison
    scale: list[str]  # "1 Not yet in place", …
    first_round: list[StatementCounts]
    second_round: list[StatementCounts]


@dataclass(frozen=True)
class Screen:
    workshop: WorkshopFacts
    position: Position
    attendance: Attendance
    overviews: list[Overview]  # the step's framework in the overview and agree stages; every one at the close
    spotlight: Spotlight | None  # principles stage
    second_vote: SecondVoteView | None  # second vote stage (the open one, else the latest)
    actions: list[ActionRecord]  # actions stage
    reviews: list[ActionToReview]  # actions stage, at a follow-up


def _agreed_labels(session: Session, workshop: Workshop, framework: Framework) -> dict[str, int | None]:
    return {pid: a.score for (fid, pid), a in agreed_in(session, workshop_id=workshop.id).items() if fid == framework.id}


def _overview(session: Session, workshop: Workshop, framework: Framework) -> Overview:
    result = score(framework, workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id))
    agreed = _agreed_labels(session, workshop, framework)
    profiles = [room_series({p.id: p.mean for p in result.principles})]
    if any(value is not None for value in agreed.values()):
        profiles.append(agreed_series(framework, agreed))
    lines = [PrincipleLine(p.name, p.mean, p.level, p.agreement,
                           None if agreed.get(p.id) is None else f"{agreed[p.id]} · {framework.scale.labels[agreed[p.id]]}")
             for p in result.principles]
    return Overview(framework, profiles, lines, result.participants)


def _spotlight(session: Session, workshop: Workshop, framework: Framework, principle_id: str) -> Spotlight:
    responses = workshop_responses(session, workshop_id=workshop.id, framework_id=framework.id)
    result = score(framework, responses)
    shown = [c.text for c in comments_in(session, workshop=workshop, framework_id=framework.id,
                                         principle_id=principle_id, states=[RELEASED])]
    chosen = [e for e in builtin_exemplars() if e.id in workshop.exemplar_ids]
    second = comparisons_in(session, workshop=workshop).get((framework.id, principle_id))
    return spotlight(framework, principle_id, responses=responses, result=result,
                     lens=sector_lens(framework, responses, result, workshop.sector_groups),
                     comments=shown, exemplars=chosen, agreed=_agreed_labels(session, workshop, framework).get(principle_id),
                     second_round=second if second and second.second.people else None)


def _second_vote(session: Session, workshop: Workshop) -> SecondVoteView | None:
    votes = second_votes.of_workshop(session, workshop_id=workshop.id)
    current = next((v for v in votes if v.closed_at is None), votes[-1] if votes else None)
    if current is None:
        return None
    comparison = comparisons_in(session, workshop=workshop)[(current.framework_id, current.principle_id)]
    framework = pick(frameworks_of(workshop), current.framework_id)
    principle = next(p for p in framework.principles if p.id == current.principle_id)
    rounds = [statement_counts(framework, principle, workshop_responses(session, workshop_id=workshop.id,
                                                                       framework_id=framework.id, round=number))
              for number in (1, 2)]
    return SecondVoteView(comparison.name, current.closed_at is None, comparison,
                          [f"{point} {label}" for point, label in framework.scale.labels.items()], *rounds)


def screen(db: Database, *, join_code: str) -> Screen | None:
    """Everything the projector draws now; None when no workshop has this join code."""
    with db.read() as session:
        workshop = stored_workshops.by_join_code(session, join_code=codes.normalise_code(join_code))
        if workshop is None:
            return None
        frameworks = frameworks_of(workshop)
        here = position(workshop, frameworks)
        stage, revealed = here.step.stage, workshop.revealed
        overviews: list[Overview] = []
        if revealed and stage in (Stage.overview, Stage.agree, Stage.close):
            overviews = [_overview(session, workshop, f) for f in frameworks
                         if here.step.framework_id in (None, f.id)]
        focus = None
        if revealed and stage is Stage.principles and here.step.spotlight:
            focus = _spotlight(session, workshop, pick(frameworks, here.step.framework_id), here.step.principle_id)
        vote = _second_vote(session, workshop) if stage is Stage.second_vote else None
        actions = actions_in(session, workshop_id=workshop.id) if stage in (Stage.actions, Stage.close) else []
        reviews = reviews_for(session, workshop=workshop) if stage is Stage.actions else []
        return Screen(facts(workshop), here, attendance_in(session, workshop_id=workshop.id), overviews, focus, vote,
                      actions, reviews)
