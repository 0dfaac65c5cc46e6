"""The demo partnership: a fictional place with a baseline workshop and a follow-up six months on.

The answers live in `seeds/demo/riverbrook.yaml`, written once by `seeds/demo/make_riverbrook.py`
so that anyone can read them, and loaded here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from assessment.content import REPOSITORY_DIR
from assessment.content.framework import Content, Framework, FrameworkId, IsoDate, ItemId, Name, Text
from assessment.engine.responses import Answer, Responses
from assessment.content.yaml_document import parse_yaml, validate_document

DEMO_FILE = REPOSITORY_DIR / "seeds" / "demo" / "riverbrook.yaml"

Score = int | Literal["dk"]


class DemoParticipant(Content):
    id: ItemId
    organisation: Name
    sector: Name
    answers: dict[FrameworkId, dict[ItemId, Score]]
    comments: dict[ItemId, Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=dict, description="Statement id -> the participant's comment on it."
    )


class DemoWorkshop(Content):
    id: ItemId
    title: Name
    date: IsoDate
    frameworks: tuple[FrameworkId, ...]
    participants: tuple[DemoParticipant, ...]

    def responses(self, framework_id: str) -> Responses:
        return Responses.from_answers(
            Answer(
                participant=person.id,
                statement=statement,
                score=None if value == "dk" else value,
                dont_know=value == "dk",
                organisation=person.organisation,
                sector=person.sector,
                comment=person.comments.get(statement),
            )
            for person in self.participants
            for statement, value in person.answers.get(framework_id, {}).items()
        )


class DemoPartnership(Content):
    name: Name
    place: Name
    fictional: Text = Field(description="Says plainly that the place is made up.")
    population: Text
    partners: tuple[Name, ...]
    system: Name = Field(description="The larger system the place belongs to.")
    exemplars: tuple[FrameworkId, ...] = Field(description="Exemplars the workshops compare with.")
    workshops: tuple[DemoWorkshop, ...] = Field(min_length=1)

    @cached_property
    def by_id(self) -> dict[str, DemoWorkshop]:
        return {w.id: w for w in self.workshops}


def load_demo(path: Path = DEMO_FILE) -> DemoPartnership:
    return validate_document(parse_yaml(path.read_bytes(), source=str(path)), DemoPartnership)


def make_places(session, *, places: int, workshops: int, frameworks: list[Framework], people: int = 12,
                system: str | None = "Demo ICS", seed: int = 7,
                names: Sequence[str] = ()) -> None:  # type: ignore[no-untyped-def]
    """Made-up places, each with a series of closed workshops whose answers drift upwards over time,
    for demonstrating (and load-testing) the progress and system views."""
    import datetime
    import random

    from assessment.storage import crud

    rng = random.Random(seed)
    sectors = ["Acute hospital", "Primary care", "Local authority: adult social care", "Voluntary sector"]
    for number in range(places):
        name = names[number] if number < len(names) else f"Place {number + 1:02d}"
        base = {f.id: {p.id: rng.uniform(1.5, 3.5) for p in f.principles} for f in frameworks}
        partnership_id = None
        for round_ in range(workshops):
            created = crud.create_workshop(
                session, partnership_name=name, place=name,
                title=f"Workshop {round_ + 1}", held_on=datetime.date(2026, 1, 15) + datetime.timedelta(days=120 * round_),
                frameworks=frameworks, sectors=sectors)
            workshop = created.workshop
            partnership_id = workshop.partnership_id
            for person in range(people):
                pid = crud.join_workshop(session, workshop=workshop, organisation=None,
                                         sector=sectors[person % len(sectors)]).participant.id
                for framework in frameworks:
                    for principle in framework.principles:
                        centre = base[framework.id][principle.id] + 0.4 * round_
                        for statement in principle.statements:
                            value = round(centre + rng.gauss(0, 0.8))
                            crud.save_answer(session, participant_id=pid, framework_id=framework.id,
                                             statement_id=statement.id,
                                             value=min(framework.scale.max, max(framework.scale.min, value)))
            workshop.scoring_open, workshop.revealed = False, True
        if system:
            crud.place_in_system(session, partnership_id=partnership_id, system_name=system)


# Made-up neighbours of Riverbrook, so that the progress and system views have something to show.
NEIGHBOURS = ("Eastmere", "Holloway Vale", "Saltwick", "Thornfield")


def seed_demo(session, frameworks: Sequence[Framework], demo: DemoPartnership | None = None
              ) -> None:  # type: ignore[no-untyped-def]
    """Store Riverbrook's workshops (closed, results shown) and four made-up neighbours in its system."""
    import datetime

    from assessment.storage import crud

    demo = demo or load_demo()
    by_id = {f.id: f for f in frameworks}
    for demo_workshop in demo.workshops:
        people = demo_workshop.participants
        workshop = crud.import_responses(
            session, partnership_name=demo.name, place=demo.place, title=demo_workshop.title,
            held_on=datetime.date.fromisoformat(demo_workshop.date),
            answered=[(by_id[f], demo_workshop.responses(f)) for f in demo_workshop.frameworks],
            exemplar_ids=demo.exemplars, sectors=sorted({p.sector for p in people}),
            organisations=sorted({p.organisation for p in people}),
        ).workshop
        crud.place_in_system(session, partnership_id=workshop.partnership_id, system_name=demo.system)
    make_places(session, places=len(NEIGHBOURS), workshops=len(demo.workshops), frameworks=list(frameworks),
                people=8, system=demo.system, names=NEIGHBOURS)
