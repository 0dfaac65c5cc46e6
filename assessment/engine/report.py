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
from assessment.engine.agreement import rule_in_words
from assessment.engine.citations import Citation, citation, reference_list
from assessment.engine.comparison import Gap, GapKind, compare
from assessment.engine.cover import Branding, Cover, cover, long_date
from assessment.engine.crosswalk import Crosswalk
from assessment.engine.findings import Evidence, ExemplarLead, Horizon, SectorGap, prioritise
from assessment.engine.follow_through import ReviewedAction
from assessment.engine.method import Origin, data_facts, method
from assessment.engine.next_steps import standing
from assessment.engine.plan import (
    ActionItem,
    Agreed,
    PolicyPoint,
    PrincipleSection,
    Recommendation,
    comments_by_principle,
    recommendation,
    section,
)
from assessment.engine.profiles import Series, agreed_series, exemplar_series, room_series
from assessment.engine.progress import Baseline, Change, changes
from assessment.engine.responses import Responses
from assessment.engine.rounds import RoundComparison
from assessment.engine.scoring import ScoreResult, score
from assessment.engine.sectors import SectorLens, sector_lens
from assessment.engine.summary import ExecutiveSummary, executive_summary, key_findings, strengths, weakest

__all__ = ["ActionItem", "Agreed", "Report", "build_report"]


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
    recommendations: list[Recommendation]  # priorities, then to settle, then to find out, then by points
    leads: list[Lead]  # the chosen exemplars' largest leads, largest first, one per principle
    baseline: BaselineComparison | None
    principles: list[PrincipleSection]  # every principle, in the framework's order (the data)
    unscored: list[Unscored]  # principles nobody could score, listed together rather than a section each
    unscored_note: str | None  # what to do about them, beside the recommendations
    radar: list[Series]  # the room, the agreed scores if any, then the exemplars
    sectors: list[Series]  # sectors, or the workshop's wider groups, as the room saw them; cells under 3 blank
    sector_note: str | None  # what was grouped, left out or left blank, with sizes and the reason
    exemplar_names: list[str]
    agreement_rule: str  # when the room counts as split or in two camps, in words with this scale's cut-off
    policy: list[PolicyPoint]  # the framework in today's policy frame
    second_votes: dict[str, RoundComparison] = {}  # principle id → its first and second votes, where held
    reviewed_actions: list[ReviewedAction] = []  # the previous workshop's actions, at a follow-up
    crosswalks: list[Crosswalk] = []  # what the principles rest on in other frameworks (engine/crosswalk.py)
    method: list[str]
    sources: list[Citation]  # each publication once
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

    @property
    def in_two_camps(self) -> list[PrincipleSection]:
        return [p for p in self.principles if p.camps is not None]


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
    groups: Mapping[str, str] | None = None,
    origin: Origin = Origin.file,
    on_paper: int = 0,
    branding: Branding | None = None,
    today: datetime.date | None = None,
) -> Report:
    """`groups` are the workshop's wider sector groups (None: the standard ones), so the report shows sectors as the
    room saw them; `origin` and `on_paper` say where the answers came from, for the method page."""
    result = score(framework, responses)
    exemplars = profiled_on(exemplars, framework)
    agreed = agreed or {}
    branding = branding or Branding()
    today = today or datetime.date.today()
    room = {p.id: p.mean for p in result.principles}
    gaps = compare(framework, room, exemplars)
    lens = sector_lens(framework, responses, result, groups)
    sector_gaps = _sector_gaps(result, lens)
    leads = _leads(gaps)
    moved = {c.principle: c for c in changes(framework, [baseline.then, baseline.now])} if baseline else {}
    evidence = []
    for p in result.principles:
        own = agreed.get(p.id)
        agreed_score = own.score if own else None
        evidence.append(Evidence(
            principle=p.id, name=p.name, mean=p.mean, n=p.n, agreement=p.agreement, outside_share=p.outside_share,
            ad=p.ad, dont_know=p.dont_know, camps=p.camps, agreed=agreed_score is not None,
            level=standing(framework, mean=p.mean, agreed=agreed_score) if p.camps is None or agreed_score is not None else None,
            sector_gap=sector_gaps.get(p.id), exemplar_lead=leads.get(p.id), change=moved.get(p.id)))
    priorities = prioritise(framework, evidence)
    by_principle = {e.principle: e for e in evidence}
    recommendations = [recommendation(framework, rank, priority, by_principle[priority.principle], actions)
                       for rank, priority in enumerate(priorities, start=1)]
    recommended = {r.principle: r for r in recommendations}
    ranked = {p.principle: p for p in priorities}
    comments = comments_by_principle(framework, responses)
    sections = [section(framework, principle, result=result, own=agreed.get(principle.id),
                        priority=ranked[principle.id], recommended=recommended[principle.id],
                        evidence=by_principle[principle.id], gaps=gaps, comments=comments.get(principle.id, []),
                        actions=actions)
                for principle in framework.principles]
    radar = [room_series(room)]
    if any(a.score is not None for a in agreed.values()):
        radar.append(agreed_series(framework, {pid: a.score for pid, a in agreed.items()}))
    radar += [exemplar_series(e, framework) for e in exemplars]
    baseline_name = f"baseline workshop ({long_date(baseline.held_on)})" if baseline else None
    strong = strengths(result, priorities, sector_gaps)
    return Report(
        title=f"Readiness report: {partnership}",
        partnership=partnership, place=place, workshop=workshop,
        held_on=held_on.isoformat() if held_on else None,
        generated_on=today.isoformat(),
        cover=cover(kind="Readiness report", subject=partnership, framework=framework, branding=branding, today=today,
                    details=[("Place", place), ("Workshop", workshop), ("Held on", long_date(held_on) if held_on else None),
                             ("Baseline", f"{baseline.title}, {long_date(baseline.held_on)}" if baseline else None)]),
        framework_id=framework.id, framework_title=framework.title, scale=dict(framework.scale.labels),
        principle_names={p.id: p.name for p in framework.principles},
        participants=result.participants,
        alpha_ordinal=result.overall.alpha_ordinal, alpha_interval=result.overall.alpha_interval,
        executive_summary=executive_summary(
            partnership=partnership, framework=framework, result=result, priorities=priorities, gaps=sector_gaps,
            lens=lens, baseline=baseline_name, changes=list(moved.values())),
        key_findings=key_findings(framework=framework, result=result, gaps=sector_gaps, leads=leads,
                                  changes=list(moved.values())),
        summary=Summary(
            mean=result.overall.mean, level=result.overall.level,
            scored=sum(p.mean is not None for p in result.principles),
            strongest=[(p.name, p.mean) for p in strong if p.mean is not None],
            weakest=[(p.name, p.mean) for p in weakest(result, priorities, strong) if p.mean is not None],
            split=[p.name for p in result.principles if p.agreement.divided],
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
        radar=radar, sectors=lens.series, sector_note=lens.in_words,
        exemplar_names=[e.name for e in exemplars],
        agreement_rule=rule_in_words(len(framework.scale.points)),
        policy=[PolicyPoint(text=note.text, sources=[citation(s) for s in framework.cited(note.sources)])
                for note in framework.policy],
        second_votes=dict(second_votes or {}), reviewed_actions=list(reviewed_actions),
        method=method(framework, with_exemplars=bool(exemplars), with_baseline=baseline is not None,
                      facts=data_facts(responses, origin=origin, on_paper=on_paper)),
        sources=_sources(framework, gaps, sections),
        branding=branding,
    )


def _sources(framework: Framework, gaps: Sequence[Gap], sections: Sequence[PrincipleSection]) -> list[Citation]:
    """The framework's sources, then those the policy notes, the exemplars' judgements and the steps cite."""
    cited = [s for g in gaps for s in g.sources] + [s.publication for p in sections for s in p.next_steps
                                                    if s.publication is not None]
    return reference_list([framework.source, *framework.sources, *sorted(cited, key=lambda s: s.title.casefold())])


def _unscored_note(names: list[str]) -> str | None:
    if not names:
        return None
    return (f"Nobody scored {'; '.join(names)}. Finding out where {'it stands' if len(names) == 1 else 'they stand'} "
            "comes first, in the next 3 months: see Principles without a score, after the improvement plan.")


def _sector_gaps(result: ScoreResult, lens: SectorLens) -> dict[str, SectorGap]:
    """Per principle, the two sectors (or groups) furthest apart, among the figures the report shows."""
    found = {}
    for p in result.principles:
        values = {series.name.rsplit(" (", 1)[0]: value for series in lens.series
                  if (value := series.scores.get(p.id)) is not None}
        if len(values) >= 2:
            high, low = max(values, key=values.__getitem__), min(values, key=values.__getitem__)
            found[p.id] = SectorGap(highest=high, high=values[high], lowest=low, low=values[low])
    return found


def _leads(gaps: Sequence[Gap]) -> dict[str, ExemplarLead]:
    """Per principle, the chosen exemplar furthest ahead, where one is ahead."""
    found: dict[str, ExemplarLead] = {}
    for g in gaps:
        if g.kind is GapKind.behind and (g.principle not in found or (g.gap or 0) > found[g.principle].gap):
            assert g.exemplar_score is not None and g.gap is not None
            found[g.principle] = ExemplarLead(exemplar=g.exemplar_name, score=g.exemplar_score, gap=g.gap,
                                              practice=g.practice)
    return found
