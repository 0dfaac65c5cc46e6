"""Faults under load: kill -9 of each app server in turn behind nginx, and a database outage.

`failover`: two app servers on one PostgreSQL database behind nginx running the shipped deploy/nginx.conf
(addresses, ports and the certificate's path changed, a self-signed certificate made for the run); simulated
participants (tests/utils/crowd.py) join and answer through nginx while each server in turn is killed with
SIGKILL and started again. Prints answers confirmed on the phones but absent from the database, how the
phones were spread over the servers, and how long each cut-off phone took to reconnect.

`outage`: app servers on a PostgreSQL of their own (Debian's initdb and pg_ctl, a temporary folder); the
database is stopped (`pg_ctl stop -m fast`) while participants answer and started again after --outage
seconds. Prints losses, how many answers were refused as not saved and how fast, when saves worked again,
and what the servers logged.

    .venv/bin/python bench/faults.py failover --runs 3
    .venv/bin/python bench/faults.py outage --participants 40 --servers 2
    .venv/bin/python bench/faults.py failover --postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.services.database import Database  # noqa: E402
from assessment.storage.db import migrate  # noqa: E402
from tests.conftest import LiveApp  # noqa: E402
from tests.utils.deployment import Nginx, PrivatePostgres  # noqa: E402
from tests.utils.faults import Crowd, kill_each_server, stop_the_database  # noqa: E402

APP_ENV = {"PLACEREADY_LOAD_DEMO": "false"}


def seconds(values: list[float]) -> str:
    ordered = sorted(values)
    if not ordered:
        return "none"
    return f"median {ordered[len(ordered) // 2]:.2f} s, max {ordered[-1]:.2f} s (n={len(ordered)})"


def print_crowd(crowd: Crowd) -> None:
    attempts = crowd.attempts
    print(f"  answers given {len(attempts)}, confirmed on the phone {sum(a.confirmed for a in attempts)}, "
          f"confirmed but not stored {len(crowd.lost)}")
    for person, attempt in crowd.lost:
        print(f"    lost: participant {person.number}: {attempt.statement[:50]!r} = {attempt.option}")
    for failure in crowd.failures[:5]:
        print(f"    {failure}")


def fresh_database(admin_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def failover(options: argparse.Namespace) -> None:
    for run in range(1, options.runs + 1):
        url = fresh_database(options.postgres, "placeready_bench_failover")
        db = Database.from_url(url)
        migrate(db.engine)
        servers = [LiveApp({**APP_ENV, "PLACEREADY_DATABASE_URL": url}, wait=False) for _ in range(2)]
        nginx = Nginx(Path(tempfile.mkdtemp(prefix="placeready-nginx-")), [s.port for s in servers])
        try:
            for server in servers:
                server.wait_until_healthy()
            nginx.start()
            result = kill_each_server(db, nginx, servers, participants=options.participants,
                                      screens=options.screens, think=options.think)
        finally:
            nginx.stop()
            for server in servers:
                server.stop()
            db.dispose()
        print(f"run {run}: {options.participants} participants, all from 127.0.0.1; first websocket per phone "
              f"by server: {dict(result.first_server)}")
        print_crowd(result.crowd)
        for kill in result.kills:
            print(f"  kill -9 of :{kill.port}: {len(kill.back_after)} phones cut off, reconnected in "
                  f"{seconds(kill.back_after)}")
        print(f"  nginx error.log: {nginx.error_log().count('no live upstreams')} 'no live upstreams'")


def outage(options: argparse.Namespace) -> None:
    postgres = PrivatePostgres()
    try:
        postgres.start()
        url = postgres.new_database("placeready")
        db = Database.from_url(url)
        migrate(db.engine)
        env = {**APP_ENV, "PLACEREADY_DATABASE_URL": url}
        servers = [LiveApp(env, wait=False) for _ in range(options.servers)]
        try:
            for server in servers:
                server.wait_until_healthy()
            logged = [len(server.log.read_text()) for server in servers]
            result = stop_the_database(db, postgres, [s.url for s in servers], participants=options.participants,
                                       screens=options.screens, think=options.think, outage=options.outage)
        finally:
            for server in servers:
                server.stop()
            db.dispose()
    finally:
        postgres.remove()
    print(f"{options.participants} participants on {options.servers} server(s); the database stopped for "
          f"{result.back_at - result.stopped_at:.1f} s")
    print_crowd(result.crowd)
    print(f"  not saved (said so on the phone): {len(result.not_saved)}, each said within "
          f"{result.slowest_failure():.2f} s")
    print(f"  after the database returned: first save at +{result.first_save_after_return():.2f} s; "
          f"saves failed until {result.failing_until():+.2f} s")
    for server, start in zip(servers, logged, strict=True):
        text = server.log.read_text()[start:]
        print(f"  server :{server.port} log: {text.count('database unavailable')} 'database unavailable' lines, "
              f"{text.count('Traceback')} tracebacks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fault", choices=["failover", "outage"])
    parser.add_argument("--participants", type=int, default=24)
    parser.add_argument("--screens", type=int, default=6, help="principle screens each participant answers")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between one person's answers")
    parser.add_argument("--runs", type=int, default=1, help="failover: how many times")
    parser.add_argument("--postgres", default=os.environ.get(
        "PLACEREADY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
        help="failover: a PostgreSQL where a database can be created")
    parser.add_argument("--servers", type=int, default=1, help="outage: app servers on the database")
    parser.add_argument("--outage", type=float, default=10.0, help="outage: seconds the database is down")
    options = parser.parse_args()
    failover(options) if options.fault == "failover" else outage(options)


if __name__ == "__main__":
    main()
