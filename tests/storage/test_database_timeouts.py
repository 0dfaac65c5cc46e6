"""A PostgreSQL that is stuck or does not answer makes a change fail within the timeouts, as `Unavailable`, rather
than hold a page (and the person) indefinitely; migrations are exempt from the statement timeout."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from sqlalchemy import create_engine, text

from assessment.content.framework import builtin_framework
from assessment.errors import Unavailable
from assessment.services import participation
from assessment.services.database import Database, open_database
from assessment.settings import Settings
from assessment.storage.db import MIGRATION_LOCK, make_engine, migrate
from tests.conftest import fresh_postgres_database
from tests.utils.workshops import join, new_workshop

GIVE_UP_SECONDS = 30  # far beyond any timeout here: a call still running then would have hung


def _outcome(call: Callable[[], object]) -> BaseException | object:
    """What `call` returned or raised, run in a thread that must end within GIVE_UP_SECONDS."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GIVE_UP_SECONDS)
    assert outcome, f"still waiting after {GIVE_UP_SECONDS} s"
    return outcome[0]


def test_a_save_stuck_behind_a_lock_gives_up_after_the_statement_timeout(tmp_path):
    with fresh_postgres_database(tmp_path) as url:
        db = Database.from_url(url, statement_timeout=1)
        migrate(db.engine)
        created = new_workshop(db, builtin_framework("ham-2015"))
        participant = join(db, created, sector="Acute")
        save = lambda: participation.save_answer(  # noqa: E731
            db, participant_id=participant, framework_id="ham-2015", statement_id="population-1", value=3)
        blocker = create_engine(url)
        with blocker.connect() as holding:
            holding.execute(text("LOCK TABLE answers IN EXCLUSIVE MODE"))  # reads go on, writes wait
            assert isinstance(_outcome(save), Unavailable)
            holding.rollback()
        assert _outcome(save) is True  # the lock gone, the same save works
        blocker.dispose()
        db.dispose()


def test_a_database_that_never_answers_fails_within_the_connect_timeout():
    with socket.socket() as silent:  # accepts connections (the kernel does) and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        db = Database.from_url(f"postgresql+psycopg://postgres@127.0.0.1:{silent.getsockname()[1]}/none",
                               connect_timeout=2)

        def read() -> None:
            with db.read() as session:
                session.execute(text("SELECT 1"))

        assert isinstance(_outcome(read), Unavailable)
        db.dispose()


def test_a_server_waiting_for_anothers_migration_is_not_cut_short_by_the_statement_timeout(tmp_path):
    with fresh_postgres_database(tmp_path) as url:
        engine = make_engine(url, statement_timeout=1)
        other_server = create_engine(url)
        with other_server.connect() as migrating:
            migrating.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            release = threading.Timer(2.5, lambda: migrating.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK}))
            release.start()
            assert _outcome(lambda: migrate(engine)) is True
            release.join()
        other_server.dispose()
        engine.dispose()


def test_the_settings_set_the_timeouts_of_the_app_database(tmp_path):
    with fresh_postgres_database(tmp_path) as url:
        db = open_database(Settings(database_url=url, database_connect_timeout=4, database_statement_timeout=7),
                           seed=False)
        with db.read() as session:
            assert session.execute(text("SHOW statement_timeout")).scalar() == "7s"
            assert "connect_timeout=4" in session.connection().connection.dbapi_connection.info.dsn
        db.dispose()
