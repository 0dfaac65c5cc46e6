"""Facilitator: the live room view for the projector — who has joined, then the results on reveal."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.numbers import number
from assessment.pages import results, state
from assessment.pages.charts import distribution_bars
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain
from assessment.services import results as room_results
from assessment.services import workshops
from assessment.services.workshops import WorkshopFacts
from assessment.settings import get_settings


def render() -> None:
    facts = state.facilitated()
    if facts is None:
        return
    st.title(f"{plain(facts.partnership)}: {plain(facts.title)}")
    with st.expander(f"How to join: code {facts.join_code}", expanded=not facts.revealed):
        _join_panel(facts.join_code)
    # Refreshes itself; made here rather than at import so that a bad setting is reported, not raised on import.
    st.fragment(_attendance, run_every=get_settings().room_refresh_seconds)(facts.id)
    _controls(facts)
    if facts.revealed:
        _results(facts)
    else:
        st.info("Results are hidden until you reveal them, so early answers cannot steer the room.",
                icon=":material/visibility_off:")


def _join_panel(join_code: str) -> None:
    link = f"{state.base_url()}/join?code={join_code}"
    words, picture = st.columns([3, 2], vertical_alignment="center")
    words.markdown(f"Join on your phone at **{state.base_url()}/join** with the code")
    words.markdown(f'<p class="join-code" style="font-size:4.5rem;font-weight:700;letter-spacing:0.15em;'
                   f'margin:0;line-height:1.1">{join_code}</p>', unsafe_allow_html=True)
    words.caption("Or scan the QR code. Your answers are anonymous.")
    picture.image(qr_svg(link), width=420, alt=f"QR code that opens the join page with code {join_code}")


def _attendance(workshop_id: int) -> None:
    seen = room_results.attendance(state.database(), actor=state.actor(), workshop_id=workshop_id)
    joined, finished = st.columns(2)
    joined.metric("Joined", seen.joined)
    finished.metric("Finished", seen.finished)
    if seen.by_sector:
        results.table(pd.DataFrame({"Sector": list(seen.by_sector),
                                    "Joined": [j for j, _ in seen.by_sector.values()],
                                    "Finished": [f for _, f in seen.by_sector.values()]}))


def _controls(facts: WorkshopFacts) -> None:
    reveal, scoring = st.columns(2)
    if reveal.button("Hide results" if facts.revealed else "Reveal results", type="primary",
                     icon=":material/visibility:", width="stretch"):
        workshops.set_revealed(state.database(), actor=state.actor(), workshop_id=facts.id, revealed=not facts.revealed)
        st.rerun()
    if scoring.button("Close scoring" if facts.scoring_open else "Reopen scoring", width="stretch",
                      icon=":material/lock:" if facts.scoring_open else ":material/lock_open:"):
        workshops.set_scoring_open(state.database(), actor=state.actor(), workshop_id=facts.id,
                                   scoring_open=not facts.scoring_open)
        st.rerun()


def _results(facts: WorkshopFacts) -> None:
    _, exemplars = state.content()
    framework = results.choose_framework(facts.frameworks)
    chosen = st.multiselect("Compare with exemplars", list(exemplars),
                            default=[i for i in facts.exemplar_ids if i in exemplars],
                            format_func=lambda i: exemplars[i].name)
    room = room_results.room(state.database(), actor=state.actor(), workshop_id=facts.id, framework_id=framework.id)
    result = room.result
    if result.participants == 0:
        st.info("Nobody has answered yet.")
        return

    st.header("The room's profile")
    st.markdown(f"{result.participants} people answered. Overall the room sits at "
                f"**{number(result.overall.mean)} ({result.overall.level or 'no score'})**.")
    results.profile(framework, room.room, [exemplars[i] for i in chosen])

    st.header("Where the room agrees, and where it is split")
    results.agreement_table(result)
    st.caption("rwg: 1 means everyone agreed, 0 no more agreement than chance. AD: the average distance, in "
               "points, of answers from their mean. 'Split' means a third or more of people are over a point "
               "from the middle view, or AD is high for the scale.")

    st.subheader("Statements where views differ most")
    texts = {s.id: s.text for s in framework.statements}
    for statement in room.most_split:
        st.markdown(f"- {plain(texts[statement.id])} — mean {number(statement.mean)}, "
                    f"AD {number(statement.ad, 2)}, {statement.n} answers")

    st.header("How people answered each statement")
    st.plotly_chart(distribution_bars(room.distribution), config={"displayModeBar": False})
    st.caption("The same counts as a table:")
    results.table(room.distribution)

    st.header("By sector")
    if room.sectors:
        results.radar_with_table(framework, room.sectors, caption="Each sector's mean per principle (people in brackets):")
    if room.hidden_sectors:
        st.caption(f"Not shown, to keep answers anonymous (fewer than 3 people): {plain(', '.join(room.hidden_sectors))}.")
