"""The cross-walk (engine/crosswalk.py) as a section of the combined report (engine/combined.py): where a workshop
scored a framework and one it rests on — the neighbourhood health components and Ham's principles — each
component beside the room's scores for the principles under it, as a `CrossSection`, so that no renderer needs
to know what a cross-walk is.

The section is read from the framework's own report (`Report.crosswalks`), so it gives the figures and findings
the report of that framework alone gives, under the same rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from assessment.content.framework import Framework
from assessment.engine.combined import CrossSection, CrossWalk
from assessment.engine.crosswalk import Crosswalk, Link, foundation_ids
from assessment.engine.report import Report
from assessment.numbers import number


def cross_walks(frameworks: Sequence[Framework]) -> list[CrossWalk]:
    """One cross-walk for each of the workshop's frameworks that rests on another the workshop also scored."""
    scored = {f.id for f in frameworks}
    return [resting_on(f.id, other) for f in frameworks for other in foundation_ids(f) if other in scored]


def resting_on(framework_id: str, foundations_id: str) -> CrossWalk:
    """The section for the principles of `framework_id` resting on those of `foundations_id`: nothing where the
    combined report holds no cross-walk between them with the room's scores for both."""

    def section(parts: Sequence[tuple[Framework, Report]]) -> CrossSection | None:
        found = next((c for _, report in parts if report.framework_id == framework_id for c in report.crosswalks
                      if c.foundations_id == foundations_id and c.scored), None)
        return None if found is None else as_section(found)

    return section


def as_section(c: Crosswalk) -> CrossSection:
    """The findings first, then how the cross-walk was made, then a row per principle; the clearest finding is
    also a sentence of the executive summary."""
    return CrossSection(
        title=f"What “{c.framework_title}” rests on",
        headline=f"Read across the two frameworks, {c.findings[0][0].lower()}{c.findings[0][1:]}" if c.findings
        else None,
        paragraphs=[*c.findings, c.note, f"Principle numbers are those of “{c.foundations_title}”."],
        header=["Principle", "The room", "Rests on (the room's score)", "Their average"],
        rows=[[link.name, link.standing.in_words if link.standing else "—", _footings(link), _average(link)]
              for link in c.links])


def _footings(link: Link) -> str:
    return "; ".join(f"{f.number}. {f.name} ({f.standing.brief if f.standing else '—'})" for f in link.foundations)


def _average(link: Link) -> str:
    """The mean of the foundations the room agreed about, saying how many they are when not all."""
    if link.foundation_mean is None or link.agreed_foundations == len(link.foundations):
        return number(link.foundation_mean)
    return f"{number(link.foundation_mean)} ({link.agreed_foundations} of {len(link.foundations)} agreed)"
