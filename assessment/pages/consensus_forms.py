"""The forms a facilitator records the room's decisions with, on the control view and the Agree page: the agreed
score and note for a principle, its actions (add, edit, mark done, delete), and the review of the last
workshop's actions."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from assessment.content.framework import Framework
from assessment.errors import InputError
from assessment.pages import results, state
from assessment.pages.text import plain, show_problems
from assessment.services import consensus
from assessment.services.consensus import OUTCOMES, STATUSES, ActionRecord
from assessment.services.workshops import WorkshopFacts

NOT_AGREED = "Not agreed yet"
EARLIEST = datetime.date(2000, 1, 1)


def _saved(action: Callable[[], object], failure: str) -> None:
    """Run a change; on bad input show what and where, otherwise rerun to show the change."""
    try:
        action()
    except InputError as error:
        show_problems(failure, error)
    else:
        st.rerun()


def agreed_score_form(facts: WorkshopFacts, framework: Framework, principle_id: str) -> None:
    agreed = consensus.agreed_scores(state.database(), actor=state.actor(), workshop_id=facts.id)
    current = agreed.get((framework.id, principle_id))
    labels = framework.scale.labels
    options = [NOT_AGREED, *framework.scale.points]
    with st.form(f"consensus-{framework.id}-{principle_id}"):
        chosen = st.radio("Agreed score", options, horizontal=True,
                          index=options.index(current.score) if current and current.score is not None else 0,
                          format_func=lambda o: o if o == NOT_AGREED else f"{o} · {plain(labels[o])}")
        note = st.text_area("Notes from the discussion", value=(current.note or "") if current else "",
                            max_chars=5000)
        if st.form_submit_button("Save agreed score", type="primary"):
            _saved(lambda: consensus.record_agreed(
                state.database(), actor=state.actor(), workshop_id=facts.id, framework_id=framework.id,
                principle_id=principle_id, score=None if chosen == NOT_AGREED else chosen, note=note), "Not saved:")


def new_action_form(facts: WorkshopFacts, framework: Framework, principle_id: str) -> None:
    name = next(p.name for p in framework.principles if p.id == principle_id)
    with st.form(f"action-{framework.id}-{principle_id}", clear_on_submit=True):
        st.markdown(f"**New action for {plain(name)}**")
        text = st.text_area("What will be done", max_chars=2000)
        owner = st.text_input("Who owns it", max_chars=200)
        due = st.date_input("By when", value=None, min_value=EARLIEST, format="YYYY-MM-DD")
        if st.form_submit_button("Add action"):
            _saved(lambda: consensus.add_action(
                state.database(), actor=state.actor(), workshop_id=facts.id, framework_id=framework.id,
                principle_id=principle_id, text=text, owner=owner, due_on=due), "The action was not added:")


def actions_list(facts: WorkshopFacts, framework: Framework, *, principle_id: str | None = None,
                 editable: bool = True) -> list[ActionRecord]:
    """The framework's actions (or one principle's) as a table, each with a form to change it; returns them."""
    names = {p.id: p.name for p in framework.principles}
    found = [a for a in consensus.actions(state.database(), actor=state.actor(), workshop_id=facts.id)
             if a.framework_id == framework.id and principle_id in (None, a.principle_id)]
    if not found:
        st.markdown("No actions yet.")
        return found
    results.table(pd.DataFrame({
        "Principle": [names.get(a.principle_id, a.principle_id) for a in found],
        "Action": [a.text for a in found], "Owner": [a.owner for a in found],
        "Due": [a.due_on.isoformat() if a.due_on else "" for a in found], "Status": [a.status for a in found]}))
    if editable:
        for action in found:
            _edit_form(facts, action)
    return found


def _edit_form(facts: WorkshopFacts, action: ActionRecord) -> None:
    with (st.expander(f"Change: {action.text[:60]}{'…' if len(action.text) > 60 else ''}"),
          st.form(f"edit-action-{action.id}")):
        text = st.text_area("What will be done", value=action.text, max_chars=2000)
        owner = st.text_input("Who owns it", value=action.owner, max_chars=200)
        due = st.date_input("By when", value=action.due_on, min_value=EARLIEST, format="YYYY-MM-DD")
        status = st.radio("Status", STATUSES, index=STATUSES.index(action.status), horizontal=True)
        save, delete = st.columns(2)
        if save.form_submit_button("Save changes"):
            _saved(lambda: consensus.edit_action(state.database(), actor=state.actor(), workshop_id=facts.id,
                                                 action_id=action.id, text=text, owner=owner, due_on=due,
                                                 status=status), "The action was not changed:")
        if delete.form_submit_button("Delete action"):
            _saved(lambda: consensus.delete_action(state.database(), actor=state.actor(), workshop_id=facts.id,
                                                   action_id=action.id), "The action was not deleted:")


def review_of_last_actions(facts: WorkshopFacts) -> None:
    """At a follow-up: each of the last workshop's actions, and what became of it."""
    items = consensus.to_review(state.database(), actor=state.actor(), workshop_id=facts.id)
    if not items:
        return
    st.subheader(f"Last workshop's actions ({plain(items[0].from_workshop)})")
    for item in items:
        with st.form(f"review-{item.action.id}"):
            st.markdown(f"**{plain(item.action.text)}** — {plain(item.action.owner)}"
                        + (f", due {item.action.due_on.isoformat()}" if item.action.due_on else "")
                        + f" · status then: {item.action.status}")
            outcome = st.radio("What became of it", OUTCOMES, horizontal=True,
                               index=OUTCOMES.index(item.outcome) if item.outcome else None)
            note = st.text_input("Note (optional)", value=item.note or "", max_chars=500)
            if st.form_submit_button("Save review"):
                if outcome is None:
                    st.error("Choose done, carried over or dropped.")
                else:
                    _saved(partial(consensus.review_action, state.database(), actor=state.actor(),
                                   workshop_id=facts.id, action_id=item.action.id, outcome=outcome, note=note),
                           "The review was not saved:")
