"""The readiness report as data: everything every rendering shows, computed once.

Built from a framework and answers (a CSV or a workshop), the chosen exemplars, whatever the room agreed and,
at a follow-up, the baseline workshop. Renderers (PDF, Word, HTML, the board pack, spreadsheets) only lay this
out; none of them computes a number or writes a sentence about one.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from assessment.content.exemplar import Exemplar, profiled_on
from assessment.content.framework import Framework
from assessment.engine.agreement import Agreement, rule_in_words
from assessment.engine.comparison import GapKind, compare
from assessment.engine.cover import Branding, Cover, cover, long_date
from assessment.engine.crosswalk import Crosswalk
from assessment.engine.findings import (
    Evidence,
    ExemplarLead,
    Horizon,
    Kind,
    Priority,
    SectorGap,
    prioritise,
)
from assessment.engine.follow_through import ReviewedAction
from assessment.engine.method import method
from assessment.engine.next_steps import StepUp, next_steps_for, standing
from assessment.engine.profiles import Series, agreed_series, exemplar_series, room_series
from assessment.engine.progress import Baseline, Change, changes
from assessment.engine.responses import Responses
from assessment.engine.rounds import RoundComparison
from assessment.engine.scoring import ScoreResult, Spread, score
from assessment.engine.sectors import MIN_SECTOR_SIZE, sector_series, sector_sizes
from assessment.engine.summary import ExecutiveSummary, executive_summary, key_findings, strongest_and_weakest

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


class PrincipleSection(Spread):
    id: str
    name: str
    summary: str | None
    level: str | None
    rubric: str | None  # what the level it stands at (`standing`) looks like, for this principle
    agreement: Agreement
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
    statements: list[StatementRow]
    exemplars: list[ExemplarNote]
    comments: list[str]
    actions: list[ActionItem]


class Lead(BaseModel):
    """Where a chosen exemplar is furthest ahead of the partnership on a principle, and what it did."""

    principle: str
    exemplar: str
    score: int
    ours: float
    gap: float
    practice: str | None


class Unscored(BaseModel):
    principle: str
    name: str
    reason: str


class SectorDifference(BaseModel):
    principle_id: str
    principle: str
    spread: float
    highest: str
    lowest: str


class Summary(BaseModel):
    mean: float | None
    level: str | None
    scored: int  # principles with a score; the overall mean is theirs alone
    strongest: list[tuple[str, float]]
    weakest: list[tuple[str, float]]
    split: list[str]
    sector_differences: list[SectorDifference]


class BaselineComparison(BaseModel):
    title: str
    held_on: str
    changes: list[Change]  # in the framework's order
    note: str | None


class Report(BaseModel):
    title: str
    partnership: str
    place: str | None
    workshop: str | None
    held_on: str | None
    generated_on: str
    cover: Cover
    framework_id: str
    framework_title: str
    scale: dict[int, str]
    principle_names: dict[str, str]  # id → name, in the radar's order
    participants: int
    alpha_ordinal: float | None
    alpha_interval: float | None
    executive_summary: ExecutiveSummary
    key_findings: list[str]
    summary: Summary
    recommendations: list[Recommendation]  # priorities first, then what to find out, then by points
    leads: list[Lead]  # the chosen exemplars' largest leads, largest first, one per principle
    baseline: BaselineComparison | None
    principles: list[PrincipleSection]  # every principle, in the framework's order (the data)
    unscored: list[Unscored]  # principles nobody could score, listed together rather than a section each
    unscored_note: str | None  # what to do about them, beside the recommendations
    radar: list[Series]  # the room, the agreed scores if any, then the exemplars
    sectors: list[Series]  # sectors with enough people to stay anonymous
    exemplar_names: list[str]
    agreement_rule: str  # when the room counts as split, in words with this scale's cut-off
    second_votes: dict[str, RoundComparison] = {}  # principle id → its first and second votes, where held
    reviewed_actions: list[ReviewedAction] = []  # the previous workshop's actions, at a follow-up
    crosswalks: list[Crosswalk] = []  # what the principles rest on in other frameworks (engine/crosswalk.py)
    method: list[str]
    sources: list[str]
    branding: Branding

    @property
    def first_recommendations(self) -> list[Recommendation]:
        """What to do within six months: the recommendations table. Principles nobody scored are left out of it:
        they are listed together, with the one thing to do about them, after the improvement plan."""
        unscored = {u.principle for u in self.unscored}
        return [r for r in self.recommendations if r.horizon is not Horizon.later and r.principle not in unscored]

    @property
    def later_recommendations(self) -> list[Recommendation]:
        """What to build on over the year, listed after the table; the improvement plan has their steps."""
        return [r for r in self.recommendations if r.horizon is Horizon.later]

    @property
    def plan(self) -> list[PrincipleSection]:
        """The improvement plan: a section for each principle with a score."""
        return [p for p in self.principles if p.mean is not None]


def build_report(
    framework: Framework,
    responses: Responses,
    *,
    partnership: str,
    place: str | None = None,
    workshop: str | None = None,
    held_on: datetime.date | None = None,
    exemplars: Sequence[Exemplar] = (),
    agreed: Mapping[str, Agreed] | None = None,
    actions: Sequence[ActionItem] = (),
    baseline: Baseline | None = None,
    second_votes: Mapping[str, RoundComparison] | None = None,
    reviewed_actions: Sequence[ReviewedAction] = (),
    branding: Branding | None = None,
    today: datetime.date | None = None,
) -> Report:
    result = score(framework, responses)
    exemplars = profiled_on(exemplars, framework)
    agreed = agreed or {}
    branding = branding or Branding()
    today = today or datetime.date.today()
    room = {p.id: p.mean for p in result.principles}
    gaps = compare(framework, room, exemplars)
    sectors, _ = sector_series(result, responses)
    sector_gaps = _sector_gaps(result, responses)
    leads = _leads(gaps)
    moved = {c.principle: c for c in changes(framework, [baseline.then, baseline.now])} if baseline else {}
    evidence = []
    for p in result.principles:
        own = agreed.get(p.id)
        evidence.append(Evidence(
            principle=p.id, name=p.name, mean=p.mean, n=p.n, agreement=p.agreement, outside_share=p.outside_share,
            ad=p.ad, dont_know=p.dont_know, level=standing(framework, mean=p.mean, agreed=own.score if own else None),
            agreed=bool(own and own.score is not None), sector_gap=sector_gaps.get(p.id), exemplar_lead=leads.get(p.id),
            change=moved.get(p.id)))
    priorities = prioritise(framework, evidence)
    by_principle = {e.principle: e for e in evidence}
    recommendations = [_recommendation(framework, rank, priority, by_principle[priority.principle], actions)
                       for rank, priority in enumerate(priorities, start=1)]
    recommended = {r.principle: r for r in recommendations}
    ranked = {p.principle: p for p in priorities}
    comments = _comments(framework, responses)
    sections = [_section(framework, principle, result=result, own=agreed.get(principle.id),
                         priority=ranked[principle.id], recommendation=recommended[principle.id],
                         evidence=by_principle[principle.id], gaps=gaps, comments=comments.get(principle.id, []),
                         actions=actions)
                for principle in framework.principles]
    radar = [room_series(room)]
    if any(a.score is not None for a in agreed.values()):
        radar.append(agreed_series(framework, {pid: a.score for pid, a in agreed.items()}))
    radar += [exemplar_series(e, framework) for e in exemplars]
    cited = {c for g in gaps for c in g.sources} | {s.source for p in sections for s in p.next_steps if s.source}
    baseline_name = f"baseline workshop ({long_date(baseline.held_on)})" if baseline else None
    strongest, weakest = strongest_and_weakest(result)
    return Report(
        title=f"Readiness report: {partnership}",
        partnership=partnership, place=place, workshop=workshop,
        held_on=held_on.isoformat() if held_on else None,
        generated_on=today.isoformat(),
        cover=cover(kind="Readiness report", subject=partnership, framework=framework, branding=branding, today=today,
                    details=[("Place", place), ("Workshop", workshop), ("Held on", held_on and long_date(held_on)),
                             ("Baseline", baseline and f"{baseline.title}, {long_date(baseline.held_on)}")]),
        framework_id=framework.id, framework_title=framework.title, scale=dict(framework.scale.labels),
        principle_names={p.id: p.name for p in framework.principles},
        participants=result.participants,
        alpha_ordinal=result.overall.alpha_ordinal, alpha_interval=result.overall.alpha_interval,
        executive_summary=executive_summary(
            partnership=partnership, framework=framework, result=result, priorities=priorities, gaps=sector_gaps,
            baseline=baseline_name, changes=list(moved.values())),
        key_findings=key_findings(framework=framework, result=result, gaps=sector_gaps, leads=leads,
                                  changes=list(moved.values())),
        summary=Summary(
            mean=result.overall.mean, level=result.overall.level,
            scored=sum(p.mean is not None for p in result.principles), strongest=strongest, weakest=weakest,
            split=[p.name for p in result.principles if p.agreement is Agreement.split],
            sector_differences=[SectorDifference(principle_id=pid, principle=result.principle(pid).name, spread=g.gap,
                                                 highest=g.highest, lowest=g.lowest)
                                for pid, g in sorted(sector_gaps.items(), key=lambda item: -item[1].gap)[:3]]),
        recommendations=recommendations,
        leads=sorted((Lead(principle=result.principle(pid).name, exemplar=lead.exemplar, score=lead.score,
                           ours=lead.score - lead.gap, gap=lead.gap, practice=lead.practice)
                      for pid, lead in leads.items()), key=lambda lead: -lead.gap),
        baseline=BaselineComparison(
            title=baseline.title, held_on=long_date(baseline.held_on), note=baseline.note,
            changes=[moved[p.id] for p in framework.principles if p.id in moved]) if baseline else None,
        principles=sections,
        unscored=[Unscored(principle=s.id, name=s.name, reason=s.recommendation.why[0])
                  for s in sections if s.mean is None],
        unscored_note=_unscored_note([s.name for s in sections if s.mean is None]),
        radar=radar, sectors=sectors,
        exemplar_names=[e.name for e in exemplars],
        agreement_rule=rule_in_words(len(framework.scale.points)),
        second_votes=dict(second_votes or {}), reviewed_actions=list(reviewed_actions),
        method=method(framework, with_exemplars=bool(exemplars)),
        sources=[framework.source.citation(), *(s.citation() for s in framework.sources), *sorted(cited)],
        branding=branding,
    )


def _unscored_note(names: list[str]) -> str | None:
    if not names:
        return None
    return (f"Nobody scored {'; '.join(names)}. Finding out where {'it stands' if len(names) == 1 else 'they stand'} "
            "comes first, in the next 3 months: see Principles without a score, after the improvement plan.")


def _sector_gaps(result: ScoreResult, responses: Responses) -> dict[str, SectorGap]:
    """Per principle, the two sectors furthest apart, among sectors with enough people to stay anonymous."""
    sizes = sector_sizes(responses)
    shown = {sector: scores for sector, scores in result.by_sector.items() if sizes.get(sector, 0) >= MIN_SECTOR_SIZE}
    found = {}
    for p in result.principles:
        values = {sector: scores[p.id] for sector, scores in shown.items() if scores.get(p.id) is not None}
        if len(values) >= 2:
            high, low = max(values, key=values.get), min(values, key=values.get)
            found[p.id] = SectorGap(highest=high, high=values[high], lowest=low, low=values[low])
    return found


def _leads(gaps: Sequence) -> dict[str, ExemplarLead]:  # type: ignore[type-arg]
    """Per principle, the chosen exemplar furthest ahead, where one is ahead."""
    found: dict[str, ExemplarLead] = {}
    for g in gaps:
        if g.kind is GapKind.behind and (g.principle not in found or g.gap > found[g.principle].gap):
            found[g.principle] = ExemplarLead(exemplar=g.exemplar_name, score=g.exemplar_score, gap=g.gap,
                                              practice=g.practice)
    return found


def _recommendation(framework: Framework, rank: int, priority: Priority, evidence: Evidence,
                    actions: Sequence[ActionItem]) -> Recommendation:
    labels = framework.scale.labels
    level, top = evidence.level, framework.scale.max
    known = priority.kind is not Kind.find_out and level is not None
    steps = [s.text for s in next_steps_for(framework, priority.principle, level)] if known else []
    return Recommendation(
        rank=rank, principle=priority.principle, name=priority.name, kind=priority.kind, horizon=priority.horizon,
        headline=priority.headline,
        level=(f"{level} {labels[level]}" + (f" → {level + 1} {labels[level + 1]}" if level < top else ""))
        if known else None,
        what=(priority.first_steps + steps)[:TABLE_STEPS],
        actions=[a for a in actions if a.principle == priority.name], why=priority.reasons)


def _section(framework: Framework, principle, *, result: ScoreResult, own: Agreed | None,  # type: ignore[no-untyped-def]
             priority: Priority, recommendation: Recommendation, evidence: Evidence, gaps: Sequence,  # type: ignore[type-arg]
             comments: list[str], actions: Sequence[ActionItem]) -> PrincipleSection:
    scored = result.principle(principle.id)
    labels = framework.scale.labels
    statements = {s.id: s for s in result.statements}
    level = evidence.level if priority.kind is not Kind.find_out else None
    return PrincipleSection(
        id=principle.id, name=principle.name, summary=principle.summary, mean=scored.mean, median=scored.median,
        n=scored.n, rwg=scored.rwg, ad=scored.ad, dont_know=scored.dont_know, level=scored.level,
        rubric=principle.rubric.get(level) if level is not None else None,
        agreement=scored.agreement,
        agreed_score=own.score if own else None,
        agreed_label=labels.get(own.score) if own and own.score is not None else None,
        note=own.note if own else None,
        standing=f"{level} {labels[level]}" if level is not None else None,
        next_level=f"{level + 1} {labels[level + 1]}" if level is not None and level < framework.scale.max else None,
        first_steps=priority.first_steps,
        next_steps=next_steps_for(framework, principle.id, level),
        recommendation=recommendation, change=evidence.change,
        why=recommendation.why + ([f"Since the baseline: {evidence.change.in_words}"]
                                  if evidence.change and evidence.change.change is not None
                                  and not evidence.change.beyond_spread else []),
        statements=[StatementRow(text=s.text, mean=statements[s.id].mean, median=statements[s.id].median,
                                 n=statements[s.id].n, dont_know=statements[s.id].dont_know)
                    for s in principle.statements],
        exemplars=[ExemplarNote(exemplar=g.exemplar_name, score=g.exemplar_score, gap=g.gap, kind=g.kind,
                                confidence=g.confidence, practice=g.practice, not_assessed=g.not_assessed_reason)
                   for g in gaps if g.principle == principle.id],
        comments=comments,
        actions=[a for a in actions if a.principle == principle.name],
    )


def _comments(framework: Framework, responses: Responses) -> dict[str, list[str]]:
    principle_of = {s.id: p.id for p in framework.principles for s in p.statements}
    table = responses.table.dropna(subset=["comment"])
    found: dict[str, list[str]] = {}
    for statement, comment in zip(table["statement"], table["comment"], strict=True):
        if comment and statement in principle_of:
            found.setdefault(principle_of[statement], []).append(str(comment))
    return found
