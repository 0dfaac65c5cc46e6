"""One report for a workshop that scored several frameworks: one summary, one list of recommendations, then a
part per framework, then any sections that read across the frameworks.

Each part is that framework's own readiness report (`build_report`), so its numbers and words are exactly those
of the report of that framework alone. A section across frameworks is made by a `CrossWalk`: a function given
every framework with its report, returning a `CrossSection` (or None where it has nothing to say). The
renderers lay a cross section out as a heading, paragraphs and an optional table, so a cross-walk — such as the
neighbourhood health components beside the Ham principles they rest on (engine/crosswalk_section.py) — is one
function passed to `build_combined_report`, with no change to any renderer. A section's headline, where it has
one, joins the executive summary after each framework's clearest findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.citations import Citation, merged
from assessment.engine.cover import Branding, Cover
from assessment.engine.findings import Kind
from assessment.engine.plan import Recommendation
from assessment.engine.report import Report
from assessment.engine.summary import board_asks, listed, quoted
from assessment.numbers import counted, in_words, number

KIND_ORDER = (Kind.priority, Kind.settle, Kind.find_out, Kind.build, Kind.sustain)


class CrossSection(BaseModel):
    """A section reading across the frameworks: a title, paragraphs and, where it helps, a table of text."""

    title: str
    headline: str | None = None  # its clearest finding, as a sentence of the executive summary
    paragraphs: list[str]
    header: list[str] = []
    rows: list[list[str]] = []


CrossWalk = Callable[[Sequence[tuple[Framework, Report]]], CrossSection | None]


class Ranked(BaseModel):
    """A recommendation in the combined list, with the framework it belongs to."""

    rank: int
    framework: str  # the framework's title
    framework_id: str
    recommendation: Recommendation


class CombinedReport(BaseModel):
    title: str
    partnership: str
    workshop: str | None
    held_on: str | None
    generated_on: str
    cover: Cover
    summary: list[str]
    recommendations: list[Ranked]  # within six months, every framework's, by kind and then points
    later: list[Ranked]  # to build on over the year
    parts: list[Report]  # one per framework, in the workshop's order
    cross_sections: list[CrossSection]
    method: list[str]  # each paragraph once, in the order the parts give them
    sources: list[Citation]  # each publication once, across the parts
    branding: Branding

    @property
    def framework_ids(self) -> list[str]:
        return [part.framework_id for part in self.parts]


def _ranked(parts: Sequence[Report]) -> list[Ranked]:
    points = {(part.framework_id, p.principle): index for part in parts
              for index, p in enumerate(part.recommendations)}
    found = [(part, r) for part in parts for r in part.recommendations]
    found.sort(key=lambda item: (KIND_ORDER.index(item[1].kind), points[(item[0].framework_id, item[1].principle)]))
    return [Ranked(rank=rank, framework=part.framework_title, framework_id=part.framework_id, recommendation=r)
            for rank, (part, r) in enumerate(found, start=1)]


def _summary(parts: Sequence[Report], sections: Sequence[CrossSection]) -> list[str]:
    first = parts[0]
    titles = listed([quoted(p.framework_title) for p in parts])
    people = max(p.participants for p in parts)
    opening = ((f"At “{first.workshop}”, " if first.workshop else "") + f"{first.partnership} scored "
               f"{in_words(len(parts))} frameworks: {titles}, {counted(people, 'person', 'people')} in all. This "
               "report gives one summary and one list of recommendations, then a part for each framework.")
    standing = "Overall it stands at " + listed([
        f"{number(p.summary.mean)} ({p.summary.level}) on {quoted(p.framework_title)}" for p in parts
        if p.summary.mean is not None]) + "." if any(p.summary.mean is not None for p in parts) else None
    sentences = [opening]
    for part in parts:
        clearest = part.executive_summary.clearest
        if clearest:
            sentences.append(_on_framework(part.framework_title, clearest[0]))
            sentences += clearest[1:]
    sentences += [s.headline for s in sections if s.headline]
    if standing:
        sentences.append(standing)
    priorities = [f"on {quoted(p.framework_title)}, {listed(names)}" for p in parts
                  if (names := [quoted(r.name) for r in p.recommendations if r.kind is Kind.priority])]
    if priorities:
        sentences.append(f"The priorities for the next three months: {'; '.join(priorities)}.")
    asks = board_asks([r.recommendation for r in _ranked(parts)])
    if asks:
        sentences.append(asks)
    return sentences


def build_combined_report(parts: Sequence[tuple[Framework, Report]], *,
                          cross_walks: Sequence[CrossWalk] = ()) -> CombinedReport:
    """`parts`: each framework the workshop scored, with its own report, in the workshop's order."""
    reports = [report for _, report in parts]
    first = reports[0]
    ranked = _ranked(reports)
    method = list(dict.fromkeys(paragraph for report in reports for paragraph in report.method))
    sources = merged([report.sources for report in reports])
    sections = [s for walk in cross_walks if (s := walk(parts)) is not None]
    cover = first.cover.model_copy(update={
        "details": [(label, value) for label, value in first.cover.details if label != "Framework"]
        + [("Frameworks", listed([r.framework_title for r in reports]))]})
    return CombinedReport(
        title=f"Readiness report: {first.partnership}", partnership=first.partnership, workshop=first.workshop,
        held_on=first.held_on, generated_on=first.generated_on, cover=cover, summary=_summary(reports, sections),
        recommendations=[r for r in ranked if r.recommendation in _first(reports)],
        later=[r for r in ranked if r.recommendation not in _first(reports)],
        parts=reports, cross_sections=sections,
        method=method, sources=sources, branding=first.branding)


def _first(reports: Sequence[Report]) -> list[Recommendation]:
    return [r for report in reports for r in report.first_recommendations]


def _on_framework(title: str, finding: str) -> str:
    """A framework's first finding, said of that framework: "On “T”, the clearest finding is that …"."""
    label = "The clearest finding: "
    if finding.startswith(label):
        return f"On {quoted(title)}, the clearest finding is that {finding.removeprefix(label)}"
    return f"On {quoted(title)}, {finding[0].lower()}{finding[1:]}"
