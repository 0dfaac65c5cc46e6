"""The facilitated workshop in headless Chromium: one control view, one projector, eight phones — join, score,
reveal, spotlight, a second vote on a split principle with the change checked against the engine, an agreed
score, an action added, edited and completed, the facilitator reloading and a second device taking over.
axe-core finds no WCAG 2.2 AA violation on the presenter, control and phone views; screenshots of each stage."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from assessment.content.framework import builtin_framework
from assessment.engine.responses import Answer, Responses
from assessment.engine.rounds import compare_rounds
from assessment.engine.scoring import score
from assessment.numbers import number, percent
from tests.conftest import SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    axe_all_clear,
    choose_together,
    join_together,
    set_up,
    settle,
)

pytestmark = pytest.mark.browser

# Eight people: two camps on the first principle (a split room), then closer together at the second vote.
PEOPLE = [("Acute hospital", 5, 4), ("Acute hospital", 4, 4), ("Community health", 5, 4), ("Community health", 4, 3),
          ("Primary care", 1, 3), ("Primary care", 2, 3), ("Primary care", 1, 3),
          ("Local authority: adult social care", 2, 3)]


def _button(page: Page, name: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(name)}"))


def _next(control: Page) -> None:
    _button(control, "Next").click()
    settle(control)


def _shot(page: Page, name: str) -> None:
    page.wait_for_timeout(600)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"facilitated-{name}.png")


def _fits(page: Page) -> None:
    """The projector never scrolls at 1920×1080, once the step's rerun has replaced the last step's elements."""
    main = "document.querySelector('[data-testid=\"stMain\"]')"
    try:
        page.wait_for_function(f"{main}.scrollHeight <= {main}.clientHeight + 2", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail("the projector page scrolls")


def test_a_facilitated_workshop_from_join_to_agreed_actions(windows, browser, tmp_path):
    ham = builtin_framework("ham-2015")
    population = ham.principles[0]
    texts = [s.text for s in population.statements]
    labels = {point: f"{point} · {ham.scale.labels[point]}" for point in ham.scale.points}
    app = LiveApp({"PLACEREADY_DATABASE_URL": f"sqlite:///{tmp_path / 'facilitated.db'}",
                   "PLACEREADY_LOAD_DEMO": "false"})
    try:
        control = windows.new_page(viewport=LAPTOP)
        code, _ = set_up(control, app.url)
        screen_link = control.get_by_role("link", name="Open the projector screen").get_attribute("href")
        control.get_by_role("link", name="Run the workshop (your control view)").click()
        settle(control)
        assert "key=" not in control.url and "session=" not in control.url  # control is the browser's
        screen = windows.new_page(viewport=PROJECTOR)
        screen.goto(f"{app.url}/{screen_link.lstrip('/')}")  # the projector's own link
        wait_for_app(screen)
        expect(screen.locator("p.join-code")).to_have_text(code)
        assert "key=" not in screen.url
        _shot(screen, "1-join-projector")
        _fits(screen)
        axe_all_clear(screen)

        phones = [windows.new_page(viewport=PHONE) for _ in PEOPLE]
        join_together(app.url, code, [(phone, sector) for phone, (sector, *_) in zip(phones, PEOPLE, strict=True)])
        expect(screen.get_by_text("8 joined")).to_be_visible(timeout=10_000)
        _next(control)  # individual scoring
        for text in texts:
            choose_together(text, [(phone, labels[first]) for phone, (_, first, _) in zip(phones, PEOPLE, strict=True)])
        _shot(phones[0], "2-scoring-phone")
        axe_all_clear(phones[0])
        expect(screen.get_by_role("heading", name="Score on your phone")).to_be_visible(timeout=10_000)
        _shot(screen, "2-scoring-projector")
        _fits(screen)

        # the facilitator reloads mid-session and is still in control; a new tab with the address too
        control.reload()
        wait_for_app(control)
        expect(_button(control, "Next")).to_be_enabled()
        again = windows.new_page(viewport=LAPTOP)
        again.goto(control.url)
        wait_for_app(again)
        expect(_button(again, "Next")).to_be_enabled()
        again.close()

        _button(control, "Close scoring").click()
        settle(control)
        _button(control, "Reveal results").click()
        settle(control)
        _next(control)  # where we stand
        expected = score(ham, Responses.from_answers(
            Answer(participant=f"p{n}", statement=s.id, sector=sector, score=first)
            for n, (sector, first, _) in enumerate(PEOPLE) for s in population.statements))
        expect(screen.get_by_role("heading", name="Where we stand")).to_be_visible(timeout=10_000)
        screen.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
        radar = screen.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")
        assert radar[0] == pytest.approx(expected.principles[0].mean)
        _shot(screen, "3-overview-projector")
        _fits(screen)
        _shot(control, "3-overview-control")
        axe_all_clear(control)

        _next(control)  # where we stand on the second framework
        _next(control)  # the first principle in the spotlight
        expect(screen.get_by_role("heading", name=population.name)).to_be_visible(timeout=10_000)
        assert str(expected.principles[0].agreement) == "two camps"  # four at 1 or 2, four at 4 or 5
        expect(screen.get_by_text("The room is in two camps: four people at Not yet in place or Emerging",
                                  exact=False)).to_be_visible()
        _shot(screen, "4-spotlight-projector")
        _fits(screen)
        axe_all_clear(screen)

        # a second vote on the principle the room is in two camps about: phones follow by themselves
        _button(control, "Open a second vote on this principle").click()
        settle(control)
        for phone in phones:
            expect(phone.get_by_text("Second vote", exact=False).first).to_be_visible(timeout=10_000)
        _shot(phones[0], "5-second-vote-phone")
        axe_all_clear(phones[0])
        for text in texts:
            choose_together(text, [(phone, labels[second]) for phone, (_, _, second) in zip(phones, PEOPLE, strict=True)])
        expect(screen.get_by_text("8", exact=True).first).to_be_visible(timeout=10_000)
        _shot(screen, "5-second-vote-projector")
        _button(control, "Close the second vote").click()
        settle(control)
        second = Responses.from_answers(
            Answer(participant=f"p{n}", statement=s.id, sector=sector, score=value)
            for n, (sector, _, value) in enumerate(PEOPLE) for s in population.statements)
        first = Responses.from_answers(
            Answer(participant=f"p{n}", statement=s.id, sector=sector, score=value)
            for n, (sector, value, _) in enumerate(PEOPLE) for s in population.statements)
        change = compare_rounds(ham, population.id, first, second)
        assert change.came_together
        expect(screen.get_by_text(change.in_words)).to_be_visible(timeout=10_000)
        table = screen.get_by_test_id("stTable").first
        rows = [row.locator("td, th").all_inner_texts() for row in table.locator("tbody tr").all()]
        assert rows[1] == ["Mean", number(change.first.mean), number(change.second.mean)]
        assert rows[2] == ["Within a point of the middle", percent(change.first.within_one_point),
                           percent(change.second.within_one_point)]
        assert rows[4] == ["The room", "two camps", "agreed"]
        _shot(screen, "6-second-vote-result-projector")
        _fits(screen)
        for phone in phones:  # back to their own screens once the vote closes
            expect(phone.get_by_text("Second vote", exact=False)).to_have_count(0, timeout=10_000)
            phone.close()  # the room has done its part; its refreshes would only slow the rest

        # back to the principle: the agreed score, then an action added, edited and completed
        _button(control, "Back to this principle").click()
        settle(control)
        control.get_by_role("radiogroup", name="Agreed score").locator("label", has_text=labels[3]).click()
        control.get_by_label("Notes from the discussion").fill("Agreed for adults; children next year.")
        _button(control, "Save agreed score").click()
        settle(control)
        control.get_by_label("What will be done").fill("Extend the agreed population to children")
        control.get_by_label("Who owns it").fill("Director of Public Health")
        _button(control, "Add action").click()
        settle(control)
        expect(control.get_by_role("cell", name="Extend the agreed population to children")).to_be_visible()
        # Adding runs the script twice and only the second draws the action, so the row seen is the second's; the
        # form is filled in once that run has finished (one CI run under load saved "open": cause not established).
        wait_for_app(control)
        control.get_by_text("Change: Extend the agreed population").click()
        form = control.get_by_test_id("stForm").filter(has_text="Save changes")
        form.get_by_label("Who owns it").fill("Director of Public Health and ICB chief nurse")
        form.get_by_role("radiogroup", name="Status").locator("label", has_text="in progress").click()
        expect(form.get_by_role("radio", name="in progress")).to_be_checked()
        form.get_by_role("button", name="Save changes").click()
        settle(control)
        action_row = control.get_by_test_id("stTable").locator("tbody tr").filter(has_text="Extend the agreed population")
        expect(action_row.locator("td").last).to_have_text("in progress", timeout=10_000)
        expect(action_row.locator("td").nth(2)).to_have_text("Director of Public Health and ICB chief nurse")
        form = control.get_by_test_id("stForm").filter(has_text="Save changes")
        if not form.is_visible():  # the expander stays open after a change
            control.get_by_text("Change: Extend the agreed population").click()
        form.get_by_role("radiogroup", name="Status").locator("label", has_text="done").click()
        form.get_by_role("button", name="Save changes").click()
        settle(control)
        expect(action_row.locator("td").last).to_have_text("done")
        expect(screen.get_by_text(f"agreed: 3 · {ham.scale.labels[3]}")).to_be_visible(timeout=10_000)
        _shot(control, "7-spotlight-control")

        # the actions stage on the projector
        control.get_by_role("combobox", name=re.compile("On the screen now")).click()
        control.keyboard.type("Actions")  # the list is long: type to find the step
        control.get_by_role("option", name=re.compile(r"Actions$")).click()
        settle(control)
        expect(screen.get_by_role("cell", name="Extend the agreed population to children")).to_be_visible(
            timeout=10_000)
        _shot(screen, "8-actions-projector")
        _fits(screen)

        # a tablet (another browser) joins by a one-time link as a second device and ends the laptop's session
        control.get_by_text("Screens and devices", exact=True).click()
        settle(control)
        _button(control, "Add another device").click()
        settle(control)
        tablet_link = control.locator("[data-testid='stCode'] code").last.inner_text().strip()
        tablet = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
        tablet.goto(tablet_link)
        wait_for_app(tablet)
        tablet.get_by_text("Screens and devices", exact=True).click()
        settle(tablet)
        tablet.get_by_role("button", name="End").first.click()
        settle(tablet)
        control.reload()
        wait_for_app(control)
        expect(control.get_by_text("This browser's control of the workshop has ended")).to_be_visible()
        assert _button(control, "Next").count() == 0
        tablet.context.close()
    finally:
        app.stop()
