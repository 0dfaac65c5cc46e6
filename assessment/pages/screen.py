"""The projector: what the whole room sees, one step at a time, in large type, never scrolling.

Opened by the workshop's screen link, /screen?s=KEY (the join code opens no screen); it follows wherever the
facilitator's control view puts the room, refreshing by itself. It gives no control: opened from the control view
in the browser that runs the workshop, it also answers the keyboard (Page Down / Page Up, as a presentation clicker
sends) to move the room on or back.

Every step is laid out on a canvas of 1920×1080 units, scaled to fit the screen as a slide is (a 4:3 screen shows
it across its width, with room to spare below): body type is 24 units (24 px on a 1920×1080 projector, 17 px at
1366×768, 13 px across a 1024×768 one), chart type 20. Charts are drawn at sizes in those units, so they scale
with everything else. A step that would not fit is split into more steps in the running order, never scrolled.
"""

from __future__ import annotations

import html

import streamlit as st

from assessment.engine.agenda import Stage
from assessment.errors import InputError
from assessment.pages import screen_steps, state
from assessment.pages.text import show_problems
from assessment.services import presenter
from assessment.services.access import Role
from assessment.services.screen import Screen, screen
from assessment.services.workshops import WorkshopFacts

SCREEN_LINK = "s"  # the query parameter of the screen link, and the key this tab opened
CANVAS = (1920, 1080)  # in design units
# The canvas's scale: the largest that fits the screen (a resize or a move to the projector rescales it).
SCALE_SCRIPT = f"""<script>
(() => {{
  if (window.placereadyScreenScale) return;
  window.placereadyScreenScale = () => document.documentElement.style.setProperty('--screen-scale',
    Math.min(window.innerWidth / {CANVAS[0]}, window.innerHeight / {CANVAS[1]}));
  window.placereadyScreenScale();
  window.addEventListener('resize', window.placereadyScreenScale);
}})();
</script>"""
PRESENTER_CSS = """
<style>
  html { font-size: 24px; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  [data-testid="stMain"] { overflow: hidden; }
  [data-testid="stMainBlockContainer"] {
    transform: scale(var(--screen-scale, 1)); transform-origin: 0 0; max-width: none; padding: 16px 40px 8px 40px;
    width: calc(100vw / var(--screen-scale, 1)); height: calc(100vh / var(--screen-scale, 1)); box-sizing: border-box;
    position: absolute; left: 0; top: 0; margin: 0; }
  /* The step (drawn by a fragment, in a block of its own) fills the canvas. */
  [data-testid="stMainBlockContainer"] > div { height: 100%; }
  [data-testid="stLayoutWrapper"]:has(.st-key-canvas) { flex: 1 1 0; min-height: 0; }
  [data-testid="stVerticalBlock"]:has(> [data-testid="stLayoutWrapper"] > .st-key-canvas), .st-key-canvas {
    height: 100%; }
  [data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 12px; }
  [data-testid="stMain"] h1 { font-size: 2.1rem; line-height: 1.2; padding: 0; }
  [data-testid="stMain"] h2 { font-size: 1.45rem; line-height: 1.25; padding: 0; }
  [data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1rem; line-height: 1.4; }
  [data-testid="stMarkdownContainer"] ul { margin-bottom: 0; }
  [data-testid="stTable"] td, [data-testid="stTable"] th { font-size: 1rem; padding: 0.2rem 0.5rem; }
  [data-testid="stTable"] td:not(:first-child) p, [data-testid="stTable"] th p { white-space: nowrap !important; }
  /* Streamlit pulls a Markdown block up by the margin under its last paragraph: here none has one. */
  [data-testid="stMain"] [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
  [data-testid="stMain"] [data-testid="stMarkdownContainer"] > :last-child { margin-bottom: 0; }
  .screen-bar { display: flex; justify-content: space-between; gap: 2rem; border-bottom: 3px solid #0B0C0C;
                padding-bottom: 4px; white-space: nowrap; }
  .screen-bar span { font-size: 1rem; overflow: hidden; text-overflow: ellipsis; }
  /* Nothing in a step shrinks, and the join banner sits at the bottom. */
  .st-key-canvas > * { flex-shrink: 0; }
  .st-key-canvas > [data-testid="stElementContainer"]:has(.join-banner) { margin-top: auto; }
  .join-banner { display: flex; align-items: center; justify-content: center; gap: 1.2rem; padding: 6px 0 4px;
                 border-top: 3px solid #0B0C0C; white-space: nowrap; }
  .join-banner span { font-size: 1.25rem; }
  .join-banner strong.code { font-size: 2.3rem; letter-spacing: 0.12em; line-height: 1.1; }
  [data-testid="stMarkdownContainer"] p.join-code { font-size: 6rem; font-weight: 700; letter-spacing: 0.15em;
                                                    line-height: 1.1; margin: 0.2rem 0; }
  [data-testid="stMarkdownContainer"] div.big-number { font-size: 7rem; font-weight: 700; line-height: 1.05; }
  [class*="st-key-large"] p, [class*="st-key-large"] li { font-size: 1.35rem; }
  /* The charts' numbers as tables, for screen readers on the screen's page: read, not shown. */
  div.st-key-chart-tables { position: absolute !important; width: 1px !important; height: 1px !important;
                            overflow: hidden !important; clip-path: inset(50%); white-space: nowrap; }
  div.st-key-chart-tables * { overflow: visible !important; }  /* nothing inside scrolls (or needs a key to) */
</style>
"""


def render() -> None:
    st.html(PRESENTER_CSS)
    st.html(SCALE_SCRIPT, unsafe_allow_javascript=True)
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
    with st.container(key="canvas"):
        _step(shown)


def _step(shown: Screen) -> None:
    position = shown.position
    st.markdown(f'<div class="screen-bar"><span>{html.escape(shown.workshop.partnership)} · '
                f'{html.escape(shown.workshop.title)}</span><span>{html.escape(position.title)} · step '
                f'{position.number} of {position.total}</span></div>', unsafe_allow_html=True)
    stage = position.step.stage
    hidden = not shown.workshop.revealed and stage in (Stage.overview, Stage.principles, Stage.second_vote,
                                                      Stage.agree)
    if hidden:
        st.title("Results are hidden")
        st.markdown("The facilitator will reveal the room's results when everyone has scored.")
    else:
        screen_steps.DRAW[stage](shown)
    if shown.workshop.scoring_open and stage is not Stage.joining:
        _join_banner(shown)


def _join_banner(shown: Screen) -> None:
    """While people can still score: how to join, large enough to read from the back of the room."""
    code = html.escape(shown.workshop.join_code)
    st.markdown(f'<div class="join-banner"><span>Join on your phone: <strong>'
                f'{html.escape(state.base_url().split("://", 1)[-1])}/join</strong> with the code</span>'
                f'<strong class="code">{code}</strong></div>', unsafe_allow_html=True)
