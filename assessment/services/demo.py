"""The demo partnership in the database: Riverbrook's three workshops and four made-up neighbours in its system.

Also makes any number of made-up places for load tests of the progress and system views.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence

from sqlalchemy.orm import Session

from assessment.content.demo import DemoPartnership, DemoWorkshop, load_demo
from assessment.content.framework import Framework
from assessment.engine.responses import Answer, Responses
from assessment.services import participation, workshops
from assessment.services.access import Actor
from assessment.services.places import place_into
from assessment.services.transfer import store_responses
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer

SEEDER = Actor.system("demo seed")
# Made-up neighbours of Riverbrook, so that the progress and system views have something to show.
NEIGHBOURS = ("Eastmere", "Holloway Vale", "Saltwick", "Thornfield")
NEIGHBOUR_WORKSHOPS = 2  # enough for the progress view to show a change


def demo_responses(workshop: DemoWorkshop, framework_id: str) -> Responses:
    """A demo workshop's answers to one framework, as the engine reads them."""
    return Responses.from_answers(
        Answer(participant=person.id, statement=statement, score=None if value == "dk" else value,
               dont_know=value == "dk", organisation=person.organisation, sector=person.sector,
               comment=person.comments.get(statement))
        for person in workshop.participants
        for statement, value in person.answers.get(framework_id, {}).items())


def make_places(session: Session, *, places: int, workshops_each: int, frameworks: list[Framework],
                people: int = 12, system: str | None = "Demo ICS", seed: int = 7, names: Sequence[str] = ()) -> None:
    """Made-up places, each with a series of closed workshops whose answers drift upwards over time."""
    rng = random.Random(seed)
    sectors = ["Acute hospital", "Primary care", "Local authority: adult social care", "Voluntary sector"]
    for number in range(places):
        name = names[number] if number < len(names) else f"Place {number + 1:02d}"
        base = {f.id: {p.id: rng.uniform(1.5, 3.5) for p in f.principles} for f in frameworks}
        for round_ in range(workshops_each):
            created = workshops.create(
                session, actor=SEEDER, partnership_name=name, place=name, title=f"Workshop {round_ + 1}",
                held_on=datetime.date(2026, 1, 15) + datetime.timedelta(days=120 * round_), frameworks=frameworks,
                sectors=sectors)
            workshop = stored_workshops.existing(session, workshop_id=created.id)
            given: list[NewAnswer] = []
            for person in range(people):
                pid = participation.enrol(session, workshop=workshop, organisation=None,
                                          sector=sectors[person % len(sectors)]).participant_id
                for framework in frameworks:
                    for principle in framework.principles:
                        centre = base[framework.id][principle.id] + 0.4 * round_
                        for statement in principle.statements:
                            value = round(centre + rng.gauss(0, 0.8))
                            given.append(NewAnswer(participant_id=pid, framework_id=framework.id,
                                                   statement_id=statement.id,
                                                   value=min(framework.scale.max, max(framework.scale.min, value))))
            participation.record_all(session, workshop=workshop, given=given)
            stored_workshops.change(session, workshop_id=created.id, scoring_open=False, revealed=True)
        if system:
            place_into(session, actor=SEEDER, partnership_id=workshop.partnership_id, system_name=system)


def seed_demo(session: Session, frameworks: Sequence[Framework], demo: DemoPartnership | None = None) -> None:
    """Store Riverbrook's workshops (closed, results shown) and four made-up neighbours in its system, each with two
    workshops on every framework given."""
    demo = demo or load_demo()
    by_id = {f.id: f for f in frameworks}
    for demo_workshop in demo.workshops:
        created = store_responses(
            session, actor=SEEDER, partnership_name=demo.name, place=demo.place, title=demo_workshop.title,
            held_on=datetime.date.fromisoformat(demo_workshop.date),
            answered=[(by_id[f], demo_responses(demo_workshop, f)) for f in demo_workshop.frameworks],
            exemplar_ids=demo_workshop.exemplars or demo.exemplars)
        partnership_id = stored_workshops.existing(session, workshop_id=created.id).partnership_id
        place_into(session, actor=SEEDER, partnership_id=partnership_id, system_name=demo.system)
    make_places(session, places=len(NEIGHBOURS), workshops_each=NEIGHBOUR_WORKSHOPS, frameworks=list(frameworks),
                people=8, system=demo.system, names=NEIGHBOURS)
