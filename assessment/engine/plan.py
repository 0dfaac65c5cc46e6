"""The improvement plan and the recommendations: for each principle, where it stands, what to do first, why, and
how soon, with the framework's steps, the exemplars' practice, the policy frame and the room's own actions."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assessment.content.framework import Framework, Principle
from assessment.engine.agreement import Agreement
from assessment.engine.camps import camps_in_words
from assessment.engine.citations import Citation, citation
from assessment.engine.comparison import Gap, GapKind
from assessment.engine.findings import Evidence, Horizon, Kind, Priority
from assessment.engine.next_steps import StepUp, next_steps_for
from assessment.engine.progress import Change
from assessment.engine.responses import Responses
from assessment.engine.scoring import Camps, ScoreResult, Spread

TABLE_STEPS = 1  # the recommendations table gives the first thing to do; the improvement plan gives every step


class Agreed(BaseModel):
    score: int | None
    note: str | None


class ActionItem(BaseModel):
    principle: str
    text: str
    owner: str
    due: str | None
    status: str = "open"  # open, in progress, done


class ExemplarNote(BaseModel):
    exemplar: str
    score: int | None
    gap: float | None
    kind: GapKind
    confidence: str | None
    practice: str | None
    not_assessed: str | None


class StatementRow(BaseModel):
    text: str
    mean: float | None
    median: float | None
    n: int
    dont_know: float | None


class Recommendation(BaseModel):
    """What to do about one principle, why, and how soon (docs/recommendations.md)."""

    rank: int
    principle: str
    name: str
    kind: Kind
    horizon: Horizon
    headline: str
    level: str | None  # "2 Emerging → 3 Developing"; None where the level is not known
    what: list[str]  # the first things to do: the rule's own steps, then the framework's next steps
    actions: list[ActionItem]  # what the room agreed to do
    why: list[str]


class PolicyPoint(BaseModel):
    """One point of the policy frame, with the sources it rests on."""

    text: str
    sources: list[Citation]


class PrincipleSection(Spread):
    id: str
    name: str
    summary: str | None
    level: str | None  # the level of the mean; None in two camps
    rubric: str | None  # what the level it stands at (`standing`) looks like, for this principle
    agreement: Agreement
    camps: Camps | None  # where the room is in two camps
    camps_in_words: str | None  # "12 people at Not yet in place, 12 at Maturing or Thriving"
    people_at: list[int]  # people per scale point: the distribution a room in two camps is shown by
    agreed_score: int | None
    agreed_label: str | None
    note: str | None
    standing: str | None  # the level it stands at, agreed where recorded: "2 Emerging"
    next_level: str | None  # the level above: "3 Developing"; None at the top
    first_steps: list[str]
    next_steps: list[StepUp]
    recommendation: Recommendation
    why: list[str]  # the recommendation's reasons, and any change since the baseline too small to earn points
    change: Change | None  # since the baseline
    policy: PolicyPoint | None  # what the principle means in today's policy frame
    statements: list[StatementRow]
    exemplars: list[ExemplarNote]
    comments: list[str]
    actions: list[ActionItem]


def policy_point(framework: Framework, principle: Principle) -> PolicyPoint | None:
    if principle.policy is None:
        return None
    return PolicyPoint(text=principle.policy.text,
                       sources=[citation(s) for s in framework.cited(principle.policy.sources)])


def recommendation(framework: Framework, rank: int, priority: Priority, evidence: Evidence,
                   actions: Sequence[ActionItem]) -> Recommendation:
    labels = framework.scale.labels
    level, top = evidence.level, framework.scale.max
    known = priority.kind not in (Kind.find_out, Kind.settle) and level is not None
    steps = [s.text for s in next_steps_for(framework, priority.principle, level)] if known else []
    return Recommendation(
        rank=rank, principle=priority.principle, name=priority.name, kind=priority.kind, horizon=priority.horizon,
        headline=priority.headline,
        level=(f"{level} {labels[level]}" + (f" → {level + 1} {labels[level + 1]}" if level < top else ""))
        if known and level is not None else None,
        what=(priority.first_steps + steps)[:TABLE_STEPS],
        actions=[a for a in actions if a.principle == priority.name], why=priority.reasons)


def section(framework: Framework, principle: Principle, *, result: ScoreResult, own: Agreed | None,
            priority: Priority, recommended: Recommendation, evidence: Evidence, gaps: Sequence[Gap],
            comments: list[str], actions: Sequence[ActionItem]) -> PrincipleSection:
    scored = result.principle(principle.id)
    labels = framework.scale.labels
    statements = {s.id: s for s in result.statements}
    level = evidence.level if priority.kind not in (Kind.find_out, Kind.settle) else None
    return PrincipleSection(
        id=principle.id, name=principle.name, summary=principle.summary, mean=scored.mean, median=scored.median,
        n=scored.n, rwg=scored.rwg, ad=scored.ad, dont_know=scored.dont_know, level=scored.level,
        rubric=principle.rubric.get(level) if level is not None else None,
        agreement=scored.agreement, camps=scored.camps, people_at=scored.people_at,
        camps_in_words=camps_in_words(scored.camps, labels) if scored.camps else None,
        agreed_score=own.score if own else None,
        agreed_label=labels.get(own.score) if own and own.score is not None else None,
        note=own.note if own else None,
        standing=f"{level} {labels[level]}" if level is not None else None,
        next_level=f"{level + 1} {labels[level + 1]}" if level is not None and level < framework.scale.max else None,
        first_steps=priority.first_steps,
        next_steps=next_steps_for(framework, principle.id, level),
        recommendation=recommended, change=evidence.change, policy=policy_point(framework, principle),
        why=recommended.why + ([f"Since the baseline: {evidence.change.in_words}"]
                               if evidence.change and evidence.change.change is not None
                               and not evidence.change.real else []),
        statements=[StatementRow(text=s.text, mean=statements[s.id].mean, median=statements[s.id].median,
                                 n=statements[s.id].n, dont_know=statements[s.id].dont_know)
                    for s in principle.statements],
        exemplars=[ExemplarNote(exemplar=g.exemplar_name, score=g.exemplar_score, gap=g.gap, kind=g.kind,
                                confidence=g.confidence, practice=g.practice, not_assessed=g.not_assessed_reason)
                   for g in gaps if g.principle == principle.id],
        comments=comments,
        actions=[a for a in actions if a.principle == principle.name],
    )


def comments_by_principle(framework: Framework, responses: Responses) -> dict[str, list[str]]:
    principle_of = {s.id: p.id for p in framework.principles for s in p.statements}
    table = responses.table.dropna(subset=["comment"])
    found: dict[str, list[str]] = {}
    for statement, comment in zip(table["statement"], table["comment"], strict=True):
        if comment and statement in principle_of:
            found.setdefault(principle_of[statement], []).append(str(comment))
    return found
