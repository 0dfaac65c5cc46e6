"""Facilitator: record the room's agreed score, notes and actions for each principle.

The agreed score sits beside the individual answers; it never replaces them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.content.framework import Framework
from assessment.engine.responses import responses_csv
from assessment.numbers import number, rounded
from assessment.pages import consensus_forms, results, state
from assessment.reports.render import MIME
from assessment.reports.render import render as render_report
from assessment.reports.spreadsheets import results_csv, results_xlsx
from assessment.services import consensus, reports, transfer
from assessment.services import results as stored_results
from assessment.services.consensus import AgreedScore
from assessment.services.workshops import WorkshopFacts
from assessment.settings import get_settings


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
    downloads(facts, framework)


def _agreed_text(record: AgreedScore | None, labels: dict[int, str]) -> str:
    if record is None or record.score is None:
        return consensus_forms.NOT_AGREED
    return f"{record.score} · {labels[record.score]}"


def downloads(facts: WorkshopFacts, framework: Framework) -> None:
    """Reports and exports, each built only when its button is pressed."""
    _, exemplars = state.content()
    chosen = [exemplars[i] for i in facts.exemplar_ids if i in exemplars]
    db, actor = state.database(), state.actor()

    def report():  # type: ignore[no-untyped-def]
        return reports.workshop_report(db, actor=actor, workshop_id=facts.id, framework_id=framework.id,
                                       exemplars=chosen, brand=reports.branding(get_settings()))

    def responses():  # type: ignore[no-untyped-def]
        return stored_results.responses(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)

    def workshop_json() -> str:
        return transfer.export_workshop(db, actor=actor, workshop_id=facts.id)

    st.subheader("Reports and data")
    stem = f"placeready-{framework.id}"
    columns = st.columns(3)
    for column, (label, fmt) in zip(columns, [("Report (PDF)", "pdf"), ("Report (Word)", "docx"),
                                              ("Report (HTML)", "html")], strict=True):
        column.download_button(label, data=lambda fmt=fmt: render_report(report(), fmt), mime=MIME[fmt],
                               file_name=f"{stem}-report.{fmt}", on_click="ignore", icon=":material/description:",
                               key=f"{fmt}-{framework.id}")
    columns = st.columns(4)
    columns[0].download_button("Answers (CSV)", key=f"answers-{framework.id}", data=lambda: responses_csv(responses()), mime="text/csv",
                               file_name=f"{stem}-responses.csv", on_click="ignore")
    columns[1].download_button("Results (CSV)", key=f"results-csv-{framework.id}", data=lambda: results_csv(report()), mime="text/csv",
                               file_name=f"{stem}-results.csv", on_click="ignore")
    columns[2].download_button("Results (Excel)", key=f"results-xlsx-{framework.id}", data=lambda: results_xlsx(report(), responses()),
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               file_name=f"{stem}-results.xlsx", on_click="ignore")
    columns[3].download_button("Whole workshop (JSON)", key=f"workshop-json-{framework.id}", data=workshop_json, mime="application/json",
                               file_name="placeready-workshop.json", on_click="ignore")
    st.caption("The answers CSV follows PlaceReady's responses format and can be scored again; the JSON file "
               "can be imported into another PlaceReady with `placeready import`.")
