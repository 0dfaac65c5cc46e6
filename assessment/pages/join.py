"""Participant: join by code, say organisation and sector (no name), then score (pages/scoring.py) and, when the
facilitator opens one, vote again on a principle.

Every answer is saved the moment it is given. The join code, a personal resume code and the screen shown stay
in the address, so a reload, a locked phone or a reconnection to another server carries on where the person was.
The phone follows the facilitator by itself: into and out of a second vote, and in a paced round from one
principle to the next.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from assessment.errors import InputError, Problem, Unavailable
from assessment.numbers import tally
from assessment.pages import scoring, state
from assessment.pages.scoring import DONT_KNOW, STEP, option_label
from assessment.pages.text import plain, show_problems
from assessment.services import codes, participation, phone, workshops
from assessment.services.participation import Joined
from assessment.services.phone import PhoneView
from assessment.services.workshops import WorkshopFacts
from assessment.settings import get_settings

NOT_SAYING = "Prefer not to say"
JOIN_ORGANISATION, JOIN_SECTOR = "join_organisation", "join_sector"  # the join form's answers
JOIN_PROBLEM = "join_problem"  # why joining failed, said when the form is drawn again
WRONG_CODES = "wrong_join_codes"  # join codes this session found wrong: each counts once as a wrong try
SIGNAL_JUST_READ = "participant_signal_just_read"  # this run of the whole page has read what the room is doing
SIGNAL_KEPT_SECONDS = 0.25  # what the room is doing, read once for all phones on a server in this long
WORKSHOP_KEPT_SECONDS = 1.0  # what a joining phone is told of the workshop, read once in this long per server
# Seconds between a self-paced phone's looks while the room scores. Each look is a script run of its own (a few
# milliseconds of a server's time): 200 phones looking every 3 s were as much work as their answers. The end of
# scoring is seen within this long, and from then on the phone looks at the room view's refresh for a second vote.
LOOK_WHILE_SCORING_SECONDS = 10.0

# What others can see, exactly (the Privacy page says the same at more length).
WHO_SEES_WHAT = (
    "We never ask your name. **The room** sees results for the whole room and for sectors of 3 or more people, and "
    "comments without your organisation or sector. **The board's files** list answers under a number, with any "
    "sector or organisation of fewer than 3 people under a wider label. **The facilitator and the workshop's "
    "owners** can see your answers with the organisation and sector you choose (or \"Prefer not to say\")."
)


def render() -> None:
    me = _participant_from_address() or st.session_state.get(state.PARTICIPANT)
    if me is None:
        _join()
        return
    shown = phone.view(state.database(), participant_id=me.participant_id)
    if shown is None:  # erased with its workshop
        st.session_state.pop(state.PARTICIPANT, None)
        st.query_params.clear()
        _join()
        return
    st.markdown(scoring.PHONE_CSS, unsafe_allow_html=True)
    if shown.vote is None:
        scoring.render(me, shown)
    else:
        _vote_again(me, shown)
    # Phones follow the facilitator: when a second vote opens or closes, or a paced round moves on, this page
    # changes by itself.
    st.session_state[SIGNAL_JUST_READ] = True
    state.refreshed(_follow, every=_look_every(shown))(me.join_code, shown.signal)


def _look_every(shown: PhoneView) -> float | None:
    """Seconds between a phone's looks at what the room is doing; None: the room view's refresh."""
    if shown.pace.paced and not shown.pace.over:  # the next principle may open at any moment
        return get_settings().paced_refresh_seconds
    if not shown.pace.over and shown.vote is None:  # a second vote comes after scoring: until then, look seldom
        return LOOK_WHILE_SCORING_SECONDS
    return None


def _follow(join_code: str, drawn: tuple[object, ...]) -> None:
    if st.session_state.pop(SIGNAL_JUST_READ, False):  # drawn with the whole page, which has just read it
        return
    if _room_signal(join_code) != drawn:
        st.rerun(scope="app")


@st.cache_data(ttl=SIGNAL_KEPT_SECONDS, show_spinner=False, max_entries=10_000)
def _room_signal(join_code: str) -> tuple[object, ...] | None:
    """`phone.signal`, read once in a quarter of a second for all the phones of a room on this server: each looks
    every second or few, so a room of 100 read it 100 times a second, for the same answer."""
    return phone.signal(state.database(), join_code=join_code)


def _vote_again(me: Joined, shown: PhoneView) -> None:
    """The second vote: the person's own first answers chosen, to keep or change and send together (nothing
    counts as voted again until it is sent)."""
    vote = shown.vote
    assert vote is not None
    framework, principle = vote.framework, vote.principle
    st.caption(f"Second vote · {plain(framework.title)}")
    st.subheader(plain(principle.name))
    sent = all(participation.answered(shown.answers.get((framework.id, s.id))) for s in principle.statements)
    st.markdown("The room has talked this principle through. Your first answers are chosen below: keep them or "
                "change any, then send your second vote. Beside each statement is how the room answered the "
                "first time.")
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    options = [*framework.scale.points, DONT_KNOW]
    scoring.problem()
    with st.form(f"second-vote-{vote.vote_id}", border=False):
        chosen = {}
        for item, first in zip(principle.statements, vote.first_round, strict=True):
            st.markdown(f"**{plain(item.text)}**")
            st.caption("The room's first vote: " + " · ".join(
                f"{labels[point]}: {count}" for point, count in zip(framework.scale.points, first.counts, strict=True))
                + f" · Don't know: {first.dont_know}")
            own = shown.answers.get((framework.id, item.id)) or shown.first_answers.get((framework.id, item.id))
            start = DONT_KNOW if own and own.dont_know else own.value if own else None
            key = f"vote:{vote.vote_id}:{item.id}"
            chosen[item.id] = scoring.sent(key, partial(
                st.radio, item.text, options, index=None if start is None else options.index(start), key=key,
                label_visibility="collapsed", format_func=lambda o: option_label(o, labels)))
        send = st.form_submit_button("Send my second vote" if not sent else "Send my changes", type="primary",
                                     width="stretch")
    if send:
        _send_vote(me, framework.id, chosen)
        st.rerun()
    if sent:
        st.success("Your second vote is in. Watch the main screen: you can change it until the facilitator "
                   "closes the vote.", icon=":material/how_to_vote:")


def _send_vote(me: Joined, framework_id: str, chosen: dict[str, int | str | None]) -> None:
    missing = sum(choice is None for choice in chosen.values())
    try:
        for statement_id, choice in chosen.items():
            if choice is not None:
                participation.save_answer(state.database(), participant_id=me.participant_id,
                                          framework_id=framework_id, statement_id=statement_id,
                                          value=None if choice == DONT_KNOW else choice,  # checked there
                                          dont_know=choice == DONT_KNOW, round=2)
    except (InputError, Unavailable) as error:
        st.session_state[scoring.PROBLEM] = error
    else:
        if missing:
            st.session_state[scoring.PROBLEM] = InputError("Your second vote", [Problem(
                f"{tally(missing, 'statement')} left without an answer: choose one for each")])


def _participant_from_address() -> Joined | None:
    code, resume = st.query_params.get("code"), st.query_params.get("me")
    if not code or not resume:
        return None
    known: Joined | None = st.session_state.get(state.PARTICIPANT)
    if known and known.join_code == codes.normalise_code(code) and known.resume_code == codes.normalise_code(resume):
        return known
    try:
        return _resume(code, resume)
    except InputError as too_many:
        show_problems("Your answers were not opened:", too_many)
        return None


def _resume(code: str, resume: str) -> Joined | None:
    """The participant whose resume code this is (`attempts.TooManyTries` after a few wrong ones)."""
    me = state.guarded(lambda: participation.resume(state.database(), join_code=code, resume_code=resume))
    if me is None:
        return None
    workshop = workshops.by_join_code(state.database(), code=me.join_code)
    mine = participation.my_answers(state.database(), participant_id=me.participant_id)
    shown = st.query_params.get("step", "")
    # A phone that reconnects to another server starts a new session there: it carries on from the screen it
    # shows, or the answer or button press it sends would land on another screen. A bare link starts at the
    # first screen left to do.
    first_left = participation.first_unanswered(workshop.frameworks, mine)
    st.session_state[STEP] = int(shown) if shown.isdigit() else first_left
    st.session_state[state.PARTICIPANT] = me
    return me


def _join() -> None:
    st.title("Join a workshop")
    code = st.query_params.get("code")
    try:
        workshop = _workshop_with(code) if code else None
    except InputError as too_many:
        show_problems("That code was not tried yet:", too_many)
        _code_form(bad=False)
        return
    if workshop is None:
        _code_form(bad=bool(code))
        return
    st.markdown(f"**{plain(workshop.partnership)}** — {plain(workshop.title)}")
    if not workshop.scoring_open:
        st.warning("Scoring for this workshop has closed.")
        return
    st.markdown(WHO_SEES_WHAT)
    organisations, sectors = list(workshop.organisations), list(workshop.sectors)
    trouble = st.session_state.pop(JOIN_PROBLEM, None)
    if isinstance(trouble, Unavailable):
        st.error(f"You have not joined yet. {trouble}", icon=":material/cloud_off:")
    elif trouble is not None:
        show_problems("You have not joined yet:", trouble)
    with st.form("join"):
        if organisations:
            st.selectbox("Your organisation", [*organisations, NOT_SAYING], index=None, key=JOIN_ORGANISATION,
                         placeholder="Choose your organisation")
        else:
            st.text_input("Your organisation (optional)", max_chars=200, key=JOIN_ORGANISATION)
        st.selectbox("Your sector", [*sectors, NOT_SAYING], index=None, placeholder="Choose your sector",
                     key=JOIN_SECTOR)
        # Joined before the page runs (a callback), so that this same run draws the first screen: a rerun after
        # joining made every arrival cost the server one whole page more.
        st.form_submit_button("Start scoring", type="primary", on_click=_start, args=(workshop.join_code,))
    with st.expander("Started already on another device? Continue with your resume code"), st.form("resume"):
        resume = st.text_input("Resume code", max_chars=20)
        if st.form_submit_button("Continue"):
            try:
                if _resume(workshop.join_code, resume):
                    st.query_params.update(code=workshop.join_code, me=codes.normalise_code(resume))
                    st.rerun()
                st.error("That resume code does not match this workshop. Check it, or start afresh above.")
            except InputError as too_many:
                show_problems("Your answers were not opened:", too_many)


def _start(join_code: str) -> None:
    """Join with what the form shows, as the run that draws the first screen begins."""
    organisation, sector = (st.session_state.get(key) for key in (JOIN_ORGANISATION, JOIN_SECTOR))
    try:
        me = participation.join(state.database(), join_code=join_code,
                                organisation=None if organisation in (None, NOT_SAYING) else organisation,
                                sector=None if sector in (None, NOT_SAYING) else sector)
    except (InputError, Unavailable) as error:  # said by the run this callback precedes
        st.session_state[JOIN_PROBLEM] = error
        return
    st.session_state[state.PARTICIPANT] = me
    st.session_state[STEP] = 0
    st.query_params.update(code=me.join_code, me=me.resume_code)


def _workshop_with(code: str) -> WorkshopFacts | None:
    """The workshop of a join code from the address or the form; each wrong code counts once per session."""
    normalised = codes.normalise_code(code)
    wrong: set[str] = st.session_state.setdefault(WRONG_CODES, set())
    if normalised in wrong:
        return None
    workshop = state.guarded(lambda: _workshop_kept(normalised))
    if workshop is None:
        wrong.add(normalised)
    return workshop


class _NoSuchWorkshop(LookupError):
    """Raised, not returned, so that no cache keeps a code's absence: a workshop may be set up with it."""


def _workshop_kept(code: str) -> WorkshopFacts | None:
    try:
        return _workshop_of_code(code)
    except _NoSuchWorkshop:
        return None


@st.cache_resource(ttl=WORKSHOP_KEPT_SECONDS, show_spinner=False, max_entries=10_000)
def _workshop_of_code(code: str) -> WorkshopFacts:
    """`workshops.by_join_code`, read once a second for all the phones joining by one code on this server: a room
    arriving at once read it a few hundred times in 8 s, for the same answer. Whether scoring is open may be a
    second old here; joining itself checks it afresh."""
    found = workshops.by_join_code(state.database(), code=code)
    if found is None:
        raise _NoSuchWorkshop(code)
    return found


def _code_form(*, bad: bool) -> None:
    if bad:
        st.error("No workshop has that join code. Check the code on the screen and try again.")
    with st.form("code"):
        code = st.text_input("Join code", max_chars=12, placeholder="e.g. K7P4QX",
                             help="The six letters and numbers on the facilitator's screen.")
        if st.form_submit_button("Join", type="primary") and code.strip():
            st.query_params["code"] = codes.normalise_code(code)
            st.rerun()
