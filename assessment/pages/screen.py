"""The projector: what the whole room sees, one step at a time, in large type, without scrolling at 1920×1080.

Opened by the workshop's screen link, /screen?s=KEY (the join code opens no screen); it follows wherever the
facilitator's control view puts the room, refreshing by itself. It gives no control: opened from the control view
in the browser that runs the workshop, it also answers the keyboard (Page Down / Page Up, as a presentation clicker
sends) to move the room on or back.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from assessment.engine.agenda import Stage
from assessment.engine.scoring import shown_level
from assessment.errors import InputError
from assessment.numbers import number, percent
from assessment.pages import results, state
from assessment.pages.charts import distribution_bars, lens_bars, radar
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain, show_problems
from assessment.services import presenter
from assessment.services.access import Role
from assessment.services.screen import Screen, screen
from assessment.services.workshops import WorkshopFacts

SCREEN_LINK = "s"  # the query parameter of the screen link, and the key this tab opened
CHART = {"displayModeBar": False, "staticPlot": True}
FONT = 20  # chart type on the projector
PRESENTER_CSS = """
<style>
  html { font-size: 26px; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0.8rem 2rem 0.5rem 2rem; max-width: 100%; }
  [data-testid="stTable"] td, [data-testid="stTable"] th { font-size: 0.95rem; padding: 0.15rem 0.5rem; }
  [data-testid="stMain"] h1 { font-size: 2.1rem; padding: 0.2rem 0; }
  [data-testid="stMain"] h2 { font-size: 1.6rem; padding: 0.4rem 0 0.2rem 0; }
  .screen-bar { display: flex; justify-content: space-between; gap: 2rem; border-bottom: 3px solid #0B0C0C;
                font-size: 0.9rem; padding-bottom: 0.2rem; margin-bottom: 0.3rem; white-space: nowrap; }
  .screen-bar span:first-child { overflow: hidden; text-overflow: ellipsis; }
  [data-testid="stExpander"] summary { padding: 0.1rem 0.6rem; font-size: 0.6rem; }
  [data-testid="stExpander"] details { border: none; }
  [data-testid="stTable"] td:not(:first-child) p, [data-testid="stTable"] th p { white-space: nowrap !important; }
  [data-testid="stMarkdownContainer"] p.join-code { font-size: 6.5rem; font-weight: 700; letter-spacing: 0.15em;
                                                    line-height: 1.1; margin: 0.2rem 0; }
  [data-testid="stMarkdownContainer"] div.big-number { font-size: 4.5rem; font-weight: 700; line-height: 1; }
</style>
"""


def render() -> None:
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
    try:
        key, shown = _opened()
    except InputError as too_many:  # attempts.TooManyTries: the link was not even looked up
        show_problems("The screen was not opened:", too_many)
        return
    if shown is None:
        st.title("Projector screen")
        st.markdown("Open this screen with its screen link, from the facilitator's control view (Screens and "
                    "devices): /screen?s=…")
        return
    _keyboard(shown.workshop)
    state.refreshed(_follow)(key)


def _opened() -> tuple[str, Screen | None]:
    """The screen link in the address and what it shows; a link not yet seen in this tab goes through the one
    limiter of wrong codes, so this page tells nobody whether a guess is a workshop."""
    key = st.query_params.get(SCREEN_LINK, "").strip()
    if not key:
        return key, None
    if st.session_state.get(SCREEN_LINK) == key:
        return key, screen(state.database(), screen_key=key)
    shown = state.guarded(lambda: screen(state.database(), screen_key=key))
    if shown is not None:
        st.session_state[SCREEN_LINK] = key
    return key, shown


def _keyboard(workshop: WorkshopFacts) -> None:
    """Next and previous for a facilitator presenting from the browser that runs the workshop (every window of it,
    since control is the browser's): keys only, in the sidebar the projector hides, so the screen is the same."""
    if state.actor().may(Role.facilitator, organisation_id=workshop.organisation_id,
                         workshop_id=workshop.id):
        for label, by, key in (("Previous", -1, "PageUp"), ("Next", 1, "PageDown")):
            if st.sidebar.button(label, shortcut=key, key=f"screen-{by}", type="tertiary"):
                presenter.move(state.database(), actor=state.actor(), workshop_id=workshop.id, by=by)
                st.rerun()


def _follow(key: str) -> None:
    shown = screen(state.database(), screen_key=key)
    if shown is None:
        st.info("This screen link no longer opens the workshop: its facilitator made a new link.")
        return
    position = shown.position
    st.markdown(f'<div class="screen-bar"><span>{html.escape(shown.workshop.partnership)} · '
                f'{html.escape(shown.workshop.title)}</span><span>{html.escape(position.title)} · step '
                f'{position.number} of {position.total} · join code {shown.workshop.join_code}</span></div>',
                unsafe_allow_html=True)
    stage = position.step.stage
    hidden = not shown.workshop.revealed and stage in (Stage.overview, Stage.principles, Stage.second_vote,
                                                      Stage.agree)
    if hidden:
        st.title("Results are hidden")
        st.markdown("The facilitator will reveal the room's results when everyone has scored.")
    else:
        DRAW[stage](shown)


def _join(shown: Screen) -> None:
    link = f"{state.base_url()}/join?code={shown.workshop.join_code}"
    words, picture = st.columns([3, 2], vertical_alignment="center")
    words.title("Join on your phone")
    words.markdown(f"Go to **{state.base_url()}/join** and type the code")
    words.markdown(f'<p class="join-code">{shown.workshop.join_code}</p>', unsafe_allow_html=True)
    words.markdown("or scan the QR code. Your answers are anonymous: no names, only your organisation and sector.")
    picture.image(qr_svg(link), width=520, alt=f"QR code that opens the join page with code {shown.workshop.join_code}")
    _counts(shown, finished=False)


def _counts(shown: Screen, *, finished: bool) -> None:
    seen = shown.attendance
    st.markdown(f"**{seen.joined} joined**" + (f" · **{seen.finished} finished**" if finished else "") + " — "
                + ", ".join(f"{plain(sector)} {joined}" + (f" ({done} finished)" if finished else "")
                            for sector, (joined, done) in seen.by_sector.items()))


def _scoring(shown: Screen) -> None:
    seen = shown.attendance
    st.title("Score on your phone")
    joined, finished, left = st.columns(3)
    for column, label, value in ((joined, "joined", seen.joined), (finished, "finished", seen.finished),
                                 (left, "still scoring", seen.joined - seen.finished)):
        column.markdown(f'<div class="big-number">{value}</div>{label}', unsafe_allow_html=True)
    results.table(pd.DataFrame({"Sector": list(seen.by_sector),
                                "Joined": [j for j, _ in seen.by_sector.values()],
                                "Finished": [f for _, f in seen.by_sector.values()]}))


def _overview(shown: Screen) -> None:
    [overview] = shown.overviews
    framework = overview.framework
    st.title(f"Where we stand: {plain(framework.title)}")
    chart, numbers = st.columns([5, 6], gap="medium")
    figure = radar(framework, overview.profiles, font_size=FONT - 3, label_width=18)
    figure.update_layout(height=800, margin={"l": 150, "r": 150, "t": 70, "b": 40})
    chart.plotly_chart(figure, config=CHART)
    with numbers:
        st.markdown(f"{overview.people} people. The chart's numbers:")
        results.table(pd.DataFrame({
            "Principle": [line.name for line in overview.lines],
            "Mean": [number(line.mean) for line in overview.lines],
            "The room": [str(line.agreement) for line in overview.lines],
            "Agreed": [line.agreed or "" for line in overview.lines]}))


def _principle(shown: Screen) -> None:
    spot = shown.spotlight
    if spot is None:
        st.title("One principle at a time")
        return
    st.title(plain(spot.name))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**{plain(spot.agreement_in_words)}** Mean {number(spot.mean)} "
                    f"({shown_level(spot.level, spot.agreement)})"
                    + (f" · agreed: **{plain(spot.agreed)}**" if spot.agreed else ""))
        table = pd.DataFrame([[s.text, *s.counts, s.dont_know] for s in spot.statements],
                             columns=["Statement", *spot.scale, "Don't know"])
        st.plotly_chart(distribution_bars(table, font_size=FONT - 2, row_height=56, label_width=45), config=CHART)
        tables = [table]
        if spot.lens:
            st.markdown("**How sectors see it**" + (f" — {plain(spot.lens_note)}" if spot.lens_note else ""))
            low, high = int(spot.scale[0].split()[0]), int(spot.scale[-1].split()[0])
            st.plotly_chart(lens_bars(spot.lens, low, high, font_size=FONT - 4), config=CHART)
            tables.append(pd.DataFrame({"Sector or group (people)": [name for name, _ in spot.lens],
                                        "Mean": [number(value) for _, value in spot.lens]}))
        elif spot.lens_note:
            st.markdown(plain(spot.lens_note))
        if spot.second_round:
            st.markdown(f"**Second vote:** {plain(spot.second_round.in_words)}")
        _as_tables(tables)
    with right:
        if spot.prompts:
            st.markdown("#### Questions for the room")
            st.markdown("\n".join(f"- {plain(prompt)}" for prompt in spot.prompts[:3]))
        st.markdown("#### What people said")
        if spot.comments:
            st.markdown("\n".join(f"- “{plain(_clip(comment, 140))}”" for comment in spot.comments[:4])
                        + (f"\n\n…and {len(spot.comments) - 4} more" if len(spot.comments) > 4 else ""))
        else:
            st.markdown("No comments on this principle.")
        if spot.exemplars:
            st.markdown("#### What others did")
            st.markdown("\n".join(f"- **{plain(e.name)}** ({e.score}): {plain(_clip(e.practice or '', 110))}"
                                  for e in spot.exemplars[:2]))


def _as_tables(tables: list[pd.DataFrame]) -> None:
    """The charts' numbers for screen readers, folded away so the projector's layout stays as it is."""
    with st.expander("The charts' numbers as tables"):
        for table in tables:
            results.table(table)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _second_vote(shown: Screen) -> None:
    vote = shown.second_vote
    if vote is None:
        st.title("Second vote")
        st.markdown("The facilitator has not opened a second vote yet.")
        return
    st.title(f"Second vote: {plain(vote.name)}")
    change = vote.comparison
    figures, charts = st.columns([2, 3], gap="large")
    with figures:
        if vote.is_open:
            st.markdown(f'<div class="big-number">{change.second.people}</div>people have voted again — '
                        "vote on your phone now.", unsafe_allow_html=True)
        results.table(pd.DataFrame({
            "": ["People", "Mean", "Within a point of the middle", "rwg (1 = all agree)", "The room"],
            "First vote": [change.first.people, number(change.first.mean), percent(change.first.within_one_point),
                           number(change.first.rwg, 2), str(change.first.agreement)],
            "Second vote": [change.second.people, number(change.second.mean),
                            percent(change.second.within_one_point), number(change.second.rwg, 2),
                            str(change.second.agreement)]}))
        if not vote.is_open:
            st.markdown(f"**{plain(change.in_words)}**")
    tables = []
    with charts:
        for title, counts in (("First vote", vote.first_round), ("Second vote", vote.second_round)):
            st.markdown(f"**{title}**")
            table = pd.DataFrame([[s.text, *s.counts, s.dont_know] for s in counts],
                                 columns=["Statement", *vote.scale, "Don't know"])
            short = table.assign(Statement=[_clip(text, 44) for text in table["Statement"]])  # one line each
            st.plotly_chart(distribution_bars(short, font_size=FONT - 5, row_height=44, label_width=60,
                                              legend=title == "First vote"), config=CHART, key=f"round-{title}")
            tables.append(table)
        _as_tables(tables)


def _agree(shown: Screen) -> None:
    [overview] = shown.overviews
    st.title("Agreed scores")
    st.markdown(f"**{plain(overview.framework.title)}**")
    results.table(pd.DataFrame({"Principle": [line.name for line in overview.lines],
                                "Room mean": [number(line.mean) for line in overview.lines],
                                "The room": [str(line.agreement) for line in overview.lines],
                                "Agreed": [line.agreed or "not yet" for line in overview.lines]}))


def _actions(shown: Screen) -> None:
    st.title("Actions")
    if shown.reviews:
        done = sum(r.outcome == "done" for r in shown.reviews)
        st.markdown(f"From the last workshop: {len(shown.reviews)} actions — {done} done, "
                    f"{sum(r.outcome == 'carried over' for r in shown.reviews)} carried over, "
                    f"{sum(r.outcome == 'dropped' for r in shown.reviews)} dropped, "
                    f"{sum(r.outcome is None for r in shown.reviews)} still to review.")
    if not shown.actions:
        st.markdown("No actions agreed yet.")
        return
    results.table(pd.DataFrame({"Action": [a.text for a in shown.actions], "Owner": [a.owner for a in shown.actions],
                                "Due": [a.due_on.isoformat() if a.due_on else "" for a in shown.actions],
                                "Status": [a.status for a in shown.actions]}))


def _close(shown: Screen) -> None:
    st.title("Thank you")
    agreed = sum(line.agreed is not None for overview in shown.overviews for line in overview.lines)
    st.markdown(f"{shown.attendance.joined} people took part. {agreed} agreed scores and {len(shown.actions)} "
                "actions were recorded. The facilitator will share the report.")
    for overview in shown.overviews:
        st.markdown(f"- **{plain(overview.framework.title)}**: {overview.people} people scored it.")


DRAW = {Stage.join: _join, Stage.scoring: _scoring, Stage.overview: _overview,
        Stage.principles: _principle, Stage.second_vote: _second_vote, Stage.agree: _agree, Stage.actions: _actions,
        Stage.close: _close}
