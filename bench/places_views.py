"""Server time per rerun of places side by side (the system view) and of one place's progress, for 40 places
× 2 frameworks.

    .venv/bin/python bench/places_views.py [--places 40] [--workshops 2] [--people 6]

Makes a temporary SQLite database of made-up places (each with a series of workshops on both
built-in frameworks), then runs the page under Streamlit's AppTest — the same script run a server
does for each rerun, including building every chart's protobuf — and prints the times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import host_speed  # beside this script

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 7


def _system_page() -> None:
    from assessment.pages import system

    system.render()


def _progress_page() -> None:
    from assessment.pages import progress

    progress.render()


def _timed_reruns(app) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS + 1):
        started = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - started)
    assert not app.exception, app.exception
    return times


def _in_words(times: list[float]) -> str:
    rest = [t * 1000 for t in times[1:]]
    return (f"first rerun {times[0] * 1000:.0f} ms, then median {statistics.median(rest):.0f} ms "
            f"(min {min(rest):.0f}, max {max(rest):.0f}) over {RUNS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=40)
    parser.add_argument("--workshops", type=int, default=2)
    parser.add_argument("--people", type=int, default=6)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="placeready-bench-")
    os.environ["PLACEREADY_DATABASE_URL"] = f"sqlite:///{folder}/system.db"
    from streamlit.testing.v1 import AppTest

    from assessment.content.framework import builtin_frameworks
    from assessment.services.database import Database
    from assessment.services.demo import make_places
    from assessment.storage.db import migrate

    frameworks = builtin_frameworks()
    db = Database.from_url(os.environ["PLACEREADY_DATABASE_URL"])
    migrate(db.engine)
    started = time.perf_counter()
    with db.write() as session:
        make_places(session, places=args.places, workshops_each=args.workshops, frameworks=frameworks,
                    people=args.people, system="Bench ICS")
    answers = args.places * args.workshops * args.people * sum(len(f.statements) for f in frameworks)
    print(f"data: {args.places} places × {args.workshops} workshops × {args.people} people × "
          f"{len(frameworks)} frameworks = {answers:,} answers, made in {time.perf_counter() - started:.1f} s")

    from assessment.pages import state
    from assessment.pages.server import prepare
    from assessment.services import sessions

    prepare()  # what placeready-app does before it serves, so the reruns below are a server's

    app = AppTest.from_function(_system_page, default_timeout=120)
    token = sessions.start_admin(db, device="bench")  # as the admin link does
    app.session_state[state.GRANT] = (token, sessions.resolve(db, token=token))
    for index, framework in enumerate(frameworks):
        if index:
            app.selectbox[1].set_value(framework.id)
        times = _timed_reruns(app)
        print(f"places side by side, {framework.id}: {_in_words(times)}; {len(app.get('plotly_chart'))} charts")
    progress = AppTest.from_function(_progress_page, default_timeout=120)
    progress.session_state[state.GRANT] = app.session_state[state.GRANT]
    print(f"progress of one place ({args.workshops} workshops), {frameworks[0].id}: {_in_words(_timed_reruns(progress))}")


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
