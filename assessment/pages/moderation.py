"""Comment moderation on the control view: the queue of comments waiting to be released (newest first, each with
its principle), and a principle's comments with what the room may see of them. Nothing reaches the projector
until it is released."""

from __future__ import annotations

import streamlit as st

from assessment.errors import InputError
from assessment.pages import state
from assessment.pages.text import plain, show_problems
from assessment.services import comments
from assessment.services.comments import HIDDEN, PENDING, RELEASED, Comment
from assessment.services.workshops import WorkshopFacts

QUEUE_HEIGHT = 236  # px: with the navigation beside it, the queue's first comments sit above the fold at 768 px
SHOWN_LENGTH = 160  # characters of a comment in the queue; the whole text is one click away
STATE_WORDS = {PENDING: "waiting", RELEASED: "on the screen", HIDDEN: "hidden"}
QUEUE_CSS = """<style>
  .st-key-comment-queue p { font-size: 0.9rem; line-height: 1.35; }
  .st-key-comment-queue button { min-height: 2rem; padding: 0.1rem 0.6rem; }
  .st-key-comment-queue [data-testid="stVerticalBlock"] { gap: 0.45rem; }
</style>"""


def queue(facts: WorkshopFacts) -> None:
    """The comments waiting for the facilitator, refreshed as people save them."""
    st.markdown(QUEUE_CSS, unsafe_allow_html=True)
    state.refreshed(_queue)(facts.id)


def _queue(workshop_id: int) -> None:
    db, actor = state.database(), state.actor()
    waiting = comments.comments(db, actor=actor, workshop_id=workshop_id, states=[PENDING])
    heading, everything = st.columns([3, 2], vertical_alignment="center")
    heading.markdown(f"**Comments waiting: {len(waiting)}**" if waiting else "**No comments waiting**")
    if waiting:
        everything.button("Show all", key="comments-show-all", width="stretch", on_click=_moderate,
                          args=(workshop_id, [c.key for c in waiting], RELEASED),
                          help="Release every waiting comment to the room")
    # A block of its own when empty (Streamlit keeps a keyed block's height when it is drawn again).
    with st.container(height=QUEUE_HEIGHT if waiting else "content", border=True,
                      key="comment-queue" if waiting else "comment-queue-empty"):
        if not waiting:
            st.caption("New comments from phones appear here, newest first. The room sees a comment only once "
                       "you show it.")
        for comment in waiting:
            _waiting(workshop_id, comment)


def _waiting(workshop_id: int, comment: Comment) -> None:
    text = comment.text if len(comment.text) <= SHOWN_LENGTH else comment.text[: SHOWN_LENGTH - 1] + "…"
    st.markdown(f"**{plain(comment.principle)}:** “{plain(text)}”")
    buttons = st.container(horizontal=True, gap="small")
    buttons.button("Show", key=f"show-{comment.key}", type="primary", on_click=_moderate,
                args=(workshop_id, [comment.key], RELEASED), help="Release it to the room")
    buttons.button("Hide", key=f"hide-{comment.key}", on_click=_moderate, args=(workshop_id, [comment.key], HIDDEN),
                help="Keep it off the screen and out of reports (it stays in the data, marked hidden)")


def _moderate(workshop_id: int, keys: list[str], to: str) -> None:
    try:
        comments.moderate(state.database(), actor=state.actor(), workshop_id=workshop_id, keys=keys, state=to)
    except InputError as error:  # a comment changed on its phone since it was listed
        st.session_state["moderation_problem"] = error


def automatic_release(facts: WorkshopFacts) -> None:
    """The workshop's setting: release comments as they are saved (off unless the facilitator turns it on)."""
    st.toggle("Release new comments automatically", value=facts.auto_release_comments,
              key=f"auto-release-{facts.auto_release_comments}", on_change=_set_automatic, args=(facts,),
              help="On: every comment reaches the screen as it is saved, and those waiting now are released too. "
                   "Off (the default): each waits here until you show it.")


def _set_automatic(facts: WorkshopFacts) -> None:
    comments.release_automatically(state.database(), actor=state.actor(), workshop_id=facts.id,
                                   automatic=not facts.auto_release_comments)


def principle_comments(facts: WorkshopFacts, framework_id: str, principle_id: str) -> None:
    """A principle's comments, each with what the room may see of it and the change the facilitator can make."""
    if problem := st.session_state.pop("moderation_problem", None):
        show_problems("Not changed:", problem)
    found = comments.comments(state.database(), actor=state.actor(), workshop_id=facts.id,
                              framework_id=framework_id, principle_id=principle_id)
    shown = sum(c.state == RELEASED for c in found)
    st.markdown(f"**Comments on this principle:** {len(found)}, {shown} on the screen" if found
                else "**No comments on this principle.**")
    for comment in found:
        words, change = st.columns([5, 1], vertical_alignment="center")
        words.markdown(f"“{plain(comment.text)}” :small[({STATE_WORDS[comment.state]})]")
        to = HIDDEN if comment.state == RELEASED else RELEASED
        change.button("Hide" if to == HIDDEN else "Show", key=f"comment-{comment.key}", on_click=_moderate,
                      args=(facts.id, [comment.key], to), width="stretch")
