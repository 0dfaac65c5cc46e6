"""In-app help: each step of the control view says what the facilitator does and what the room sees, the How this
works links open their guide's section, the guide page shows the section with its pictures, offline, and rwg and
AD are put in plain words where they appear."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from assessment.content import guides
from assessment.content.framework import builtin_frameworks
from assessment.engine.agenda import Stage, Step, steps
from assessment.pages import results, state
from assessment.pages.control_steps import GUIDANCE, guidance_key
from tests.conftest import ROOT
from tests.utils.apptest import open_with_key
from tests.utils.workshops import new_workshop

HELP_LINK = re.compile(r"\[How this works\]\(guide\?doc=([\w-]+)&section=([\w-]+)\)")


def _room_page():
    import streamlit as st

    from assessment.pages import control

    control.render(st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _setup_page():
    import streamlit as st

    from assessment.pages import setup

    setup.render(st.Page(lambda: None, title="Run the workshop", url_path="room"),
                 st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _home_page():
    import streamlit as st

    from assessment.pages import home

    home.render(*(st.Page(lambda: None, title=title, url_path=path)
                  for title, path in (("Join", "join"), ("Set up", "setup"), ("Run", "room"))))


def _guide_page():
    from assessment.pages import guide

    guide.render()


def _help_links(app: AppTest) -> list[tuple[str, str]]:
    return [found for m in app.markdown for found in HELP_LINK.findall(m.value)]


def test_every_step_of_the_control_view_says_what_you_do_and_what_the_room_sees(tiny):
    frameworks = [tiny]
    created = new_workshop(state.database(), tiny, paced=True)
    app = AppTest.from_function(_room_page, default_timeout=30)
    open_with_key(app, created.facilitator_key)
    app.run()
    seen = set()
    for number, step in enumerate(steps(frameworks, paced=True)):
        if number:
            next(b for b in app.button if b.label == "Next").click().run()
        you, room = GUIDANCE[guidance_key(step, paced=True)]
        assert f"**Now:** {you}  \n**The room sees:** {room}" in [m.value for m in app.markdown], step
        seen.add(guidance_key(step, paced=True))
    assert seen == set(GUIDANCE) - {"review", "scoring"}  # no earlier workshop here; scoring is paced
    assert _help_links(app) == [("running-a-workshop", "during-the-workshop")]


def test_each_stage_has_a_line_and_the_guide_quotes_every_line():
    assert {guidance_key(Step(stage), paced=False) for stage in Stage} <= set(GUIDANCE)
    guide = (ROOT / "docs" / "running-a-workshop.md").read_text()
    table = [row.split(" | ") for row in guide.splitlines() if row.startswith("| ")]
    quoted = {(cells[1], cells[2].rstrip(" |")) for cells in table if len(cells) >= 3}
    assert set(GUIDANCE.values()) <= quoted


def test_the_home_set_up_and_control_pages_link_to_a_section_of_a_guide_that_exists():
    for page in (_home_page, _setup_page):
        app = AppTest.from_function(page, default_timeout=30).run()
        assert not app.exception
        [(name, section)] = _help_links(app)
        document = guides.document(name)
        assert document is not None and document.section(section) is not None, (name, section)
    during = guides.document("running-a-workshop")
    assert during is not None and during.section("during-the-workshop") is not None


def test_the_guide_page_shows_the_section_asked_for_with_its_pictures_and_links_it_can_follow():
    app = AppTest.from_function(_guide_page, default_timeout=30)
    app.query_params["doc"] = "running-a-workshop"
    app.query_params["section"] = "during-the-workshop"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Running a workshop"
    assert [h.value for h in app.header] == ["During the workshop"]
    pictures = app.get("image")
    assert len(pictures) >= 5  # the control view, the phones, the projector's steps
    text = "\n".join(m.value for m in app.markdown)
    assert "What you do now" in text and "Before the workshop" not in [h.value for h in app.header]
    # a link to another guide's heading becomes a link to this page; nothing points at a .md file
    assert "(guide?doc=reports-and-follow-ups&section=reading-the-numbers)" in text
    assert ".md" not in "".join(re.findall(r"\]\(([^)]*)\)", text))


def test_a_heading_inside_a_section_opens_that_section_and_an_unknown_guide_says_so():
    app = AppTest.from_function(_guide_page, default_timeout=30)
    app.query_params["doc"] = "running-a-workshop"
    app.query_params["section"] = "you-lost-the-facilitator-link"
    app.run()
    assert [h.value for h in app.header] == ["When something goes wrong"]
    app = AppTest.from_function(_guide_page, default_timeout=30)
    app.query_params["doc"] = "../README"
    app.run()
    assert not app.exception
    assert "There is no such guide" in app.warning[0].value
    assert app.title[1].value == "Running a workshop"


def test_rwg_and_ad_are_explained_under_the_agreement_table_and_in_the_reports_method():
    from assessment.engine.method import DataFacts, Origin, method  # the report's appendix

    assert "**rwg** is how much the room agrees" in results.AGREEMENT_IN_WORDS
    assert "**AD** is how far apart answers are" in results.AGREEMENT_IN_WORDS
    facts = DataFacts(origin=Origin.live, people=12, with_organisation=12, with_sector=12)
    notes = " ".join(method(builtin_frameworks()[0], with_exemplars=False, facts=facts))
    assert "1 means everyone agreed, 0 no more agreement than chance" in notes
    assert "AD is the average distance, in scale points" in notes
