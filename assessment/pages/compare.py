"""Facilitator: the room's or the agreed profile against exemplars, gaps largest first."""

from __future__ import annotations

import streamlit as st

from assessment.engine.profiles import agreed_series, room_series
from assessment.pages import results, state
from assessment.services import consensus
from assessment.services import results as stored_results

ROOM, AGREED = "The room's scores (mean of answers)", "The agreed scores"


def render() -> None:
    _, exemplars = state.content()
    facts = state.facilitated()
    if facts is None:
        return
    st.title("Compare with exemplars")
    framework = results.choose_framework(facts.frameworks)
    which = st.radio("Profile", [ROOM, AGREED], horizontal=True)
    chosen = st.multiselect("Exemplars", list(exemplars), default=[i for i in facts.exemplar_ids if i in exemplars],
                            format_func=lambda i: exemplars[i].name)
    db, actor = state.database(), state.actor()
    if which == ROOM:
        result = stored_results.scores(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
        profile = room_series({p.id: p.mean for p in result.principles})
    else:
        agreed = consensus.agreed_scores(db, actor=actor, workshop_id=facts.id)
        profile = agreed_series(framework, {pid: a.score for (fid, pid), a in agreed.items() if fid == framework.id})
    if all(v is None for v in profile.scores.values()):
        st.info("No scores yet for this profile." + (" Record agreed scores on the Agree page." if which == AGREED
                                                     else ""))
        return
    results.profile(framework, profile, [exemplars[i] for i in chosen])
    st.header("Gaps, largest first")
    results.gap_list(framework, profile.scores, [exemplars[i] for i in chosen])
