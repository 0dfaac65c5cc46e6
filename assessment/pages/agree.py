"""Facilitator: record the room's agreed score, notes and actions for each principle.

The agreed score sits beside the individual answers; it never replaces them.
"""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from assessment.storage import crud
from assessment.pages.charts import rounded
from assessment.errors import InputError
from assessment.reports.spreadsheets import results_csv, results_xlsx
from assessment.storage.models import Workshop
from assessment.pages import results, state
from assessment.pages.text import plain
from assessment.pages.room import choose_framework
from assessment.engine.report import Branding, report_for_workshop
from assessment.reports.render import MIME
from assessment.reports.render import render as render_report
from assessment.engine.responses import responses_csv
from assessment.engine.scoring import score
from assessment.settings import get_settings
from assessment.services.transfer import export_workshop

NOT_AGREED = "Not agreed yet"


def render() -> None:
    facts = state.facilitated()
    if facts is None:
        return
    workshop_id, frameworks = facts.id, facts.frameworks
    st.title("Agree scores and actions")
    st.markdown("For each principle, record the score the room agrees on, what was said, and what will be done. "
                "Everyone's individual answers are kept as they were given.")
    framework = choose_framework(frameworks)
    with state.db() as session:
        result = score(framework, crud.responses(session, workshop_id=workshop_id, framework_id=framework.id))
        agreed = crud.current_consensus(session, workshop_id=workshop_id)
        all_actions = crud.actions(session, workshop_id=workshop_id)
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
    st.markdown(f"The room: mean {_num(room.mean)}, median {_num(room.median)}, {room.n} people, {room.agreement}.")
    current = agreed.get((framework.id, principle_id))
    options = [NOT_AGREED, *framework.scale.points]
    with st.form(f"consensus-{framework.id}-{principle_id}"):
        chosen = st.radio("Agreed score", options, horizontal=True,
                          index=options.index(current.score) if current and current.score is not None else 0,
                          format_func=lambda o: o if o == NOT_AGREED else f"{o} · {plain(labels[o])}")
        note = st.text_area("Notes from the discussion", value=(current.note or "") if current else "",
                            max_chars=5000)
        if st.form_submit_button("Save agreed score", type="primary"):
            try:
                with state.db(writes=True) as session:
                    crud.record_consensus(session, workshop_id=workshop_id, framework_id=framework.id,
                                          principle_id=principle_id, score=None if chosen == NOT_AGREED else chosen,
                                          note=note, actor=state.actor())
            except InputError as error:
                st.error("Not saved:\n\n" + "\n".join(f"- {p}" for p in error.problems))
            else:
                st.rerun()

    with st.form(f"action-{framework.id}-{principle_id}", clear_on_submit=True):
        st.markdown(f"**New action for {plain(names[principle_id])}**")
        text = st.text_area("What will be done", max_chars=2000)
        owner = st.text_input("Who owns it", max_chars=200)
        due = st.date_input("By when", value=None, min_value=datetime.date(2000, 1, 1), format="YYYY-MM-DD")
        if st.form_submit_button("Add action"):
            try:
                with state.db(writes=True) as session:
                    crud.add_action(session, workshop_id=workshop_id, framework_id=framework.id,
                                    principle_id=principle_id, text=text, owner=owner, due_on=due,
                                    actor=state.actor())
            except InputError as error:
                st.error("The action was not added:\n\n" + "\n".join(f"- {p}" for p in error.problems))
            else:
                st.rerun()

    st.subheader("Actions")
    mine = [a for a in all_actions if a.framework_id == framework.id]
    if mine:
        results.table(pd.DataFrame({
            "Principle": [names.get(a.principle_id, a.principle_id) for a in mine],
            "Action": [a.text for a in mine], "Owner": [a.owner for a in mine],
            "Due": [a.due_on.isoformat() if a.due_on else "" for a in mine],
        }))
    else:
        st.markdown("No actions yet.")
    downloads(workshop_id, framework, facts.exemplar_ids)


def _agreed_text(record, labels) -> str:  # type: ignore[no-untyped-def]
    if record is None or record.score is None:
        return NOT_AGREED
    return f"{record.score} · {labels[record.score]}"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def downloads(workshop_id: int, framework, exemplar_ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Reports and exports, each built only when its button is pressed."""
    _, exemplars = state.content()
    chosen = [exemplars[i] for i in exemplar_ids if i in exemplars]
    branding = Branding.from_settings(get_settings())

    def report():  # type: ignore[no-untyped-def]
        with state.db() as session:
            return report_for_workshop(session, workshop_id=workshop_id, framework=framework, exemplars=chosen,
                                       branding=branding)

    def responses():  # type: ignore[no-untyped-def]
        with state.db() as session:
            return crud.responses(session, workshop_id=workshop_id, framework_id=framework.id)

    def workshop_json() -> str:
        with state.db() as session:
            return export_workshop(session, workshop=session.get(Workshop, workshop_id))

    st.subheader("Reports and data")
    stem = f"placeready-{framework.id}"
    columns = st.columns(3)
    for column, (label, fmt) in zip(columns, [("Report (PDF)", "pdf"), ("Report (Word)", "docx"),
                                              ("Report (HTML)", "html")], strict=True):
        column.download_button(label, data=lambda fmt=fmt: render_report(report(), framework, fmt), mime=MIME[fmt],
                               file_name=f"{stem}-report.{fmt}", on_click="ignore", icon=":material/description:")
    columns = st.columns(4)
    columns[0].download_button("Answers (CSV)", data=lambda: responses_csv(responses()), mime="text/csv",
                               file_name=f"{stem}-responses.csv", on_click="ignore")
    columns[1].download_button("Results (CSV)", data=lambda: results_csv(report()), mime="text/csv",
                               file_name=f"{stem}-results.csv", on_click="ignore")
    columns[2].download_button("Results (Excel)", data=lambda: results_xlsx(report(), responses()),
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               file_name=f"{stem}-results.xlsx", on_click="ignore")
    columns[3].download_button("Whole workshop (JSON)", data=workshop_json, mime="application/json",
                               file_name="placeready-workshop.json", on_click="ignore")
    st.caption("The answers CSV follows PlaceReady's responses format and can be scored again; the JSON file "
               "can be imported into another PlaceReady with `placeready import`.")
