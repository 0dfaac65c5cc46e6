"""Control belongs to a browser, not an address, in Chromium: the set-up result keeps the private link off the
screen, the private link gives control to the browser that opens it and leaves no credential in the address bar,
no address a facilitator sees gives control to another browser, each browser is a device that can be ended alone,
and a new facilitator link ends the rest. Each browser here is a context of its own (its own cookies)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import LAPTOP, axe_all_clear, private_link, settle, show_section

pytestmark = pytest.mark.browser

SECRETS = re.compile(r"[?&](key|admin|session)=")
FACILITATOR_PAGES = ["Run the workshop", "Agree scores and actions", "Compare with exemplars", "Set up a workshop"]


def _browser(browser: Browser, viewport: dict[str, int] = LAPTOP) -> Page:
    """A page in a browser of its own: its own cookies, as another person's computer has."""
    return browser.new_context(viewport=viewport).new_page()


def _shot(page: Page, name: str) -> None:
    """A screenshot with the address bar's text drawn over the top of the page (headless Chromium has no bar)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("""url => { const bar = document.createElement('div'); bar.id = 'address-bar';
        bar.textContent = 'Address bar: ' + url;
        bar.style = 'position:fixed;top:0;left:0;right:0;z-index:999999;background:#333;color:#fff;' +
                    'font:14px monospace;padding:4px 8px';
        document.body.appendChild(bar); }""", page.url)
    page.screenshot(path=SCREENSHOTS / f"custody-{name}.png")
    page.evaluate("document.getElementById('address-bar').remove()")


def _in_control(page: Page) -> bool:
    page.wait_for_timeout(300)  # the page as drawn, not a run still under way
    return page.get_by_role("button", name="Next").count() > 0


def test_control_belongs_to_the_browser_that_opened_the_private_link(browser, tmp_path):
    app = LiveApp({"PLACEREADY_DATABASE_URL": f"sqlite:///{tmp_path / 'custody.db'}", "PLACEREADY_LOAD_DEMO": "false"})
    opened: list[Page] = []
    try:
        laptop = _browser(browser, {"width": 1366, "height": 768})
        opened.append(laptop)
        laptop.goto(f"{app.url}/setup")
        wait_for_app(laptop)
        laptop.get_by_label("Partnership name").fill("Custody Partnership")
        laptop.get_by_label("Place", exact=True).fill("Custodyford")
        laptop.get_by_role("button", name="Create workshop").click()
        settle(laptop)
        expect(laptop.get_by_text("Workshop created")).to_be_visible()
        laptop.get_by_text("Workshop created").scroll_into_view_if_needed()
        _shot(laptop, "1-set-up-result-1366")
        assert "key=" not in laptop.inner_text("body")  # the private link is not on the screen until asked for
        mail = laptop.get_by_role("link", name="E-mail the link to yourself").get_attribute("href")
        assert mail.startswith("mailto:?subject=") and "key%3D" in mail
        link = private_link(laptop)
        _shot(laptop, "2-set-up-link-shown-1366")
        axe_all_clear(laptop)
        key = link.rsplit("key=", 1)[1]

        other = _browser(browser, {"width": 1366, "height": 768})  # the facilitator's other computer opens the link
        opened.append(other)
        other.goto(link)
        wait_for_app(other)
        expect(other.get_by_role("button", name="Next")).to_be_visible()
        assert other.url == f"{app.url}/room"
        _shot(other, "3-after-opening-the-private-link")
        seen = {other.url}
        for name in FACILITATOR_PAGES:
            other.get_by_role("link", name=name).first.click()
            settle(other)
            seen.add(other.url)
        assert not [url for url in seen if SECRETS.search(url) or key in url]

        stranger = _browser(browser)  # every address the facilitator saw, in a browser that never had the link
        opened.append(stranger)
        for url in sorted(seen):
            stranger.goto(url)
            wait_for_app(stranger)
            if not url.endswith("/setup"):  # set-up is open to anyone here, and shows no workshop
                expect(stranger.get_by_text("This page is for the workshop's facilitator")).to_be_visible()
            assert not _in_control(stranger), url

        other.get_by_role("link", name="Run the workshop").first.click()
        settle(other)
        show_section(other, "Screens and devices")
        devices = other.get_by_text(re.compile(r"last seen .* UTC"))
        expect(devices).to_have_count(2)
        expect(other.get_by_text("(this browser)")).to_have_count(1)
        _shot(other, "4-devices-1366")
        axe_all_clear(other)
        screen_link = next(text for text in other.locator("[data-testid='stCode'] code").all_inner_texts()
                           if "/screen?s=" in text)
        projector = _browser(browser, {"width": 1920, "height": 1080})
        opened.append(projector)
        projector.goto(screen_link)
        wait_for_app(projector)
        expect(projector.locator("p.join-code")).to_be_visible()
        assert not _in_control(projector)  # the screen link shows the room's view and gives no control

        other.get_by_role("button", name="End").click()  # ends the laptop's session, and only that
        settle(other)
        laptop.get_by_role("link", name="Run the workshop").first.click()  # its next step
        settle(laptop)
        expect(laptop.get_by_text("This browser's control of the workshop has ended")).to_be_visible()
        assert _in_control(other) or other.get_by_text("Screens and devices").count() > 0

        other.get_by_text("End every other browser's control and replace the link").click()
        other.get_by_role("button", name="Make a new facilitator link").click()
        settle(other)
        expect(other.get_by_text("New link made")).to_be_visible()
        assert screen_link not in other.locator("[data-testid='stCode'] code").all_inner_texts()  # the new one shown
        _shot(other, "5-new-facilitator-link")
        again = _browser(browser)
        opened.append(again)
        again.goto(link)  # the old link
        wait_for_app(again)
        assert again.url == f"{app.url}/room?link=refused" or "link=" not in again.url
        expect(again.get_by_text("That private link opens nothing here")).to_be_visible()
        assert not _in_control(again)
        expect(projector.get_by_text("This screen link no longer opens the workshop")).to_be_visible(timeout=10_000)
    finally:
        for page in opened:
            page.context.close()
        app.stop()


def test_the_join_page_says_exactly_who_sees_what(browser, live_app):
    from assessment.content.framework import builtin_framework
    from assessment.services.database import Database
    from tests.utils.workshops import new_workshop

    db = Database.from_url(live_app.database_url)
    created = new_workshop(db, builtin_framework("ham-2015"), sectors=["Acute hospital"], organisations=[])
    db.dispose()
    phone = _browser(browser, {"width": 390, "height": 844})
    try:
        phone.goto(f"{live_app.url}/join?code={created.join_code}")
        wait_for_app(phone)
        for words in ("The room", "The board's files", "The facilitator and the workshop's owners"):
            expect(phone.get_by_text(words, exact=False).first).to_be_visible()
        assert "Nobody else sees your individual answers" not in phone.inner_text("body")
        expect(phone.get_by_role("combobox", name=re.compile("Your sector"))).to_be_visible()
        _shot(phone, "6-join-390")
        axe_all_clear(phone)
    finally:
        phone.context.close()
