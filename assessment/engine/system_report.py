"""The places-side-by-side view as a document: every place at its latest workshop, how far apart they are, and
who could learn from whom — the same numbers as the page (`assessment.engine.system`)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.cover import Branding, Cover, cover
from assessment.engine.system import LEARNING_GAP, Pairing, PrincipleSpread, pairings, spreads
from assessment.numbers import number

MAX_PAIRINGS = 20  # the strongest learning pairs; the table of every place has the rest


class SystemReport(BaseModel):
    title: str
    system: str
    cover: Cover
    framework_id: str
    scale: dict[int, str]
    principle_names: dict[str, str]
    places: dict[str, dict[str, float | None]]  # place → principle id → score, places in the order shown
    summary: list[str]
    spreads: list[PrincipleSpread]
    pairings: list[Pairing]
    note: str | None
    method: list[str]
    branding: Branding


def build_system_report(framework: Framework, *, system: str, profiles: Mapping[str, Mapping[str, float | None]],
                        note: str | None, branding: Branding, today: datetime.date) -> SystemReport:
    """`profiles`: place → principle → score at its latest workshop, on the statements all of them share."""
    found = spreads(framework, profiles)
    ranged = [(s.range, s) for s in found if s.range is not None]
    widest = max(ranged, key=lambda item: item[0], default=(None, None))[1]
    pairs = pairings(framework, profiles)
    summary = [f"1 place in {system}, at its latest workshop on this framework." if len(profiles) == 1 else
               f"{len(profiles)} places in {system}, each at its latest workshop on this framework."]
    if widest is not None and len(profiles) > 1:
        summary.append(f"They are furthest apart on {widest.name}: from {number(widest.lowest)} to "
                       f"{number(widest.highest)}, a range of {number(widest.range)} points.")
    summary.append(f"{len(pairs)} pairs of places are a point or more apart on a principle: each could learn from the "
                   "other." if pairs else "No place is a point or more ahead of another on any principle.")
    return SystemReport(
        title=f"Places side by side: {system}", system=system,
        cover=cover(kind="Places side by side", subject=system, framework=framework, branding=branding, today=today,
                    details=[("Places", str(len(profiles)))]),
        framework_id=framework.id, scale=dict(framework.scale.labels),
        principle_names={p.id: p.name for p in framework.principles},
        places={place: dict(scores) for place, scores in profiles.items()},
        summary=summary, spreads=found, pairings=pairs[:MAX_PAIRINGS], note=note,
        method=[("Each place is shown at its latest workshop on this framework (archived workshops left out); a "
                 "score is the agreed score where the room recorded one, otherwise the room's mean."),
                (f"A place {number(LEARNING_GAP)} point or more ahead of another on a principle is paired with it as "
                 "one the other could learn from.")],
        branding=branding)
