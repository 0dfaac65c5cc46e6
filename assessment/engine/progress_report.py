"""The progress view as a document: one place's workshops on a framework, what changed, and whether it is real.

The same numbers and words as the Progress page (`assessment.engine.progress`), laid out by the PDF and Word
renderers, which compute nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.cover import Branding, Cover, cover, long_date
from assessment.engine.profiles import Series
from assessment.engine.progress import Basis, Change, Snapshot, changes
from assessment.engine.summary import listed, quoted
from assessment.numbers import in_words, signed


class Cell(BaseModel):
    score: float | None
    agreed: bool  # the agreed score rather than the room's mean


class Row(BaseModel):
    name: str
    cells: list[Cell]  # one per workshop, oldest first


class ProgressReport(BaseModel):
    title: str
    place: str
    cover: Cover
    framework_id: str
    scale: dict[int, str]
    principle_names: dict[str, str]
    workshops: list[str]  # "title (date)", oldest first
    series: list[Series]  # one profile per workshop, for the radar
    rows: list[Row]
    summary: list[str]
    changes: list[Change]  # largest first
    note: str | None  # when the workshops ran different versions of the framework
    method: list[str]
    branding: Branding


def build_progress_report(framework: Framework, *, place: str, snapshots: Sequence[Snapshot], note: str | None,
                          branding: Branding, today: datetime.date) -> ProgressReport:
    """`framework` is the one the snapshots were scored on (the statements every version shares)."""
    ordered = sorted(snapshots, key=lambda s: (s.held_on, s.workshop_id))
    names = [f"{s.title} ({long_date(s.held_on)})" for s in ordered]
    found = changes(framework, ordered)
    real = [c for c in found if c.real]
    if len(ordered) < 2:
        summary = [f"{place} has one workshop on this framework ({names[0]}), so there is no change to report yet."]
    else:
        summary = [(f"{place} has {len(ordered)} workshops on this framework, from {long_date(ordered[0].held_on)} to "
                    f"{long_date(ordered[-1].held_on)}.")]
        summary.append(
            f"Between the first and the latest, {in_words(len(real))} of "
            f"{in_words(sum(c.change is not None for c in found))} principles changed clearly: "
            f"{listed([f'{quoted(c.name)} ({signed(c.change)})' for c in real])}."
            if real else "No principle changed clearly between the first and the latest workshop: each change could "
                         "be chance or is under a quarter of a point.")
    return ProgressReport(
        title=f"Progress over time: {place}", place=place,
        cover=cover(kind="Progress over time", subject=place, framework=framework, branding=branding, today=today,
                    details=[("Workshops", listed(names))]),
        framework_id=framework.id, scale=dict(framework.scale.labels),
        principle_names={p.id: p.name for p in framework.principles},
        workshops=names,
        series=[Series(name=name, scores={pid: p.score for pid, p in s.principles.items()})
                for name, s in zip(names, ordered, strict=True)],
        rows=[Row(name=p.name, cells=[Cell(score=s.principles[p.id].score if p.id in s.principles else None,
                                           agreed=p.id in s.principles and s.principles[p.id].basis is Basis.agreed)
                                      for s in ordered]) for p in framework.principles],
        summary=summary, changes=found, note=note,
        method=["Each score is the agreed score where the room recorded one (marked *), otherwise the room's mean.",
                ("A change is worked out from the two scores as printed and judged against Welch's 95% interval "
                 "for the difference of two means, over the people of the first and the latest workshop: it is clear "
                 "when the interval leaves out no change and it is a quarter of a point or more; small when the "
                 "interval leaves out no change but it is smaller; and it could be chance when the interval takes in "
                 "no change. A change of level, or of the room's verdict (agreed, split, in two camps), is named."),
                "Archived workshops are left out."],
        branding=branding)
