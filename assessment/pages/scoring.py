"""Participant: the scoring screens. One principle's statements a screen, each answer saved the moment it is given;
the progress and whether the last answer was saved stay in view while the person scrolls; moving on past an
unanswered statement asks first; the end screen lists what is left, each a tap from its screen. In a
presenter-paced round the phone shows the principle the facilitator has opened, and waits for the next.

`statement` draws one statement's answer (and comment) and nothing else, so that it can be rerun on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from assessment.content.framework import Framework, Principle
from assessment.errors import InputError, Problem, Unavailable
from assessment.numbers import tally
from assessment.pages import state
from assessment.pages.text import plain, show_problems
from assessment.services import entries, participation
from assessment.services.participation import CurrentAnswer, Joined
from assessment.services.phone import PhoneView

DONT_KNOW = "dk"
STEP = "participant_step"
PROBLEM = "participant_problem"  # why the last save failed, shown on the next run
REVERT = "participant_revert"  # widget key → the stored value to show again after a failed save
SAVED = "participant_saved"  # the statement of the answer this phone saved last
LEAVING = "participant_leaving"  # the screen the person asked to leave with statements unanswered
PHONE_CSS = """<style>
  /* Thumb-sized: every answer option and every button at least 44 px tall, the whole row a target. */
  [data-testid="stRadioGroup"] > div { gap: 0; }
  [data-testid="stRadioOption"] { min-height: 44px; width: 100%; margin: 0; align-items: center; }
  [data-testid="stMain"] button { min-height: 44px; }
  /* The progress and saved state stay in view under Streamlit's bar while the screen scrolls. */
  [data-testid="stLayoutWrapper"]:has(> .st-key-phone-progress) { position: sticky; top: 3.75rem; z-index: 20; }
  .st-key-phone-progress { background: #FFFFFF; padding: 0.25rem 0 0.35rem; border-bottom: 1px solid #B1B4B6; }
  .st-key-phone-progress [data-testid="stVerticalBlock"] { gap: 0.2rem; }
  .st-key-phone-progress p { margin: 0; font-size: 0.95rem; }
  .st-key-phone-progress [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
  .st-key-gaps button { justify-content: flex-start; text-align: left; }
</style>"""

Sent = TypeVar("Sent")
_log = logging.getLogger(__name__)


def screens(frameworks: tuple[Framework, ...]) -> list[tuple[Framework, Principle]]:
    return participation.screens(frameworks)


def render(me: Joined, shown: PhoneView) -> None:
    """The screen this participant is on: a principle, the end, or, in a paced round, the open principle or the
    wait for it."""
    workshop, answers, pace = shown.workshop, shown.answers, shown.pace
    all_screens = screens(workshop.frameworks)
    paced_now = pace.paced and not pace.over
    if pace.paced and pace.open is not None:
        step = next(i for i, (f, p) in enumerate(all_screens) if (f.id, p.id) == pace.open)
    else:
        step = min(st.session_state.get(STEP, 0), len(all_screens))
    st.query_params.update(code=me.join_code, me=me.resume_code, step=str(step))
    apply_reverts()
    _progress(all_screens, answers, step, paced_now)
    problem()
    if not workshop.scoring_open:
        st.info("Scoring has closed: your answers are final. Thank you for taking part.")
    if paced_now:  # once the round is over, the phone opens at the end screen, with whatever is left to answer
        st.session_state[STEP] = len(all_screens)
    if paced_now and pace.open is None:
        st.subheader("The facilitator will open the first principle")
        st.markdown("Keep this page open: it moves on by itself when the room starts scoring, one principle at "
                    "a time.")
        return
    if step == len(all_screens):
        _end(me, workshop.title, all_screens, answers, workshop.scoring_open)
        return
    framework, principle = all_screens[step]
    _principle(me, framework, principle, answers, disabled=not workshop.scoring_open)
    unanswered = _unanswered(framework, principle, answers)
    if paced_now:
        if not unanswered:
            st.success("Done: the facilitator will open the next principle. You can still change these answers.",
                       icon=":material/hourglass_top:")
        return
    _navigation(me, step, len(all_screens), len(unanswered))


def _progress(all_screens: list[tuple[Framework, Principle]], answers: dict[tuple[str, str], CurrentAnswer],
              step: int, paced: bool) -> None:
    total = sum(len(p.statements) for _, p in all_screens)
    done = sum(1 for a in answers.values() if participation.answered(a))
    where = f" · screen {step + 1} of {len(all_screens)}" if step < len(all_screens) else ""
    saved = st.session_state.get(SAVED)
    with st.container(key="phone-progress"):
        st.progress(done / total if total else 1.0, text=f"{done} of {total} statements answered{where}")
        if st.session_state.get(PROBLEM) is not None:
            st.markdown(":material/cloud_off: **Your last answer was not saved** (see below).")
        elif saved:
            st.markdown(f":material/check_circle: Saved: “{plain(saved)}”")
        else:
            st.markdown("Each answer saves as you give it." + (" The facilitator moves you on." if paced else ""))


def _principle(me: Joined, framework: Framework, principle: Principle,
               answers: dict[tuple[str, str], CurrentAnswer], *, disabled: bool) -> None:
    st.subheader(plain(principle.name))
    if principle.summary:
        st.caption(plain(principle.summary))
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    for item in principle.statements:
        # The statement is shown as escaped Markdown; the radio group keeps the words as its accessible
        # name (a screen reader would read an escaped label's backslashes aloud).
        st.markdown(f"**{plain(item.text)}**")
        if item.help:
            st.caption(plain(item.help))
        statement(me, framework, item.id, item.text, answers.get((framework.id, item.id)), labels, round=1,
                  disabled=disabled)


def _unanswered(framework: Framework, principle: Principle, answers: dict[tuple[str, str], CurrentAnswer]) -> list:
    return [s for s in principle.statements if not participation.answered(answers.get((framework.id, s.id)))]


def _go(step: int) -> None:
    st.session_state[STEP] = step
    st.session_state.pop(LEAVING, None)


def _navigation(me: Joined, step: int, count: int, unanswered: int) -> None:
    """Back and Next (Finish on the last screen). Leaving a screen with statements unanswered asks first; the
    button to stay takes Next's place, so a second quick tap stays."""
    last = step == count - 1
    if st.session_state.get(LEAVING) == step and unanswered:
        st.warning(f"{tally(unanswered, 'statement')} on this screen "
                   f"{'is' if unanswered == 1 else 'are'} not answered yet. You can answer now, or come back to "
                   "it later: the last screen lists whatever is left.", icon=":material/warning:")
        go, stay = st.columns(2)
        go.button("Finish anyway" if last else "Next anyway", width="stretch", on_click=_leave,
                  args=(me, step, last))
        stay.button("Stay and answer", type="primary", width="stretch", on_click=st.session_state.pop,
                    args=(LEAVING, None))
        return
    back, forward = st.columns(2)
    if step > 0:
        back.button("Back", icon=":material/arrow_back:", width="stretch", on_click=_go, args=(step - 1,))
    forward.button("Finish" if last else "Next", type="primary", width="stretch",
                   icon=":material/check:" if last else ":material/arrow_forward:",
                   on_click=_ask_to_leave if unanswered else _leave, args=(me, step, last))


def _ask_to_leave(me: Joined, step: int, last: bool) -> None:
    st.session_state[LEAVING] = step


def _leave(me: Joined, step: int, last: bool) -> None:
    if last:
        participation.finish(state.database(), participant_id=me.participant_id)
    _go(step + 1)


def _end(me: Joined, title: str, all_screens: list[tuple[Framework, Principle]],
         answers: dict[tuple[str, str], CurrentAnswer], scoring_open: bool) -> None:
    gaps = [(step, framework, principle, _unanswered(framework, principle, answers))
            for step, (framework, principle) in enumerate(all_screens)]
    gaps = [gap for gap in gaps if gap[3]]
    left = sum(len(missing) for *_, missing in gaps)
    st.header("Thank you")
    total = sum(len(p.statements) for _, p in all_screens)
    st.markdown(f"You answered {total - left} of {tally(total, 'statement')} for {plain(title)}. "
                "Watch the main screen: the facilitator will show the room's results.")
    if scoring_open and gaps:
        st.markdown(f"**{tally(left, 'statement')} {'is' if left == 1 else 'are'} not answered.** Tap one to "
                    "answer it:")
        with st.container(key="gaps"):
            for step, framework, principle, missing in gaps:
                st.markdown(f"{plain(principle.name)}:")
                for item in missing:
                    st.button(item.text, key=f"gap-{framework.id}-{item.id}", type="tertiary", width="stretch",
                              icon=":material/edit:", on_click=_go, args=(step,))
    elif scoring_open:
        st.button("Look over my answers", icon=":material/edit:", on_click=_go, args=(0,))
    if scoring_open:
        st.markdown("You can change any answer until the facilitator closes scoring.")
    st.caption(f"Your resume code is {me.resume_code}: with the join code it brings your answers back on any device.")


def problem() -> None:
    """Say plainly that an answer was not saved, and why."""
    trouble = st.session_state.pop(PROBLEM, None)
    if isinstance(trouble, Unavailable):
        st.error(f"Not saved. {trouble} Your earlier answer is shown again.", icon=":material/cloud_off:")
    elif trouble is not None:
        show_problems("Not saved:", trouble)


def _choice(saved: CurrentAnswer | None) -> int | str | None:
    return DONT_KNOW if saved and saved.dont_know else saved.value if saved else None


def option_label(option: int | str, labels: dict[int, str]) -> str:
    return "Don't know" if option == DONT_KNOW else f"{option} · {labels[int(option)]}"


def statement(me: Joined, framework: Framework, statement_id: str, text: str, saved: CurrentAnswer | None,
              labels: dict[int, str], *, round: int, disabled: bool) -> None:
    """One statement's answer (and, in the first round, comment), saved as it is given.

    The stored answer is only the widget's starting value, never forced into it: a phone that reconnects to
    another server gets a new session, which runs no on_change for the choice the phone shows (Streamlit calls
    callbacks only for widgets of an earlier run), so every run compares what is shown with what is stored and
    saves the difference. Only what the database holds counts as saved.
    """
    options = [*framework.scale.points, DONT_KNOW]
    stored, stored_comment = _choice(saved), (saved.comment if saved else None) or ""
    where = (me.participant_id, framework.id, statement_id, round, stored, stored_comment, text)
    answer_key, comment_key = (_key(kind, round, framework.id, statement_id) for kind in ("answer", "comment"))
    choice = sent(answer_key, lambda: st.radio(
        text, options, key=answer_key, disabled=disabled, index=None if stored is None else options.index(stored),
        label_visibility="collapsed", format_func=lambda o: option_label(o, labels), on_change=_save, args=where))
    comment = stored_comment
    if round == 1:
        with st.expander("Add a comment (optional)" if not stored_comment else "Your comment",
                         expanded=bool(stored_comment)):
            comment = sent(comment_key, lambda: st.text_area(
                "Comment", key=comment_key, value=stored_comment, max_chars=entries.MAX_TEXT, disabled=disabled,
                on_change=_save, args=where, label_visibility="collapsed",
                placeholder="Anything the room should know (no names, please)"))
            if stored_comment and comment == stored_comment:
                st.markdown(":material/check_circle: Comment saved. The facilitator decides what the room sees.")
            else:
                # Pressing it takes the focus from the comment, which saves it; the press itself changes nothing.
                st.button("Save comment", key=_key("save", round, framework.id, statement_id), disabled=disabled)
    if not disabled and (choice, comment or "") != (stored, stored_comment) and not _save(*where):
        st.rerun()  # the revert shows the stored answer again, beside the message


def sent(key: str, draw: Callable[[], Sent]) -> Sent:
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


def _key(kind: str, round: int, framework_id: str, statement_id: str) -> str:
    return f"{kind}:{round}:{framework_id}:{statement_id}"


def _save(participant_id: int, framework_id: str, statement_id: str, round: int,
          stored: int | str | None, stored_comment: str, text: str) -> bool:
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
    st.session_state[SAVED] = text if len(text) <= 34 else text[:33].rstrip() + "…"
    return True


def apply_reverts() -> None:
    """Put back the stored answers of saves that failed, before the widgets are drawn again."""
    for key, value in st.session_state.pop(REVERT, {}).items():
        st.session_state[key] = value
