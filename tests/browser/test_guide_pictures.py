"""The guides' pictures can still be taken, and the guide page passes axe-core.

`docs/screenshots.py` takes every picture the guides show; here it takes three of them (the projector on a
principle, the control view with comments waiting, a phone scoring) into a folder of the test's own, so that a
change to the app that breaks a picture's page or what it waits for fails here, not when the pictures are next
made. All sixteen would take a minute or more; these three cover the three kinds of page (projector, control view,
phone) and the demo room they share. `tests/test_docs.py` checks the pictures in the repository against the
script's manifest."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.conftest import ROOT, wait_for_app
from tests.utils.browser import LAPTOP, axe_all_clear

pytestmark = pytest.mark.browser
CHECKED = ["projector-principle", "control-principle", "phone-scoring"]


def _screenshots():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshots"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_three_of_the_guides_pictures_are_taken_again_at_their_sizes_and_drawn(browser, tmp_path):
    screenshots = _screenshots()
    made = screenshots.make(tmp_path, CHECKED, browser=browser)
    assert sorted(made) == sorted(f"{name}.png" for name in CHECKED)
    sizes = {shot.name: shot.viewport for shot in screenshots.SHOTS}
    for name in CHECKED:
        picture = Image.open(tmp_path / f"{name}.png")
        assert picture.size == (sizes[name]["width"], sizes[name]["height"])
        # drawn: a page still loading is one or two flat colours; a drawn one has text, charts and controls
        assert len(picture.getcolors(maxcolors=256) or []) > 40, name
        assert made[f"{name}.png"]["bytes"] <= screenshots.MAX_BYTES


def test_the_guide_page_shows_its_pictures_and_passes_axe(live_app, windows):
    page = windows.new_page(viewport=LAPTOP)
    page.goto(f"{live_app.url}/guide?doc=running-a-workshop&section=when-something-goes-wrong")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="When something goes wrong")).to_be_visible()
    expect(page.get_by_role("link", name="Hosting").first).to_be_visible()
    axe_all_clear(page)
    page.goto(f"{live_app.url}/guide?doc=running-a-workshop&section=during-the-workshop")
    wait_for_app(page)
    pictures = page.locator("[data-testid='stImage'] img")
    expect(pictures.first).to_be_visible()
    assert pictures.count() >= 5
    assert page.evaluate("() => [...document.querySelectorAll(\"[data-testid='stImage'] img\")]"
                         ".every(img => img.complete && img.naturalWidth > 0)")
    axe_all_clear(page)
