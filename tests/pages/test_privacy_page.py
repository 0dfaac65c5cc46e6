"""The Privacy page says exactly what the room, the board and the workshop's facilitators and owners can see, and
names every cookie PlaceReady sets."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.utils import as_shown


def _privacy_page():
    from assessment.pages import privacy

    privacy.render()


def test_the_privacy_page_says_who_sees_what_and_names_the_cookies():
    app = AppTest.from_function(_privacy_page, default_timeout=30).run()
    assert not app.exception
    text = " ".join(as_shown(m.value) for m in app.markdown)
    for promise in ("What the room sees", "a sector's results only when at least three people in it answered",
                    "What the board sees", "shown under a wider label",
                    ("What the facilitator and the workshop's owners can see"), "raw answers — personal-level data", "placeready_device",
                    "placeready_browser", "the text of any action the owner marks as naming someone"):
        assert promise in text, promise
    assert "Nobody in the room sees your individual answers" not in text
