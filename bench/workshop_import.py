"""How long `placeready import` takes to read a whole workshop file: a workshop of N people who answered every
statement of both built-in frameworks, exported, then imported as a new workshop.

    .venv/bin/python bench/workshop_import.py [--people 80] [--database-url postgresql+psycopg://…]

Prints the file's size and the import's time (median of 5), and checks that the copy exports as the original.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import host_speed  # beside this script
from made_up import ADMIN, answered_workshop  # beside this script

from assessment.services.transfer import export_workshop, import_workshop, read_workshop_file
from assessment.storage.db import Database, migrate

REPEATS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    options = parser.parse_args()
    host_speed.report("before")
    db = Database.from_url(options.database_url or f"sqlite:///{tempfile.mkdtemp()}/import.db")
    migrate(db.engine)
    exported = export_workshop(db, actor=ADMIN, workshop_id=answered_workshop(db, people=options.people).id)
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
