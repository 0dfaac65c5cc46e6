"""Places side by side under AppTest: past a screenful of places, the small radars come a screenful at a time."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from assessment.content.framework import builtin_frameworks
from assessment.pages import state
from assessment.pages.system import RADARS_AT_ONCE
from assessment.services import places
from assessment.services.demo import make_places
from tests.utils.apptest import open_as_admin
from tests.utils.workshops import ADMIN

SYSTEM = "Paged ICS"
NAMES = [f"Paged place {number:02d}" for number in range(1, RADARS_AT_ONCE + 3)]


def _system_page():
    from assessment.pages import system

    system.render()


def _radar_titles(app: AppTest) -> list[str]:
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return [chart["layout"]["title"]["text"] for chart in charts if chart["data"][0]["type"] == "scatterpolar"]


def test_past_a_screenful_of_places_the_radars_come_a_screenful_at_a_time():
    with state.database().write() as session:
        make_places(session, places=len(NAMES), workshops_each=1, frameworks=builtin_frameworks()[:1], people=3,
                    system=SYSTEM, names=NAMES)
    [system_id] = [i for i, name in places.systems(state.database(), actor=ADMIN).items() if name == SYSTEM]
    app = AppTest.from_function(_system_page, default_timeout=60)
    open_as_admin(app)
    app.run()
    next(s for s in app.selectbox if s.label == "System").select(system_id).run()
    assert not app.exception

    assert _radar_titles(app) == NAMES[:RADARS_AT_ONCE]
    shown = next(s for s in app.selectbox if s.label == "Places shown")
    assert shown.options[-1] == f"{RADARS_AT_ONCE + 1}–{len(NAMES)} of {len(NAMES)}: {NAMES[RADARS_AT_ONCE]} to {NAMES[-1]}"
    shown.select(RADARS_AT_ONCE).run()
    assert _radar_titles(app) == NAMES[RADARS_AT_ONCE:]
    heat_map_rows = app.table[0].value
    assert len(heat_map_rows) == len(NAMES)  # the heat map's table keeps every place
