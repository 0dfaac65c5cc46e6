"""Participant: join by code, say organisation and sector (no name), score one principle per screen.

Every answer is saved the moment it is given. The join code, a personal resume code and the screen shown stay
in the address, so a reload, a locked phone or a reconnection to another server carries on where the person was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from assessment.content.framework import Framework
from assessment.errors import InputError, Problem, Unavailable
from assessment.pages import state
from assessment.pages.text import plain, show_problems
from assessment.services import codes, entries, participation, phone, second_votes, workshops
from assessment.services.participation import CurrentAnswer, Joined
from assessment.services.phone import PhoneView
from assessment.services.second_votes import OpenVote
from assessment.services.workshops import WorkshopFacts

DONT_KNOW = "dk"
NOT_SAYING = "Prefer not to say"
STEP = "participant_step"
PROBLEM = "participant_problem"  # why the last save failed, shown on the next run
WRONG_CODES = "wrong_join_codes"  # join codes this session found wrong: each counts once as a wrong try
REVERT = "participant_revert"  # widget key → the stored value to show again after a failed save
VOTE_JUST_READ = "participant_vote_just_read"  # this run of the whole page has read which vote is open

# What others can see, exactly (the Privacy page says the same at more length).
WHO_SEES_WHAT = (
    "We never ask your name. **The room** sees results for the whole room and for sectors of 3 or more people, and "
    "comments without your organisation or sector. **The board's files** list answers under a number, with any "
    "sector or organisation of fewer than 3 people under a wider label. **The facilitator and the workshop's "
    "owners** can see your answers with the organisation and sector you choose (or \"Prefer not to say\")."
)

Sent = TypeVar("Sent")
_log = logging.getLogger(__name__)


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
    if shown.vote is None:
        _score(me, shown)
    else:
        _vote_again(me, shown.vote, shown.answers)
    # Phones follow the facilitator: when a second vote opens or closes, this page changes by itself.
    st.session_state[VOTE_JUST_READ] = True
    state.refreshed(_follow)(me.join_code, shown.vote.vote_id if shown.vote else None)


def _follow(join_code: str, shown: int | None) -> None:
    if st.session_state.pop(VOTE_JUST_READ, False):  # drawn with the whole page, which has just read the vote
        return
    if second_votes.open_vote_id(state.database(), join_code=join_code) != shown:
        st.rerun(scope="app")


def _vote_again(me: Joined, vote: OpenVote, mine: dict[tuple[str, str], CurrentAnswer]) -> None:
    framework, principle = vote.framework, vote.principle
    st.caption(f"Second vote · {plain(framework.title)}")
    st.subheader(plain(principle.name))
    st.markdown("The room has talked this principle through. Vote again: keep your first answer or change it. "
                "Beside each statement is how the room answered the first time.")
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    _apply_reverts()
    for statement, first in zip(principle.statements, vote.first_round, strict=True):
        st.markdown(f"**{plain(statement.text)}**")
        st.caption("First vote: " + " · ".join(f"{labels[point]}: {count}" for point, count in
                                                zip(framework.scale.points, first.counts, strict=True))
                   + f" · Don't know: {first.dont_know}")
        _answer(me, framework, statement.id, statement.text, mine.get((framework.id, statement.id)), labels,
                round=2, disabled=False)
    answered = sum(1 for s in principle.statements if participation.answered(mine.get((framework.id, s.id))))
    if answered == len(principle.statements):
        st.success("Your second vote is in. Watch the main screen.", icon=":material/how_to_vote:")
    _problem()


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
    with st.form("join"):
        organisation = (st.selectbox("Your organisation", organisations + [NOT_SAYING], index=None,
                                     placeholder="Choose your organisation")
                        if organisations else st.text_input("Your organisation (optional)", max_chars=200))
        sector = st.selectbox("Your sector", sectors + [NOT_SAYING], index=None, placeholder="Choose your sector")
        start = st.form_submit_button("Start scoring", type="primary")
    if start:
        try:
            me = participation.join(state.database(), join_code=workshop.join_code,
                                    organisation=None if organisation in (None, NOT_SAYING) else organisation,
                                    sector=None if sector in (None, NOT_SAYING) else sector)
        except InputError as error:
            show_problems("You have not joined yet:", error)
            return
        st.session_state[state.PARTICIPANT] = me
        st.session_state[STEP] = 0
        st.query_params.update(code=me.join_code, me=me.resume_code)
        st.rerun()
    with st.expander("Started already on another device? Continue with your resume code"):
        with st.form("resume"):
            resume = st.text_input("Resume code", max_chars=20)
            if st.form_submit_button("Continue"):
                try:
                    if _resume(workshop.join_code, resume):
                        st.query_params.update(code=workshop.join_code, me=codes.normalise_code(resume))
                        st.rerun()
                    st.error("That resume code does not match this workshop. Check it, or start afresh above.")
                except InputError as too_many:
                    show_problems("Your answers were not opened:", too_many)


def _workshop_with(code: str) -> WorkshopFacts | None:
    """The workshop of a join code from the address or the form; each wrong code counts once per session."""
    normalised = codes.normalise_code(code)
    wrong: set[str] = st.session_state.setdefault(WRONG_CODES, set())
    if normalised in wrong:
        return None
    workshop = state.guarded(lambda: workshops.by_join_code(state.database(), code=normalised))
    if workshop is None:
        wrong.add(normalised)
    return workshop


def _code_form(*, bad: bool) -> None:
    if bad:
        st.error("No workshop has that join code. Check the code on the screen and try again.")
    with st.form("code"):
        code = st.text_input("Join code", max_chars=12, placeholder="e.g. K7P4QX",
                             help="The six letters and numbers on the facilitator's screen.")
        if st.form_submit_button("Join", type="primary") and code.strip():
            st.query_params["code"] = codes.normalise_code(code)
            st.rerun()


def _score(me: Joined, shown: PhoneView) -> None:
    workshop, answers = shown.workshop, shown.answers
    screens = participation.screens(workshop.frameworks)
    step = min(st.session_state.get(STEP, 0), len(screens))
    st.query_params.update(code=me.join_code, me=me.resume_code, step=str(step))
    total = sum(len(p.statements) for _, p in screens)
    done = sum(1 for a in answers.values() if participation.answered(a))
    _apply_reverts()
    st.progress(done / total if total else 1.0,
                text=f"{done} of {total} statements answered" +
                     (f" · screen {step + 1} of {len(screens)}" if step < len(screens) else ""))
    _problem()
    if not workshop.scoring_open:
        st.info("Scoring has closed: your answers are final. Thank you for taking part.")
    if step == len(screens):
        _finished(workshop.title, me, done, total, workshop.scoring_open)
        return
    framework, principle = screens[step]
    st.caption(f"{plain(framework.title)} · {plain(workshop.title)}")
    st.subheader(plain(principle.name))
    if principle.summary:
        st.markdown(plain(principle.summary))
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    for statement in principle.statements:
        # The statement is shown as escaped Markdown; the radio group keeps the words as its accessible
        # name (a screen reader would read an escaped label's backslashes aloud).
        st.markdown(f"**{plain(statement.text)}**")
        if statement.help:
            st.caption(plain(statement.help))
        _answer(me, framework, statement.id, statement.text, answers.get((framework.id, statement.id)), labels,
                round=1, disabled=not workshop.scoring_open)
    st.caption("Your answers save as you go. You can change them until the facilitator closes scoring.")
    back, forward = st.columns(2)
    if step > 0 and back.button("Back", icon=":material/arrow_back:", width="stretch"):
        st.session_state[STEP] = step - 1
        st.rerun()
    last = step == len(screens) - 1
    if forward.button("Finish" if last else "Next", type="primary", width="stretch",
                      icon=":material/check:" if last else ":material/arrow_forward:"):
        if last:
            participation.finish(state.database(), participant_id=me.participant_id)
        st.session_state[STEP] = step + 1
        st.rerun()


def _problem() -> None:
    """Say plainly that an answer was not saved, and why."""
    problem = st.session_state.pop(PROBLEM, None)
    if isinstance(problem, Unavailable):
        st.error(f"Not saved. {problem} Your earlier answer is shown again.", icon=":material/cloud_off:")
    elif problem is not None:
        show_problems("Not saved:", problem)


def _finished(title: str, me: Joined, done: int, total: int, scoring_open: bool) -> None:
    st.header("Thank you")
    st.markdown(f"You answered {done} of {total} statements for {plain(title)}. "
                "Watch the main screen: the facilitator will show the room's results.")
    if scoring_open:
        st.markdown("You can still change your answers until scoring closes.")
        if st.button("Review my answers", icon=":material/edit:"):
            st.session_state[STEP] = 0
            st.rerun()
    st.caption(f"Your resume code is {me.resume_code}: with the join code it brings your answers back on any device.")


def _choice(saved: CurrentAnswer | None) -> int | str | None:
    return DONT_KNOW if saved and saved.dont_know else saved.value if saved else None


def _answer(me: Joined, framework: Framework, statement_id: str, text: str, saved: CurrentAnswer | None,
            labels: dict[int, str], *, round: int, disabled: bool) -> None:  # noqa: A002
    """One statement's answer (and, in the first round, comment), saved as it is given.

    The stored answer is only the widget's starting value, never forced into it: a phone that reconnects to
    another server gets a new session, which runs no on_change for the choice the phone shows (Streamlit calls
    callbacks only for widgets of an earlier run), so every run compares what is shown with what is stored and
    saves the difference. Only what the database holds counts as saved.
    """
    options = [*framework.scale.points, DONT_KNOW]
    stored, stored_comment = _choice(saved), (saved.comment if saved else None) or ""
    where = (me.participant_id, framework.id, statement_id, round, stored, stored_comment)
    answer_key, comment_key = _key("answer", round, framework.id, statement_id), _key("comment", round, framework.id,
                                                                                      statement_id)
    choice = _sent(answer_key, lambda: st.radio(
        text, options, key=answer_key, disabled=disabled, index=None if stored is None else options.index(stored),
        label_visibility="collapsed", on_change=_save, args=where,
        format_func=lambda o: "Don't know" if o == DONT_KNOW else f"{o} · {labels.get(o, '?')}"))
    comment = stored_comment
    if round == 1:
        with st.expander("Add a comment (optional)", expanded=bool(stored_comment)):
            comment = _sent(comment_key, lambda: st.text_area(
                "Comment", key=comment_key, value=stored_comment, max_chars=entries.MAX_TEXT, disabled=disabled,
                on_change=_save, args=where, label_visibility="collapsed", placeholder="Anything the room should know"))
    if not disabled and (choice, comment or "") != (stored, stored_comment) and not _save(*where):
        st.rerun()  # the revert shows the stored answer again, beside the message


def _sent(key: str, draw: Callable[[], Sent]) -> Sent:
    """A widget drawn with what the phone sent. A value Streamlit cannot even read back (a number sent for a
    choice: no browser of ours sends one) is refused with one log line, no traceback, and the widget shown again as
    stored; values it reads are checked by `participation.save_answer`."""
    try:
        return draw()
    except (TypeError, ValueError, KeyError, IndexError) as error:
        if PROBLEM not in st.session_state:  # else its callback's save was refused, and logged, already
            _log.warning("refused a malformed widget value from a phone: %s", type(error).__name__)
        st.session_state.pop(key, None)
        st.session_state[PROBLEM] = InputError("Your answer", [Problem("that was not one of the answers offered")])
        st.rerun()


def _key(kind: str, round: int, framework_id: str, statement_id: str) -> str:  # noqa: A002
    return f"{kind}:{round}:{framework_id}:{statement_id}"


def _save(participant_id: int, framework_id: str, statement_id: str, round: int,  # noqa: A002
          stored: int | str | None, stored_comment: str) -> bool:
    """Save what the widgets show; on failure, say so and put the stored answer back (False)."""
    answer_key, comment_key = (_key(kind, round, framework_id, statement_id) for kind in ("answer", "comment"))
    choice = st.session_state.get(answer_key)
    comment = st.session_state.get(comment_key) or None if round == 1 else None
    try:  # what the phone sent, as it sent it: the service refuses anything that is not an answer
        participation.save_answer(state.database(), participant_id=participant_id, framework_id=framework_id,
                                  statement_id=statement_id, value=None if choice in (None, DONT_KNOW) else choice,
                                  dont_know=choice == DONT_KNOW, comment=comment, round=round)
    except (InputError, Unavailable) as error:
        st.session_state[PROBLEM] = error
        st.session_state.setdefault(REVERT, {}).update({answer_key: stored, comment_key: stored_comment})
        return False
    return True


def _apply_reverts() -> None:
    """Put back the stored answers of saves that failed, before the widgets are drawn again."""
    for key, value in st.session_state.pop(REVERT, {}).items():
        st.session_state[key] = value
