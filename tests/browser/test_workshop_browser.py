"""A phone scoring at its own pace in headless Chromium, the workshop pages under axe-core, and the downloads."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_framework
from assessment.services import consensus, participation, workshops
from assessment.services.database import Database
from assessment.storage import answers as stored_answers
from assessment.storage.db import migrate
from tests.conftest import SCREENSHOTS, wait_for_app
from tests.utils.browser import (
    LAPTOP,
    PHONE,
    axe_all_clear,
    choose,
    join,
    settle,
)
from tests.utils.workshops import ADMIN, new_workshop

pytestmark = pytest.mark.browser


def test_a_phone_at_its_own_pace_answers_by_keyboard_keeps_its_answers_on_reload_and_pages_to_the_end(
        windows, live_app):
    """What a phone does in a workshop scored at each person's own pace (the facilitated follow-up is paced):
    answers by keyboard and "Don't know", kept through a reload, and every screen of both default frameworks
    paged through in turn to the end."""
    ham, salford = builtin_framework("ham-2015"), builtin_framework("salford-behaviours")
    population = ham.principles[0]
    texts = [s.text for s in population.statements]
    labels = {point: f"{point} · {ham.scale.labels[point]}" for point in ham.scale.points}
    db = Database.from_url(live_app.database_url)
    migrate(db.engine)  # the app migrates at its first page view, which may not have happened yet
    created = new_workshop(db, ham, frameworks=[ham, salford], sectors=["Local authority: adult social care"],
                           organisations=[])
    phone = windows.new_page(viewport=PHONE)
    join(phone, live_app.url, created.join_code, "Local authority: adult social care")
    expect(phone.get_by_role("heading", name=population.name)).to_be_visible()

    # the first statement by keyboard: Space chooses the first option, each arrow key the next
    phone.get_by_role("radiogroup", name=texts[0]).get_by_role("radio").first.focus()
    phone.keyboard.press("Space")
    settle(phone)
    for _ in range(2):
        phone.get_by_role("radiogroup", name=texts[0]).get_by_role("radio", checked=True).focus()
        phone.keyboard.press("ArrowDown")
        settle(phone)
    choose(phone, texts[1], "Don't know")
    choose(phone, texts[2], labels[1])
    # the phone reloads, and its answers are still chosen
    phone.reload()
    wait_for_app(phone)
    expect(phone.get_by_role("heading", name=population.name)).to_be_visible()
    for text, option in zip(texts[:3], [labels[3], "Don't know", labels[1]], strict=True):
        expect(phone.get_by_role("radiogroup", name=text).get_by_role("radio", name=option)).to_be_checked()
    choose(phone, texts[3], labels[4])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / "participant-360.png", full_page=True)

    # on through every screen of both frameworks to the end
    screens = len(ham.principles) + len(salford.principles)
    for shown in range(2, screens + 1):
        phone.get_by_role("button", name="Next").click()
        settle(phone)
        if (anyway := phone.get_by_role("button", name="Next anyway")).count():  # leaving gaps asks first
            anyway.click()
            settle(phone)
        # each press shows the next screen before the next press
        expect(phone.get_by_text(f"screen {shown} of {screens}")).to_be_visible()
    phone.get_by_role("button", name="Finish").click()
    settle(phone)
    phone.get_by_role("button", name="Finish anyway").click()  # the last screen is unanswered too
    settle(phone)
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()

    # what the phone showed is what was saved, each change a save of its own
    with db.read() as session:
        answers = stored_answers.current(session, workshop_id=created.id)
        history = stored_answers.saves_in(session, workshop_id=created.id)
    db.dispose()
    by_statement = {answer.statement_id: (answer.value, answer.dont_know) for answer in answers}
    assert by_statement == {statement.id: saved for statement, saved in zip(
        population.statements, [(3, False), (None, True), (1, False), (4, False)], strict=True)}
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
