"""Server time of each presenter step with 80 participants, of opening a second vote, and how long phones take
to follow it.

    .venv/bin/python bench/presenter_steps.py [--people 80] [--phones 5]

Makes a temporary SQLite database with one workshop on both built-in frameworks, every participant answering
every statement. Then, under Streamlit's AppTest (the script run a server does, charts included): the click
that reveals the results and the projector's first refresh after it, the control view's rerun after each Next,
the projector's refresh at each step, and the click that opens a second vote. Last, a real server and headless
Chromium phones: seconds from opening a second vote until each phone shows it (phones ask every
PLACEREADY_ROOM_REFRESH_SECONDS, 3 by default).
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


def _control() -> None:
    import streamlit as st

    from assessment.pages import control

    control.render(st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _screen() -> None:
    from assessment.pages import screen

    screen.render()


def _timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80)
    parser.add_argument("--phones", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="placeready-bench-")
    url = f"sqlite:///{folder}/presenter.db"
    os.environ.update(PLACEREADY_DATABASE_URL=url, PLACEREADY_LOAD_DEMO="false")
    from made_up import answered_workshop  # beside this script
    from streamlit.testing.v1 import AppTest

    from assessment.content.framework import builtin_frameworks
    from assessment.engine.agenda import label
    from assessment.pages import state
    from assessment.pages.server import prepare
    from tests.utils.apptest import open_with_key

    db = state.database()
    started = time.perf_counter()
    created, frameworks = answered_workshop(db, people=args.people), builtin_frameworks()
    print(f"data: {args.people} people × {sum(len(f.statements) for f in frameworks)} statements, "
          f"made in {time.perf_counter() - started:.1f} s")
    prepare()  # what placeready-app does before it serves, so the reruns below are a server's

    control = AppTest.from_function(_control, default_timeout=60)
    open_with_key(control, created.facilitator_key)  # this tab's browser opened the facilitator link
    workshop_id = control.session_state[state.FACILITATED]
    control.run()
    projector = AppTest.from_function(_screen, default_timeout=60)
    projector.query_params["s"] = created.screen_key
    projector.run()
    from assessment.engine.agenda import Stage, Step, spotlight_key
    from assessment.services import presenter
    from assessment.services.access import Actor

    facilitator = Actor("bench", facilitating=frozenset({workshop_id}))
    presenter.go_to(db, actor=facilitator, workshop_id=workshop_id, step=Step(Stage.overview, frameworks[0].id))
    control.run()
    projector.run()
    reveal = next(b for b in control.button if b.label == "Reveal results")
    print(f"revealing the results at the overview: {_timed(lambda: reveal.click().run()):.0f} ms (the click's "
          f"rerun, charts and all), projector refresh after it {_timed(projector.run):.0f} ms")
    order = presenter.where(db, actor=facilitator, workshop_id=workshop_id).order
    presenter.go_to(db, actor=facilitator, workshop_id=workshop_id, step=order[0])
    control.run()
    control_ms, screen_ms = {}, {}
    for step in order[1:]:
        next_button = next(b for b in control.button if b.label == "Next")
        control_ms[label(step, frameworks)] = _timed(lambda button=next_button: button.click().run())
        screen_ms[label(step, frameworks)] = _timed(projector.run)
        assert not control.exception and not projector.exception, (control.exception, projector.exception)
    for title, times in (("control view, rerun after Next", control_ms), ("projector refresh", screen_ms)):
        slowest = max(times, key=times.get)
        print(f"{title}: median {statistics.median(times.values()):.0f} ms, max {times[slowest]:.0f} ms "
              f"({slowest}) over {len(times)} steps")

    # opening a second vote, from the first principle's spotlight
    from assessment.services import second_votes

    first = frameworks[0]
    presenter.go_to(db, actor=facilitator, workshop_id=workshop_id,
                    step=Step(Stage.principles, spotlight_key(first.id, first.principles[0].id)))
    control.run()
    open_button = next(b for b in control.button if b.label == "Open a second vote on this principle")
    print(f"opening a second vote: {_timed(lambda: open_button.click().run()):.0f} ms (the click's rerun)")
    second_votes.close_vote(db, actor=facilitator, workshop_id=workshop_id)
    _phones_follow(url, created.join_code, facilitator, workshop_id, first, args.phones)


def _phones_follow(url: str, code: str, facilitator, workshop_id: int, framework, phones: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    from assessment.services import second_votes
    from tests.conftest import CHROMIUM, LiveApp, wait_for_app
    from tests.utils.browser import join

    refresh = float(os.environ.get("PLACEREADY_ROOM_REFRESH_SECONDS", "3"))
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_ROOM_REFRESH_SECONDS": str(refresh)})
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            pages = []
            for _ in range(phones):
                page = browser.new_page(viewport={"width": 360, "height": 740})
                join(page, app.url, code, "Primary care")
                wait_for_app(page)
                pages.append(page)
            db_principle = framework.principles[1]
            from assessment.services.database import Database

            db = Database.from_url(url)
            opened = time.perf_counter()
            second_votes.open_vote(db, actor=facilitator, workshop_id=workshop_id, framework_id=framework.id,
                                   principle_id=db_principle.id)
            waits = []
            for page in pages:
                page.get_by_text("Second vote", exact=False).first.wait_for(timeout=30_000)
                waits.append(time.perf_counter() - opened)
            browser.close()
    finally:
        app.stop()
    print(f"phones following a second vote ({phones} in Chromium, refresh every {refresh:.0f} s): "
          f"first {min(waits):.1f} s, last {max(waits):.1f} s")


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
