"""How long `placeready import` takes to read a whole workshop file: a workshop of N people who answered every
statement of both built-in frameworks, exported, then imported as a new workshop.

    .venv/bin/python bench/workshop_import.py [--people 80] [--database-url postgresql+psycopg://…]

Prints the file's size and the import's time (median of 5), and checks that the copy exports as the original.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date

import host_speed  # beside this script

from assessment.content.framework import builtin_frameworks
from assessment.services import participation, workshops
from assessment.services.access import Actor
from assessment.services.transfer import export_workshop, import_workshop, read_workshop_file
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer
from assessment.storage.db import Database, migrate

ADMIN = Actor.system("bench")
SECTORS = ["Acute hospital", "Primary care", "Community health"]
REPEATS = 5


def answered_workshop(db: Database, *, people: int) -> int:
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
    return created.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    options = parser.parse_args()
    host_speed.report("before")
    db = Database.from_url(options.database_url or f"sqlite:///{tempfile.mkdtemp()}/import.db")
    migrate(db.engine)
    exported = export_workshop(db, actor=ADMIN, workshop_id=answered_workshop(db, people=options.people))
    document = read_workshop_file(exported.encode(), source="workshop.json")
    answers = sum(len(person.answers) for person in document.participants)
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        copy = import_workshop(db, actor=ADMIN, document=document)
        times.append(time.perf_counter() - started)
        assert export_workshop(db, actor=ADMIN, workshop_id=copy.id) == exported
    print(f"{db.dialect}: importing {options.people} people's {answers:,} answers ({len(exported) / 1e6:.1f} MB): "
          f"median {statistics.median(times):.2f} s, max {max(times):.2f} s over {REPEATS}")
    host_speed.report("after")


if __name__ == "__main__":
    main()
