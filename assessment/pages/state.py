"""What the pages share: the database, the built-in content, and who this browser session is.

A facilitator is whoever opened the workshop's facilitator link in this session (or, signed in or
with the admin key, opened it from the places page); a participant is whoever joined (or resumed) in
it. Both live in `st.session_state`, never in widgets. Every page acts as `actor()`; the services
decide what that actor may do.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import streamlit as st

from assessment.content.exemplar import Exemplar, builtin_exemplars
from assessment.content.framework import Framework, builtin_frameworks
from assessment.errors import InputError, Unavailable
from assessment.services import attempts, codes, organisations, sessions, workshops
from assessment.services.access import Actor, Role
from assessment.services.database import Database, open_database
from assessment.services.workshops import WorkshopFacts
from assessment.settings import get_settings

FACILITATED = "facilitated_workshop"  # the workshop this session facilitates (or, for an admin, opened)
GRANT = "access_grant"  # (session token, services.sessions.Grant) while this browser session holds one
SESSION_ENDED = "access_session_ended"  # set when the session was ended from another device
PARTICIPANT = "participant"  # services.participation.Joined
LOCAL_ACTOR = "facilitator link"  # who made a change without sign-in or the admin key
TRIES = "wrong_tries_session"  # this browser session's name in the count of wrong codes

Found = TypeVar("Found")


@st.cache_resource(show_spinner="Setting up the database (the first start also stores the demo workshops)…")
def database() -> Database:
    return open_database(get_settings())


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


def _grant() -> sessions.Grant | None:
    held = st.session_state.get(GRANT)
    return held[1] if held else None


def actor() -> Actor:
    """Who this session acts as: the signed-in member with their roles (read afresh), the admin-session holder,
    or, without sign-in, whoever holds a facilitator session (facilitating just that workshop)."""
    grant = _grant()
    if signing_in():
        email = _signed_in_email()
        return organisations.actor_for(database(), email=email) if email else Actor("signed out")
    if grant and grant.kind == sessions.ADMIN:
        return Actor.local_admin()
    if grant and grant.kind == sessions.FACILITATOR:
        return Actor(LOCAL_ACTOR, facilitating=frozenset({grant.workshop_id}))
    return Actor(LOCAL_ACTOR)


def device() -> str:
    """A name for this device in the facilitator's list of sessions: its browser and system, and when."""
    agent = st.context.headers.get("User-Agent", "")
    browser = next((name for name in ("Edg", "Firefox", "Chrome", "Safari") if name in agent), "A browser")
    system = next((name for name in ("iPad", "iPhone", "Android", "Windows", "Mac OS", "Linux") if name in agent), "")
    return f"{'Edge' if browser == 'Edg' else browser}{' on ' + system if system else ''}, from {datetime.now(UTC):%d %b %H:%M} UTC"


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


def client_address() -> str:
    """The address this browser reaches PlaceReady from. Behind a proxy on this computer (or one of the
    trusted networks) the last address it added to X-Forwarded-For; the header is believed from nobody else."""
    direct = st.context.ip_address  # None over loopback
    if direct is None or any(ipaddress.ip_address(direct) in network for network in get_settings().proxy_networks):
        forwarded = st.context.headers.get("X-Forwarded-For", "").rsplit(",", 1)[-1].strip()
        return forwarded or direct or "this computer"
    return direct


def guarded(attempt: Callable[[], Found | None]) -> Found | None:
    """Try a code or key someone typed or followed; a few wrong ones a minute, then `attempts.TooManyTries`."""
    session = st.session_state.setdefault(TRIES, secrets.token_hex(8))
    return attempts.checked(attempt, session=session, address=client_address())


def _hold(token: str, grant: sessions.Grant) -> None:
    st.session_state[GRANT] = (token, grant)
    st.session_state.pop(SESSION_ENDED, None)
    if grant.workshop_id is not None:
        st.session_state[FACILITATED] = grant.workshop_id


def open_as_facilitator(key: str) -> str | None:
    """Exchange a facilitator link's key for a session of this device; the session token, or None."""
    started = guarded(lambda: sessions.start_with_key(database(), key=key, device=device()))
    if started is None:
        return None
    _, token = started
    _hold(token, sessions.resolve(database(), token=token))
    return token


def resume_session(token: str) -> bool:
    """Take up the session this token (from the address bar) belongs to; False once it has ended."""
    grant = sessions.resolve(database(), token=token)
    if grant is None:
        st.session_state.pop(GRANT, None)
        st.session_state[SESSION_ENDED] = True
        return False
    _hold(token, grant)
    return True


def session_token() -> str | None:
    held = st.session_state.get(GRANT)
    return held[0] if held else None


def session_id() -> int | None:
    """This device's session, to tell it apart in the list of the workshop's devices."""
    grant = _grant()
    return grant.session_id if grant else None


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
        st.error("This device's session was ended from another device. Open your facilitator link again to "
                 "carry on here.")
    elif st.session_state.get("facilitator_key_refused") or (workshop_id is not None and signing_in()):
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


@st.cache_resource
def admin_key() -> str:
    """The key for the places, progress and system pages: the configured one, or one made for this run."""
    configured = get_settings().admin_key
    if configured:
        return configured
    key = codes.new_key()
    print(f"PlaceReady: open the places, progress and system pages at /manage?admin={key} "
          "(a new key each start; set PLACEREADY_ADMIN_KEY to keep one)", flush=True)
    return key


def open_as_admin(key: str) -> str | None:
    """Without sign-in, the admin key opens the private pages for a session of this device; its token, or None.
    With sign-in the key opens nothing."""
    if signing_in() or not guarded(lambda: hmac.compare_digest(key.encode(), admin_key().encode()) or None):
        return None
    token = sessions.start_admin(database(), device=device())
    _hold(token, sessions.resolve(database(), token=token))
    return token


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
    st.warning("This page is for whoever runs this PlaceReady: open the admin link (/manage?admin=…) from the "
               "server's log, or the one set in PLACEREADY_ADMIN_KEY.", icon=":material/lock:")
    return None


def base_url() -> str:
    """The app's address as the browser sees it, for join links."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return f"{scheme}://{host}"
