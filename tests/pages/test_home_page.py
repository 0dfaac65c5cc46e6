"""The home page, rendered headless with Streamlit's AppTest from the script every page view runs."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assessment.content.framework import builtin_frameworks
from assessment.pages.custody import PAGES_SCRIPT
from assessment.pages.text import plain


def run_app() -> AppTest:
    app = AppTest.from_file(str(PAGES_SCRIPT), default_timeout=30)
    return app.run()


def test_home_page_renders_without_error():
    app = run_app()
    assert not app.exception
    assert app.title[0].value == "PlaceReady"
    headers = [h.value for h in app.header]
    assert headers == ["How a workshop works", "The frameworks", "Exemplar places", "How the numbers are worked out"]


def test_home_page_lists_both_frameworks_and_every_principle():
    app = run_app()
    subheaders = [s.value for s in app.subheader]
    expanders = [e.label for e in app.expander]
    for framework in builtin_frameworks():
        assert plain(framework.title) in subheaders  # Markdown source: framework text is escaped
        for number, principle in enumerate(framework.principles, start=1):
            assert plain(f"{number}. {principle.name}") in expanders


def test_home_page_shows_statements_rubric_and_the_agreement_rule():
    app = run_app()
    text = "\n".join(m.value for m in app.markdown)
    first = builtin_frameworks()[0].principles[0]
    assert plain(first.statements[0].text) in text
    assert "split" in text and "0.83 points" in text
    assert len(app.table) == sum(len(f.principles) for f in builtin_frameworks())


def test_a_bad_setting_is_named_on_the_page_not_raised(monkeypatch):
    from assessment.settings import get_settings

    monkeypatch.setenv("PLACEREADY_ROOM_REFRESH_SECONDS", "0.1")
    get_settings.cache_clear()
    try:
        app = run_app()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert not app.exception
    assert "PLACEREADY\\_ROOM\\_REFRESH\\_SECONDS" in app.error[0].value
