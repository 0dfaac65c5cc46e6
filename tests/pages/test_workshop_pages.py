"""The workshop pages under AppTest: set-up, joining and scoring, the room view, agreeing."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

import pytest
from streamlit.testing.v1 import AppTest

from assessment.content.framework import builtin_framework
from assessment.pages import state
from assessment.pages.text import plain
from assessment.services import consensus, participation, workshops
from assessment.services.screen import screen
from tests.utils import as_shown
from tests.utils.apptest import open_with_key
from tests.utils.workshops import ADMIN, new_workshop


def _setup_page():
    import streamlit as st

    from assessment.pages import setup

    setup.render(st.Page(lambda: None, title="Run the workshop", url_path="room"),
                 st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _join_page():
    from assessment.pages import join

    join.render()


def _room_page():
    import streamlit as st

    from assessment.pages import control

    control.render(st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _agree_page():
    from assessment.pages import agree

    agree.render()


def _app(page) -> AppTest:  # type: ignore[no-untyped-def]
    return AppTest.from_function(page, default_timeout=30)


def _button(app: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(button for button in app.button if button.label == label)


@pytest.fixture
def workshop():
    """A workshop on the Salford behaviours with two sectors on offer; returns (join code, facilitator key)."""
    created = new_workshop(state.database(), builtin_framework("salford-behaviours"), partnership_name="Testbrook",
                           place="Testbrook", held_on=date(2026, 5, 1), exemplar_ids=["salford"],
                           sectors=["Acute hospital", "Primary care"], organisations=[])
    return created.join_code, created.facilitator_key


def test_set_up_names_every_missing_field_then_creates_the_workshop():
    app = _app(_setup_page).run()
    app.text_input[0].set_value("")
    app.button[0].click().run()
    errors = " ".join(as_shown(e.value) for e in app.error)
    assert "Partnership name: required" in errors and "Place: required" in errors
    app.text_input[0].set_value("Northbrook Partnership")
    app.text_input[1].set_value("Northbrook")
    app.button[0].click().run()
    assert not app.exception and not app.error
    created = app.session_state["created"]
    join_code, key = created.join_code, created.facilitator_key
    # this browser runs the new workshop already: its private link is never shown unasked, and never large
    assert app.session_state[state.HELD][1].facilitating.keys() == {created.id}
    shown = [re.sub(r"\]\(mailto:[^)]*\)", "]", e.value)  # an e-mail link's address is not shown
             for kind in ("markdown", "success", "warning", "title", "header", "subheader", "code")
             for e in getattr(app, kind)]
    assert not any(key in text for text in shown)
    [mail] = [m.value for m in app.markdown if "mailto:" in m.value]
    assert mail.startswith("[E-mail the link to yourself](mailto:?subject=") and quote(key) in mail
    next(t for t in app.toggle if t.label == "Show the link to copy it").set_value(True).run()
    assert [c.value for c in app.code if key in c.value] == [f"http://localhost:8501/room?key={key}"]
    created = workshops.workshop_for(state.database(), actor=ADMIN,
                                     workshop_id=workshops.opened_by_key(state.database(), key=key))
    assert created.join_code == join_code and created.partnership == "Northbrook Partnership"
    assert [f.id for f in created.frameworks] == ["ham-2015", "salford-behaviours"]
    assert any(key in c.value for c in app.code)


def test_a_wrong_join_code_says_so():
    app = _app(_join_page)
    app.query_params["code"] = "NOPE99"
    app.run()
    assert "No workshop has that join code" in app.error[0].value


def test_after_five_wrong_codes_a_phone_waits_a_minute_even_for_the_right_one(workshop):
    join_code, _ = workshop
    app = _app(_join_page).run()
    for wrong in ["AAAAA1", "AAAAA2", "AAAAA3", "AAAAA4", "AAAAA5", "AAAAA5"]:  # the same one again counts once
        app.text_input[0].input(wrong)
        app.button[0].click().run()
        assert "No workshop has that join code" in app.error[0].value and not app.exception
    app.text_input[0].input(join_code)
    app.button[0].click().run()
    shown = " ".join(as_shown(e.value) for e in app.error)
    assert "Wait a minute" in shown and "No workshop has that join code" not in shown
    assert "Start scoring" not in [b.label for b in app.button]


def test_a_participant_joins_and_each_answer_is_saved_as_given(workshop):
    join_code, _ = workshop
    app = _app(_join_page)
    app.query_params["code"] = join_code
    app.run()
    app.text_input[0].input("<b>Testbrook</b> GP network")
    app.selectbox[0].select("Primary care")
    app.button[0].click().run()
    assert not app.exception
    me = app.session_state[state.PARTICIPANT]
    participant_id, resume = me.participant_id, me.resume_code
    assert app.query_params["me"] == resume
    first = builtin_framework("salford-behaviours").principles[0]
    assert app.subheader[0].value == plain(first.name)
    app.radio[0].set_value(4).run()
    app.radio[1].set_value("dk").run()
    saved = list(participation.my_answers(state.database(), participant_id=participant_id).values())
    assert [(a.statement_id, a.value, a.dont_know, a.sector) for a in saved] == [
        (first.statements[0].id, 4, False, "Primary care"), (first.statements[1].id, None, True, "Primary care")]
    assert saved[0].organisation == "<b>Testbrook</b> GP network"
    assert "2 of 30 statements answered · screen 1 of 10" in app.get("progress")[0].proto.text

    # a reload (a new session with the same address) resumes at the first unanswered screen
    again = _app(_join_page)
    again.query_params["code"] = join_code
    again.query_params["me"] = resume.lower()
    again.run()
    assert again.subheader[0].value == plain(first.name)
    assert again.radio[0].value == 4 and again.radio[1].value == "dk" and again.radio[2].value is None


def test_the_room_view_refuses_without_the_key_and_hides_results_until_revealed(workshop):
    join_code, key = workshop
    app = _app(_room_page).run()
    assert "for the workshop's facilitator" in app.warning[0].value
    app = _app(_room_page)
    open_with_key(app, key)
    app.run()
    assert not app.exception
    assert any(join_code in m.value for m in app.markdown)
    assert workshops.by_join_code(state.database(), code=join_code).revealed is False
    _button(app, "Next").click().run()
    _button(app, "Next").click().run()  # to "Where we stand"
    assert "results are hidden until you reveal them" in app.info[0].value
    _button(app, "Reveal results").click().run()
    assert not app.exception and workshops.by_join_code(state.database(), code=join_code).revealed
    app.button_group[0].set_value("Results").run()
    assert "Nobody has answered yet." in [i.value for i in app.info]


def test_the_agreed_score_is_recorded_beside_the_answers(workshop):
    _, key = workshop
    app = _app(_agree_page)
    open_with_key(app, key)
    app.run()
    app.radio[0].set_value(3)
    app.text_area[0].input("We pool some budgets but not all.")
    app.button[0].click().run()
    assert not app.exception
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    agreed = consensus.agreed_scores(state.database(), actor=ADMIN, workshop_id=workshop_id)
    [(principle, record)] = agreed.items()
    assert principle == ("salford-behaviours", "one-team") and record.score == 3
    assert record.note == "We pool some budgets but not all."


def test_the_control_view_lists_and_walks_every_step():
    from assessment.content.framework import builtin_frameworks
    from assessment.engine.agenda import steps

    created = new_workshop(state.database(), builtin_frameworks()[0], frameworks=builtin_frameworks())
    key = created.facilitator_key
    app = _app(_room_page)
    open_with_key(app, key)
    app.run()
    for _ in steps(builtin_frameworks())[1:]:
        _button(app, "Next").click().run()
        assert not app.exception, app.exception
    assert screen(state.database(), screen_key=created.screen_key).position.title == "Close"
    assert "Next" in [b.label for b in app.button] and _button(app, "Next").disabled


def test_a_step_list_drawn_before_the_room_moved_on_does_not_move_it_back(workshop):
    """A browser sends the value of a step list it drew before another device moved the room on (with a refresh's
    request), and Streamlit takes it for a choice: the room stays where it is. The list drawn where the room is
    moves it."""
    from assessment.services import presenter

    _, key = workshop
    app = _app(_room_page)
    open_with_key(app, key)
    app.run()
    _button(app, "Next").click().run()  # the room at step 2, and its list drawn
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    order = presenter.where(state.database(), actor=ADMIN, workshop_id=workshop_id).order
    presenter.move(state.database(), actor=ADMIN, workshop_id=workshop_id, by=2)  # another device: step 4
    app.selectbox(key="control_step-2").select_index(0).run()
    assert presenter.current_step(state.database(), actor=ADMIN, workshop_id=workshop_id) == order[3]
    app.selectbox(key="control_step-4").select_index(0).run()
    assert presenter.current_step(state.database(), actor=ADMIN, workshop_id=workshop_id) == order[0]


def test_a_save_that_fails_says_so_and_leaves_the_answer_unselected(workshop, monkeypatch):
    from assessment.errors import Unavailable

    join_code, _ = workshop
    app = _app(_join_page)
    app.query_params["code"] = join_code
    app.run()
    app.selectbox[0].select("Primary care")
    app.button[0].click().run()

    def unreachable(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Unavailable()

    monkeypatch.setattr(participation, "save_answer", unreachable)
    app.radio[0].set_value(4).run()
    assert not app.exception
    assert "Not saved" in app.error[0].value and "try again" in app.error[0].value
    assert app.radio[0].value is None  # not shown as given: it was not stored
    me = app.session_state[state.PARTICIPANT]
    assert participation.my_answers(state.database(), participant_id=me.participant_id) == {}
    monkeypatch.undo()
    app.radio[0].set_value(4).run()
    assert not app.error and app.radio[0].value == 4
    assert [a.value for a in participation.my_answers(state.database(), participant_id=me.participant_id).values()] == [4]


def test_a_new_session_carries_on_from_the_screen_in_the_address(workshop):
    # A phone that reconnects to another server starts a new session there, with the widgets of the screen it
    # shows: its next answer or button press must land on that screen, not on the first one left to do.
    join_code, _ = workshop
    app = _app(_join_page)
    app.query_params["code"] = join_code
    app.run()
    app.selectbox[0].select("Primary care")
    app.button[0].click().run()
    for index in range(len(app.radio)):
        app.radio[index].set_value(3).run()
    first, second = builtin_framework("salford-behaviours").principles[:2]
    assert app.query_params["step"] == "0"
    me = app.session_state[state.PARTICIPANT]
    elsewhere = _app(_join_page)
    elsewhere.query_params.update(code=join_code, me=me.resume_code, step="0")
    elsewhere.run()
    assert elsewhere.subheader[0].value == plain(first.name)  # the first screen left to do is the second
    _button(elsewhere, "Next").click().run()
    assert elsewhere.subheader[0].value == plain(second.name) and elsewhere.query_params["step"] == "1"


def _refreshing_parts(join_code: str, workshop_id: int) -> None:
    from assessment.pages import control_steps, join, screen, state

    state.refreshed(join._follow)(join_code, (None, None))  # a phone waiting for a second vote
    state.refreshed(screen._follow)(join_code)  # the projector
    state.refreshed(control_steps._attendance)(workshop_id)  # the control view's counts


def test_parts_that_refresh_by_themselves_ride_out_a_database_outage(workshop, monkeypatch):
    from assessment.errors import Unavailable
    from assessment.pages import screen as projector
    from assessment.services import phone, results

    def unreachable(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Unavailable()

    join_code, key = workshop
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    for module, name in [(phone, "signal"), (projector, "screen"), (results, "attendance")]:
        monkeypatch.setattr(module, name, unreachable)
    app = AppTest.from_function(_refreshing_parts, args=(join_code, workshop_id), default_timeout=30).run()
    assert not app.exception  # no error box (and no traceback in the log) at each refresh
    assert [c.value for c in app.caption].count(
        "Waiting for the database to answer; this part updates by itself once it does.") == 3


def test_the_control_view_queues_comments_until_the_facilitator_shows_or_hides_them(workshop):
    from assessment.services import comments

    join_code, key = workshop
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    salford = builtin_framework("salford-behaviours")
    for words, statement in zip(("First words", "Second words", "Third words"), salford.statements, strict=False):
        pid = participation.join(state.database(), join_code=join_code, organisation=None, sector=None).participant_id
        participation.save_answer(state.database(), participant_id=pid, framework_id=salford.id,
                                  statement_id=statement.id, value=3, comment=words)
    app = _app(_room_page)
    open_with_key(app, key)
    app.run()
    assert "**Comments waiting: 3**" in [m.value for m in app.markdown]
    queued = [m.value for m in app.markdown if m.value.endswith("”")]
    assert [q.split("“")[1] for q in queued] == ["Third words”", "Second words”", "First words”"]  # newest first
    next(b for b in app.button if b.label == "Show").click().run()  # the newest
    next(b for b in app.button if b.label == "Hide").click().run()  # then the newest left
    states = {c.text: c.state for c in comments.comments(state.database(), actor=ADMIN, workshop_id=workshop_id)}
    assert states == {"Third words": "released", "Second words": "hidden", "First words": "pending"}
    _button(app, "Show all").click().run()
    assert not app.exception and "**No comments waiting**" in [m.value for m in app.markdown]
    app.toggle[0].set_value(True).run()
    assert workshops.workshop_for(state.database(), actor=ADMIN, workshop_id=workshop_id).auto_release_comments


def _joined_phone(join_code: str) -> AppTest:
    app = _app(_join_page)
    app.query_params["code"] = join_code
    app.run()
    app.selectbox[0].select("Primary care")
    app.button[0].click().run()
    return app


def test_next_past_an_unanswered_statement_asks_first_and_the_end_screen_leads_back_to_each_gap(workshop):
    join_code, _ = workshop
    salford = builtin_framework("salford-behaviours")
    first, second = salford.principles[:2]
    app = _joined_phone(join_code)
    app.radio[0].set_value(3).run()
    _button(app, "Next").click().run()
    assert app.warning[0].value.startswith("2 statements on this screen are not answered yet")
    assert [b.label for b in app.button][-2:] == ["Next anyway", "Stay and answer"]  # staying takes Next's place
    _button(app, "Stay and answer").click().run()
    assert app.subheader[0].value == plain(first.name) and not app.warning
    _button(app, "Next").click().run()
    _button(app, "Next anyway").click().run()
    assert app.subheader[0].value == plain(second.name)
    for _ in range(len(salford.principles) - 1):  # to the end, leaving every later screen blank
        _button(app, "Finish" if "Finish" in [b.label for b in app.button] else "Next").click().run()
        if app.warning:
            _button(app, "Finish anyway" if "Finish anyway" in [b.label for b in app.button]
                    else "Next anyway").click().run()
    assert app.header[0].value == "Thank you"
    gaps = [b for b in app.button if b.label == first.statements[1].text]
    assert len(gaps) == 1 and "29 statements are not answered" in " ".join(m.value for m in app.markdown)
    gaps[0].click().run()
    assert app.subheader[0].value == plain(first.name) and app.query_params["step"] == "0"


def test_a_comment_says_it_is_saved(workshop):
    join_code, _ = workshop
    app = _joined_phone(join_code)
    app.text_area[0].input("Budgets are still separate").run()
    assert any("Comment saved" in m.value for m in app.markdown)
    me = app.session_state[state.PARTICIPANT]
    [saved] = participation.my_answers(state.database(), participant_id=me.participant_id).values()
    assert saved.comment == "Budgets are still separate"


def test_the_second_vote_starts_from_each_persons_own_first_answers_and_counts_once_sent(workshop):
    from assessment.services import second_votes

    join_code, key = workshop
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    salford = builtin_framework("salford-behaviours")
    principle = salford.principles[0]
    app = _joined_phone(join_code)
    for index, value in enumerate((2, "dk", 4)):
        app.radio[index].set_value(value).run()
    second_votes.open_vote(state.database(), actor=ADMIN, workshop_id=workshop_id, framework_id=salford.id,
                           principle_id=principle.id)
    app.run()
    assert [r.value for r in app.radio] == [2, "dk", 4]  # chosen, not yet sent
    change = second_votes.comparisons(state.database(), actor=ADMIN, workshop_id=workshop_id)
    assert change[(salford.id, principle.id)].second.people == 0
    app.radio[0].set_value(3)
    _button(app, "Send my second vote").click().run()
    me = app.session_state[state.PARTICIPANT]
    second = participation.my_answers(state.database(), participant_id=me.participant_id, round=2)
    assert [(a.value, a.dont_know) for a in second.values()] == [(3, False), (None, True), (4, False)]
    assert "Your second vote is in" in app.success[0].value


def test_in_a_paced_round_the_phone_waits_then_shows_the_principle_the_facilitator_opens(workshop):
    from assessment.engine.agenda import Stage, Step, spotlight_key
    from assessment.services import presenter

    join_code, key = workshop
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    salford = builtin_framework("salford-behaviours")
    presenter.set_paced(state.database(), actor=ADMIN, workshop_id=workshop_id, paced=True)
    app = _joined_phone(join_code)
    assert app.subheader[0].value == "The facilitator will open the first principle" and not app.radio
    third = salford.principles[2]
    presenter.go_to(state.database(), actor=ADMIN, workshop_id=workshop_id,
                    step=Step(Stage.scoring, spotlight_key(salford.id, third.id)))
    app.run()
    assert app.subheader[0].value == plain(third.name) and "Next" not in [b.label for b in app.button]
    for index in range(len(third.statements)):
        app.radio[index].set_value(4).run()
    assert "the facilitator will open the next principle" in app.success[0].value
    late = _joined_phone(join_code)  # a latecomer lands on the open principle
    assert late.subheader[0].value == plain(third.name)
    presenter.go_to(state.database(), actor=ADMIN, workshop_id=workshop_id, step=Step(Stage.overview, salford.id))
    app.run()  # the round is over: the end screen, with what is left to answer
    assert app.header[0].value == "Thank you" and any("27 statements are not answered" in m.value for m in app.markdown)


def _screen_page():
    from assessment.pages import screen

    screen.render()


def test_the_projector_counts_only_the_whole_room_and_an_empty_second_round_says_so(workshop):
    from assessment.engine.agenda import Stage, Step, vote_on
    from assessment.services import presenter, second_votes

    join_code, key = workshop
    workshop_id = workshops.opened_by_key(state.database(), key=key)
    salford = builtin_framework("salford-behaviours")
    lone = participation.join(state.database(), join_code=join_code, organisation=None, sector="Primary care")
    participation.save_answer(state.database(), participant_id=lone.participant_id, framework_id=salford.id,
                              statement_id=salford.statements[0].id, value=3)
    participation.join(state.database(), join_code=join_code, organisation=None, sector="Acute hospital")
    presenter.go_to(state.database(), actor=ADMIN, workshop_id=workshop_id, step=Step(Stage.scoring))
    app = _app(_screen_page)
    app.query_params["s"] = workshops.screen_key_of(state.database(), actor=ADMIN, workshop_id=workshop_id)
    app.run()
    shown = " ".join(m.value for m in app.markdown)
    assert ">2</div><p>joined" in shown and ">1</div><p>have started" in shown
    assert "Primary care" not in shown and "Acute hospital" not in shown  # a sector of one is not counted
    workshops.set_revealed(state.database(), actor=ADMIN, workshop_id=workshop_id, revealed=True)
    principle = salford.principles[0]
    second_votes.open_vote(state.database(), actor=ADMIN, workshop_id=workshop_id, framework_id=salford.id,
                           principle_id=principle.id)
    presenter.go_to(state.database(), actor=ADMIN, workshop_id=workshop_id, step=vote_on(salford.id, principle.id))
    app.run()
    assert "of 1 person have voted again" in " ".join(m.value for m in app.markdown)
    assert "Hidden until the facilitator shows the result." in [m.value for m in app.markdown]
    second_votes.close_vote(state.database(), actor=ADMIN, workshop_id=workshop_id)
    second_votes.reveal(state.database(), actor=ADMIN, workshop_id=workshop_id, framework_id=salford.id,
                        principle_id=principle.id)
    app.run()
    assert "No votes yet." in [m.value for m in app.markdown]  # not an empty chart with an axis
    assert len(app.get("plotly_chart")) == 1  # the first round's only
