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
from assessment.engine.summary import listed
from assessment.numbers import signed


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
    real = [c for c in found if c.beyond_spread]
    if len(ordered) < 2:
        summary = [f"{place} has one workshop on this framework ({names[0]}), so there is no change to report yet."]
    else:
        summary = [f"{place} has {len(ordered)} workshops on this framework, from {long_date(ordered[0].held_on)} to "
                   f"{long_date(ordered[-1].held_on)}."]
        summary.append(
            f"Between the first and the latest, {len(real)} of {sum(c.change is not None for c in found)} principles "
            f"changed by more than the room's own spread: {listed([f'{c.name} ({signed(c.change)})' for c in real])}."
            if real else "No principle changed by more than the room's own spread between the first and the latest "
                         "workshop, so none of the changes can yet be called real.")
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
                "A change counts as real only when it is larger than the room's own spread — the AD index, the "
                "average distance of answers from their mean — at both the first and the latest workshop; a smaller "
                "change could be disagreement in the room rather than change.",
                "Archived workshops are left out."],
        branding=branding)
