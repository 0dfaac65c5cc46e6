"""Facilitator: the room's or the agreed profile against exemplars, gaps largest first."""

from __future__ import annotations

import streamlit as st

from assessment.storage import crud
from assessment.pages.charts import Series
from assessment.pages import results, state
from assessment.pages.room import choose_framework
from assessment.engine.scoring import score

ROOM, AGREED = "The room's scores (mean of answers)", "The agreed scores"


def render() -> None:
    _, exemplars = state.content()
    facts = state.facilitated()
    if facts is None:
        return
    workshop_id, frameworks, defaults = facts.id, facts.frameworks, facts.exemplar_ids
    st.title("Compare with exemplars")
    framework = choose_framework(frameworks)
    which = st.radio("Profile", [ROOM, AGREED], horizontal=True)
    chosen = st.multiselect("Exemplars", list(exemplars), default=[i for i in defaults if i in exemplars],
                            format_func=lambda i: exemplars[i].name)
    with state.db() as session:
        if which == ROOM:
            result = score(framework, crud.responses(session, workshop_id=workshop_id, framework_id=framework.id))
            scores = {p.id: p.mean for p in result.principles}
        else:
            agreed = crud.current_consensus(session, workshop_id=workshop_id)
            scores = {p.id: (float(r.score) if (r := agreed.get((framework.id, p.id))) and r.score is not None
                             else None) for p in framework.principles}
    if all(v is None for v in scores.values()):
        st.info("No scores yet for this profile." + (" Record agreed scores on the Agree page." if which == AGREED
                                                     else ""))
        return
    results.profile(framework, Series("Agreed" if which == AGREED else "This room (mean)", scores),
                    [exemplars[i] for i in chosen])
    st.header("Gaps, largest first")
    results.gap_list(framework, scores, [exemplars[i] for i in chosen])
