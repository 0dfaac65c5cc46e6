"""Facilitator: the control view that leads the room — on the facilitator's own screen, never the projector.

It moves the room through the workshop (Page Down / Page Up, or the buttons), shows what the current step
needs (reveal, comments, agreed scores, actions, second votes), and holds the running order, the projector's
link, this workshop's devices and the paper forms.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.engine.agenda import TITLES, Stage, Step, label
from assessment.errors import InputError
from assessment.pages import control_steps, devices, guide, moderation, paper_forms, state
from assessment.pages.text import plain, show_problems
from assessment.services import presenter, workshops
from assessment.services.presenter import Position
from assessment.services.workshops import WorkshopFacts

STEP_CHOICE = "control_step"  # the list of steps, keyed by the step the room is at
STEP_JUST_READ = "control_step_just_read"  # this run of the whole page has read where the room is
SECTIONS = ("This step", "Results", "Running order", "Screens and devices", "Paper forms")
# The control view is a working screen at 1366×768: a compact title and less space above it, so that the
# navigation and the queue of comments beside it are in view without scrolling.
CONTROL_CSS = """<style>
  kbd { color: inherit !important; opacity: 1 !important; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; }
  [data-testid="stMain"] h1 { font-size: 1.6rem; padding: 0 0 0.25rem 0; }
</style>"""


def render(screen_page: StreamlitPage) -> None:
    """`screen_page`: the projector's page, opened from here (the router passes it)."""
    facts = state.facilitated()
    if facts is None:
        return
    # kbd: Streamlit draws a button's keyboard hint in a pale tint (3.3:1 on the primary blue); WCAG asks 4.5:1.
    st.markdown(CONTROL_CSS, unsafe_allow_html=True)
    st.title(f"{plain(facts.partnership)}: {plain(facts.title)}")
    here = presenter.where(state.database(), actor=state.actor(), workshop_id=facts.id)
    steering, waiting = st.columns([1, 1], gap="medium")
    with steering:
        _navigation(facts, here)
        control_steps.guidance(here)
        st.caption("Your control view: keep it on your own screen. The projector shows the screen link (Screens "
                   "and devices), which follows every step you take here.")
        guide.link("running-a-workshop", "during-the-workshop")
    with waiting:
        moderation.queue(facts)
        moderation.automatic_release(facts)
    # Another device (a tablet, the projector's keys) may move the room: this one follows within a refresh.
    st.session_state[STEP_JUST_READ] = True
    state.refreshed(_follow_the_room)(facts.id, here.step)
    section = st.segmented_control("Show", SECTIONS, default=SECTIONS[0], label_visibility="collapsed") or SECTIONS[0]
    if section == "This step":
        control_steps.STEP_CONTROLS[here.step.stage](facts, here)
    elif section == "Results":
        control_steps.full_results(facts)
    elif section == "Running order":
        _running_order(facts, here)
    elif section == "Screens and devices":
        devices.screens_and_devices(facts, screen_page)
    else:
        paper_forms.render(facts)


def _navigation(facts: WorkshopFacts, here: Position) -> None:
    order = here.order
    # A list of its own for each step the room is at: the Next button or another device may have moved it.
    key = f"{STEP_CHOICE}-{here.number}"
    st.selectbox("On the screen now", range(len(order)), index=here.number - 1, key=key, on_change=_jump,
                 args=(facts, here.step, order, key),
                 format_func=lambda i: f"{i + 1}. {label(order[i], facts.frameworks)}")
    back, forward = st.columns(2)
    if back.button("Previous", icon=":material/arrow_back:", shortcut="PageUp", width="stretch",
                   disabled=here.number == 1):
        _move(facts, -1)
    if forward.button("Next", icon=":material/arrow_forward:", shortcut="PageDown", type="primary", width="stretch",
                      disabled=here.number == here.total):
        _move(facts, 1)
    voting = " · a second vote on this principle" if here.step.stage is Stage.second_vote and here.step.principle_id \
        else ""
    st.caption(f"Step {here.number} of {here.total}{voting} · {here.timer.in_words}")
    if here.timer.over:
        st.warning(f"{TITLES[here.step.stage]} is over its planned time: {here.timer.in_words}.", icon=":material/timer:")
    reveal, scoring = st.columns(2)
    if reveal.button("Hide results" if facts.revealed else "Reveal results", icon=":material/visibility:",
                     width="stretch", type="secondary" if facts.revealed else "primary"):
        workshops.set_revealed(state.database(), actor=state.actor(), workshop_id=facts.id, revealed=not facts.revealed)
        st.rerun()
    if scoring.button("Close scoring" if facts.scoring_open else "Reopen scoring", width="stretch",
                      icon=":material/lock:" if facts.scoring_open else ":material/lock_open:"):
        workshops.set_scoring_open(state.database(), actor=state.actor(), workshop_id=facts.id,
                                   scoring_open=not facts.scoring_open)
        st.rerun()


def _follow_the_room(workshop_id: int, drawn: Step) -> None:
    if st.session_state.pop(STEP_JUST_READ, False):  # drawn with the whole page, which has just read it
        return
    if presenter.current_step(state.database(), actor=state.actor(), workshop_id=workshop_id) != drawn:
        st.rerun(scope="app")


def _jump(facts: WorkshopFacts, drawn: Step, order: list[Step], key: str) -> None:
    """Put the room at the step chosen in the list, if the room is still where the list was drawn. A browser sends
    the lists it drew earlier with a later request (a refresh's, while the room moves on), and Streamlit takes such
    a value for a choice: followed, it moved the room back by itself."""
    db, actor = state.database(), state.actor()
    if presenter.current_step(db, actor=actor, workshop_id=facts.id) == drawn:
        presenter.go_to(db, actor=actor, workshop_id=facts.id, step=order[st.session_state[key]])


def _move(facts: WorkshopFacts, by: int) -> None:
    presenter.move(state.database(), actor=state.actor(), workshop_id=facts.id, by=by)
    st.rerun()


PACES = {False: "At their own pace", True: "One principle at a time, as you open each with Next"}


def _running_order(facts: WorkshopFacts, here: Position) -> None:
    paced = st.radio("How people score", list(PACES), index=int(here.paced), format_func=PACES.get,
                     horizontal=True, key=f"paced-{here.paced}",
                     help="One at a time: scoring has a step per principle, and every phone shows the principle "
                          "you open (latecomers too); people who finish early wait for the next.")
    if paced != here.paced:
        presenter.set_paced(state.database(), actor=state.actor(), workshop_id=facts.id, paced=paced)
        st.rerun()
    st.markdown("A suggested running order for 90 minutes; change the minutes for this workshop. The timer on "
                "this view counts each stage against them.")
    with st.form("running-order"):
        planned = {stage: st.number_input(TITLES[stage], min_value=0, max_value=180, step=1,
                                          value=here.planned[stage])
                   for stage in dict.fromkeys(step.stage for step in here.order)}
        if st.form_submit_button("Save running order"):
            try:
                presenter.set_running_order(state.database(), actor=state.actor(), workshop_id=facts.id,
                                            planned={str(stage): int(minutes) for stage, minutes in planned.items()})
            except InputError as error:
                show_problems("The running order was not saved:", error)
            else:
                st.rerun()
    st.caption(f"In all: {sum(here.planned.values())} minutes.")
