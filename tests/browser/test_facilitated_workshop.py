"""A whole facilitated workshop in headless Chromium: a follow-up set up from its baseline on another computer,
its private link opened on the room's laptop (a control view at 1366×768), a tablet in a browser of its own added
as a second control device by a one-time link, a projector opened by its screen link and measured at 1920×1080,
1366×768 and 1024×768 at every step it shows, and eight phones at 390×844 — the last workshop's actions reviewed,
a presenter-paced round with a latecomer, comments held until the facilitator shows or hides them, the end
screen's list of gaps, a second vote from each person's own first answers with its result shown only when the
facilitator reveals it, an agreed score, actions and the close, and at the end the tablet ending the laptop's
control and, after a restart of the server, finding the agreed score and actions on the agree page and adding one
there. The control view counts the room by itself and keeps its results hidden until revealed, then shows the
first round's profile and agreement table, one person's Don't know left out of the mean. axe-core finds no
WCAG 2.2 A or AA violation of any impact on any view; each projector step is photographed at each size, the
control view and a phone at each stage."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from assessment.content.framework import builtin_framework
from assessment.engine.agenda import Stage
from assessment.engine.responses import Answer, Responses
from assessment.engine.rounds import compare_rounds
from assessment.engine.scoring import score
from assessment.numbers import number, percent
from assessment.services import consensus, presenter, workshops
from assessment.services.database import Database
from tests.conftest import SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import (
    LAPTOP,
    axe_all_clear,
    choose_together,
    join_together,
    private_link,
    settle,
    show_section,
)
from tests.utils.room import progress_stays_in_view, projector_fits, thumb_sized
from tests.utils.workshops import ADMIN, new_workshop

pytestmark = [pytest.mark.browser, pytest.mark.long]

ADMIN_KEY = "room-test-admin-key-0123456789"
CONTROL = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# Eight people: two camps on the first principle, then closer together at the second vote.
PEOPLE = [("Acute hospital", 5, 4), ("Acute hospital", 4, 4), ("Community health", 5, 4), ("Community health", 4, 3),
          ("Primary care", 1, 3), ("Primary care", 2, 3), ("Primary care", 1, 3),
          ("Local authority: adult social care", 2, 3)]


def _button(page: Page, name: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(name)}"))


def _press(page: Page, name: str) -> None:
    _button(page, name).click()
    settle(page)


def _shot(page: Page, name: str) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")  # as drawn, not mid-run
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"room-{name}.png")


def _jump(control: Page, step: str) -> None:
    """Put the room at a step by typing its name in the running order's list."""
    control.get_by_role("combobox", name=re.compile("On the screen now")).click()
    control.keyboard.type(step)
    control.get_by_role("option", name=re.compile(re.escape(step))).first.click()
    settle(control)


def _people(values: int) -> Responses:
    ham = builtin_framework("ham-2015")
    return Responses.from_answers(
        Answer(participant=f"p{n}", statement=s.id, sector=person[0], score=person[values])
        for n, person in enumerate(PEOPLE) for s in ham.principles[0].statements)


def test_a_facilitated_follow_up_from_review_to_close(windows, browser, tmp_path):
    ham = builtin_framework("ham-2015")
    population, partners = ham.principles[:2]
    texts = [s.text for s in population.statements]
    labels = {point: f"{point} · {ham.scale.labels[point]}" for point in ham.scale.points}
    url = f"sqlite:///{tmp_path / 'room.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_LOAD_DEMO": "false", "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
    office = tablet = None
    try:
        db = Database.from_url(url)
        baseline = new_workshop(db, ham, partnership_name="Riverbrook Health and Care Partnership",
                                title="Spring workshop", held_on=date(2026, 3, 12), sectors=[p[0] for p in PEOPLE])
        for text in ("Pool the discharge budget", "Map every neighbourhood team"):
            consensus.add_action(db, actor=ADMIN, workshop_id=baseline.id, framework_id=ham.id,
                                 principle_id=population.id, text=text, owner="Place director", due_on=None)

        # set-up, on the office computer (a browser of its own, with the admin link): a follow-up of the spring
        # workshop, carrying over its place and lists, in a paced round
        office = browser.new_context(viewport=CONTROL).new_page()
        office.goto(f"{app.url}/manage?admin={ADMIN_KEY}")
        wait_for_app(office)
        office.get_by_role("link", name="Set up a workshop").click()  # in the same session as the admin link
        settle(office)
        office.get_by_role("combobox", name=re.compile("Follow-up of")).click()
        office.get_by_role("option", name=re.compile("Spring workshop")).click()
        settle(office)
        expect(office.get_by_label("Partnership name")).to_have_value("Riverbrook Health and Care Partnership")
        expect(office.get_by_label("Place", exact=True)).to_have_value("Riverbrook")
        office.get_by_label("Workshop title").fill("Autumn follow-up")
        _shot(office, "setup-follow-up")
        axe_all_clear(office)
        office.get_by_role("radiogroup", name="How people score").locator(
            "label", has_text="One principle at a time").click()
        _press(office, "Create workshop")
        code = re.search(r"Join code (\w+)", office.get_by_text("Workshop created").inner_text()).group(1)
        screen_link = office.get_by_role("link", name="Open the projector screen").get_attribute("href")
        facilitator_link = private_link(office)

        # the room's laptop opens the private link: the browser holds control, no address holds the key
        control = windows.new_page(viewport=CONTROL)
        control.goto(facilitator_link)
        wait_for_app(control)
        expect(_button(control, "Next")).to_be_visible()
        assert "key=" not in control.url and "session=" not in control.url  # control is the browser's
        expect(control.locator(".join-code")).to_have_text(code)
        _shot(control, "control-join")
        axe_all_clear(control)

        screen = windows.new_page(viewport={"width": 1920, "height": 1080})
        screen.goto(f"{app.url}/{screen_link.lstrip('/')}")  # the projector's own link
        wait_for_app(screen)
        expect(screen.locator("p.join-code")).to_have_text(code)
        assert "key=" not in screen.url and "code=" not in screen.url
        phones = [windows.new_page(viewport=PHONE) for _ in PEOPLE]
        join_together(app.url, code, [(phone, sector) for phone, (sector, *_) in zip(phones[:7], PEOPLE, strict=False)])
        expect(screen.get_by_text("7 people joined so far.")).to_be_visible(timeout=10_000)
        projector_fits(screen, "01-join")
        axe_all_clear(screen)
        expect(phones[0].get_by_role("heading", name="The facilitator will open the first principle")).to_be_visible()
        axe_all_clear(phones[0])

        show_section(control, "Results")
        expect(control.get_by_text("Results are hidden")).to_be_visible()

        # the office computer's control is ended from the laptop, and a tablet (a browser of its own) is added as
        # a second control device by a one-time link; it follows the room by itself
        show_section(control, "Screens and devices")
        expect(control.get_by_text(re.compile(r"last seen .* UTC"))).to_have_count(2)
        control.get_by_role("button", name="End", exact=True).click()  # the office computer's
        settle(control)
        expect(control.get_by_text(re.compile(r"last seen .* UTC"))).to_have_count(1)
        expect(control.get_by_text("(this browser)")).to_have_count(1)
        _press(control, "Add another device")
        tablet_link = control.locator("[data-testid='stCode'] code").last.inner_text().strip()
        tablet = browser.new_context(viewport=LAPTOP).new_page()
        tablet.goto(tablet_link)
        wait_for_app(tablet)
        expect(_button(tablet, "Next")).to_be_visible()
        show_section(control, "This step")
        control.bring_to_front()

        # the last workshop's actions, a step of their own: one done, one carried over
        _press(control, "Next")
        expect(control.get_by_text("Step 2 of 47", exact=False)).to_be_visible()
        expect(screen.get_by_role("heading", name="Since Spring workshop: our actions")).to_be_visible(timeout=10_000)
        for text, outcome in (("Pool the discharge budget", "done"), ("Map every neighbourhood team", "carried over")):
            form = control.get_by_test_id("stForm").filter(has_text=text)
            form.get_by_role("radiogroup", name="What became of it").locator("label", has_text=outcome).click()
            expect(form.get_by_role("radio", name=outcome)).to_be_checked()
            form.get_by_role("button", name="Save review").click()
            settle(control)
        expect(screen.get_by_text("2 actions: 1 done, 1 carried over.")).to_be_visible(timeout=10_000)
        expect(tablet.get_by_text("Step 2 of 47", exact=False)).to_be_visible(timeout=10_000)
        projector_fits(screen, "02-review")
        axe_all_clear(screen)
        _shot(control, "control-review")
        axe_all_clear(control)

        # the paced round: every phone moves to the principle opened, a latecomer lands on it
        _press(control, "Next")
        for phone in phones[:7]:
            expect(phone.get_by_role("heading", name=population.name)).to_be_visible(timeout=10_000)
        phones[7].goto(f"{app.url}/join?code={code}")
        wait_for_app(phones[7])
        _shot(phones[7], "phone-join-390")
        axe_all_clear(phones[7])
        join_together(app.url, code, [(phones[7], PEOPLE[7][0])])
        expect(phones[7].get_by_role("heading", name=population.name)).to_be_visible()
        expect(_button(phones[0], "Next")).to_have_count(0)  # the facilitator moves the room on
        thumb_sized(phones[0])
        progress_stays_in_view(phones[0])
        for number_, words in ((0, "Our boundary stops at the council's edge"), (1, "Ask Dr Smith why not")):
            phones[number_].get_by_text("Add a comment (optional)").first.click()
            phones[number_].get_by_role("textbox", name="Comment").first.fill(words)
            _press(phones[number_], "Save comment")
            expect(phones[number_].get_by_text("Comment saved.", exact=False)).to_be_visible()
        for text in texts:
            choose_together(text, [(phone, labels[first]) for phone, (_, first, _) in zip(phones, PEOPLE, strict=True)])
        expect(phones[0].get_by_text("Done: the facilitator will open the next principle")).to_be_visible()
        _shot(phones[0], "phone-paced-done-390")
        axe_all_clear(phones[0])
        expect(screen.get_by_role("heading", name=f"Now scoring: {population.name}")).to_be_visible(timeout=10_000)
        expect(screen.get_by_text("of 8 people have answered this principle")).to_be_visible(timeout=10_000)
        projector_fits(screen, "03-paced-scoring")
        axe_all_clear(screen)

        # comments wait in the control view's queue, newest first, until shown or hidden
        queue = control.locator(".st-key-comment-queue")
        expect(control.get_by_text("Comments waiting: 2")).to_be_visible(timeout=10_000)
        # beside them, the control view counts the room by itself: joined, and have started
        expect(control.get_by_test_id("stMetricValue").nth(0)).to_have_text("8", timeout=10_000)
        expect(control.get_by_test_id("stMetricValue").nth(1)).to_have_text("8", timeout=10_000)
        expect(queue.get_by_text(re.compile("Ask Dr Smith"))).to_be_visible()
        assert "Ask Dr Smith" in queue.locator("p").first.inner_text()  # the newer one first, with its principle
        assert population.name in queue.locator("p").first.inner_text()
        _shot(control, "control-queue")
        axe_all_clear(control)
        queue.get_by_role("button", name="Hide").first.click()
        settle(control)
        queue.get_by_role("button", name="Show").first.click()
        settle(control)
        expect(control.get_by_text("No comments waiting")).to_be_visible()

        _press(control, "Next")  # the next principle opens on every phone
        for phone in phones:
            expect(phone.get_by_role("heading", name=partners.name)).to_be_visible(timeout=10_000)
        # one person does not know: the room's mean leaves them out (it stays 3, not 3 × 7 / 8)
        choose_together(partners.statements[0].text,
                        [(phone, labels[3]) for phone in phones[:7]] + [(phones[7], "Don't know")])
        expect(phones[0].get_by_text("Done:", exact=False)).to_have_count(0)

        # the round ends early: phones list what is left, each a tap from its screen
        _jump(control, "Where we stand")
        expect(tablet.get_by_text("Step 13 of 47", exact=False)).to_be_visible(timeout=10_000)
        expect(phones[0].get_by_text("statements are not answered", exact=False)).to_be_visible(timeout=10_000)
        _shot(phones[0], "phone-end-390")
        thumb_sized(phones[0])
        axe_all_clear(phones[0])
        phones[0].get_by_role("button", name=re.compile(re.escape(partners.statements[1].text))).click()
        settle(phones[0])
        expect(phones[0].get_by_role("heading", name=partners.name)).to_be_visible()
        _press(phones[0], "Next")  # three of its statements are still unanswered: it asks first
        expect(phones[0].get_by_text("3 statements on this screen are not answered yet", exact=False)).to_be_visible()
        _shot(phones[0], "phone-leaving-390")
        thumb_sized(phones[0])
        axe_all_clear(phones[0])
        _press(phones[0], "Stay and answer")
        expect(phones[0].get_by_role("heading", name=partners.name)).to_be_visible()
        phones[0].set_viewport_size({"width": 320, "height": 640})
        _shot(phones[0], "phone-screen-320")
        thumb_sized(phones[0])
        phones[0].set_viewport_size(PHONE)

        _press(control, "Close scoring")
        expect(screen.get_by_role("heading", name="Results are hidden")).to_be_visible(timeout=10_000)
        _press(control, "Reveal results")
        first = _people(1)
        expected = score(ham, first)
        expect(screen.get_by_role("heading", name="Where we stand")).to_be_visible(timeout=10_000)
        screen.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
        assert screen.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")[0] == pytest.approx(
            expected.principles[0].mean)
        projector_fits(screen, "04-overview")
        axe_all_clear(screen)
        _shot(control, "control-overview")
        axe_all_clear(control)

        # the principle the room is in two camps about, in three steps: where the room stands, sectors and
        # comments, others and questions
        _press(control, "Next")
        assert str(expected.principles[0].agreement) == "two camps"  # four at 1 or 2, four at 4 or 5
        expect(screen.get_by_text("The room is in two camps: four people at Not yet in place or Emerging",
                                  exact=False)).to_be_visible(timeout=10_000)
        projector_fits(screen, "05-principle-room")
        axe_all_clear(screen)
        _press(control, "Next")
        expect(screen.get_by_role("heading", name="What people said")).to_be_visible(timeout=10_000)
        expect(screen.get_by_text("Our boundary stops at the council's edge", exact=False)).to_be_visible()
        expect(screen.get_by_text("Ask Dr Smith", exact=False)).to_have_count(0)  # hidden: it stays in the data
        projector_fits(screen, "06-principle-views")
        axe_all_clear(screen)
        _press(control, "Next")
        expect(screen.get_by_role("heading", name="Questions for the room")).to_be_visible(timeout=10_000)
        projector_fits(screen, "07-principle-practice")
        axe_all_clear(screen)
        _shot(control, "control-principle")
        axe_all_clear(control)

        # a second vote: phones start from each person's own first answers; the result waits for the facilitator
        _press(control, "Open a second vote on this principle")
        expect(screen.get_by_role("heading", name=f"Second vote: {population.name}")).to_be_visible(timeout=10_000)
        for phone, (_, before, _) in zip(phones, PEOPLE, strict=True):
            expect(phone.get_by_role("button", name="Send my second vote")).to_be_visible(timeout=10_000)
            expect(phone.get_by_role("radiogroup", name=texts[0]).get_by_role("radio", name=labels[before])).to_be_checked()
        _shot(phones[0], "phone-second-vote-390")
        axe_all_clear(phones[0])
        for phone, (_, before, after) in zip(phones, PEOPLE, strict=True):
            if after != before:
                for text in texts:
                    phone.get_by_role("radiogroup", name=text).locator("label", has_text=labels[after]).click()
            phone.get_by_role("button", name="Send my second vote").click()
        for phone in phones:
            settle(phone)
            expect(phone.get_by_text("Your second vote is in")).to_be_visible()
        expect(screen.locator("div.big-number")).to_have_text("8", timeout=10_000)
        expect(screen.get_by_text("Hidden until the facilitator shows the result.")).to_be_visible()
        projector_fits(screen, "08-second-vote-open")
        axe_all_clear(screen)
        _press(control, "Close the vote")
        for phone in phones:  # back to their own screens once the vote closes
            expect(phone.get_by_text("Second vote", exact=False)).to_have_count(0, timeout=10_000)
        expect(screen.get_by_text("Voting has closed: 8 people voted again.")).to_be_visible(timeout=10_000)
        _press(control, "Show the result")
        change = compare_rounds(ham, population.id, first, _people(2))
        assert change.came_together
        expect(screen.get_by_text(change.in_words)).to_be_visible(timeout=10_000)
        rows = [row.locator("td, th").all_inner_texts() for row in
                screen.get_by_test_id("stTable").first.locator("tbody tr").all()]
        assert rows[1] == ["Mean", number(change.first.mean), number(change.second.mean)]
        assert rows[2] == ["Within a point", percent(change.first.within_one_point),
                           percent(change.second.within_one_point)]
        assert rows[4] == ["The room", "two camps", "agreed"]
        projector_fits(screen, "09-second-vote-result")
        axe_all_clear(screen)
        _shot(control, "control-second-vote")
        axe_all_clear(control)
        for phone in phones[1:]:
            phone.close()  # the room has done its part; its refreshes would only slow the rest

        # back to the principle: both rounds, then the agreed score and an action
        _press(control, "Back to the principle")
        expect(screen.get_by_text("Second vote:", exact=False)).to_be_visible(timeout=10_000)
        control.get_by_role("radiogroup", name="Agreed score").locator("label", has_text=labels[3]).click()
        control.get_by_label("Notes from the discussion").fill("Agreed for adults; children next year.")
        _press(control, "Save agreed score")
        new_action = control.get_by_test_id("stForm").filter(has_text="New action for")
        new_action.get_by_label("What will be done").fill("Extend the agreed population to children")
        new_action.get_by_label("Who owns it").fill("Director of Public Health")
        _press(control, "Add action")
        expect(control.get_by_role("cell", name="Extend the agreed population to children")).to_be_visible()
        expect(screen.get_by_text(f"agreed: 3 · {ham.scale.labels[3]}", exact=False)).to_be_visible(timeout=10_000)

        for step, name, heading in (("Agreed scores", "10-agree", "Agreed scores"), ("Actions", "11-actions", "Actions"),
                                    ("Close", "12-close", "Thank you")):
            _jump(control, step)
            expect(screen.get_by_role("heading", name=heading, exact=step != "Agreed scores")).to_be_visible(
                timeout=10_000)
            projector_fits(screen, name)
            axe_all_clear(screen)
        expect(screen.get_by_text("8 people took part. 1 agreed score and 2 actions were recorded.")).to_be_visible()
        _shot(control, "control-close")
        axe_all_clear(control)

        for section in ("Results", "Running order"):  # the control view's other sections
            show_section(control, section)
            _shot(control, f"control-{section.lower().replace(' ', '-')}")
            axe_all_clear(control)
            if section == "Results":  # the first round's profile, and its agreement table
                expect(control.get_by_role("heading", name="The room's profile")).to_be_visible()
                radar = control.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")
                assert radar[0] == pytest.approx(expected.principles[0].mean)
                assert radar[1] == pytest.approx(3)  # the Don't know left out
                assert all(value is None for value in radar[2:-1])  # principles nobody answered
                agreement = control.locator("[data-testid='stTable']").nth(1)  # radar, agreement
                first_row = agreement.locator("tbody tr").first.locator("td").all_inner_texts()
                shown = expected.principles[0]
                assert first_row[:5] == [population.name, f"{shown.mean:.1f}", f"{shown.median:.1f}",
                                         "no single level: two camps", "8"]
                assert first_row[7] == str(shown.agreement) == "two camps"
        control.get_by_label("Close", exact=True).fill("7")  # minutes typed in the running order are kept
        _press(control, "Save running order")
        follow_up = workshops.by_join_code(db, code=code)
        assert presenter.where(db, actor=ADMIN, workshop_id=follow_up.id).planned[Stage.close] == 7
        show_section(control, "This step")

        # the facilitator reloads and is still in control
        control.reload()
        wait_for_app(control)
        expect(_button(control, "Previous")).to_be_enabled()

        # the tablet ends the laptop's control, and only that: the laptop is told so, and has no keys
        show_section(tablet, "Screens and devices")
        tablet.get_by_role("button", name="End", exact=True).click()  # the laptop's, the only other browser
        settle(tablet)
        control.reload()
        wait_for_app(control)
        expect(control.get_by_text("This browser's control of the workshop has ended")).to_be_visible()
        assert _button(control, "Next").count() == 0
        show_section(tablet, "This step")
        expect(_button(tablet, "Next")).to_be_visible()

        # everything survives a restart of the server: the tablet, still in control, finds the agreed score and
        # the action on the agree page, and adds another there
        app.kill()
        app.start()
        tablet.reload()
        wait_for_app(tablet)
        tablet.get_by_role("link", name="Agree scores and actions").click()
        settle(tablet)
        expect(tablet.get_by_role("cell", name=labels[3])).to_be_visible()
        expect(tablet.get_by_role("cell", name="Director of Public Health")).to_be_visible()
        another = tablet.get_by_test_id("stForm").filter(has_text="New action for")
        another.get_by_label("What will be done").fill("Ask the children's partnership board in")
        another.get_by_label("Who owns it").fill("Director of Children's Services")
        _press(tablet, "Add action")
        expect(tablet.get_by_role("cell", name="Ask the children's partnership board in")).to_be_visible()
    finally:
        for page in (office, tablet):
            if page is not None:
                page.context.close()
        app.stop()
