"""The demo page shows the scoring engine's numbers for the made-up Riverbrook partnership."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework
from assessment.engine.scoring import score
from assessment.services.demo import demo_responses


def _demo_page():
    from assessment.pages import demo

    demo.render()


def test_demo_page_shows_the_engines_numbers():
    app = AppTest.from_function(_demo_page, default_timeout=30).run()
    assert not app.exception
    demo = load_demo()
    expected = score(builtin_framework("ham-2015"), demo_responses(demo.workshops[0], "ham-2015"))
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    room = figure["data"][0]
    assert room["name"] == "This room (mean)"
    assert room["r"][:-1] == pytest.approx([p.mean for p in expected.principles])
    table = app.table[1].value
    assert list(table["Room"]) == [str(p.agreement) for p in expected.principles]
