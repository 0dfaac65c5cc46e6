"""A place over time: its profile at each workshop, the trend per principle, and what really changed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.engine.profiles import Series
from assessment.engine.progress import Basis, changes
from assessment.numbers import number
from assessment.pages import downloads, results, state
from assessment.pages.charts import radar
from assessment.pages.text import plain
from assessment.services import history, library
from assessment.services import places as stored_places


def render() -> None:
    reader = state.private_pages_actor()
    if reader is None:
        return
    st.title("Progress over time")
    places = {p.id: p.label for p in stored_places.places(state.database(), actor=reader)}
    frameworks = {e.framework.id: e.framework for e in library.latest(state.database(), actor=state.actor())}
    if not places:
        st.info("No places yet.")
        return
    left, right = st.columns(2)
    place_id = left.selectbox("Place", list(places), format_func=places.get)
    framework = frameworks[right.selectbox("Framework", list(frameworks), format_func=lambda i: frameworks[i].title)]
    found = history.progress(state.database(), actor=reader, partnership_id=place_id, framework_id=framework.id)
    if found is None:
        st.info(f"{plain(places[place_id])} has no workshop on this framework yet.")
        return
    if found.ground.in_words:
        st.warning(plain(found.ground.in_words), icon=":material/difference:")
    if found.ground.framework is None:
        return
    series, framework = found.snapshots, found.ground.framework
    st.markdown(f"{len(series)} workshops. Each score is the agreed score where the room recorded one (marked *), "
                "otherwise the room's mean.")
    profiles = [Series(name=f"{s.title} ({s.held_on.isoformat()})",
                       scores={pid: p.score for pid, p in s.principles.items()}) for s in series]
    st.plotly_chart(radar(framework, profiles), config={"displayModeBar": False})
    st.caption("The table below gives the same scores.")
    trend = pd.DataFrame({"Principle": [p.name for p in framework.principles]} | {
        f"{s.title} ({s.held_on.isoformat()})": [_marked(s.principles.get(p.id)) for p in framework.principles]
        for s in series})
    st.subheader("Per principle, workshop by workshop")
    results.table(trend)
    st.header("What changed most")
    for change in changes(framework, series):
        st.markdown(f"- **{plain(change.name)}**: {plain(change.in_words)}")
    downloads.progress_files(place_id=place_id, place=places[place_id], framework=framework)


def _marked(point) -> str:  # type: ignore[no-untyped-def]
    if point is None or point.score is None:
        return "—"
    return f"{number(point.score)}{' *' if point.basis is Basis.agreed else ''}"
