"""What the pages share: the database, the built-in content, and who this browser session is.

A facilitator is whoever opened the workshop's facilitator link in this session; a participant is
whoever joined (or resumed) in it. Both live in `st.session_state`, never in widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from assessment import crud
from assessment.db import make_engine, migrate, transaction
from assessment.exemplar import Exemplar, builtin_exemplars
from assessment.framework import Framework, builtin_frameworks
from assessment.models import Workshop
from assessment.settings import get_settings

FACILITATOR_KEY = "facilitator_key"
PARTICIPANT = "participant"  # (workshop join code, participant id, resume code)


@st.cache_resource
def engine() -> Engine:
    database = make_engine(get_settings().database_url)
    migrate(database)
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


def facilitated_workshop(session: Session) -> Workshop | None:
    key = st.session_state.get(FACILITATOR_KEY)
    return crud.workshop_by_facilitator_key(session, key=key) if key else None


def open_as_facilitator(key: str) -> bool:
    """Remember the facilitator key for this session if it opens a workshop."""
    with db() as session:
        if crud.workshop_by_facilitator_key(session, key=key) is None:
            return False
    st.session_state[FACILITATOR_KEY] = key
    return True


def base_url() -> str:
    """The app's address as the browser sees it, for join links."""
    url = st.context.url or "http://localhost:8501/"
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return f"{scheme}://{host}"
