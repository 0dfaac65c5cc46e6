"""Download buttons for every report and export: a workshop's, a place's progress, places side by side.

Each file is built only when its button is pressed, by the same renderers the command line uses, and named for
whose it is — partnership, workshop, date — so files for different partnerships never overwrite each other.
"""

from __future__ import annotations

import datetime

import streamlit as st

from assessment.content.framework import Framework
from assessment.engine.responses import responses_csv
from assessment.pages import state
from assessment.pages.text import plain
from assessment.reports.names import RAW_ANSWERS, progress_file_name, system_file_name, workshop_file_name
from assessment.reports.render import MIME, VIEW_FORMATS, render, render_combined, render_view
from assessment.services import reports, transfer
from assessment.services import results as stored_results
from assessment.services.access import Role
from assessment.services.history import PREVIOUS
from assessment.services.workshops import WorkshopFacts
from assessment.settings import get_settings

NO_BASELINE = "none"
LABELS = {"pdf": "PDF", "docx": "Word", "html": "HTML"}


def workshop_files(facts: WorkshopFacts, framework: Framework) -> None:
    """The readiness report, board pack, results and data of one framework of a workshop."""
    _, exemplars = state.content()
    chosen = [exemplars[i] for i in facts.exemplar_ids if i in exemplars]
    db, actor = state.database(), state.actor()
    st.subheader("Reports and data")
    earlier = reports.baseline_choices(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)
    options = {PREVIOUS: "The previous workshop of this place", **{i: plain(t) for i, t in earlier.items()},
               NO_BASELINE: "No comparison"} if earlier else {NO_BASELINE: "No comparison"}
    baseline = st.selectbox("Compare the report with", list(options), format_func=options.get,
                            key=f"baseline-{facts.id}-{framework.id}",
                            help="A follow-up report says what changed since the workshop chosen here, judged by "
                                 "its size and by a 95% interval over the people of the two workshops.")

    def report():  # type: ignore[no-untyped-def]
        return reports.workshop_report(db, actor=actor, workshop_id=facts.id, framework_id=framework.id,
                                       exemplars=chosen, brand=reports.branding(get_settings()),
                                       baseline=None if baseline == NO_BASELINE else baseline)

    def responses():  # type: ignore[no-untyped-def]
        return stored_results.responses(db, actor=actor, workshop_id=facts.id, framework_id=framework.id)

    def name(what: str, extension: str, framework_id: str | None = framework.id) -> str:
        return workshop_file_name(partnership=facts.partnership, workshop=facts.title,
                                  held_on=facts.held_on.isoformat(), framework_id=framework_id, what=what,
                                  extension=extension)

    columns = st.columns(4)
    for column, (label, fmt, what) in zip(columns, [
            ("Report (PDF)", "pdf", "readiness-report"), ("Report (Word)", "docx", "readiness-report"),
            ("Report (HTML)", "html", "readiness-report"), ("Board pack (PowerPoint)", "pptx", "board-pack")],
            strict=True):
        column.download_button(label, data=lambda fmt=fmt: render(report(), fmt), mime=MIME[fmt],
                               file_name=name(what, fmt), on_click="ignore", icon=":material/description:")
    columns = st.columns(4)
    columns[0].download_button("Answers (CSV)", data=lambda: responses_csv(responses()), mime=MIME["csv"],
                               file_name=name("answers", "csv"), on_click="ignore")
    columns[1].download_button("Results (CSV)", data=lambda: render(report(), "csv"), mime=MIME["csv"],
                               file_name=name("results", "csv"), on_click="ignore")
    columns[2].download_button("Results (Excel)", data=lambda: render(report(), "xlsx", responses=responses()),
                               mime=MIME["xlsx"], file_name=name("results", "xlsx"), on_click="ignore")
    columns[3].download_button("Whole workshop (JSON)", mime="application/json", on_click="ignore",
                               data=lambda: transfer.export_workshop(db, actor=actor, workshop_id=facts.id),
                               file_name=name("workshop", "json", framework_id=None),
                               key=f"workshop-json-{facts.id}-{framework.id}")  # the same file under each framework
    st.caption("These files are for the board: in their rows of people's answers, a sector or organisation with "
               "fewer than 3 people is shown under a wider label (its wider group, or \"Other (groups under 3 "
               "people)\"), so nobody can be picked out. The answers CSV follows PlaceReady's responses format and can "
               "be scored again; the JSON file can be imported into another PlaceReady with `placeready import`.")
    if actor.may(Role.facilitator, organisation_id=facts.organisation_id, workshop_id=facts.id):
        _personal_files(facts, framework, name)


def _personal_files(facts: WorkshopFacts, framework: Framework, name) -> None:  # type: ignore[no-untyped-def]
    """The raw per-person rows, every organisation and sector as given: for the workshop's facilitators and owners."""
    db, actor = state.database(), state.actor()
    st.markdown("**Personal-level data** — for you and the workshop's owners only: every organisation and sector as "
                "people gave them, so in a small room a person can be recognised. Do not circulate these files.")
    raw, whole = st.columns(2)
    raw.download_button(
        "Raw answers — personal-level data (CSV)", mime=MIME["csv"], on_click="ignore", icon=":material/lock:",
        file_name=name(RAW_ANSWERS, "csv"), key=f"raw-answers-{facts.id}-{framework.id}",
        data=lambda: responses_csv(stored_results.responses(db, actor=actor, workshop_id=facts.id,
                                                            framework_id=framework.id, personal=True)))
    whole.download_button(
        "Whole workshop, raw — personal-level data (JSON)", mime="application/json", on_click="ignore",
        icon=":material/lock:", file_name=name(f"workshop {RAW_ANSWERS}", "json", framework_id=None),
        key=f"raw-workshop-{facts.id}-{framework.id}",
        data=lambda: transfer.export_workshop(db, actor=actor, workshop_id=facts.id, personal=True))


def combined_files(facts: WorkshopFacts) -> None:
    """One report of every framework a workshop scored: one summary, one list of recommendations, a part each."""
    if len(facts.frameworks) < 2:
        return
    _, exemplars = state.content()
    chosen = [exemplars[i] for i in facts.exemplar_ids if i in exemplars]
    db, actor = state.database(), state.actor()

    def report():  # type: ignore[no-untyped-def]
        return reports.combined_report(db, actor=actor, workshop_id=facts.id, exemplars=chosen,
                                       brand=reports.branding(get_settings()))

    st.subheader("One report of every framework")
    for column, fmt in zip(st.columns(len(VIEW_FORMATS)), VIEW_FORMATS, strict=True):
        column.download_button(
            f"Combined report ({LABELS[fmt]})", data=lambda fmt=fmt: render_combined(report(), fmt), mime=MIME[fmt],
            file_name=workshop_file_name(partnership=facts.partnership, workshop=facts.title,
                                         held_on=facts.held_on.isoformat(), framework_id=None,
                                         what="readiness-report", extension=fmt),
            on_click="ignore", icon=":material/description:", key=f"combined-{fmt}-{facts.id}")
    st.caption("One summary and one list of recommendations for the whole workshop, then a part for each "
               "framework; each framework's own report is below.")


def progress_files(*, place_id: int, place: str, framework: Framework) -> None:
    """The progress view as a document."""
    db, actor = state.database(), state.actor()

    def view():  # type: ignore[no-untyped-def]
        return reports.progress_report(db, actor=actor, partnership_id=place_id, framework_id=framework.id,
                                       brand=reports.branding(get_settings()))

    _buttons("Progress report", view, lambda fmt: progress_file_name(
        place=place, framework_id=framework.id, made=datetime.date.today(), extension=fmt))


def system_files(*, system_id: int | None, system: str, framework: Framework) -> None:
    """The places-side-by-side view as a document (`system_id` None: every place the reader may see)."""
    db, actor = state.database(), state.actor()

    def view():  # type: ignore[no-untyped-def]
        return reports.system_report(db, actor=actor, framework_id=framework.id, system_id=system_id, system=system,
                                     brand=reports.branding(get_settings()))

    _buttons("Places side by side", view, lambda fmt: system_file_name(
        system=system, framework_id=framework.id, made=datetime.date.today(), extension=fmt))


def _buttons(what: str, view, file_name) -> None:  # type: ignore[no-untyped-def]
    st.subheader("Download")
    for column, fmt in zip(st.columns(len(VIEW_FORMATS)), VIEW_FORMATS, strict=True):
        column.download_button(f"{what} ({LABELS[fmt]})", data=lambda fmt=fmt: render_view(view(), fmt),
                               mime=MIME[fmt], file_name=file_name(fmt), on_click="ignore",
                               icon=":material/description:")
