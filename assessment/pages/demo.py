"""Demo partnership: what a finished workshop looks like, from the made-up Riverbrook partnership."""

from __future__ import annotations

import streamlit as st

from assessment.content.demo import DemoPartnership, load_demo
from assessment.content.exemplar import Exemplar
from assessment.content.framework import Framework
from assessment.engine.crosswalk import Crosswalk, crosswalk, foundation_ids
from assessment.engine.profiles import room_series
from assessment.engine.scoring import ScoreResult, score
from assessment.numbers import number
from assessment.pages import crosswalk_view, results, state
from assessment.services.demo import demo_responses


@st.cache_resource
def _content() -> tuple[DemoPartnership, dict[str, Framework], dict[str, Exemplar]]:
    return load_demo(), *state.content()


@st.cache_data
def _score(workshop_id: str, framework_id: str) -> ScoreResult:
    demo, frameworks, _ = _content()
    return score(frameworks[framework_id], demo_responses(demo.by_id[workshop_id], framework_id))


@st.cache_data
def _crosswalks(workshop_id: str, framework_id: str) -> list[Crosswalk]:
    """What the framework rests on, with the room's scores for both where this workshop scored both."""
    demo, frameworks, _ = _content()
    framework, scored = frameworks[framework_id], demo.by_id[workshop_id].frameworks
    found = [crosswalk(framework, frameworks[other], result=_score(workshop_id, framework_id),
                       foundation_result=_score(workshop_id, other)) if other in scored
             else crosswalk(framework, frameworks[other])
             for other in foundation_ids(framework) if other in frameworks]
    return [c for c in found if c is not None]


def render() -> None:
    demo, frameworks, exemplars = _content()
    st.title(f"Demo: {demo.name}")
    st.info(demo.fictional, icon=":material/info:")
    st.markdown(f"{demo.population} Part of {demo.system}. Partners: {'; '.join(demo.partners)}.")

    left, right = st.columns(2)
    workshop = demo.by_id[
        left.selectbox("Workshop", [w.id for w in demo.workshops],
                       format_func=lambda i: f"{demo.by_id[i].title} ({demo.by_id[i].date})")
    ]
    framework = frameworks[
        right.selectbox("Framework", list(workshop.frameworks), format_func=lambda i: frameworks[i].title)
    ]
    chosen = st.multiselect(
        "Compare with exemplars", list(exemplars),
        default=[i for i in (workshop.exemplars or demo.exemplars) if i in exemplars],
        format_func=lambda i: exemplars[i].name,
    )
    result = _score(workshop.id, framework.id)

    st.header("The room's profile")
    st.markdown(
        f"{result.participants} people took part. Overall the room sits at "
        f"**{number(result.overall.mean)} ({result.overall.level or 'no score'})** on a "
        f"{framework.scale.min}–{framework.scale.max} scale."
    )
    room = room_series({p.id: p.mean for p in result.principles})
    results.profile(framework, room, [exemplars[i] for i in chosen])

    st.header("Where the room agrees, and where it is split")
    results.agreement_table(result)

    st.header("Gaps to the exemplars, largest first")
    results.gap_list(framework, room.scores, [exemplars[i] for i in chosen])
    crosswalk_view.show(_crosswalks(workshop.id, framework.id))
