"""Driving the app in headless Chromium: screen sizes, waiting for reruns, and the steps people take."""

from __future__ import annotations

import re

from axe_playwright_python.base import AxeResults
from playwright.sync_api import Page

from tests.conftest import wait_for_app

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1366, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# A rerun begins within milliseconds of the press that sets it off; an action that sets none off (opening an
# expander) is taken as done once this long has passed with no run begun.
NO_RERUN_AFTER_MS = 600
# A press whose handler calls st.rerun() runs the script twice, and the page may show "not running" between the
# two: a run is taken as the last only once the page has stayed still this long after it.
STILL_AFTER_RUN_MS = 150


class Windows:
    """The pages of one browser test, each a window of one browser context that the whole run shares.

    A page in a context of its own compiles Streamlit's scripts afresh: about 3 s of processor time for the join
    page here, against about 1 s for a window of a context that has compiled them once, and the browser is what
    the suite spends its time on. Each page is a window of its own, not a tab, because Chromium slows a tab that
    is not in front (eight phones in tabs took 38 s to pick a sector, in windows 5 s). The windows share cookies,
    so they are one browser: a private link opened in one gives control in all of them (the device cookie), and
    a test of what another browser may do, or of sign-in, takes a context of its own. Whatever a test opened is
    closed when it ends, so no page of an earlier test keeps refreshing beside the next.
    """

    def __init__(self, opener: Page):
        self._opener = opener
        self._opened: list[Page] = []

    def new_page(self, *, viewport: dict[str, int] = LAPTOP) -> Page:
        with self._opener.context.expect_page() as opening:
            self._opener.evaluate("window.open('about:blank', '_blank', 'popup,noopener')")
        page = opening.value
        page.set_viewport_size(viewport)
        self._opened.append(page)
        return page

    def close(self) -> None:
        for page in self._opened:
            if not page.is_closed():
                page.close()


def settle(page: Page) -> None:
    """Wait for the rerun that the last action set off to finish (see `RUN_WATCH`)."""
    if not getattr(page, "placeready_watched", False):  # not yet watched: let the rerun begin, then wait
        page.wait_for_timeout(250)
        wait_for_app(page)
        return
    page.wait_for_function(f"""() => {{
      const seen = window.__placeready;
      const state = document.querySelector("[data-testid='stApp']")?.getAttribute('data-test-script-state');
      if (!seen || state !== 'notRunning') return false;
      const now = performance.now();
      return (seen.started > seen.acted && seen.finished > seen.started && now - seen.finished > {STILL_AFTER_RUN_MS})
        || now - seen.acted > {NO_RERUN_AFTER_MS};
    }}""", polling=50, timeout=30_000)


def private_link(page: Page) -> str:
    """The private facilitator link set-up shows only when asked to (the laptop may be on the projector)."""
    page.get_by_text("Show the link to copy it").click()
    settle(page)
    return page.locator("[data-testid='stCode'] code").last.inner_text().strip()


def join(page: Page, url: str, code: str, sector: str) -> None:
    join_together(url, code, [(page, sector)])


def join_together(url: str, code: str, people: list[tuple[Page, str]]) -> None:
    """Several people join at once, each on their own phone (page) naming their sector, as a room does: each
    step is taken on every phone before their reruns are waited for."""
    for page, _ in people:
        page.goto(f"{url}/join", wait_until="commit")
    for page, _ in people:
        wait_for_app(page)
        page.get_by_role("textbox", name="Join code").fill(code.lower())
        page.get_by_role("button", name="Join", exact=True).click()
    for page, sector in people:
        settle(page)
        sector_box = page.get_by_role("combobox", name=re.compile("Your sector"))
        # in the middle of the screen first: at the screen's foot the list opens out of sight, and one opened while
        # the page scrolls closes again
        sector_box.evaluate("element => element.scrollIntoView({block: 'center'})")
        sector_box.click()
        page.get_by_role("option", name=sector).click()
        page.get_by_role("button", name="Start scoring").click()
    for page, _ in people:
        settle(page)


def choose(page: Page, statement: str, option: str) -> None:
    choose_together(statement, [(page, option)])


def choose_together(statement: str, choices: list[tuple[Page, str]]) -> None:
    """Several people answer one statement at once, as a room does; then each phone's rerun is waited for."""
    for page, option in choices:
        page.get_by_role("radiogroup", name=statement).locator("label", has_text=option).click()
    for page, _ in choices:
        settle(page)


def show_section(page: Page, name: str) -> None:
    """Pick a section of the control view ("This step", "Results", "Screens and devices", …)."""
    page.get_by_text(name, exact=True).first.click()
    settle(page)


def _axe(page: Page) -> AxeResults:
    """axe-core's WCAG 2.2 A and AA rules on the page. Only the violations are reported in full: the passes' and
    the inapplicable rules' nodes, which the options would otherwise bring back too, took a third of each run."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    if page.evaluate("typeof window.axe === 'undefined'"):  # axe-core once per document, not its 0.5 MB each run
        page.evaluate(axe.axe_script)
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    return AxeResults(page.evaluate("options => axe.run(document, options)", options))


def axe_all_clear(page: Page) -> None:
    """No WCAG 2.2 A or AA violation of any impact."""
    results = _axe(page)
    assert results.response["violations"] == [], results.generate_report()
