"""Paper forms on the control view: print numbered forms for people without a phone, then type each one in."""

from __future__ import annotations

import streamlit as st

from assessment.errors import InputError
from assessment.pages import state
from assessment.pages.text import plain, show_problems
from assessment.reports.paper_form import paper_forms_pdf
from assessment.services import paper
from assessment.services.workshops import WorkshopFacts

BLANK, DONT_KNOW = "—", "DK"
NOT_SAYING = "Not given"


def render(facts: WorkshopFacts) -> None:
    st.subheader("Print paper forms")
    first, count = st.columns(2)
    start = first.number_input("First form number", min_value=1, max_value=paper.MAX_FORMS, value=1)
    how_many = count.number_input("How many forms", min_value=1, max_value=60, value=10)
    numbers = list(range(int(start), min(int(start) + int(how_many), paper.MAX_FORMS + 1)))
    st.download_button(
        "Paper forms (PDF)", icon=":material/print:", mime="application/pdf", on_click="ignore",
        file_name=f"paper-forms-{facts.join_code}-{numbers[0]}-{numbers[-1]}.pdf",
        data=lambda: paper_forms_pdf(title=facts.title, partnership=facts.partnership, join_code=facts.join_code,
                                     frameworks=facts.frameworks, sectors=facts.sectors, numbers=numbers))
    st.subheader("Type in a paper form")
    st.markdown("Type in the answers exactly as ticked; leave a statement at — when nothing is ticked. Typing in "
                "the same form number again updates that form.")
    framework = st.radio("Framework", range(len(facts.frameworks)), horizontal=True,
                         format_func=lambda i: plain(facts.frameworks[i].title)) if len(facts.frameworks) > 1 else 0
    chosen = facts.frameworks[framework]
    options = [BLANK, *chosen.scale.points, DONT_KNOW]
    with st.form(f"paper-{chosen.id}", clear_on_submit=True):
        number, sector = st.columns(2)
        form_number = number.number_input("Form number", min_value=1, max_value=paper.MAX_FORMS, value=None)
        picked = sector.selectbox("Sector ticked", [NOT_SAYING, *facts.sectors])
        answers = {}
        for principle in chosen.principles:
            st.markdown(f"**{plain(principle.name)}**")
            for statement in principle.statements:
                answers[(chosen.id, statement.id)] = st.radio(statement.text, options, horizontal=True,
                                                              key=f"paper-{chosen.id}-{statement.id}")
        if st.form_submit_button("Save this form", type="primary"):
            _save(facts, form_number, None if picked == NOT_SAYING else picked, answers)


def _save(facts: WorkshopFacts, number: int | None, sector: str | None, answers: dict) -> None:  # type: ignore[type-arg]
    if number is None:
        st.error("Type the number printed on the form.")
        return
    typed = {key: (paper.DONT_KNOW if value == DONT_KNOW else None if value == BLANK else int(value))
             for key, value in answers.items()}
    try:
        paper.enter_form(state.database(), actor=state.actor(), workshop_id=facts.id, paper_number=int(number),
                         sector=sector, answers=typed)
    except InputError as error:
        show_problems(f"Form {number} was not saved:", error)
        return
    st.success(f"Form {number} saved: {sum(v is not None for v in typed.values())} answers.")
