"""Facilitator: the room's or the agreed profile against exemplars, gaps largest first, and what moving up takes
from the level each principle stands at."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from assessment.content.framework import Framework
from assessment.engine.camps import settle_steps
from assessment.engine.next_steps import next_steps_for
from assessment.engine.profiles import Series, agreed_series, room_series
from assessment.engine.scoring import Camps
from assessment.pages import crosswalk_view, results, state
from assessment.pages.text import plain
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
    camps: dict[str, Camps] = {}
    if which == ROOM:
        result = stored_results.scores(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
        profile = room_series({p.id: p.mean for p in result.principles})
        camps = {p.id: p.camps for p in result.principles if p.camps is not None}
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
    moving_up(framework, profile, camps)
    crosswalk_view.show(stored_results.crosswalks(db, actor=actor, workshop_id=facts.id, framework_id=framework.id))


def moving_up(framework: Framework, profile: Series, camps: Mapping[str, Camps]) -> None:
    """For each principle, the framework's steps from the level this profile puts it at to the next; a room in two
    camps has no level to step up from, so its first steps are to settle the difference."""
    st.header("What moving up takes")
    labels = framework.scale.labels
    if not any(p.next_steps for p in framework.principles):
        st.markdown("This framework gives no next steps.")
        return
    for principle in framework.principles:
        if principle.id in camps:
            with st.expander(f"{plain(principle.name)} — two camps: no single level"):
                for step in settle_steps(framework, principle, camps[principle.id]):
                    st.markdown(f"- {plain(step)}")
            continue
        level = framework.scale.point(profile.scores.get(principle.id))
        if level is None:
            continue
        steps = next_steps_for(framework, principle.id, level)
        where = (f"{level} {labels[level]} → {level + 1} {labels[level + 1]}" if level < framework.scale.max
                 else f"{level} {labels[level]}, the top of the scale")
        with st.expander(f"{plain(principle.name)} — {plain(where)}"):
            if not steps:
                st.markdown("At the top of the scale: keep what works and share it." if level == framework.scale.max
                            else "The framework gives no steps for this level.")
            for step in steps:
                st.markdown(f"- {plain(step.text)}")
                if step.exemplar:
                    st.caption(f"{plain(step.exemplar)} did this" + (f" — source: {plain(step.source)}"
                                                                     if step.source else ""))
