"""One framework shown in full — principles, statements, rubric, questions, sources — as plain text.

Uploaded frameworks are anyone's words, so nothing in them is read as Markdown or HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.content.framework import Framework, Principle, Wording
from assessment.engine.crosswalk import underpins
from assessment.pages import results, state
from assessment.pages.text import plain

WORDING_NOTE = {
    Wording.verbatim: "name as published",
    Wording.paraphrase: "name in our words",
    Wording.own: "our own wording",
}


def show(framework: Framework) -> None:
    st.subheader(plain(framework.title))
    if framework.description:
        st.markdown(plain(framework.description))
    st.caption(f"Source: {plain(framework.source.citation())}")
    if framework.attribution:
        st.caption(plain(framework.attribution))
    labels = ", ".join(f"{point} {label}" for point, label in framework.scale.labels.items())
    st.markdown(f"Scale: {plain(labels)}.")
    builtin, _ = state.content()
    carried = {other.title: underpins(framework, other) for other in builtin.values() if other.id != framework.id}
    for number, principle in enumerate(framework.principles, start=1):
        # A heading and its list in one Markdown block: fewer elements for the browser to draw on the home page.
        with st.expander(plain(f"{number}. {principle.name}")):
            st.caption(WORDING_NOTE[principle.name_wording])
            statements = "**Statements people score**\n\n" + "\n".join(
                f"- {plain(statement.text)}" for statement in principle.statements)
            blocks = [plain(principle.summary)] if principle.summary else []
            blocks += [statements, *_rests_on(principle, builtin)]
            blocks += [f"**What rests on it in {plain(title)}:** {plain('; '.join(names[principle.id]))}."
                       for title, names in carried.items() if principle.id in names]
            st.markdown("\n\n".join(blocks))
            if principle.rubric:
                st.markdown("**What each level looks like**")
                results.table(pd.DataFrame({
                    "Level": [f"{point} {framework.scale.labels[point]}" for point in principle.rubric],
                    "What it looks like": list(principle.rubric.values())}))
            if principle.prompts:
                st.markdown("**Questions for the room**\n\n" + "\n".join(f"- {plain(prompt)}"
                                                                          for prompt in principle.prompts))
            if principle.basis:
                sources = "; ".join(s.citation() for s in framework.cited(principle.basis_sources))
                st.caption(plain(f"What the sources say: {principle.basis}" + (f" ({sources})" if sources else "")))


def _rests_on(principle: Principle, builtin: dict[str, Framework]) -> list[str]:
    """The principles of other frameworks this one rests on, numbered as in their own framework, each with why."""
    blocks = []
    for other_id, foundations in principle.rests_on.items():
        other = builtin.get(other_id)
        numbered = {p.id: f"{n}. {p.name}" for n, p in enumerate(other.principles, start=1)} if other else {}
        blocks.append(f"**Rests on — {plain(other.title if other else other_id)}**\n\n" + "\n".join(
            f"- **{plain(numbered.get(f.principle, f.principle))}**" + (f" — {plain(f.why)}" if f.why else "")
            for f in foundations))
    return blocks
