"""Two app servers on one PostgreSQL, as behind a load balancer: participants score on one, the
facilitator's room view on the other sees every answer live, and stopping a server loses nothing."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_framework
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score
from assessment.services.database import Database
from assessment.storage import answers
from assessment.storage.db import migrate
from tests.conftest import LiveApp, fresh_postgres_database, wait_for_app
from tests.utils.browser import LAPTOP, PHONE, choose, join, settle, show_section
from tests.utils.workshops import new_workshop

pytestmark = pytest.mark.browser

PLANS = {"Acute hospital": [5, 4, 4, 5], "Primary care": [2, 3, 3, 2], "Voluntary sector": [3, 3, 1, 4]}


def test_participants_on_one_server_and_the_room_on_another(windows, tmp_path):
    ham = builtin_framework("ham-2015")
    population = ham.principles[0]
    texts = [s.text for s in population.statements]
    labels = {point: f"{point} · {label}" for point, label in ham.scale.labels.items()}
    with fresh_postgres_database(tmp_path) as url:
        db = Database.from_url(url)
        migrate(db.engine)
        created = new_workshop(db, ham, partnership_name="Two Servers", place="Twoford", title="Live",
                               held_on=date(2026, 11, 23), sectors=list(PLANS), organisations=[])
        workshop_id, code, key = created.id, created.join_code, created.facilitator_key
        env = {"PLACEREADY_DATABASE_URL": url}
        first, second = LiveApp(env), LiveApp(env)
        try:
            room = windows.new_page(viewport=LAPTOP)
            room.goto(f"{second.url}/room?key={key}")
            wait_for_app(room)
            joined = room.get_by_test_id("stMetricValue").nth(0)
            expect(joined).to_have_text("0")

            phones = {}
            for number, (sector, values) in enumerate(PLANS.items(), start=1):
                phone = windows.new_page(viewport=PHONE)
                join(phone, first.url, code, sector)
                for text, value in zip(texts, values[: len(texts)], strict=True):
                    choose(phone, text, labels[value])
                phones[sector] = phone
                expect(joined).to_have_text(str(number), timeout=10_000)  # live, on the other server

            room.get_by_role("button", name="Reveal results").click()
            settle(room)
            show_section(room, "Results")
            expected = score(ham, Responses.from_answers(
                Answer(participant=sector, statement=statement.id, sector=sector, score=value)
                for sector, values in PLANS.items() for statement, value in zip(population.statements, values, strict=True)))
            room.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
            radar = room.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")
            assert radar[0] == pytest.approx(expected.principles[0].mean)

            # the participants' server goes down: every answer is in the database, and a participant
            # carries on from the other server with the link in their address bar
            resume = phones["Primary care"].url
            first.stop()
            with db.read() as session:
                stored = answers.current(session, workshop_id=workshop_id)
            assert len(stored) == len(PLANS) * len(texts)
            phone = phones["Primary care"]
            phone.goto(resume.replace(first.url, second.url))
            wait_for_app(phone)
            expect(phone.get_by_text(f"{len(texts)} of {len(ham.statements)} statements answered")).to_be_visible()
            # the address holds the screen the phone showed, so the other server carries on from there
            expect(phone.get_by_role("heading", name=population.name)).to_be_visible()
            expect(phone.get_by_role("radiogroup", name=texts[0]).get_by_role("radio", name=labels[2])).to_be_checked()
            choose(phone, texts[0], labels[1])
            room.goto(room.url.replace(first.url, second.url))  # a reload keeps the facilitator's session
            wait_for_app(room)
            show_section(room, "This step")
            expect(room.get_by_test_id("stMetricValue").nth(0)).to_have_text("3")
            with db.read() as session:
                changed = {a.statement_id: a.value for a in answers.current(session, workshop_id=workshop_id)
                           if a.sector == "Primary care"}
            assert changed[population.statements[0].id] == 1
        finally:
            first.stop()
            second.stop()
            db.dispose()
