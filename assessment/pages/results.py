"""Result sections shared by the demo, the room view and the compare page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from assessment.content.exemplar import JUDGEMENT_CAVEAT, Exemplar, profiled_on
from assessment.content.framework import Framework
from assessment.engine.comparison import GapKind, compare
from assessment.engine.profiles import Series, exemplar_series, profile_table
from assessment.engine.scoring import ScoreResult, shown_level
from assessment.numbers import number, percent, rounded, signed
from assessment.pages.charts import radar
from assessment.pages.text import plain


def choose_framework(frameworks: Sequence[Framework]) -> Framework:
    """The framework to show, asked only when the workshop scored more than one."""
    by_id = {f.id: f for f in frameworks}
    if len(by_id) == 1:
        return frameworks[0]
    return by_id[st.radio("Framework", list(by_id), format_func=lambda i: plain(by_id[i].title), horizontal=True)]


def radar_with_table(framework: Framework, series: Sequence[Series], *, caption: str | None = None) -> None:
    st.plotly_chart(radar(framework, series), config={"displayModeBar": False})
    st.caption(caption or "The same numbers as a table:")
    table(profile_table(framework, series))


def profile(framework: Framework, own: Series, exemplars: Sequence[Exemplar]) -> None:
    """A profile on the radar beside the chosen exemplars, with its table and the caveat."""
    profiled = profiled_on(exemplars, framework)
    radar_with_table(framework, [own] + [exemplar_series(e, framework) for e in profiled])
    left_out = [plain(e.name) for e in exemplars if e not in profiled]
    if profiled:
        st.caption(JUDGEMENT_CAVEAT + (f" Not shown, as not judged on this framework: {', '.join(left_out)}."
                                       if left_out else ""))
    elif exemplars:
        st.caption("None of the chosen exemplars has been judged on this framework's principles (uploaded frameworks "
                   "have no exemplar judgements), so none is shown here.")


def table(frame: pd.DataFrame) -> None:
    """A plain HTML table (read by screen readers, sharp on a projector); decimals to one place.

    st.table reads Markdown in cells and headers, so text is escaped to show exactly as written.
    """
    shown = frame.map(lambda value: plain(value) if isinstance(value, str) else value)
    shown.columns = [plain(str(column)) for column in frame.columns]
    st.table(shown.style.format(precision=1, na_rep="—").hide(axis="index"), border="horizontal")


# The agreement table's terms in plain words, under the table wherever it is shown (docs/scoring.md defines them).
AGREEMENT_IN_WORDS = (
    "**rwg** is how much the room agrees: 1 means everyone gave the same answer, 0 no more agreement than answers "
    "picked at random. **AD** is how far apart answers are: the average distance, in points, of each answer from "
    "the room's average. **Split** means a third or more of people are over a point from the middle answer, or AD "
    "is over a sixth of the number of scale points (0.83 on 1–5); **two camps** means most answers sit at both "
    "ends and few near the middle. **Don't know** is the share who could not judge, never counted as a low score.")


def agreement_table(result: ScoreResult) -> None:
    table(
        pd.DataFrame(
            {
                "Principle": [p.name for p in result.principles],
                "Mean": [rounded(p.mean) for p in result.principles],
                "Median": [rounded(p.median) for p in result.principles],
                "Level": [shown_level(p.level, p.agreement) if p.mean is not None else None
                          for p in result.principles],
                "People": [p.n for p in result.principles],
                "rwg": [number(p.rwg, 2) for p in result.principles],
                "AD": [number(p.ad, 2) for p in result.principles],
                "Room": [str(p.agreement) for p in result.principles],
                "Don't know": [None if p.dont_know is None else percent(p.dont_know) for p in result.principles],
            }
        )
    )
    st.caption(AGREEMENT_IN_WORDS)


def gap_list(framework: Framework, scores: Mapping[str, float | None], exemplars: Sequence[Exemplar],
             *, limit: int = 10) -> None:
    """Where the exemplars are ahead, largest gap first, each with what the exemplar did."""
    gaps = [g for g in compare(framework, scores, exemplars) if g.kind is GapKind.behind]
    if not gaps:
        st.markdown("No chosen exemplar is ahead of this profile on any principle it was assessed on.")
    for gap in gaps[:limit]:
        st.markdown(
            f"**{plain(gap.principle_name)}** — {gap.exemplar_name} {gap.exemplar_score} vs this profile "
            f"{number(gap.partnership_score)} (gap {signed(gap.gap)}, {gap.confidence} evidence). "
            f"What they did: {gap.practice}"
        )
        if gap.sources:
            st.caption("Sources: " + " · ".join(s.citation() for s in gap.sources))
