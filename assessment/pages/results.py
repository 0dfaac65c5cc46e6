"""Result sections shared by the demo, the room view and the compare page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from assessment.pages.charts import Series, radar, radar_table, rounded
from assessment.engine.comparison import GapKind, compare
from assessment.content.exemplar import JUDGEMENT_CAVEAT, Exemplar, profiled_on
from assessment.content.framework import Framework
from assessment.engine.scoring import ScoreResult
from assessment.pages.text import plain


def exemplar_scores(exemplar: Exemplar, framework: Framework) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for principle in framework.principles:
        judgement = exemplar.judgement(framework.id, principle.id)
        scores[principle.id] = judgement.score if judgement and judgement.assessed else None
    return scores


def radar_with_table(framework: Framework, series: Sequence[Series], *, caption: str | None = None) -> None:
    st.plotly_chart(radar(framework, series), config={"displayModeBar": False})
    st.caption(caption or "The same numbers as a table:")
    table(radar_table(framework, series))


def profile(framework: Framework, own: Series, exemplars: Sequence[Exemplar]) -> None:
    """A profile on the radar beside the chosen exemplars, with its table and the caveat."""
    profiled = profiled_on(exemplars, framework)
    radar_with_table(framework, [own] + [Series(e.name, exemplar_scores(e, framework)) for e in profiled])
    if profiled:
        st.caption(JUDGEMENT_CAVEAT)
    elif exemplars:
        st.caption("The exemplar profiles are judged against the built-in frameworks only, so none is shown here.")


def table(frame: pd.DataFrame) -> None:
    """A plain HTML table (read by screen readers, sharp on a projector); decimals to one place.

    st.table reads Markdown in cells and headers, so text is escaped to show exactly as written.
    """
    shown = frame.map(lambda value: plain(value) if isinstance(value, str) else value)
    shown.columns = [plain(str(column)) for column in frame.columns]
    st.table(shown.style.format(precision=1, na_rep="—").hide(axis="index"), border="horizontal")


def agreement_table(result: ScoreResult) -> None:
    table(
        pd.DataFrame(
            {
                "Principle": [p.name for p in result.principles],
                "Mean": [rounded(p.mean) for p in result.principles],
                "Median": [rounded(p.median) for p in result.principles],
                "Level": [p.level for p in result.principles],
                "People": [p.n for p in result.principles],
                "rwg": [_two_places(p.rwg) for p in result.principles],
                "AD": [_two_places(p.ad) for p in result.principles],
                "Room": [str(p.agreement) for p in result.principles],
                "Don't know": [None if p.dont_know is None else f"{p.dont_know:.0%}" for p in result.principles],
            }
        )
    )


def gap_list(framework: Framework, scores: Mapping[str, float | None], exemplars: Sequence[Exemplar],
             *, limit: int = 10) -> None:
    """Where the exemplars are ahead, largest gap first, each with what the exemplar did."""
    gaps = [g for g in compare(framework, scores, exemplars) if g.kind is GapKind.behind]
    if not gaps:
        st.markdown("No chosen exemplar is ahead of this profile on any principle it was assessed on.")
    for gap in gaps[:limit]:
        st.markdown(
            f"**{plain(gap.principle_name)}** — {gap.exemplar_name} {gap.exemplar_score} vs this profile "
            f"{number(gap.partnership_score)} (gap {gap.gap:+.1f}, {gap.confidence} evidence). "
            f"What they did: {gap.practice}"
        )
        if gap.sources:
            st.caption("Sources: " + " · ".join(gap.sources))


def _two_places(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
