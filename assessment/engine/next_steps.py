"""What moving up takes: the framework's next steps for the level a principle stands at.

The compare page, the workshop's principle screens, every report and the board pack show the same steps,
so they are read here once, with the exemplar's name and the source written out.
"""

from __future__ import annotations

from pydantic import BaseModel

from assessment.content.exemplar import ExemplarSource, exemplar_library
from assessment.content.framework import Framework


class StepUp(BaseModel):
    """One step towards the next level; `exemplar` and `source` say who took it and where that is written."""

    text: str
    exemplar: str | None = None  # the exemplar place's name (its id when the profile is not one PlaceReady has)
    source: str | None = None  # the source's citation (its id when the profile is not one PlaceReady has)
    publication: ExemplarSource | None = None  # the source itself, for the report's list of sources


def standing(framework: Framework, *, mean: float | None, agreed: int | None) -> int | None:
    """The level a principle stands at: the score the room agreed where it recorded one, else the scale point
    nearest the room's mean (docs/recommendations.md)."""
    return agreed if agreed is not None else framework.scale.point(mean)


def next_steps_for(framework: Framework, principle_id: str, level_point: int | None) -> list[StepUp]:
    """The steps from `level_point` to the next level; none at the top of the scale, without a level, or where the
    framework gives none (an uploaded framework may leave them out)."""
    if level_point is None:
        return []
    principle = next(p for p in framework.principles if p.id == principle_id)
    library = exemplar_library()
    found = []
    for step in principle.next_steps.get(level_point, ()):
        exemplar = library.get(step.exemplar) if step.exemplar else None
        cited = exemplar.cited((step.source,)) if exemplar and step.source else []
        found.append(StepUp(text=step.step,
                            exemplar=exemplar.name if exemplar else step.exemplar,
                            source=cited[0].citation() if cited else step.source,
                            publication=cited[0] if cited else None))
    return found
