"""What the pages share: the database, the built-in content, and who this browser session is.

A facilitator is whoever opened the workshop's facilitator link in this session; a participant is
whoever joined (or resumed) in it. Both live in `st.session_state`, never in widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
import hmac
import secrets
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from assessment import crud
from assessment.db import make_engine, migrate, transaction
from assessment.demo import seed_demo
from assessment.exemplar import Exemplar, builtin_exemplars
from assessment.framework import Framework, builtin_frameworks
from assessment.models import Workshop
from assessment.settings import get_settings

FACILITATOR_KEY = "facilitator_key"
PARTICIPANT = "participant"  # (workshop join code, participant id, resume code)
ADMIN = "admin"
ADMIN_WORKSHOP = "admin_workshop"  # the workshop an admin chose to facilitate


@st.cache_resource(show_spinner="Setting up the database (the first start also stores the demo workshops)…")
def engine() -> Engine:
    settings = get_settings()
    database = make_engine(settings.database_url)
    if migrate(database) and settings.load_demo:
        with transaction(database, writes=True) as session:
            seed_demo(session, builtin_frameworks())
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
    """This session's facilitated workshop; without a valid key, says so on the page and returns None."""
    key = st.session_state.get(FACILITATOR_KEY)
    chosen = st.session_state.get(ADMIN_WORKSHOP) if st.session_state.get(ADMIN) else None
    with db() as session:
        if key:
            workshop = crud.workshop_by_facilitator_key(session, key=key)
        else:
            workshop = session.get(Workshop, chosen) if chosen else None
        if workshop is not None:
            return WorkshopFacts(workshop.id, workshop.title, workshop.partnership.name, workshop.join_code,
                                 workshop.revealed, workshop.scoring_open, list(workshop.exemplar_ids),
                                 crud.workshop_frameworks(workshop))
    if st.session_state.get("facilitator_key_refused"):
        st.error("That facilitator link does not open any workshop. Check you copied all of it.")
    st.warning("This page is for the workshop's facilitator. Open your facilitator link to see it.",
               icon=":material/lock:")
    return None


def open_as_facilitator(key: str) -> bool:
    """Remember the facilitator key for this session if it opens a workshop."""
    with db() as session:
        if crud.workshop_by_facilitator_key(session, key=key) is None:
            return False
    st.session_state[FACILITATOR_KEY] = key
    st.session_state.pop(ADMIN_WORKSHOP, None)
    return True


def facilitate_as_admin(workshop_id: int) -> None:
    """Whoever runs PlaceReady may facilitate any workshop, e.g. one imported or stored as a demo."""
    st.session_state.pop(FACILITATOR_KEY, None)
    st.session_state[ADMIN_WORKSHOP] = workshop_id




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
    admitted = hmac.compare_digest(key.encode(), admin_key().encode())
    st.session_state[ADMIN] = admitted
    return admitted


def is_admin() -> bool:
    return bool(st.session_state.get(ADMIN))


def admitted_as_admin() -> bool:
    """True for a session that opened the admin link; otherwise says how to get in."""
    if st.session_state.get(ADMIN):
        return True
    st.warning("This page is for whoever runs this PlaceReady: open the admin link (/manage?admin=…) from the "
               "server's log, or the one set in PLACEREADY_ADMIN_KEY.", icon=":material/lock:")
    return False


def base_url() -> str:
    """The app's address as the browser sees it, for join links."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return f"{scheme}://{host}"
