"""Demo partnership: what a finished workshop looks like, from the made-up Riverbrook partnership."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.charts import Series, radar, radar_table, rounded
from assessment.comparison import GapKind, compare
from assessment.demo import DemoPartnership, load_demo
from assessment.exemplar import JUDGEMENT_CAVEAT, Exemplar, builtin_exemplars
from assessment.framework import Framework, builtin_frameworks
from assessment.scoring import ScoreResult, score


@st.cache_resource
def _content() -> tuple[DemoPartnership, dict[str, Framework], dict[str, Exemplar]]:
    frameworks = builtin_frameworks()
    return (
        load_demo(),
        {f.id: f for f in frameworks},
        {e.id: e for e in builtin_exemplars(frameworks)},
    )


@st.cache_data
def _score(workshop_id: str, framework_id: str) -> ScoreResult:
    demo, frameworks, _ = _content()
    return score(frameworks[framework_id], demo.by_id[workshop_id].responses(framework_id))


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
        "Compare with exemplars", list(exemplars), default=[i for i in demo.exemplars if i in exemplars],
        format_func=lambda i: exemplars[i].name,
    )
    result = _score(workshop.id, framework.id)

    st.header("The room's profile")
    st.markdown(
        f"{result.participants} people took part. Overall the room sits at "
        f"**{_number(result.overall.mean)} ({result.overall.level or 'no score'})** on a "
        f"{framework.scale.min}–{framework.scale.max} scale."
    )
    series = [Series("This room (mean)", {p.id: p.mean for p in result.principles})] + [
        Series(exemplars[i].name, _exemplar_scores(exemplars[i], framework)) for i in chosen
    ]
    st.plotly_chart(radar(framework, series), config={"displayModeBar": False})
    st.caption("The same numbers as a table:")
    st.dataframe(radar_table(framework, series), hide_index=True)
    st.caption(JUDGEMENT_CAVEAT)

    st.header("Where the room agrees, and where it is split")
    st.dataframe(_principle_table(framework, result), hide_index=True)

    st.header("Gaps to the exemplars, largest first")
    gaps = [g for g in compare(framework, {p.id: p.mean for p in result.principles},
                               [exemplars[i] for i in chosen]) if g.kind is GapKind.behind]
    for gap in gaps[:10]:
        st.markdown(
            f"**{gap.principle_name}** — {gap.exemplar_name} {gap.exemplar_score} vs this room "
            f"{_number(gap.partnership_score)} (gap {gap.gap:+.1f}, {gap.confidence} evidence). "
            f"What they did: {gap.practice}"
        )


def _exemplar_scores(exemplar: Exemplar, framework: Framework) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for principle in framework.principles:
        judgement = exemplar.judgement(framework.id, principle.id)
        scores[principle.id] = judgement.score if judgement and judgement.assessed else None
    return scores


def _principle_table(framework: Framework, result: ScoreResult) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Principle": [p.name for p in result.principles],
            "Mean": [rounded(p.mean) for p in result.principles],
            "Median": [rounded(p.median) for p in result.principles],
            "Level": [p.level for p in result.principles],
            "People": [p.n for p in result.principles],
            "Room": [str(p.agreement) for p in result.principles],
            "Don't know": [None if p.dont_know is None else f"{p.dont_know:.0%}" for p in result.principles],
        }
    )


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
