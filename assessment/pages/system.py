"""Systems within systems: every place's latest profile side by side, the spread, and who could learn from whom."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.engine.profiles import Series
from assessment.engine.system import pairings, spreads
from assessment.numbers import number
from assessment.pages import downloads, results, state
from assessment.pages.charts import heat_map, plotly_text, radar, radar_values
from assessment.pages.text import plain
from assessment.services import history, library, places

ALL = 0
COLUMNS = 4
RADARS_AT_ONCE = 3 * COLUMNS


def render() -> None:
    reader = state.private_pages_actor()
    if reader is None:
        return
    st.title("Places side by side")
    systems = {ALL: "All places"} | places.systems(state.database(), actor=reader)
    frameworks = {e.framework.id: e.framework for e in library.latest(state.database(), actor=state.actor())}
    left, right = st.columns(2)
    system_id = left.selectbox("System", list(systems), format_func=systems.get)
    framework = frameworks[right.selectbox("Framework", list(frameworks), format_func=lambda i: frameworks[i].title)]
    latest = history.side_by_side(state.database(), actor=reader, framework_id=framework.id,
                                  system_id=None if system_id == ALL else system_id)
    if latest is None:
        st.info("No place in this system has a workshop on this framework yet.")
        return
    if latest.ground.in_words:
        st.warning(plain(latest.ground.in_words), icon=":material/difference:")
    if latest.ground.framework is None:
        return
    framework = latest.ground.framework
    profiles = {place: scores for place, (_, scores) in latest.profiles.items()}
    st.markdown(f"{len(profiles)} places, each at its latest workshop (agreed scores where recorded).")

    st.header("Heat map")
    st.plotly_chart(heat_map(framework, profiles), config={"displayModeBar": False})
    st.caption("The same scores as a table:")
    results.table(pd.DataFrame({"Place": list(profiles)} | {
        p.name: [profiles[place].get(p.id) for place in profiles] for p in framework.principles}))

    st.header("How far apart the places are")
    results.table(pd.DataFrame([{"Principle": s.name, "Places": s.places, "Lowest": s.lowest,
                                 "Highest": s.highest, "Range": s.range} for s in spreads(framework, profiles)]))

    st.header("Who could learn from whom")
    found = pairings(framework, profiles)
    if not found:
        st.markdown("No place is a point or more ahead of another on any principle.")
    for pairing in found[:20]:
        st.markdown(f"- **{plain(pairing.name)}**: {plain(pairing.learner)} ({number(pairing.learner_score)}) could "
                    f"learn from {plain(pairing.learn_from)} ({number(pairing.score)})")

    st.header("Each place's profile")
    labels = _radars_shown(list(profiles))
    # One figure, its values changed for each place: building 40 plotly figures took half a second a rerun,
    # changing one takes a fiftieth of that, and st.plotly_chart copies the figure out as it is drawn.
    small = radar(framework, [Series(name="", scores={})], title=" ")
    small.update_layout(height=320, showlegend=False, polar={"angularaxis": {"showticklabels": False}},
                        margin={"l": 20, "r": 20, "t": 50, "b": 20})
    for start in range(0, len(labels), COLUMNS):
        for column, place in zip(st.columns(COLUMNS), labels[start:start + COLUMNS], strict=False):
            with small.batch_update():
                small.data[0].update(radar_values(framework, Series(name=place, scores=profiles[place])))
                small.layout.title.text = plotly_text(place)
            column.plotly_chart(small, config={"displayModeBar": False}, key=f"small-{place}")
    st.caption("Small radars leave out the principle names; the heat map table above has every number.")
    downloads.system_files(system_id=None if system_id == ALL else system_id, system=systems[system_id],
                           framework=framework)


def _radars_shown(labels: list[str]) -> list[str]:
    """The places whose small radars are drawn: all of them up to a screenful, then a screenful at a time, chosen
    here (forty radars were a fifth of the page's time, and a long scroll; the heat map has every place)."""
    if len(labels) <= RADARS_AT_ONCE:
        return labels
    starts = range(0, len(labels), RADARS_AT_ONCE)
    start = st.selectbox("Places shown", starts, format_func=lambda first: (
        f"{first + 1}–{min(first + RADARS_AT_ONCE, len(labels))} of {len(labels)}: {labels[first]} to "
        f"{labels[min(first + RADARS_AT_ONCE, len(labels)) - 1]}"))
    return labels[start:start + RADARS_AT_ONCE]
