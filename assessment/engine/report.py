"""The readiness report as data: everything every rendering shows, computed once.

Built from a framework and answers (a CSV or a workshop), the chosen exemplars, and whatever the
room agreed. Renderers only lay this out; none of them computes a number.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from assessment.content.exemplar import JUDGEMENT_CAVEAT, Exemplar, profiled_on
from assessment.content.framework import Framework
from assessment.engine.agreement import Agreement, rule_in_words
from assessment.engine.comparison import GapKind, compare
from assessment.engine.profiles import Series, agreed_series, exemplar_series, room_series
from assessment.engine.responses import Responses
from assessment.engine.scoring import ScoreResult, Spread, score
from assessment.engine.sectors import MIN_SECTOR_SIZE, sector_series

TOP = 3


class Branding(BaseModel):
    """Who the report is from: a consultancy's or partnership's name, accent colour and logo."""

    name: str = "PlaceReady"
    colour: str = "#005EB8"
    logo_data_uri: str | None = None


class Agreed(BaseModel):
    score: int | None
    note: str | None


class ActionItem(BaseModel):
    principle: str
    text: str
    owner: str
    due: str | None


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


class PrincipleSection(Spread):
    id: str
    name: str
    summary: str | None
    level: str | None
    rubric: str | None  # what the level the room sits at looks like, for this principle
    agreement: Agreement
    agreed_score: int | None
    agreed_label: str | None
    note: str | None
    statements: list[StatementRow]
    exemplars: list[ExemplarNote]
    comments: list[str]
    actions: list[ActionItem]


class SectorDifference(BaseModel):
    principle: str
    spread: float
    highest: str
    lowest: str


class Summary(BaseModel):
    mean: float | None
    level: str | None
    strongest: list[tuple[str, float]]
    weakest: list[tuple[str, float]]
    split: list[str]
    sector_differences: list[SectorDifference]


class Report(BaseModel):
    title: str
    partnership: str
    place: str | None
    workshop: str | None
    held_on: str | None
    generated_on: str
    framework_id: str
    framework_title: str
    scale: dict[int, str]
    principle_names: dict[str, str]  # id → name, in the radar's order
    participants: int
    alpha_ordinal: float | None
    alpha_interval: float | None
    summary: Summary
    principles: list[PrincipleSection]
    radar: list[Series]  # the room, the agreed scores if any, then the exemplars
    sectors: list[Series]  # sectors with enough people to stay anonymous
    exemplar_names: list[str]
    method: list[str]
    sources: list[str]
    branding: Branding


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
    branding: Branding | None = None,
    today: datetime.date | None = None,
) -> Report:
    result = score(framework, responses)
    exemplars = profiled_on(exemplars, framework)
    agreed = agreed or {}
    room = {p.id: p.mean for p in result.principles}
    gaps = compare(framework, room, exemplars)
    comments = _comments(framework, responses)
    sectors, _ = sector_series(result, responses)
    statement_scores = {s.id: s for s in result.statements}
    sections = []
    for principle in framework.principles:
        scored = result.principle(principle.id)
        level_point = next((point for point, label in framework.scale.labels.items() if label == scored.level), None)
        own = agreed.get(principle.id)
        sections.append(PrincipleSection(
            id=principle.id, name=principle.name, summary=principle.summary, mean=scored.mean, median=scored.median,
            n=scored.n, rwg=scored.rwg, ad=scored.ad, dont_know=scored.dont_know, level=scored.level,
            rubric=principle.rubric.get(level_point) if level_point is not None else None,
            agreement=scored.agreement,
            agreed_score=own.score if own else None,
            agreed_label=framework.scale.labels.get(own.score) if own and own.score is not None else None,
            note=own.note if own else None,
            statements=[StatementRow(text=s.text, mean=statement_scores[s.id].mean,
                                     median=statement_scores[s.id].median, n=statement_scores[s.id].n,
                                     dont_know=statement_scores[s.id].dont_know) for s in principle.statements],
            exemplars=[ExemplarNote(exemplar=g.exemplar_name, score=g.exemplar_score, gap=g.gap, kind=g.kind,
                                    confidence=g.confidence, practice=g.practice,
                                    not_assessed=g.not_assessed_reason)
                       for g in gaps if g.principle == principle.id],
            comments=comments.get(principle.id, []),
            actions=[a for a in actions if a.principle == principle.name],
        ))
    radar = [room_series(room)]
    if any(a.score is not None for a in agreed.values()):
        radar.append(agreed_series(framework, {pid: a.score for pid, a in agreed.items()}))
    radar += [exemplar_series(e, framework) for e in exemplars]
    cited = {c for g in gaps for c in g.sources}
    return Report(
        title=f"Readiness report: {partnership}",
        partnership=partnership, place=place, workshop=workshop,
        held_on=held_on.isoformat() if held_on else None,
        generated_on=(today or datetime.date.today()).isoformat(),
        framework_id=framework.id, framework_title=framework.title, scale=dict(framework.scale.labels),
        principle_names={p.id: p.name for p in framework.principles},
        participants=result.participants,
        alpha_ordinal=result.overall.alpha_ordinal, alpha_interval=result.overall.alpha_interval,
        summary=_summary(result, sectors, framework),
        principles=sections, radar=radar, sectors=sectors,
        exemplar_names=[e.name for e in exemplars],
        method=_method(framework, bool(exemplars)),
        sources=[framework.source.citation(), *(s.citation() for s in framework.sources), *sorted(cited)],
        branding=branding or Branding(),
    )


def _comments(framework: Framework, responses: Responses) -> dict[str, list[str]]:
    principle_of = {s.id: p.id for p in framework.principles for s in p.statements}
    table = responses.table.dropna(subset=["comment"])
    found: dict[str, list[str]] = {}
    for statement, comment in zip(table["statement"], table["comment"], strict=True):
        if comment and statement in principle_of:
            found.setdefault(principle_of[statement], []).append(str(comment))
    return found


def _summary(result: ScoreResult, sectors: list[Series], framework: Framework) -> Summary:
    ranked = sorted(((p.mean, p.name) for p in result.principles if p.mean is not None), reverse=True)
    differences = []
    for principle in framework.principles:
        values = {s.name: s.scores.get(principle.id) for s in sectors if s.scores.get(principle.id) is not None}
        if len(values) >= 2:
            high, low = max(values, key=values.get), min(values, key=values.get)
            differences.append(SectorDifference(principle=principle.name, spread=values[high] - values[low],
                                                highest=high, lowest=low))
    differences.sort(key=lambda d: -d.spread)
    return Summary(
        mean=result.overall.mean, level=result.overall.level,
        strongest=[(name, mean) for mean, name in ranked[:TOP]],
        weakest=[(name, mean) for mean, name in sorted(ranked)[:TOP]],
        split=[p.name for p in result.principles if p.agreement is Agreement.split],
        sector_differences=differences[:TOP],
    )


def _method(framework: Framework, with_exemplars: bool) -> list[str]:
    scale = ", ".join(f"{point} {label}" for point, label in framework.scale.labels.items())
    paragraphs = [
        f"Each person scored each statement privately on the scale {scale}, or answered “don't know”. "
        "Nobody gave their name; each gave their organisation and sector.",
        "A principle's mean is the mean of its statements' means; its median is the median of each person's own "
        "average across the principle's statements. The level is the scale label nearest the mean (a tie goes up). "
        "“Don't know” answers are counted separately and left out of every average.",
        "Agreement: rwg compares how widely answers vary with how widely they would vary if people answered at "
        "random (1 means everyone agreed, 0 no more agreement than chance); for a principle it combines its "
        "statements (James, Demaree and Wolf's rwg(J)). AD is the average distance, in scale points, of answers "
        "from their mean. " + rule_in_words(len(framework.scale.points)),
        "Krippendorff's alpha (ordinal and interval) measures how far people agree across all statements at once.",
        f"Sector views are shown only for sectors with at least {MIN_SECTOR_SIZE} people, so that no one's "
        "answers can be picked out.",
        "Agreed scores are what the room settled on in discussion; they sit beside the individual answers and "
        "never replace them.",
    ]
    if with_exemplars:
        paragraphs.append(JUDGEMENT_CAVEAT)
    return paragraphs
