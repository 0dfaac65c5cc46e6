"""Facilitator: record the room's agreed score, notes and actions for each principle.

The agreed score sits beside the individual answers; it never replaces them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.numbers import number, rounded
from assessment.pages import consensus_forms, downloads, results, state
from assessment.services import consensus
from assessment.services import results as stored_results
from assessment.services.consensus import AgreedScore


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
    consensus_forms.agreed_score_form(facts, framework, principle_id)
    consensus_forms.new_action_form(facts, framework, principle_id)
    st.subheader("Actions")
    consensus_forms.actions_list(facts, framework)
    consensus_forms.review_of_last_actions(facts)
    downloads.combined_files(facts)
    downloads.workshop_files(facts, framework)


def _agreed_text(record: AgreedScore | None, labels: dict[int, str]) -> str:
    if record is None or record.score is None:
        return consensus_forms.NOT_AGREED
    return f"{record.score} · {labels[record.score]}"
