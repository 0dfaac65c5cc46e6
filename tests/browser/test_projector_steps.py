"""Every step of a long workshop fits the projector: both built-in frameworks in a paced round at a follow-up,
thirty people's answers with comments released, a second vote held and revealed. Each of its steps is put on the
screen in turn and measured at 1920×1080: no scrolling, nothing cut off, no two chart labels overlapping, type
at least 24 px (charts 18). The canvas is laid out at 1920 units wide whatever the screen and scaled, so a step
that fits at 1920×1080 fits 1366×768 (the same canvas, smaller) and 1024×768 (the same width, more height); the
facilitated follow-up (test_facilitated_workshop.py) measures the steps it shows at all three.

The room's refresh is how a projector takes up a step in a workshop (the facilitated follow-up waits for it at
each step it shows); here, with over a hundred steps, the projector is told to rerun at once by Streamlit's own
key for it ("r") instead, and the refresh is put off, so no timed redraw runs into a measurement."""

from __future__ import annotations

import random
from datetime import date

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_frameworks
from assessment.engine.agenda import vote_on
from assessment.services import comments, consensus, participation, presenter, second_votes, workshops
from assessment.services.database import Database
from assessment.storage import participants
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer
from tests.conftest import LiveApp, wait_for_app
from tests.utils.room import SCREENS, projector_fits
from tests.utils.workshops import ADMIN, new_workshop

pytestmark = [pytest.mark.browser, pytest.mark.long]

SECTORS = ["Acute hospital", "Primary care", "Community health", "Local authority: adult social care",
           "Voluntary, community and social enterprise", "Patients and public"]
SAID = ["We agree the whole borough is our population, but the acute trust's catchment is much wider than ours.",
        "Budgets are still separate and that shapes every conversation we have about this, however good the will.",
        "Neighbourhood teams are real in two areas, not yet elsewhere.", "The voluntary sector is asked late."]


def _room(db: Database) -> tuple[int, str]:
    frameworks = builtin_frameworks()
    baseline = new_workshop(db, frameworks[0], frameworks=frameworks, held_on=date(2026, 1, 10))
    consensus.add_action(db, actor=ADMIN, workshop_id=baseline.id, framework_id=frameworks[0].id,
                         principle_id=frameworks[0].principles[0].id, text="Pool the discharge budget across the "
                         "council and the trust, starting with intermediate care", owner="Directors of finance",
                         due_on=date(2026, 3, 31))
    created = new_workshop(db, frameworks[0], frameworks=frameworks, title="Follow-up", held_on=date(2026, 6, 1),
                           sectors=SECTORS, exemplar_ids=["salford", "canterbury", "wigan"], paced=True,
                           follows_id=baseline.id)
    rng = random.Random(23)
    with db.write() as session:
        workshop = stored_workshops.get(session, workshop_id=created.id)
        given = []
        for person in range(30):
            pid = participation.enrol(session, workshop=workshop, organisation=None,
                                      sector=SECTORS[person % len(SECTORS)]).participant_id
            given += [NewAnswer(participant_id=pid, framework_id=f.id, statement_id=s.id, value=rng.randint(1, 5),
                                comment=rng.choice(SAID) if rng.random() < 0.08 else None)
                      for f in frameworks for s in f.statements]
        participation.record_all(session, workshop=workshop, given=given)
    waiting = comments.comments(db, actor=ADMIN, workshop_id=created.id)
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[c.key for c in waiting], state="released")
    first = frameworks[0]
    second_votes.open_vote(db, actor=ADMIN, workshop_id=created.id, framework_id=first.id,
                           principle_id=first.principles[1].id)
    with db.read() as session:
        people = [p.id for p in participants.of_workshop(session, workshop_id=created.id)]
    for pid in people[:20]:
        for statement in first.principles[1].statements:
            participation.save_answer(db, participant_id=pid, framework_id=first.id, statement_id=statement.id,
                                      value=rng.choice([3, 4]), round=2)
    second_votes.close_vote(db, actor=ADMIN, workshop_id=created.id)
    second_votes.reveal(db, actor=ADMIN, workshop_id=created.id, framework_id=first.id,
                        principle_id=first.principles[1].id)
    consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id=first.id,
                            principle_id=first.principles[0].id, score=3, note="Agreed for adults.")
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    return created.id, created.screen_key


def test_every_step_of_a_long_workshop_fits_the_projector(windows, tmp_path):
    url = f"sqlite:///{tmp_path / 'steps.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_LOAD_DEMO": "false",
                   "PLACEREADY_ROOM_REFRESH_SECONDS": "60"})  # the longest allowed: each step is drawn by a rerun
    try:
        db = Database.from_url(url)
        workshop_id, screen_key = _room(db)
        first = builtin_frameworks()[0]
        order = presenter.where(db, actor=ADMIN, workshop_id=workshop_id).order
        screen = windows.new_page(viewport=SCREENS[0])
        screen.goto(f"{app.url}/screen?s={screen_key}")
        wait_for_app(screen)
        for number, step in enumerate([*order, vote_on(first.id, first.principles[1].id)], start=1):
            presenter.go_to(db, actor=ADMIN, workshop_id=workshop_id, step=step)
            screen.keyboard.press("r")  # Streamlit reruns the page at once, as the refresh would in its time
            where = presenter.where(db, actor=ADMIN, workshop_id=workshop_id)
            expect(screen.get_by_text(f"{where.title} · step {where.number} of {len(order)}")).to_be_visible(
                timeout=10_000)
            projector_fits(screen, f"all-{number:02d}", screens=SCREENS[:1])
    finally:
        app.stop()
