"""A made-up workshop for the benchmarks: every participant has answered every statement of both built-in
frameworks (scores 1-5 at random, a comment on one answer in twenty)."""

from __future__ import annotations

import random
from datetime import date

from assessment.content.framework import builtin_frameworks
from assessment.services import participation, workshops
from assessment.services.access import Actor
from assessment.services.workshops import NewWorkshop
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer
from assessment.storage.db import Database

ADMIN = Actor.system("bench")
SECTORS = ["Acute hospital", "Primary care", "Community health"]


def answered_workshop(db: Database, *, people: int) -> NewWorkshop:
    frameworks = builtin_frameworks()
    created = workshops.create_workshop(db, actor=ADMIN, partnership_name="Bench", place="Bench",
                                        title=f"{people} people", held_on=date.today(), frameworks=frameworks,
                                        sectors=SECTORS)
    rng = random.Random(7)
    with db.write() as session:
        workshop = stored_workshops.get(session, workshop_id=created.id)
        given = []
        for person in range(people):
            pid = participation.enrol(session, workshop=workshop, organisation=None,
                                      sector=SECTORS[person % len(SECTORS)]).participant_id
            given += [NewAnswer(participant_id=pid, framework_id=framework.id, statement_id=statement.id,
                                value=rng.randint(1, 5), comment="A comment" if rng.random() < 0.05 else None)
                      for framework in frameworks for statement in framework.statements]
        participation.record_all(session, workshop=workshop, given=given)
    return created
