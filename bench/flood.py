"""One flooding phone beside a room of ordinary ones: the rows it writes, how much the database grows, and the
other phones' answer round trip.

The flooder joins as anyone does, then flips one answer between two options, and a comment between two of the
longest allowed, as fast as the server answers, for --seconds (the issue saw one phone write 1,790 rows, 11 MB, in 20 s). Meanwhile --participants ordinary phones
(tests/utils/crowd.py) join and answer a few screens with a few seconds' thought per answer. No browser: each is a
websocket client speaking Streamlit's protocol. Prints the rows stored for the flooder and for everyone else, how
many of its changes were refused with "slow down", the database's growth, and the ordinary phones' round trip
(p50, p95), with bench/host_speed.py's lines before and after.

    .venv/bin/python bench/flood.py
    .venv/bin/python bench/flood.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/flood.py --answers-per-minute 10000   # near enough no limit, to compare
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import string
import sys
import tempfile
import time
from pathlib import Path

import host_speed  # beside this script
from faults import fresh_database  # beside this script
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.content.framework import builtin_framework  # noqa: E402
from assessment.services import entries, participation  # noqa: E402
from assessment.services.database import Database  # noqa: E402
from assessment.storage.db import migrate  # noqa: E402
from assessment.storage.models import AnswerRecord  # noqa: E402
from tests.conftest import LiveApp  # noqa: E402
from tests.utils.crowd import SECTORS, take_part  # noqa: E402
from tests.utils.stream_client import Phone  # noqa: E402
from tests.utils.workshops import new_workshop  # noqa: E402


async def flood(url: str, join_code: str, seconds: float) -> tuple[Phone, int, int]:
    """Join, then for `seconds` flip the first answer and a comment of the longest kind each run (each flip a row
    when stored); (the phone, runs sent, runs the page answered with "slow down")."""
    phone = Phone(url)
    screen = await phone.open("join", f"code={join_code}")
    screen = await phone.run({screen.widgets[("selectbox", "Your sector")]: ("string_value", "Acute hospital")},
                             trigger=screen.widgets[("button", "Start scoring")])
    radio = next(iter(screen.radios.values()))
    comment = next(widget for (kind, _), widget in screen.widgets.items() if kind == "text_area")
    letters = random.Random(7)  # text that does not compress, as people's does not
    texts = ["".join(letters.choices(string.ascii_letters + " ", k=entries.MAX_TEXT)) for _ in range(2)]
    sent = refused = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        after = await phone.run({radio.id: ("string_value", radio.options[sent % 2]),
                                 comment: ("string_value", texts[sent % 2])})
        sent += 1
        refused += any("faster than anyone" in alert for alert in after.alerts)
    await phone.close()
    return phone, sent, refused


def drop(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def database_bytes(db: Database, url: str) -> int:
    if url.startswith("sqlite"):  # the database's pages as a reader sees them (the write-ahead log is transient)
        with db.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            return int(pages) * int(connection.exec_driver_sql("PRAGMA page_size").scalar())
    with db.read() as session:
        return int(session.scalar(text("SELECT pg_database_size(current_database())")))


async def room(url: str, join_code: str, options: argparse.Namespace):  # type: ignore[no-untyped-def]
    ordinary = [take_part(url, join_code, number, screens=options.screens, think=options.think, arrive=2.0)
                for number in range(options.participants)]
    flooder, *people = await asyncio.gather(flood(url, join_code, options.seconds), *ordinary)
    return flooder, people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=30, help="ordinary phones beside the flooder")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the flooder floods")
    parser.add_argument("--screens", type=int, default=3, help="principle screens each ordinary phone answers")
    parser.add_argument("--think", type=float, default=3.0, help="mean seconds between an ordinary phone's answers")
    parser.add_argument("--answers-per-minute", type=int, default=60, help="PLACEREADY_ANSWERS_PER_MINUTE")
    parser.add_argument("--database-url", help="a PostgreSQL server's URL (a database is made on it); "
                                               "default: a SQLite file")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="placeready-flood-"))
    url = (fresh_database(options.database_url, "placeready_bench_flood") if options.database_url
           else f"sqlite:///{folder / 'flood.db'}")
    db = Database.from_url(url)
    migrate(db.engine)
    created = new_workshop(db, builtin_framework("ham-2015"), sectors=SECTORS, organisations=[])
    host_speed.report("before")
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_LOAD_DEMO": "false",
                   "PLACEREADY_ANSWERS_PER_MINUTE": str(options.answers_per_minute)})
    try:
        before = database_bytes(db, url)
        (phone, sent, refused), people = asyncio.run(room(app.url, created.join_code, options))
        grown = database_bytes(db, url) - before
    finally:
        app.stop()
    host_speed.report("after")
    flooder = participation.resume(db, join_code=created.join_code, resume_code=phone.query_value("me") or "")
    with db.read() as session:
        rows = dict(session.execute(select(AnswerRecord.participant_id, func.count()).group_by(
            AnswerRecord.participant_id)).all())
    db.dispose()
    if options.database_url:
        drop(options.database_url, "placeready_bench_flood")
    theirs = rows.pop(flooder.participant_id, 0) if flooder else 0
    trips = sorted((a.finished_at - a.sent_at) * 1000 for p in people for a in p.attempts
                   if a.confirmed and a.finished_at)
    failures = [p.failure for p in people if p.failure]
    print(f"limit: {options.answers_per_minute} stored changes per person per minute; database: "
          f"{'PostgreSQL' if options.database_url else 'SQLite'}; server log tracebacks: "
          f"{app.log.read_text().count('Traceback')}")
    print(f"flooding phone, {options.seconds:.0f} s: {sent} runs sent ({sent / options.seconds:.0f} a second), "
          f"{refused} answered 'slow down', {theirs} rows stored")
    print(f"{options.participants} ordinary phones: {sum(rows.values())} rows stored, {len(trips)} answers confirmed, "
          f"round trip p50 {trips[len(trips) // 2]:.0f} ms, p95 {trips[int(len(trips) * 0.95)]:.0f} ms"
          + (f"; {len(failures)} failed: {failures[:2]}" if failures else ""))
    print(f"database grew by {grown / 1024:.0f} KB in all")


if __name__ == "__main__":
    os.environ.setdefault("PLACEREADY_LOAD_DEMO", "false")
    main()
