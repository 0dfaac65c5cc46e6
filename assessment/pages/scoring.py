"""Participant: the scoring screens. One principle's statements a screen, each answer saved the moment it is given;
the progress and whether the last answer was saved stay in view while the person scrolls; moving on past an
unanswered statement asks first; the end screen lists what is left, each a tap from its screen. In a
presenter-paced round the phone shows the principle the facilitator has opened, and waits for the next.

`statement` draws one statement's answer (and comment) and nothing else. On a principle's screen each statement is
a fragment of its own (`st.fragment`): giving an answer reruns that statement alone, and it redraws the sticky
progress above (the slot kept in session state), not the whole page. A run of the whole page read the database
for the screen, drew every statement and the navigation, and was most of a server's work under load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx

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
SAID_PROBLEM = "participant_said_problem"  # the page shows why a save failed (until the next answer)
PROGRESS = "participant_progress"  # Progress: what the sticky progress shows, for a statement's rerun to redraw
PHONE_CSS = """<style>
  /* Thumb-sized: every answer option and every button at least 44 px tall, the whole row a target. */
  [data-testid="stRadioGroup"] > div { gap: 0; }
  [data-testid="stRadioOption"] { min-height: 44px; width: 100%; margin: 0; align-items: center; }
  [data-testid="stMain"] button { min-height: 44px; }
  /* The progress and saved state stay in view under Streamlit's bar while the screen scrolls. */
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-phone-progress"]) {
    position: sticky; top: 3.75rem; z-index: 20; }
  [class*="st-key-phone-progress"] { background: #FFFFFF; padding: 0.25rem 0 0.35rem; border-bottom: 1px solid #B1B4B6; }
  [class*="st-key-phone-progress"] [data-testid="stVerticalBlock"] { gap: 0.2rem; }
  [class*="st-key-phone-progress"] p { margin: 0; font-size: 0.95rem; }
  [class*="st-key-phone-progress"] [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
  .st-key-gaps button { justify-content: flex-start; text-align: left; }
</style>"""

Sent = TypeVar("Sent")
_log = logging.getLogger(__name__)


@dataclass
class Progress:
    """What the sticky progress says, kept in session state: a run of the whole page sets it from the database, and
    each save keeps it up to date, so that a statement's own rerun draws it without reading anything."""

    total: int  # statements in the workshop
    where: str  # " · screen 2 of 10", or nothing on the end screen
    paced: bool
    answered: set[tuple[str, str]] = field(default_factory=set)  # (framework id, statement id)
    stored: dict[str, tuple[int | str | None, str]] = field(default_factory=dict)  # widget key → (choice, comment)
    said_done: bool = False  # the page says this paced screen is done


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
    total = sum(len(p.statements) for _, p in all_screens)
    st.session_state[PROGRESS] = Progress(
        total, f" · screen {step + 1} of {len(all_screens)}" if step < len(all_screens) else "", paced_now,
        {key for key, answer in answers.items() if participation.answered(answer)})
    slot = st.empty()  # the progress: drawn by the screen's last statement, or below when it has none
    problem()
    if not workshop.scoring_open:
        st.info("Scoring has closed: your answers are final. Thank you for taking part.")
    if paced_now:  # once the round is over, the phone opens at the end screen, with whatever is left to answer
        st.session_state[STEP] = len(all_screens)
    if paced_now and pace.open is None:
        _progress(slot, "waiting")
        st.subheader("The facilitator will open the first principle")
        st.markdown("Keep this page open: it moves on by itself when the room starts scoring, one principle at "
                    "a time.")
        return
    if step == len(all_screens):
        _progress(slot, "end")
        _end(me, workshop.title, all_screens, answers, workshop.scoring_open)
        return
    framework, principle = all_screens[step]
    st.session_state[PROGRESS].said_done = paced_now and not _unanswered(framework, principle, answers)
    _principle(me, framework, principle, answers, slot, disabled=not workshop.scoring_open)
    if paced_now:
        if st.session_state[PROGRESS].said_done:
            st.success("Done: the facilitator will open the next principle. You can still change these answers.",
                       icon=":material/hourglass_top:")
        return
    _navigation(me, framework, principle, step, len(all_screens))


def _progress(slot: DeltaGenerator, drawer: str) -> None:
    """The progress and whether the last answer was saved, in `slot`. Each statement's fragment that draws it
    keys it by its own name (`drawer`): they all write in the one slot, the last one's showing."""
    progress: Progress = st.session_state[PROGRESS]
    done, total = len(progress.answered), progress.total
    saved = st.session_state.get(SAVED)
    with slot.container(key=f"phone-progress-{drawer}"):
        st.progress(done / total if total else 1.0, text=f"{done} of {total} statements answered{progress.where}")
        if st.session_state.get(PROBLEM) is not None or st.session_state.get(SAID_PROBLEM):
            st.markdown(":material/cloud_off: **Your last answer was not saved** (see below).")
        elif saved:
            st.markdown(f":material/check_circle: Saved: “{plain(saved)}”")
        else:
            st.markdown("Each answer saves as you give it."
                        + (" The facilitator moves you on." if progress.paced else ""))


def _principle(me: Joined, framework: Framework, principle: Principle,
               answers: dict[tuple[str, str], CurrentAnswer], slot: DeltaGenerator, *,
               disabled: bool) -> None:
    st.subheader(plain(principle.name))
    if principle.summary:
        st.caption(plain(principle.summary))
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    progress: Progress = st.session_state[PROGRESS]
    for item in principle.statements:
        saved = answers.get((framework.id, item.id))
        progress.stored[_key("answer", 1, framework.id, item.id)] = (_choice(saved), (saved and saved.comment) or "")
    on_screen = tuple(item.id for item in principle.statements)
    for item in principle.statements:
        # The statement is shown as escaped Markdown; the radio group keeps the words as its accessible
        # name (a screen reader would read an escaped label's backslashes aloud).
        st.markdown(f"**{plain(item.text)}**")
        if item.help:
            st.caption(plain(item.help))
        _statement_alone(me, framework, item.id, item.text, labels, slot, on_screen, disabled=disabled,
                         last=item is principle.statements[-1])


@st.fragment
def _statement_alone(me: Joined, framework: Framework, statement_id: str, text: str, labels: dict[int, str],
                     slot: DeltaGenerator, on_screen: tuple[str, ...], *, disabled: bool, last: bool) -> None:
    """One statement as a fragment: answering it reruns only this, and the progress it redraws. In a run of the
    whole page every statement writes in the progress's slot (a fragment may later write only where it wrote then):
    the last draws the progress, the others only hold their place. A save that failed, and in a paced round the answer that completes the screen,
    redraw the whole page, which then says why (or that the person is done)."""
    statement(me, framework, statement_id, text, None, labels, round=1, disabled=disabled)
    if st.session_state.get(PROBLEM) is not None or (_alone() and st.session_state.pop(SAID_PROBLEM, False)):
        st.rerun(scope="app")  # a save failed, or one did before: the whole page says so, or stops saying it
    if last or _alone():
        _progress(slot, statement_id)
    else:
        slot.empty()
    progress: Progress = st.session_state[PROGRESS]
    if progress.paced and not progress.said_done and all((framework.id, s) in progress.answered for s in on_screen):
        st.rerun(scope="app")


def _alone() -> bool:
    """This run is of one statement alone, not of the whole page."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def _unanswered(framework: Framework, principle: Principle, answers: dict[tuple[str, str], CurrentAnswer]) -> list:
    return [s for s in principle.statements if not participation.answered(answers.get((framework.id, s.id)))]


def _unanswered_now(framework: Framework, principle: Principle) -> int:
    """Statements of the screen not answered, as this phone's saves left them (statements rerun on their own)."""
    answered = st.session_state[PROGRESS].answered
    return sum((framework.id, s.id) not in answered for s in principle.statements)


def _go(step: int) -> None:
    st.session_state[STEP] = step
    st.session_state.pop(LEAVING, None)


def _navigation(me: Joined, framework: Framework, principle: Principle, step: int, count: int) -> None:
    """Back and Next (Finish on the last screen). Leaving a screen with statements unanswered asks first; the
    button to stay takes Next's place, so a second quick tap stays. Whether any is unanswered is decided when
    Next is pressed: answers given since the page was drawn reran only their statements."""
    last = step == count - 1
    unanswered = _unanswered_now(framework, principle)
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
                   on_click=_next, args=(me, framework, principle, step, last))


def _next(me: Joined, framework: Framework, principle: Principle, step: int, last: bool) -> None:
    if _unanswered_now(framework, principle):
        st.session_state[LEAVING] = step
    else:
        _leave(me, step, last)


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
    st.session_state[SAID_PROBLEM] = trouble is not None
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
    answer_key, comment_key = (_key(kind, round, framework.id, statement_id) for kind in ("answer", "comment"))
    kept = st.session_state[PROGRESS].stored if round == 1 and PROGRESS in st.session_state else {}
    stored, stored_comment = kept.get(answer_key) or (_choice(saved), (saved.comment if saved else None) or "")
    where = (me.participant_id, framework.id, statement_id, round, stored, stored_comment, text)
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
    if round == 1 and (progress := st.session_state.get(PROGRESS)):
        progress.stored[answer_key] = (choice, comment or "")
        if choice is None:
            progress.answered.discard((framework_id, statement_id))
        else:
            progress.answered.add((framework_id, statement_id))
    return True


def apply_reverts() -> None:
    """Put back the stored answers of saves that failed, before the widgets are drawn again."""
    for key, value in st.session_state.pop(REVERT, {}).items():
        st.session_state[key] = value
