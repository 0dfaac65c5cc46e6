"""Downloads under AppTest: each page offers its reports, named for whose they are; the compare page says what
moving up takes."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from assessment.content.framework import builtin_framework
from assessment.pages import state
from assessment.services import places, workshops
from assessment.services.transfer import import_responses
from tests.utils import as_shown
from tests.utils.apptest import open_as_admin
from tests.utils.reports import riverbrook
from tests.utils.workshops import ADMIN

HAM = builtin_framework("ham-2015")


def _progress_page():
    from assessment.pages import progress

    progress.render()


def _system_page():
    from assessment.pages import system

    system.render()


def _agree_page():
    from assessment.pages import agree

    agree.render()


def _compare_page():
    from assessment.pages import compare

    compare.render()


@pytest.fixture(scope="module")
def downbrook():
    """Two workshops of Downbrook in the system Down ICS; the follow-up's id."""
    then, now = riverbrook()
    ids = [import_responses(state.database(), actor=ADMIN, partnership_name="Downbrook", place="Downbrook",
                            title=title, held_on=held_on, answered=[(HAM, answers)], exemplar_ids=["salford"]).id
           for title, held_on, answers in [("Baseline", date(2026, 3, 12), then),
                                           ("Follow-up", date(2026, 9, 17), now)]]
    place = next(p for p in places.places(state.database(), actor=ADMIN) if p.label == "Downbrook")
    places.place_in_system(state.database(), actor=ADMIN, partnership_id=place.id, system_name="Down ICS")
    return place.id, ids[-1]


def _labels(app: AppTest) -> list[str]:
    return [element.proto.label for element in app.get("download_button")]


def _admin(page) -> AppTest:  # type: ignore[no-untyped-def]
    app = AppTest.from_function(page, default_timeout=60)
    open_as_admin(app)
    return app


def test_the_progress_page_offers_its_report_as_pdf_word_and_html(downbrook):
    place_id, _ = downbrook
    app = _admin(_progress_page).run()
    app.selectbox[0].select(place_id).run()
    assert not app.exception
    assert _labels(app) == ["Progress report (PDF)", "Progress report (Word)", "Progress report (HTML)"]


def test_the_places_side_by_side_page_offers_its_report(downbrook):
    app = _admin(_system_page).run()
    assert not app.exception
    assert _labels(app) == ["Places side by side (PDF)", "Places side by side (Word)", "Places side by side (HTML)"]


def test_the_agree_page_offers_the_report_board_pack_and_data_with_a_baseline_to_choose(downbrook):
    _, follow_up = downbrook
    app = AppTest.from_function(_agree_page, default_timeout=60)
    open_as_admin(app)
    app.session_state[state.FACILITATED] = follow_up
    app.run()
    assert not app.exception
    assert _labels(app) == ["Report (PDF)", "Report (Word)", "Report (HTML)", "Board pack (PowerPoint)",
                            "Answers (CSV)", "Results (CSV)", "Results (Excel)", "Whole workshop (JSON)",
                            "Raw answers — personal-level data (CSV)",
                            "Whole workshop, raw — personal-level data (JSON)"]
    baseline = next(s for s in app.selectbox if s.label == "Compare the report with")
    assert [as_shown(o) for o in baseline.options] == [
        "The previous workshop of this place", "Baseline (2026-03-12)", "No comparison"]


def test_the_compare_page_says_what_moving_up_takes_from_the_rooms_level(downbrook):
    _, follow_up = downbrook
    facts = workshops.workshop_for(state.database(), actor=ADMIN, workshop_id=follow_up)
    app = AppTest.from_function(_compare_page, default_timeout=60)
    open_as_admin(app)
    app.session_state[state.FACILITATED] = facts.id
    app.run()
    assert not app.exception
    assert "What moving up takes" in [h.value for h in app.header]
    funding = next(e for e in app.expander if as_shown(e.label).startswith(HAM.principles[6].name))
    assert as_shown(funding.label).endswith("2 Emerging → 3 Developing")
    steps = [as_shown(m.value) for m in funding.markdown]
    assert f"- {HAM.principles[6].next_steps[2][0].step}" in steps


@pytest.fixture(scope="module")
def bothbrook() -> int:
    """The room of 24 on both built-in frameworks; the workshop's id."""
    from tests.utils.rooms import room_of_24

    return import_responses(state.database(), actor=ADMIN, partnership_name="Bothbrook", place="Bothbrook",
                            title="Both", held_on=date(2026, 5, 14),
                            answered=[(HAM, room_of_24()), (builtin_framework("salford-behaviours"),
                                                             room_of_24("salford-behaviours"))]).id


def test_a_workshop_of_both_frameworks_offers_one_combined_report_before_each_frameworks_own(bothbrook):
    app = AppTest.from_function(_agree_page, default_timeout=60)
    open_as_admin(app)
    app.session_state[state.FACILITATED] = bothbrook
    app.run()
    assert not app.exception
    assert _labels(app)[:4] == ["Combined report (PDF)", "Combined report (Word)", "Combined report (HTML)",
                                "Report (PDF)"]


def test_the_compare_page_gives_a_room_in_two_camps_no_level_but_the_steps_to_settle_it(bothbrook):
    app = AppTest.from_function(_compare_page, default_timeout=60)
    open_as_admin(app)
    app.session_state[state.FACILITATED] = bothbrook
    app.run()
    assert not app.exception
    funding = next(e for e in app.expander if as_shown(e.label).startswith(HAM.principles[6].name))
    assert as_shown(funding.label).endswith("two camps: no single level")
    assert as_shown(funding.markdown[0].value).startswith("- Settle the difference before choosing steps.")
