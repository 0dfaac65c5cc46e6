"""Facilitator: record the room's agreed score, notes and actions for each principle.

The agreed score sits beside the individual answers; it never replaces them.
"""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from assessment.errors import InputError
from assessment.numbers import number, rounded
from assessment.pages import downloads, results, state
from assessment.pages.text import plain, show_problems
from assessment.services import consensus
from assessment.services import results as stored_results
from assessment.services.consensus import AgreedScore

NOT_AGREED = "Not agreed yet"


def render() -> None:
    facts = state.facilitated()
    if facts is None:
        return
    st.title("Agree scores and actions")
    st.markdown("For each principle, record the score the room agrees on, what was said, and what will be done. "
                "Everyone's individual answers are kept as they were given.")
    framework = results.choose_framework(facts.frameworks)
    db, actor = state.database(), state.actor()
    result = stored_results.scores(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
    agreed = consensus.agreed_scores(db, actor=actor, workshop_id=facts.id)
    all_actions = consensus.actions(db, actor=actor, workshop_id=facts.id)
    labels = framework.scale.labels

    summary = pd.DataFrame({
        "Principle": [p.name for p in framework.principles],
        "Room mean": [rounded(result.principle(p.id).mean) for p in framework.principles],
        "Room": [str(result.principle(p.id).agreement) for p in framework.principles],
        "Agreed score": [_agreed_text(agreed.get((framework.id, p.id)), labels) for p in framework.principles],
        "Actions": [sum(1 for a in all_actions if (a.framework_id, a.principle_id) == (framework.id, p.id))
                    for p in framework.principles],
    })
    results.table(summary)

    names = {p.id: p.name for p in framework.principles}
    principle_id = st.selectbox("Principle to record", list(names), format_func=names.get)
    room = result.principle(principle_id)
    st.markdown(f"The room: mean {number(room.mean)}, median {number(room.median)}, {room.n} people, {room.agreement}.")
    current = agreed.get((framework.id, principle_id))
    options = [NOT_AGREED, *framework.scale.points]
    with st.form(f"consensus-{framework.id}-{principle_id}"):
        chosen = st.radio("Agreed score", options, horizontal=True,
                          index=options.index(current.score) if current and current.score is not None else 0,
                          format_func=lambda o: o if o == NOT_AGREED else f"{o} · {plain(labels[o])}")
        note = st.text_area("Notes from the discussion", value=(current.note or "") if current else "",
                            max_chars=5000)
        if st.form_submit_button("Save agreed score", type="primary"):
            try:
                consensus.record_agreed(db, actor=actor, workshop_id=facts.id, framework_id=framework.id,
                                        principle_id=principle_id, score=None if chosen == NOT_AGREED else chosen,
                                        note=note)
            except InputError as error:
                show_problems("Not saved:", error)
            else:
                st.rerun()

    with st.form(f"action-{framework.id}-{principle_id}", clear_on_submit=True):
        st.markdown(f"**New action for {plain(names[principle_id])}**")
        text = st.text_area("What will be done", max_chars=2000)
        owner = st.text_input("Who owns it", max_chars=200)
        due = st.date_input("By when", value=None, min_value=datetime.date(2000, 1, 1), format="YYYY-MM-DD")
        if st.form_submit_button("Add action"):
            try:
                consensus.add_action(db, actor=actor, workshop_id=facts.id, framework_id=framework.id,
                                     principle_id=principle_id, text=text, owner=owner, due_on=due)
            except InputError as error:
                show_problems("The action was not added:", error)
            else:
                st.rerun()

    st.subheader("Actions")
    mine = [a for a in all_actions if a.framework_id == framework.id]
    if mine:
        results.table(pd.DataFrame({
            "Principle": [names.get(a.principle_id, a.principle_id) for a in mine],
            "Action": [a.text for a in mine], "Owner": [a.owner for a in mine],
            "Due": [a.due_on.isoformat() if a.due_on else "" for a in mine],
        }))
    else:
        st.markdown("No actions yet.")
    downloads.workshop_files(facts, framework)


def _agreed_text(record: AgreedScore | None, labels: dict[int, str]) -> str:
    if record is None or record.score is None:
        return NOT_AGREED
    return f"{record.score} · {labels[record.score]}"
