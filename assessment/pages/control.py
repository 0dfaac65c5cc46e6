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
from assessment.pages import control_steps, moderation, paper_forms, state
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain, show_problems
from assessment.services import presenter, sessions, workshops
from assessment.services.presenter import Position
from assessment.services.workshops import WorkshopFacts

STEP_CHOICE = "control_step"
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
        st.caption("Your control view: keep it on your own screen. The projector shows the screen link (Screens "
                   "and devices), which follows every step you take here.")
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
        _screens_and_devices(facts, screen_page)
    else:
        paper_forms.render(facts)


def _navigation(facts: WorkshopFacts, here: Position) -> None:
    order = here.order
    # Keyed, and set to where the room is on every run: the Next button or another device may have moved it.
    st.session_state[STEP_CHOICE] = here.number - 1
    st.selectbox("On the screen now", range(len(order)), key=STEP_CHOICE, on_change=_jump, args=(facts, order),
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


def _jump(facts: WorkshopFacts, order: list[Step]) -> None:
    step = order[st.session_state[STEP_CHOICE]]
    presenter.go_to(state.database(), actor=state.actor(), workshop_id=facts.id, step=step)


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


def _screens_and_devices(facts: WorkshopFacts, screen_page: StreamlitPage) -> None:
    st.subheader("The projector")
    link = f"{state.base_url()}/screen?code={facts.join_code}"
    st.markdown("Open this on the computer connected to the projector (full screen with F11). It holds no "
                "secret: it shows only what the room sees, and follows this view.")
    st.code(link, language=None)
    st.page_link(screen_page, label="Present from this browser (Page Down moves on)", icon=":material/tv:",
                 query_params={"code": facts.join_code})
    st.subheader("Your devices")
    st.markdown("Each device that opened your facilitator link keeps control through a reload. End the sessions "
                "of devices you no longer use; they are locked out at their next step.")
    for device in sessions.devices(state.database(), actor=state.actor(), workshop_id=facts.id):
        words, end = st.columns([4, 1], vertical_alignment="center")
        current = device.session_id == state.session_id()
        words.markdown(f"{plain(device.device)} — last seen {device.last_seen:%H:%M} UTC"
                       + (" **(this device)**" if current else ""))
        if not current and end.button("End", key=f"end-{device.session_id}"):
            sessions.end_sessions(state.database(), actor=state.actor(), workshop_id=facts.id,
                                  session_ids=[device.session_id])
            st.rerun()
    if st.button("Add another device (a tablet beside the laptop)", icon=":material/add_to_queue:"):
        token = sessions.add_device(state.database(), actor=state.actor(), workshop_id=facts.id,
                                    device="Added from the control view")
        st.session_state["device_link"] = f"{state.base_url()}/room?session={token}"
    if added := st.session_state.get("device_link"):
        st.markdown("Open this link on the other device (it is private: anyone with it can run the workshop):")
        st.code(added, language=None)
        st.image(qr_svg(added), width=220, alt="QR code of the link for another device")
