"""What the pages share: the database, the built-in content, and who this browser session is.

What a browser controls is read from its device cookie (`pages/custody.py`): a facilitator is whoever opened the
workshop's private link in this browser (or, signed in or holding the admin link, opened it from the places
page); a participant is whoever joined (or resumed) in this tab. Nothing is taken from the address. Every page
acts as `actor()`; the services decide what that actor may do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from assessment.content.exemplar import Exemplar, builtin_exemplars
from assessment.content.framework import Framework, builtin_frameworks
from assessment.errors import InputError, Unavailable
from assessment.pages import custody
from assessment.services import attempts, organisations, sessions, workshops
from assessment.services.access import Actor, Role
from assessment.services.database import Database
from assessment.services.workshops import Caller, WorkshopFacts
from assessment.settings import get_settings

FACILITATED = "facilitated_workshop"  # the workshop this session facilitates (or, for an admin, opened)
HELD = "held_sessions"  # (when read, services.sessions.Held): what this browser controls
DEVICE = "tab_device"  # this tab's device id, where the browser keeps no cookie (and under AppTest)
SESSION_ENDED = "access_session_ended"  # set when this browser's control was ended from another device
PARTICIPANT = "participant"  # services.participation.Joined
LOCAL_ACTOR = "facilitator link"  # who made a change without sign-in or the admin key
TRIES = "wrong_tries_session"  # this browser session's name in the counts of wrong codes and set-ups
NOTHING_HELD_RECHECK = 30.0  # seconds: a browser that controls nothing is looked up again at most this often

Found = TypeVar("Found")


@st.cache_resource(show_spinner="Setting up the database (the first start also stores the demo workshops)…")
def database() -> Database:
    return custody.database()


@st.cache_resource
def content() -> tuple[dict[str, Framework], dict[str, Exemplar]]:
    frameworks = builtin_frameworks()
    return {f.id: f for f in frameworks}, {e.id: e for e in builtin_exemplars(frameworks)}


def signing_in() -> bool:
    """True when PlaceReady is hosted with OpenID Connect sign-in (PLACEREADY_SIGN_IN)."""
    return get_settings().sign_in


def _signed_in_email() -> str | None:
    if not signing_in() or not st.user.is_logged_in:
        return None
    email = st.user.get("email") or st.user.get("preferred_username")
    return str(email) if email else None


def device() -> str:
    """This browser's device id: its cookie's, or (where it keeps no cookie) this tab's own, which a reload loses."""
    return custody.device_id(st.context.cookies) or st.session_state.setdefault(DEVICE, custody.new_device_id())


def device_name() -> str:
    return custody.device_name(st.context.headers.get("User-Agent", ""))


def _admin_key() -> str | None:
    return None if signing_in() else custody.admin_key()


def take_up_device() -> None:
    """Read what this browser controls (once a run, by the entry script): a session ended on another device stops
    here at its next step. A browser that controls nothing (every phone) is looked up at most every 30 s."""
    before = st.session_state.get(HELD)
    if before and not before[1].anything and time.monotonic() - before[0] < NOTHING_HELD_RECHECK:
        return
    held = sessions.held(database(), holder=device(), admin_key=_admin_key())
    _keep(held)
    if held.ended or (before and before[1].anything and not held.anything):
        st.session_state[SESSION_ENDED] = True


def _keep(held: sessions.Held) -> None:
    """Keep what the browser controls; the tab shows the workshop whose link was opened last, unless it chose one
    (from the places page) or its own is still held."""
    before = _held()
    st.session_state[HELD] = (time.monotonic(), held)
    if held.anything:
        st.session_state.pop(SESSION_ENDED, None)
    shown = st.session_state.get(FACILITATED)
    if held.facilitating and (shown is None or (shown in before.facilitating and shown not in held.facilitating)):
        st.session_state[FACILITATED] = next(iter(held.facilitating))


def _held() -> sessions.Held:
    kept = st.session_state.get(HELD)
    return kept[1] if kept else sessions.Held()


def actor() -> Actor:
    """Who this session acts as: the signed-in member with their roles (read afresh), the admin-session holder,
    or, without sign-in, whoever holds facilitator sessions in this browser (facilitating just those workshops)."""
    if signing_in():
        email = _signed_in_email()
        return organisations.actor_for(database(), email=email) if email else Actor("signed out")
    held = _held()
    if held.admin is not None:
        return Actor.local_admin()
    return Actor(LOCAL_ACTOR, facilitating=frozenset(held.facilitating))


def session_id(workshop_id: int) -> int | None:
    """This browser's session of the workshop, to tell it apart in the list of the workshop's devices."""
    return _held().facilitating.get(workshop_id)


def admin_session_id() -> int | None:
    return _held().admin


def refreshed(body: Callable[..., None], *, every: float | None = None) -> Callable[..., None]:
    """`body` as a fragment that reruns every `every` seconds (the room refresh by default). While the database
    is away it says so in one line and tries again at the next refresh: no error box, no traceback in the log
    (the database layer logs each failure once)."""
    def guarded(*args: object, **kwargs: object) -> None:
        try:
            body(*args, **kwargs)
        except Unavailable:
            st.caption("Waiting for the database to answer; this part updates by itself once it does.")

    guarded.__name__ = guarded.__qualname__ = body.__name__  # Streamlit names a fragment by its function
    return st.fragment(guarded, run_every=every or get_settings().room_refresh_seconds)


LINK_OUTCOMES = {
    "refused": "That private link opens nothing here. Check you copied all of it: a link is replaced when its "
               "facilitator makes a new one, and a link for another device works once, within 15 minutes.",
    "wait": "Too many wrong codes or links were tried from here in the last minute. Wait a minute, then open the "
            "link again.",
    "unavailable": "The link could not be opened just now: the database did not answer. Open it again in a moment.",
}


def say_what_became_of_a_link() -> None:
    """Say once why a private link just opened did not give control (custody put the reason in the address)."""
    outcome = st.query_params.get(custody.OUTCOME)
    if outcome is not None:
        del st.query_params[custody.OUTCOME]
        if outcome in LINK_OUTCOMES:
            st.error(LINK_OUTCOMES[outcome], icon=":material/link_off:")


def client_address() -> str:
    """The address this browser reaches PlaceReady from (see `custody.client_address`)."""
    return custody.client_address(st.context.ip_address, st.context.headers.get("X-Forwarded-For", ""))


def caller() -> Caller:
    """This browser session and its address, as the limits count them."""
    return Caller(st.session_state.setdefault(TRIES, custody.new_device_id()), client_address())


def guarded(attempt: Callable[[], Found | None]) -> Found | None:
    """Try a code or key someone typed or followed; a few wrong ones a minute, then `attempts.TooManyTries`."""
    who = caller()
    return attempts.checked(attempt, session=who.session, address=who.address)


def open_as_facilitator(key: str) -> bool:
    """Make this browser a device of the workshop whose facilitator key this is (set-up does, with the key it has
    just made, so that the key never has to travel in an address); False if it opens none."""
    opened = sessions.open_with_key(database(), key=key, holder=device(), device=device_name())
    if opened is not None:
        st.session_state[FACILITATED] = opened
        _keep(sessions.held(database(), holder=device(), admin_key=_admin_key()))
    return opened is not None


def facilitating() -> bool:
    """This session has a workshop to run (by its link, or opened from the places page)."""
    return st.session_state.get(FACILITATED) is not None


def facilitate(workshop_id: int) -> None:
    """Open a workshop from the places page; `facilitated` still checks the actor may."""
    st.session_state[FACILITATED] = workshop_id


def facilitated() -> WorkshopFacts | None:
    """This session's facilitated workshop; when there is none it may open, says so and returns None."""
    workshop_id = st.session_state.get(FACILITATED)
    someone = actor()
    if workshop_id is not None:
        try:
            return workshops.workshop_for(database(), actor=someone, workshop_id=workshop_id)
        except InputError:
            pass
    if signing_in() and _signed_in_email() is None:
        _sign_in_prompt()
        return None
    if st.session_state.get(SESSION_ENDED):
        st.error("This browser's control of the workshop has ended: it was ended from another device, a new "
                 "facilitator link replaced the old one, or it reached its time limit. Open your facilitator link "
                 "again to carry on here.")
    elif workshop_id is not None and signing_in():
        st.error("That facilitator link does not open any workshop you facilitate. Check you copied all of it.")
    st.warning("This page is for the workshop's facilitator. Open your facilitator link to see it.",
               icon=":material/lock:")
    return None


def organisation_choice(someone: Actor, needed: Role = Role.facilitator) -> int | None:
    """Which organisation a new workshop (or upload) belongs to: asked when signed in, None without sign-in."""
    if not signing_in():
        return None
    names = {o.id: o.name for o in organisations.organisations(database(), actor=someone, needed=needed)}
    return st.selectbox("Organisation", list(names), format_func=names.get)


def _sign_in_prompt() -> None:
    st.info("Sign in to see your organisation's partnerships.", icon=":material/lock:")
    if st.button("Sign in", type="primary", icon=":material/login:"):
        st.login()


def private_pages_actor() -> Actor | None:
    """The actor for a private page (places, progress, system); otherwise says how to get in and returns None."""
    someone = actor()
    if someone.opens_private_pages():
        return someone
    if signing_in():
        if _signed_in_email() is None:
            _sign_in_prompt()
        else:
            st.warning(f"You are signed in as {someone.name}, but no organisation has added you yet. Ask one of "
                       "its owners to add you.", icon=":material/lock:")
        return None
    st.warning("This page is for whoever runs this PlaceReady: open the admin link, /manage?admin= followed by the "
               "key set in PLACEREADY_ADMIN_KEY (or shown on the server's terminal at start).", icon=":material/lock:")
    return None


def base_url() -> str:
    """The app's address as the browser sees it, for join links."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return f"{scheme}://{host}"
