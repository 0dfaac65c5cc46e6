"""What a framework's principles rest on in another framework, beside the room's scores for both (engine/crosswalk.py):
a section of the results, compare and demo pages. The framework library shows the links alone (framework_view)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from assessment.engine.crosswalk import Crosswalk, Link
from assessment.numbers import number
from assessment.pages import results
from assessment.pages.text import plain


def show(crosswalks: Sequence[Crosswalk]) -> None:
    for c in crosswalks:
        st.header(plain(f"What it rests on: {c.foundations_title}"))
        if c.scored:
            if c.findings:
                st.markdown("\n".join(f"- {plain(finding)}" for finding in c.findings))
            results.table(pd.DataFrame({
                "Principle": [link.name for link in c.links],
                "The room": [link.standing.in_words if link.standing else "—" for link in c.links],
                "Rests on (the room's score)": [_footings(link) for link in c.links],
                "Their average": [number(link.foundation_mean) for link in c.links],
            }))
            named = {f.number: f.name for link in c.links for f in link.foundations}
            st.caption(plain("By number: " + " · ".join(f"{n} {named[n]}" for n in sorted(named))))
        else:
            st.markdown("This workshop did not score "
                        f"{plain(c.foundations_title)}; score it at the same workshop to see the room's scores "
                        "for these principles beside each one.")
        st.caption(plain(c.note))
        with st.expander("Why each rests on these principles"):
            st.markdown("\n\n".join(
                f"**{plain(link.name)}**\n\n" + "\n".join(
                    f"- {f.number}. {plain(f.name)}" + (f" — {plain(f.standing.in_words)}" if f.standing else "")
                    + (f": {plain(f.why)}" if f.why else "") for f in link.foundations)
                for link in c.links))


def _footings(link: Link) -> str:
    """"1 (2.8), 4 (3.0, room split), 10 (fewer than 3 answers)": the principle numbers, each with its score."""
    return ", ".join(f"{f.number} ({f.standing.brief if f.standing else '—'})" for f in link.foundations)
