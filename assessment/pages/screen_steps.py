"""What the projector draws at each step, on its canvas (see pages/screen.py): one idea a step, each fitting.

Sizes are in canvas units (1920×1080, less 40 at each side). A chart is drawn at the size its step leaves it
(whatever the title's length) and cuts its labels to the rows it has; its numbers are also in tables that
screen readers read and the screen does not show.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import streamlit as st

from assessment.engine.agenda import Part, Stage
from assessment.engine.scoring import shown_level
from assessment.numbers import number, percent, tally
from assessment.pages import results, state
from assessment.pages.charts import distribution_bars, lens_bars, radar
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain
from assessment.services.screen import Screen, SecondVoteView

CHART = {"displayModeBar": False, "staticPlot": True}
FONT = 20  # chart type
WIDE = 1840  # the canvas's width inside its margins
HALF = 860  # a chart in one of two columns
# Heights a chart can take whatever the title's length (two lines) and with the join banner below.
CHART_ROOM = 640
SIDE_CHART_ROOM = 520
HALF_CHART_ROOM = 330
MOST_ROWS = 9  # of a table on the projector; the rest are counted beneath it
COMMENTS_SHOWN = 4
COMMENT_LENGTH = 200


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chart(figure, key: str, *, width: int = WIDE) -> None:  # type: ignore[no-untyped-def]
    """A chart drawn at its own size in canvas units (Streamlit would size it by the screen's pixels, and the
    canvas's scale would then apply twice)."""
    figure.update_layout(width=width)
    st.plotly_chart(figure, config=CHART, key=key, width="content")


def _as_tables(tables: list[pd.DataFrame]) -> None:
    """The charts' numbers for screen readers, kept out of the projector's layout."""
    with st.container(key="chart-tables"):
        st.markdown("The charts' numbers as tables:")
        for table in tables:
            results.table(table)


def _table(frame: pd.DataFrame, what: str) -> None:
    """A table of at most MOST_ROWS rows, saying how many more there are."""
    results.table(frame.head(MOST_ROWS))
    if len(frame) > MOST_ROWS:
        st.markdown(f"…and {tally(len(frame) - MOST_ROWS, what)} more.")


def _big_numbers(figures: list[tuple[int, str]]) -> None:
    for column, (value, label) in zip(st.columns(len(figures)), figures, strict=True):
        column.markdown(f'<div class="big-number">{value}</div><p>{html.escape(label)}</p>', unsafe_allow_html=True)


def _join(shown: Screen) -> None:
    code = shown.workshop.join_code
    link = f"{state.base_url()}/join?code={code}"
    words, picture = st.columns([3, 2], vertical_alignment="center")
    words = words.container(key="large-join")
    words.title("Join on your phone")
    words.markdown(f"Go to **{state.base_url()}/join** and type the code")
    words.markdown(f'<p class="join-code">{code}</p>', unsafe_allow_html=True)
    words.markdown("or scan the QR code. Your answers are anonymous: no names, only your organisation and sector.")
    words.markdown(f"**{tally(shown.attendance.joined, 'person', 'people')} joined so far.**")
    picture.image(qr_svg(link), width=540, alt=f"QR code that opens the join page with code {code}")


def _review(shown: Screen) -> None:
    reviews = shown.reviews
    st.title(f"Since {plain(reviews[0].from_workshop)}: our actions" if reviews else "Last workshop's actions")
    if not reviews:
        st.markdown("The last workshop recorded no actions.")
        return
    outcomes = [r.outcome or "to review" for r in reviews]
    st.markdown(f"{tally(len(reviews), 'action')}: " + ", ".join(
        f"{sum(o == outcome for o in outcomes)} {outcome}" for outcome in ("done", "carried over", "dropped",
                                                                           "to review")
        if outcome in outcomes) + ".")
    _table(pd.DataFrame({"Action": [_clip(r.action.text, 90) for r in reviews],
                         "Owner": [_clip(r.action.owner, 40) for r in reviews],
                         "Due": [r.action.due_on.isoformat() if r.action.due_on else "" for r in reviews],
                         "Now": outcomes}), "action")


def _scoring(shown: Screen) -> None:
    seen, now = shown.attendance, shown.scoring_now
    if now is None:
        st.title("Score on your phone")
        with st.container(key="large-scoring"):
            _big_numbers([(seen.joined, "joined"), (seen.took_part, "have started"), (seen.finished, "finished")])
            st.markdown("Take your time: your answers save as you go, and you can change them until scoring "
                        "closes.")
        return
    st.title(f"Now scoring: {plain(now.principle.name)}")
    with st.container(key="large-scoring"):
        st.markdown(f"Principle {now.number} of {now.of} · {plain(now.framework)}")
        st.markdown("\n".join(f"- {plain(_clip(s.text, 160))}" for s in now.principle.statements))
        _big_numbers([(now.done, (f"of {tally(seen.joined, 'person', 'people')} {'has' if now.done == 1 else 'have'} "
                                  "answered this principle"))])


def _overview(shown: Screen) -> None:
    [overview] = shown.overviews
    framework = overview.framework
    st.title(f"Where we stand: {plain(framework.title)}")
    chart, numbers = st.columns([5, 6], gap="medium")
    figure = radar(framework, overview.profiles, font_size=FONT - 1, label_width=16)
    # The scale's numbers run up between the first two principles, clear of every principle's name.
    step = 360 / len(framework.principles)
    # The key in the chart's top left corner, clear of the names (below the chart it met the lowest ones): the
    # corner in the plot's own fractions, from the margins.
    width, height, margin = 800, CHART_ROOM + 40, {"l": 170, "r": 170, "t": 140, "b": 130}
    figure.update_layout(height=height, margin=margin,
                         legend={"orientation": "v", "x": -margin["l"] / (width - margin["l"] - margin["r"]),
                                 "y": 1 + margin["t"] / (height - margin["t"] - margin["b"]), "yanchor": "top"},
                         polar={"radialaxis": {"angle": 90 - step / 2, "tickangle": 90 - step / 2}})
    with chart:
        _chart(figure, "radar", width=width)
    with numbers:
        st.markdown(f"{tally(overview.people, 'person', 'people')} scored it. The chart's numbers:")
        results.table(pd.DataFrame({
            "Principle": [_clip(line.name, 48) for line in overview.lines],
            "Mean": [number(line.mean) for line in overview.lines],
            "The room": [str(line.agreement) for line in overview.lines],
            "Agreed": [line.agreed or "" for line in overview.lines]}))


def _principle(shown: Screen) -> None:
    spot = shown.spotlight
    if spot is None:
        st.title("One principle at a time")
        return
    st.title(plain(spot.name))
    PARTS[shown.position.step.part or Part.room](shown)


def _where_the_room_stands(shown: Screen) -> None:
    spot = shown.spotlight
    assert spot is not None
    st.markdown(f"**{plain(spot.agreement_in_words)}** Mean {number(spot.mean)} "
                f"({shown_level(spot.level, spot.agreement)})"
                + (f" · agreed: **{plain(spot.agreed)}**" if spot.agreed else "")
                + (f" · **Second vote:** {plain(spot.second_round.in_words)}" if spot.second_round else ""))
    table = pd.DataFrame([[s.text, *s.counts, s.dont_know] for s in spot.statements],
                         columns=["Statement", *spot.scale, "Don't know"])
    _chart(distribution_bars(table, font_size=FONT, label_width=46, height=CHART_ROOM), "distribution")
    _as_tables([table])


def _how_sectors_see_it(shown: Screen) -> None:
    spot = shown.spotlight
    assert spot is not None
    sectors, said = st.columns([1, 1], gap="large")
    said = said.container(key="large-said")
    with sectors:
        st.header("How sectors see it")
        if spot.lens:
            low, high = int(spot.scale[0].split()[0]), int(spot.scale[-1].split()[0])
            _chart(lens_bars(spot.lens, low, high, font_size=FONT, label_width=26, height=SIDE_CHART_ROOM), "lens",
                   width=HALF)
            _as_tables([pd.DataFrame({"Sector or group (people)": [name for name, _ in spot.lens],
                                      "Mean": [number(value) for _, value in spot.lens]})])
        if spot.lens_note:
            st.markdown(plain(spot.lens_note))
    with said:
        st.header("What people said")
        if spot.comments:
            st.markdown("\n".join(f"- “{plain(_clip(comment, COMMENT_LENGTH))}”"
                                  for comment in spot.comments[:COMMENTS_SHOWN]))
            if len(spot.comments) > COMMENTS_SHOWN:
                st.markdown(f"…and {tally(len(spot.comments) - COMMENTS_SHOWN, 'more comment')}.")
        else:
            st.markdown("No comments shown on this principle.")


def _what_others_did(shown: Screen) -> None:
    spot = shown.spotlight
    assert spot is not None
    others, questions = (column.container(key=f"large-{n}") for n, column in
                         enumerate(st.columns([1, 1], gap="large")))
    with others:
        st.header("What others did")
        if spot.exemplars:
            st.markdown("\n".join(f"- **{plain(e.name)}** (level {e.score}): {plain(_clip(e.practice or '', 190))}"
                                  for e in spot.exemplars[:3]))
        else:
            st.markdown("None of the exemplars chosen for this workshop was judged on this principle.")
    with questions:
        st.header("Questions for the room")
        st.markdown("\n".join(f"- {plain(prompt)}" for prompt in spot.prompts[:3]) if spot.prompts
                    else "What would move this principle on by one level in the next six months?")


def _second_vote(shown: Screen) -> None:
    vote = shown.second_vote
    if vote is None:
        st.title("Second vote")
        st.markdown("The facilitator has not opened a second vote yet.")
        return
    st.title(f"Second vote: {plain(vote.name)}")
    figures, charts = st.columns([2, 3], gap="large")
    with figures:
        _vote_figures(shown, vote)
    rounds = {title: pd.DataFrame([[s.text, *s.counts, s.dont_know] for s in counts],
                                  columns=["Statement", *vote.scale, "Don't know"])
              for title, counts in (("First vote", vote.first_round), ("Second vote", vote.second_round))}
    people = max(int(table.iloc[:, 1:].sum(axis=1).max()) for table in rounds.values())  # one scale for both
    tables = []
    with charts:
        for title, table in rounds.items():
            st.header(title)
            if title == "Second vote" and not vote.revealed:
                st.markdown("Hidden until the facilitator shows the result.")
            elif not table.iloc[:, 1:].to_numpy().any():
                st.markdown("No votes yet.")
            else:
                _chart(distribution_bars(table, font_size=FONT, label_width=34, height=HALF_CHART_ROOM,
                                         legend=title == "First vote", people=people), f"round-{title}", width=1030)
                tables.append(table)
        _as_tables(tables)


def _vote_figures(shown: Screen, vote: SecondVoteView) -> None:
    change = vote.comparison
    if vote.is_open:
        st.markdown(f'<div class="big-number">{change.second.people}</div><p>of '
                    f'{tally(shown.attendance.took_part, "person", "people")} '
                    f'{"has" if change.second.people == 1 else "have"} voted again. Vote on your phone now: your '
                    "first answers are already chosen, keep them or change them.</p>", unsafe_allow_html=True)
    elif not vote.revealed:
        st.markdown(f"Voting has closed: {tally(change.second.people, 'person', 'people')} voted again. The "
                    "facilitator will show the result.")
    if not vote.revealed:
        return
    results.table(pd.DataFrame({  # every cell text: a column of a number and words is no Arrow column
        "": ["People", "Mean", "Within a point", "Agreement (rwg, 1 = all agree)", "The room"],
        "First vote": [str(change.first.people), number(change.first.mean), percent(change.first.within_one_point),
                       number(change.first.rwg, 2), str(change.first.agreement)],
        "Second vote": [str(change.second.people), number(change.second.mean), percent(change.second.within_one_point),
                        number(change.second.rwg, 2), str(change.second.agreement)]}))
    st.markdown(f"**{plain(change.in_words)}**")


def _agree(shown: Screen) -> None:
    [overview] = shown.overviews
    st.title(f"Agreed scores: {plain(overview.framework.title)}")
    results.table(pd.DataFrame({"Principle": [_clip(line.name, 60) for line in overview.lines],
                                "Room mean": [number(line.mean) for line in overview.lines],
                                "The room": [str(line.agreement) for line in overview.lines],
                                "Agreed": [line.agreed or "not yet" for line in overview.lines]}))


def _actions(shown: Screen) -> None:
    st.title("Actions")
    if not shown.actions:
        st.markdown("No actions agreed yet.")
        return
    _table(pd.DataFrame({"Action": [_clip(a.text, 90) for a in shown.actions],
                         "Owner": [_clip(a.owner, 40) for a in shown.actions],
                         "Due": [a.due_on.isoformat() if a.due_on else "" for a in shown.actions],
                         "Status": [a.status for a in shown.actions]}), "action")


def _close(shown: Screen) -> None:
    st.title("Thank you")
    agreed = sum(line.agreed is not None for overview in shown.overviews for line in overview.lines)
    said = st.container(key="large-close")
    said.markdown(f"{tally(shown.attendance.took_part, 'person', 'people')} took part. "
                f"{tally(agreed, 'agreed score')} and {tally(len(shown.actions), 'action')} were recorded. The "
                "facilitator will share the report.")
    said.markdown("\n".join(f"- **{plain(overview.framework.title)}**: {tally(overview.people, 'person', 'people')} "
                             "scored it." for overview in shown.overviews))


PARTS: dict[Part, Callable[[Screen], None]] = {
    Part.room: _where_the_room_stands, Part.views: _how_sectors_see_it, Part.practice: _what_others_did}
DRAW: dict[Stage, Callable[[Screen], None]] = {
    Stage.joining: _join, Stage.review: _review, Stage.scoring: _scoring, Stage.overview: _overview,
    Stage.principles: _principle, Stage.second_vote: _second_vote, Stage.agree: _agree, Stage.actions: _actions,
    Stage.close: _close}
