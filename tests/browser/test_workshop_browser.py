"""A whole workshop in headless Chromium: set up, three phones join and score, reveal, agree, restart."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_framework
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score
from assessment.services import consensus, participation, workshops
from assessment.services.database import Database
from assessment.storage import answers as stored_answers
from assessment.storage.db import migrate
from tests.conftest import SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    axe_all_clear,
    choose,
    join,
    set_up,
    settle,
    show_section,
)
from tests.utils.workshops import ADMIN, new_workshop

pytestmark = pytest.mark.browser


@pytest.mark.long
def test_a_whole_workshop_from_set_up_to_agreed_actions(windows, tmp_path):
    ham = builtin_framework("ham-2015")
    population = ham.principles[0]
    texts = [s.text for s in population.statements]
    labels = {point: f"{point} · {ham.scale.labels[point]}" for point in ham.scale.points}
    database_url = f"sqlite:///{tmp_path / 'workshop.db'}"
    env = {"PLACEREADY_DATABASE_URL": database_url}
    app = LiveApp(env)
    try:
        facilitator = windows.new_page(viewport=LAPTOP)
        join_code, facilitator_link = set_up(facilitator, app.url)
        facilitator.goto(facilitator_link)
        wait_for_app(facilitator)
        assert "key=" not in facilitator.url  # the key leaves the address bar before anyone sees it
        expect(facilitator.locator(".join-code")).to_have_text(join_code)
        show_section(facilitator, "Results")
        expect(facilitator.get_by_text("Results are hidden")).to_be_visible()
        show_section(facilitator, "This step")

        # Three people, three sectors, three different views of the first principle.
        plans = {"Acute hospital": [5, 4, 4, 5], "Primary care": [2, "dk", 3, 2], "Local authority: adult social care": [3, 3, 1, 4]}
        plans = {sector: values[: len(texts)] for sector, values in plans.items()}
        phones = {sector: windows.new_page(viewport=PHONE) for sector in plans}
        for sector, page in phones.items():
            join(page, app.url, join_code, sector)
            expect(page.get_by_role("heading", name=population.name)).to_be_visible()

        acute, primary, council = phones.values()
        for text, value in zip(texts, plans["Acute hospital"], strict=True):
            choose(acute, text, labels[value])
        for text, value in zip(texts, plans["Primary care"], strict=True):
            choose(primary, text, "Don't know" if value == "dk" else labels[value])
        # the council officer answers two by keyboard, then the phone reloads, and they carry on
        first_choice = council.get_by_role("radiogroup", name=texts[0]).get_by_role("radio").first
        first_choice.focus()
        council.keyboard.press("Space")
        settle(council)
        for _ in range(plans["Local authority: adult social care"][0] - 1):
            council.get_by_role("radiogroup", name=texts[0]).get_by_role("radio", checked=True).focus()
            council.keyboard.press("ArrowDown")
            settle(council)
        choose(council, texts[1], labels[plans["Local authority: adult social care"][1]])
        council.reload()
        wait_for_app(council)
        expect(council.get_by_role("heading", name=population.name)).to_be_visible()
        expect(council.get_by_role("radiogroup", name=texts[1]).get_by_role("radio", name=labels[3])).to_be_checked()
        for text, value in zip(texts[2:], plans["Local authority: adult social care"][2:], strict=True):
            choose(council, text, labels[value])

        # the acute participant pages through to the end and finishes
        screens = sum(len(f.principles) for f in [ham, builtin_framework("salford-behaviours")])
        for shown in range(2, screens + 1):
            acute.get_by_role("button", name="Next").click()
            settle(acute)
            if (anyway := acute.get_by_role("button", name="Next anyway")).count():  # leaving gaps asks first
                anyway.click()
                settle(acute)
            # each press shows the next screen before the next press
            expect(acute.get_by_text(f"screen {shown} of {screens}")).to_be_visible()
        acute.get_by_role("button", name="Finish").click()
        settle(acute)
        acute.get_by_role("button", name="Finish anyway").click()  # the last screen is unanswered too
        settle(acute)
        expect(acute.get_by_role("heading", name="Thank you")).to_be_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        primary.screenshot(path=SCREENSHOTS / "participant-360.png", full_page=True)

        # the room view counts people by itself
        facilitator.set_viewport_size(PROJECTOR)
        expect(facilitator.get_by_test_id("stMetricValue").nth(0)).to_have_text("3", timeout=10_000)  # joined
        expect(facilitator.get_by_test_id("stMetricValue").nth(1)).to_have_text("3", timeout=10_000)  # have started
        expect(facilitator.get_by_test_id("stMetricValue").nth(2)).to_have_text("1", timeout=10_000)  # finished
        facilitator.get_by_role("button", name="Reveal results").click()
        settle(facilitator)
        show_section(facilitator, "Results")
        expect(facilitator.get_by_role("heading", name="The room's profile")).to_be_visible()
        facilitator.screenshot(path=SCREENSHOTS / "room-1920.png")

        expected = score(ham, Responses.from_answers(
            Answer(participant=sector, statement=statement.id, sector=sector,
                   score=None if value == "dk" else value, dont_know=value == "dk")
            for sector, values in plans.items() for statement, value in zip(population.statements, values, strict=True)))
        radar = facilitator.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")
        assert radar[0] == pytest.approx(expected.principles[0].mean)
        assert all(value is None for value in radar[1:-1])
        agreement = facilitator.locator("[data-testid='stTable']").nth(1)  # radar, agreement
        first_row = agreement.locator("tbody tr").first.locator("td").all_inner_texts()
        shown = expected.principles[0]
        assert first_row[:5] == [population.name, f"{shown.mean:.1f}", f"{shown.median:.1f}", shown.level, "3"]
        assert first_row[7] == str(shown.agreement)

        # agree a score and an action
        facilitator.get_by_role("link", name="Agree scores and actions").click()
        settle(facilitator)
        facilitator.get_by_role("radiogroup", name="Agreed score").locator("label", has_text=labels[3]).click()
        facilitator.get_by_label("Notes from the discussion").fill("Agreed in writing for adults; children next.")
        facilitator.get_by_role("button", name="Save agreed score").click()
        settle(facilitator)
        facilitator.get_by_label("What will be done").fill("Extend the agreed population to children")
        facilitator.get_by_label("Who owns it").fill("Director of Public Health")
        facilitator.get_by_role("button", name="Add action").click()
        settle(facilitator)
        expect(facilitator.get_by_role("cell", name="Extend the agreed population to children")).to_be_visible()
    finally:
        app.stop()

    # everything survives a restart of the server
    app = LiveApp(env)
    try:
        page = windows.new_page(viewport=LAPTOP)
        page.goto(facilitator_link.replace("/room?", "/agree?").replace(re.match(r"https?://[^/]+", facilitator_link)
                                                                          .group(0), app.url))
        wait_for_app(page)
        expect(page.get_by_role("cell", name=f"{labels[3]}")).to_be_visible()
        expect(page.get_by_role("cell", name="Director of Public Health")).to_be_visible()
    finally:
        app.stop()
    db = Database.from_url(database_url)
    workshop = workshops.by_join_code(db, code=join_code)
    with db.read() as session:
        answers = stored_answers.current(session, workshop_id=workshop.id)
        history = stored_answers.saves_in(session, workshop_id=workshop.id)
    db.dispose()
    assert len(answers) == 3 * len(texts)
    assert history >= len(answers)


@pytest.fixture
def revealed_workshop(live_app):
    """A workshop with six people's answers, revealed; returns (join code, facilitator key)."""
    from datetime import date

    ham = builtin_framework("ham-2015")
    db = Database.from_url(live_app.database_url)
    migrate(db.engine)  # the app migrates at its first page view, which may not have happened yet
    created = new_workshop(db, ham, partnership_name="Axe Partnership", place="Axeford", title="Check",
                           held_on=date(2026, 4, 1), exemplar_ids=["salford", "canterbury"],
                           sectors=["Acute hospital", "Primary care"], organisations=[])
    for person in range(6):
        pid = participation.join(db, join_code=created.join_code, organisation=None,
                                 sector=["Acute hospital", "Primary care"][person % 2]).participant_id
        for number, statement in enumerate(ham.statements):
            participation.save_answer(db, participant_id=pid, framework_id=ham.id, statement_id=statement.id,
                                      value=1 + (person + number) % 5)
    workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
    consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id, principle_id="population",
                            score=3, note="A note")
    consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id, principle_id="population",
                         text="An action", owner="An owner", due_on=None)
    db.dispose()
    return created.join_code, created.facilitator_key


@pytest.mark.parametrize("view", ["join", "join-details", "scoring", "room", "agree", "compare"])
def test_workshop_pages_pass_automated_wcag_checks(windows, live_app, revealed_workshop, view):
    join_code, key = revealed_workshop
    page = windows.new_page(viewport=PHONE if view.startswith(("join", "scoring")) else LAPTOP)
    if view == "join":
        page.goto(f"{live_app.url}/join")
    elif view in ("join-details", "scoring"):
        page.goto(f"{live_app.url}/join?code={join_code}")
        if view == "scoring":
            wait_for_app(page)
            page.get_by_role("button", name="Start scoring").click()
            settle(page)
            choose(page, builtin_framework("ham-2015").statements[0].text, "2 · Emerging")
    else:
        page.goto(f"{live_app.url}/{view}?key={key}")
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.locator("[data-testid='stException']").count() == 0
    axe_all_clear(page)
    if view.startswith(("join", "scoring")):  # WCAG 1.4.10: usable at 320 CSS pixels without sideways scrolling
        page.set_viewport_size({"width": 320, "height": 640})
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_reports_and_exports_download_from_the_agree_page(windows, live_app, revealed_workshop, tmp_path):
    import json

    _, key = revealed_workshop
    page = windows.new_page(viewport=LAPTOP)
    page.goto(f"{live_app.url}/agree?key={key}")
    wait_for_app(page)
    expected = {"Report (PDF)": b"%PDF", "Report (Word)": b"PK", "Report (HTML)": b"<!DOCTYPE html>",
                "Board pack (PowerPoint)": b"PK", "Results (Excel)": b"PK",
                "Answers (CSV)": b"participant,statement,score"}
    names = set()
    for label, start in expected.items():
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name=label).click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert path.read_bytes().startswith(start), label
        assert path.name.startswith("axe-partnership_"), path.name  # whose report it is
        names.add(path.name)
    assert len(names) == len(expected)  # no file overwrites another
    with page.expect_download() as download:
        page.get_by_role("button", name="Whole workshop (JSON)").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["partnership"] == "Axe Partnership" and len(exported["participants"]) == 6
    page.close()
