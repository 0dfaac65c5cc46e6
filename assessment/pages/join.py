"""Participant: join by code, say organisation and sector (no name), score one principle per screen.

Every answer is saved the moment it is given. The join code and a personal resume code stay in the
address, so a reload or a locked phone carries on where the person was.
"""

from __future__ import annotations

import streamlit as st

from assessment.storage import crud
from assessment.errors import InputError
from assessment.content.framework import Framework, Principle
from assessment.pages import state
from assessment.pages.text import plain

DONT_KNOW = "dk"
NOT_SAYING = "Prefer not to say"
STEP = "participant_step"
PROBLEM = "participant_problem"


def render() -> None:
    me = _participant_from_address() or st.session_state.get(state.PARTICIPANT)
    if me is None:
        _join()
    else:
        _score(*me)


def _participant_from_address() -> tuple[str, int, str] | None:
    code, resume = st.query_params.get("code"), st.query_params.get("me")
    if not code or not resume:
        return None
    known = st.session_state.get(state.PARTICIPANT)
    if known and known[0] == crud.normalise_code(code) and known[2] == crud.normalise_code(resume):
        return known
    return _resume(code, resume)


def _resume(code: str, resume: str) -> tuple[str, int, str] | None:
    with state.db() as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        participant = workshop and crud.participant_by_resume_code(session, workshop=workshop, code=resume)
        if not participant:
            return None
        me = (workshop.join_code, participant.id, crud.normalise_code(resume))
        st.session_state[STEP] = _first_unanswered_step(session, workshop, participant.id)
    st.session_state[state.PARTICIPANT] = me
    return me


def _join() -> None:
    st.title("Join a workshop")
    code = st.query_params.get("code") or st.session_state.get("join_code")
    with state.db() as session:
        workshop = crud.workshop_by_join_code(session, code=code) if code else None
        if workshop is None:
            _code_form(bad=bool(code))
            return
        details = (workshop.join_code, workshop.title, workshop.partnership.name, workshop.scoring_open,
                   list(workshop.organisations), list(workshop.sectors))
    join_code, title, partnership, scoring_open, organisations, sectors = details
    st.markdown(f"**{plain(partnership)}** — {plain(title)}")
    if not scoring_open:
        st.warning("Scoring for this workshop has closed.")
        return
    st.markdown(
        "Your answers are anonymous: we ask for your organisation and sector, never your name, so the room "
        "can see where sectors differ. Nobody else sees your individual answers."
    )
    with st.form("join"):
        organisation = (st.selectbox("Your organisation", organisations + [NOT_SAYING], index=None,
                                     placeholder="Choose your organisation")
                        if organisations else st.text_input("Your organisation (optional)", max_chars=200))
        sector = st.selectbox("Your sector", sectors + [NOT_SAYING], index=None, placeholder="Choose your sector")
        start = st.form_submit_button("Start scoring", type="primary")
    if start:
        try:
            with state.db(writes=True) as session:
                workshop = crud.workshop_by_join_code(session, code=join_code)
                joined = crud.join_workshop(
                    session, workshop=workshop,
                    organisation=None if organisation in (None, NOT_SAYING) else organisation,
                    sector=None if sector in (None, NOT_SAYING) else sector)
                me = (join_code, joined.participant.id, joined.resume_code)
        except InputError as error:
            st.error("\n".join(f"- {p}" for p in error.problems))
            return
        st.session_state[state.PARTICIPANT] = me
        st.session_state[STEP] = 0
        st.query_params.update(code=join_code, me=me[2])
        st.rerun()
    with st.expander("Started already on another device? Continue with your resume code"):
        with st.form("resume"):
            resume = st.text_input("Resume code", max_chars=20)
            if st.form_submit_button("Continue"):
                if _resume(join_code, resume):
                    st.query_params.update(code=join_code, me=crud.normalise_code(resume))
                    st.rerun()
                st.error("That resume code does not match this workshop. Check it, or start afresh above.")


def _code_form(*, bad: bool) -> None:
    if bad:
        st.error("No workshop has that join code. Check the code on the screen and try again.")
    with st.form("code"):
        code = st.text_input("Join code", max_chars=12, placeholder="e.g. K7P4QX",
                             help="The six letters and numbers on the facilitator's screen.")
        if st.form_submit_button("Join", type="primary"):
            st.session_state["join_code"] = crud.normalise_code(code)
            st.query_params["code"] = crud.normalise_code(code)
            st.rerun()


def _screens(frameworks: list[Framework]) -> list[tuple[Framework, Principle]]:
    return [(f, p) for f in frameworks for p in f.principles]


def _first_unanswered_step(session, workshop, participant_id: int) -> int:  # type: ignore[no-untyped-def]
    answered = {(a.framework_id, a.statement_id) for a in
                crud.current_answers(session, workshop_id=workshop.id, participant_id=participant_id)
                if a.value is not None or a.dont_know}
    screens = _screens(crud.workshop_frameworks(workshop))
    for step, (framework, principle) in enumerate(screens):
        if any((framework.id, s.id) not in answered for s in principle.statements):
            return step
    return len(screens)


def _score(join_code: str, participant_id: int, resume_code: str) -> None:
    st.query_params.update(code=join_code, me=resume_code)
    with state.db() as session:
        workshop = crud.workshop_by_join_code(session, code=join_code)
        frameworks = crud.workshop_frameworks(workshop)
        title, scoring_open = workshop.title, workshop.scoring_open
        answers = {(a.framework_id, a.statement_id): a for a in
                   crud.current_answers(session, workshop_id=workshop.id, participant_id=participant_id)}
    screens = _screens(frameworks)
    step = min(st.session_state.get(STEP, 0), len(screens))
    total = sum(len(p.statements) for _, p in screens)
    done = sum(1 for a in answers.values() if a.value is not None or a.dont_know)
    st.progress(done / total if total else 1.0,
                text=f"{done} of {total} statements answered" +
                     (f" · screen {step + 1} of {len(screens)}" if step < len(screens) else ""))
    if problem := st.session_state.pop(PROBLEM, None):
        st.error(problem)
    if not scoring_open:
        st.info("Scoring has closed: your answers are final. Thank you for taking part.")
    if step == len(screens):
        _finished(title, resume_code, done, total, scoring_open, participant_id)
        return
    framework, principle = screens[step]
    st.caption(f"{plain(framework.title)} · {plain(title)}")
    st.subheader(plain(principle.name))
    if principle.summary:
        st.markdown(plain(principle.summary))
    labels = {point: plain(label) for point, label in framework.scale.labels.items()}
    for statement in principle.statements:
        key = f"answer:{framework.id}:{statement.id}"
        comment_key = f"comment:{framework.id}:{statement.id}"
        saved = answers.get((framework.id, statement.id))
        if key not in st.session_state:
            st.session_state[key] = (DONT_KNOW if saved and saved.dont_know else saved.value if saved else None)
        if comment_key not in st.session_state:
            st.session_state[comment_key] = (saved.comment if saved else None) or ""
        # The statement is shown as escaped Markdown; the radio group keeps the words as its accessible
        # name (a screen reader would read an escaped label's backslashes aloud).
        st.markdown(f"**{plain(statement.text)}**")
        if statement.help:
            st.caption(plain(statement.help))
        st.radio(
            statement.text, [*framework.scale.points, DONT_KNOW], key=key, disabled=not scoring_open,
            format_func=lambda o: "Don't know" if o == DONT_KNOW else f"{o} · {labels[o]}",
            label_visibility="collapsed", on_change=_save, args=(participant_id, framework.id, statement.id),
        )
        with st.expander("Add a comment (optional)", expanded=bool(st.session_state[comment_key])):
            st.text_area("Comment", key=comment_key, max_chars=crud.MAX_TEXT, disabled=not scoring_open,
                         on_change=_save, args=(participant_id, framework.id, statement.id),
                         label_visibility="collapsed", placeholder="Anything the room should know")
    st.caption("Your answers save as you go. You can change them until the facilitator closes scoring.")
    back, forward = st.columns(2)
    if step > 0 and back.button("Back", icon=":material/arrow_back:", width="stretch"):
        st.session_state[STEP] = step - 1
        st.rerun()
    last = step == len(screens) - 1
    if forward.button("Finish" if last else "Next", type="primary", width="stretch",
                      icon=":material/check:" if last else ":material/arrow_forward:"):
        if last:
            with state.db(writes=True) as session:
                crud.mark_finished(session, participant_id=participant_id)
        st.session_state[STEP] = step + 1
        st.rerun()


def _finished(title: str, resume_code: str, done: int, total: int, scoring_open: bool, participant_id: int) -> None:
    st.header("Thank you")
    st.markdown(f"You answered {done} of {total} statements for {plain(title)}. "
                "Watch the main screen: the facilitator will show the room's results.")
    if scoring_open:
        st.markdown("You can still change your answers until scoring closes.")
        if st.button("Review my answers", icon=":material/edit:"):
            st.session_state[STEP] = 0
            st.rerun()
    st.caption(f"Your resume code is {resume_code}: with the join code it brings your answers back on any device.")


def _save(participant_id: int, framework_id: str, statement_id: str) -> None:
    choice = st.session_state[f"answer:{framework_id}:{statement_id}"]
    comment = st.session_state.get(f"comment:{framework_id}:{statement_id}") or None
    try:
        with state.db(writes=True) as session:
            crud.save_answer(session, participant_id=participant_id, framework_id=framework_id,
                             statement_id=statement_id, value=None if choice in (None, DONT_KNOW) else int(choice),
                             dont_know=choice == DONT_KNOW, comment=comment)
    except InputError as error:
        st.session_state[PROBLEM] = "Not saved: " + "; ".join(str(p) for p in error.problems)
