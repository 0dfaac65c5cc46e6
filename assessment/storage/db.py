"""Engines, sessions and migrations for SQLite (the default) and PostgreSQL."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

import assessment.storage.models  # noqa: F401  (configure_mappers sets up the mappers of the models imported)
from assessment.errors import Unavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITES = "placeready_writes"  # execution option: False for a transaction that only reads
MIGRATING = "placeready_migrating"  # execution option: the transaction changes the schema


def make_engine(url: str, *, pool_size: int = 10, connect_timeout: int | None = None,
                statement_timeout: int | None = None) -> Engine:
    """An engine for `url`. On PostgreSQL, the timeouts (seconds) bound how long a page waits on a database that is
    unreachable or stuck, so a person is told "not saved" within seconds; pre-ping replaces connections that died
    while the database was away, so saves work again as soon as it is back."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    connect_args: dict[str, object] = {}
    if connect_timeout:
        connect_args["connect_timeout"] = connect_timeout
    if statement_timeout:
        connect_args["options"] = f"-c statement_timeout={statement_timeout * 1000}"
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, pool_timeout=30,
                         connect_args=connect_args)


def _configure_sqlite(engine: Engine) -> None:
    """WAL so readers never wait for writers; writing transactions take the write lock up front.

    pysqlite starts transactions lazily, so a transaction that reads and then writes can fail at once
    with "database is locked" when another writer got there first. Writing transactions therefore
    begin with BEGIN IMMEDIATE and wait (up to the busy timeout) instead. Reading transactions begin
    deferred: taking the write lock for them would queue every page view behind every answer.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        if options.get(MIGRATING):
            # Alembic's batch mode rebuilds a table by copying it, dropping it and renaming the copy;
            # with foreign keys enforced, dropping a table other tables point at fails.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITES, True) else "BEGIN")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


LOG = logging.getLogger("placeready.database")


@contextmanager
def _reported_unavailable() -> Iterator[None]:
    """A database that is down, unreachable or too slow becomes `Unavailable`, logged in one line (not a
    traceback per save), so pages can tell people plainly that nothing was saved."""
    try:
        yield
    except (OperationalError, InterfaceError) as error:
        LOG.warning("database unavailable: %s", str(error.orig or error).splitlines()[0][:300])
        raise Unavailable() from None


class Database:
    """One database for the services: every use case is one `read()` or `write()` transaction, so a
    change is applied whole or not at all."""

    def __init__(self, engine: Engine):
        # The tables' mappers set up now rather than when the first object is made from a row: 0.2 s that the
        # first page after a start waited for.
        configure_mappers()
        self.engine = engine
        self._reading = session_factory(engine.execution_options(**{WRITES: False}))
        self._writing = session_factory(engine.execution_options(**{WRITES: True}))

    @classmethod
    def from_url(cls, url: str, *, pool_size: int = 10, connect_timeout: int | None = None,
                 statement_timeout: int | None = None) -> Database:
        return cls(make_engine(url, pool_size=pool_size, connect_timeout=connect_timeout,
                               statement_timeout=statement_timeout))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction that only reads (SQLite runs it beside a writer)."""
        with _reported_unavailable(), self._reading.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls everything back if it raises."""
        with _reported_unavailable(), self._writing.begin() as session:
            yield session

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


MIGRATION_LOCK = 0x504C5259  # "PLRY": PostgreSQL advisory lock held while migrating


def migrate(engine: Engine, revision: str = "head") -> bool:
    """Bring the database schema up to date (creates it on first use); `revision` stops earlier.

    Returns True when the database was new (had no PlaceReady tables).
    """
    # Imported here: Alembic brings Mako and Pygments (about 0.15 s), which pages that never open the database
    # (home, joining) need not wait for on a server's first page view.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.execution_options(**{MIGRATING: True}).begin() as connection:
        if engine.dialect.name == "postgresql":
            # Several app servers may start at once on one database: one migrates, the others wait and
            # then find it done (and so do not store the demo workshops a second time). Neither the wait nor
            # a long migration may be cut short by the statement timeout meant for pages.
            connection.execute(text("SET LOCAL statement_timeout = 0"))
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        new = not inspect(connection).has_table("alembic_version")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    if engine.dialect.name == "sqlite":
        engine.dispose()  # drop the connection that migrated, with its foreign keys off
    return new
