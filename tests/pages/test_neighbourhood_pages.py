"""The neighbourhood health framework under AppTest: set-up offers it beside the default two, the library shows what
each component rests on, and the compare, results and demo pages show the room's scores for those principles."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework
from assessment.pages import state
from assessment.services import workshops
from assessment.services.demo import demo_responses
from assessment.services.transfer import import_responses
from tests.utils import as_shown
from tests.utils.apptest import open_as_admin
from tests.utils.workshops import ADMIN

HAM, NEIGHBOURHOOD = builtin_framework("ham-2015"), builtin_framework("neighbourhood-health-2025")
HEADER = "What it rests on: Ten design principles for place-based systems of care"


def _setup_page():
    import streamlit as st

    from assessment.pages import setup

    setup.render(st.Page(lambda: None, title="Run the workshop", url_path="room"),
                 st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _library_page():
    from assessment.pages import library

    library.render()


def _compare_page():
    from assessment.pages import compare

    compare.render()


def _room_page():
    import streamlit as st

    from assessment.pages import control

    control.render(st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _demo_page():
    from assessment.pages import demo

    demo.render()


@pytest.fixture(scope="module")
def northbrook() -> int:
    """A closed, revealed workshop that scored Ham's principles and neighbourhood health; its id."""
    answers = load_demo().by_id["neighbourhood"]
    created = import_responses(state.database(), actor=ADMIN, partnership_name="Northbrook", place="Northbrook",
                               title="Neighbourhood health", held_on=date(2026, 11, 19), exemplar_ids=["croydon"],
                               answered=[(HAM, demo_responses(answers, HAM.id)),
                                         (NEIGHBOURHOOD, demo_responses(answers, NEIGHBOURHOOD.id))])
    workshops.set_revealed(state.database(), actor=ADMIN, workshop_id=created.id, revealed=True)
    return created.id


def _facilitating(page, workshop_id: int) -> AppTest:  # type: ignore[no-untyped-def]
    app = AppTest.from_function(page, default_timeout=60)
    open_as_admin(app)
    app.session_state[state.FACILITATED] = workshop_id
    return app


def test_set_up_offers_three_frameworks_with_ham_and_salford_chosen():
    app = AppTest.from_function(_setup_page, default_timeout=30).run()
    frameworks = app.multiselect[0]
    assert frameworks.options[:3] == [f"{f.title} ({len(f.statements)} statements)" for f in
                                      (HAM, NEIGHBOURHOOD, builtin_framework("salford-behaviours"))]
    assert frameworks.value == ["ham-2015", "salford-behaviours"]


def test_the_library_shows_what_each_component_rests_on_and_what_rests_on_each_ham_principle():
    app = AppTest.from_function(_library_page, default_timeout=30).run()
    app.selectbox[0].select(NEIGHBOURHOOD.id).run()
    assert not app.exception
    text = "\n".join(as_shown(m.value) for m in app.markdown)
    assert "Rests on — Ten design principles for place-based systems of care" in text
    assert ("- **1. Define the population group and the system's boundaries** — Finding the people who would "
            "benefit starts from a population") in text
    app.selectbox[0].select(HAM.id).run()
    text = "\n".join(as_shown(m.value) for m in app.markdown)
    assert (f"**What rests on it in {NEIGHBOURHOOD.title}:** Population health management; Standardised community "
            "health services; Urgent neighbourhood services.") in text  # under principle 10, measures


def test_the_compare_page_shows_each_component_beside_the_rooms_scores_for_its_foundations(northbrook):
    app = _facilitating(_compare_page, northbrook).run()
    app.radio[0].set_value(NEIGHBOURHOOD.id).run()
    assert not app.exception
    assert HEADER in [as_shown(h.value) for h in app.header]
    table = app.table[-1].value
    table.columns = [as_shown(column) for column in table.columns]
    assert list(table["Principle"]) == [p.name for p in NEIGHBOURHOOD.principles]
    assert as_shown(table["Rests on (the room's score)"].iloc[4]) == ("4 (3.0, Developing), 6 (2.6, Developing), "
                                                                      "7 (2.3, Emerging)")
    findings = "\n".join(as_shown(m.value) for m in app.markdown)
    assert "The lowest-scored foundation is principle 7, Agree the funding model" in findings


def test_the_results_view_ends_with_the_same_section(northbrook):
    app = _facilitating(_room_page, northbrook).run()
    app.button_group[0].set_value("Results").run()
    app.radio[0].set_value(NEIGHBOURHOOD.id).run()
    assert not app.exception
    assert [as_shown(h.value) for h in app.header][-1] == HEADER


def test_the_demo_page_shows_the_neighbourhood_workshop_and_its_cross_walk():
    app = AppTest.from_function(_demo_page, default_timeout=30).run()
    app.selectbox[0].select("neighbourhood").run()
    app.selectbox[1].select(NEIGHBOURHOOD.id).run()
    assert not app.exception
    assert HEADER in [as_shown(h.value) for h in app.header]
    assert app.multiselect[0].value == ["croydon", "somerset-symphony", "salford", "canterbury"]
