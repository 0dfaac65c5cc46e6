"""What the pages share: the database, the built-in content, and who this browser session is.

A facilitator is whoever opened the workshop's facilitator link in this session; a participant is
whoever joined (or resumed) in it. Both live in `st.session_state`, never in widgets.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
import hmac
import secrets
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from assessment.services import access
from assessment.storage import crud
from assessment.services.access import Person, Role
from assessment.storage.db import make_engine, migrate, transaction
from assessment.content.demo import seed_demo
from assessment.content.exemplar import Exemplar, builtin_exemplars
from assessment.content.framework import Framework, builtin_frameworks
from assessment.storage.models import Workshop
from assessment.settings import get_settings

FACILITATOR_KEY = "facilitator_key"
PARTICIPANT = "participant"  # (workshop join code, participant id, resume code)
ADMIN = "admin"
CHOSEN_WORKSHOP = "chosen_workshop"  # a workshop opened from the places page rather than by its link


@st.cache_resource(show_spinner="Setting up the database (the first start also stores the demo workshops)…")
def engine() -> Engine:
    settings = get_settings()
    database = make_engine(settings.database_url)
    if migrate(database) and settings.load_demo and not settings.sign_in:
        with transaction(database, writes=True) as session:
            seed_demo(session, builtin_frameworks())
    if settings.retention_days:
        with transaction(database, writes=True) as session:
            crud.apply_retention(session, days=settings.retention_days, today=datetime.date.today())
    return database


@contextmanager
def db(*, writes: bool = False) -> Iterator[Session]:
    """A transaction on the app's database; say `writes=True` when the block changes anything."""
    with transaction(engine(), writes=writes) as session:
        yield session


@st.cache_resource
def content() -> tuple[dict[str, Framework], dict[str, Exemplar]]:
    frameworks = builtin_frameworks()
    return {f.id: f for f in frameworks}, {e.id: e for e in builtin_exemplars(frameworks)}


@dataclass(frozen=True)
class WorkshopFacts:
    """What the facilitator pages need of their workshop, read once per run."""

    id: int
    title: str
    partnership: str
    join_code: str
    revealed: bool
    scoring_open: bool
    exemplar_ids: list[str]
    frameworks: list[Framework]


def facilitated() -> WorkshopFacts | None:
    """This session's facilitated workshop; without a valid key, says so on the page and returns None.

    With sign-in, the link alone is not enough: the person must also facilitate for the organisation
    that owns the workshop's partnership.
    """
    key = st.session_state.get(FACILITATOR_KEY)
    chosen = st.session_state.get(CHOSEN_WORKSHOP)
    someone = person()
    with db() as session:
        if key:
            workshop = crud.workshop_by_facilitator_key(session, key=key)
        else:
            workshop = session.get(Workshop, chosen) if chosen and someone else None
        if workshop is not None and signing_in() and not (someone and someone.may(workshop.partnership,
                                                                                   Role.facilitator)):
            workshop = None
        if workshop is not None:
            return WorkshopFacts(workshop.id, workshop.title, workshop.partnership.name, workshop.join_code,
                                 workshop.revealed, workshop.scoring_open, list(workshop.exemplar_ids),
                                 crud.workshop_frameworks(workshop))
    if signing_in() and someone is None:
        _sign_in_prompt()
        return None
    if st.session_state.get("facilitator_key_refused") or (key and signing_in()):
        st.error("That facilitator link does not open any workshop you facilitate. Check you copied all of it.")
    st.warning("This page is for the workshop's facilitator. Open your facilitator link to see it.",
               icon=":material/lock:")
    return None


def open_as_facilitator(key: str) -> bool:
    """Remember the facilitator key for this session if it opens a workshop."""
    with db() as session:
        if crud.workshop_by_facilitator_key(session, key=key) is None:
            return False
    st.session_state[FACILITATOR_KEY] = key
    st.session_state.pop(CHOSEN_WORKSHOP, None)
    return True


def facilitate(workshop_id: int) -> None:
    """Open a workshop from the places page; `facilitated` still checks the person may."""
    st.session_state.pop(FACILITATOR_KEY, None)
    st.session_state[CHOSEN_WORKSHOP] = workshop_id


def signing_in() -> bool:
    """True when PlaceReady is hosted with OpenID Connect sign-in (PLACEREADY_SIGN_IN)."""
    return get_settings().sign_in


def person() -> Person | None:
    """Who is using the private pages: the signed-in member, or (without sign-in) the admin-key holder."""
    if not signing_in():
        return Person.local_admin() if st.session_state.get(ADMIN) else None
    if not st.user.is_logged_in:
        return None
    email = st.user.get("email") or st.user.get("preferred_username")
    if not email:
        return None
    with db() as session:
        return access.signed_in(session, email=str(email))


def actor() -> str:
    """Who made a change, for the audit log."""
    someone = person()
    return someone.name if someone else crud.LOCAL_ACTOR


def organisation_choice(reader: Person) -> int | None:
    """Which organisation a new workshop belongs to: asked when signed in, None without sign-in."""
    if not signing_in():
        return None
    with db() as session:
        names = {o.id: o.name for o in crud.organisations(session, ids=reader.organisations(Role.facilitator))}
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
    key = secrets.token_urlsafe(24)
    print(f"PlaceReady: open the places, progress and system pages at /manage?admin={key} "
          "(a new key each start; set PLACEREADY_ADMIN_KEY to keep one)", flush=True)
    return key


def open_as_admin(key: str) -> bool:
    """Without sign-in, the admin key opens the private pages; with sign-in it opens nothing."""
    admitted = not signing_in() and hmac.compare_digest(key.encode(), admin_key().encode())
    st.session_state[ADMIN] = admitted
    return admitted


def signed_in_person() -> Person | None:
    """The person for a private page; otherwise says how to get in and returns None."""
    someone = person()
    if someone is not None and (someone.everything or someone.roles):
        return someone
    if signing_in():
        if someone is None:
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
