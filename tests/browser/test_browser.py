"""What a person sees: the running app in headless Chromium, on a phone and on a laptop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_frameworks
from tests.conftest import SCREENSHOTS, wait_for_app
from tests.utils.browser import axe_all_clear

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 320, "height": 640}, "laptop": {"width": 1366, "height": 800}}


@pytest.mark.parametrize("size", SIZES)
def test_home_page_on_phone_and_laptop(windows, live_app, size):
    page = windows.new_page(viewport=SIZES[size])
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_app.url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="PlaceReady", level=1).is_visible()
    assert page.get_by_role("heading", name="How a workshop works").is_visible()
    for framework in builtin_frameworks():
        assert page.get_by_role("heading", name=framework.title).count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    # WCAG 1.4.10 reflow: nothing scrolls sideways at 320 CSS pixels
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"home-{size}.png", full_page=True)
    assert not errors
    page.close()


def test_a_principle_opens_by_keyboard(windows, live_app):
    page = windows.new_page(viewport=SIZES["laptop"])
    page.goto(live_app.url)
    wait_for_app(page)
    first = builtin_frameworks()[0].principles[0]
    statement = page.get_by_text(first.statements[0].text).first
    expect(statement).to_be_hidden()
    page.locator("summary").filter(has_text=f"1. {first.name}").first.focus()
    page.keyboard.press("Enter")
    expect(statement).to_be_visible()
    page.close()


@pytest.mark.parametrize("path", ["home", "demo"])
def test_pages_pass_automated_wcag_checks(windows, live_app, path):
    page = windows.new_page(viewport=SIZES["laptop"])
    page.goto(f"{live_app.url}/{path}")
    wait_for_app(page)
    axe_all_clear(page)
    page.close()
