"""The schema: migrations build exactly the models, on SQLite and PostgreSQL, and keep old databases' data."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from assessment.storage import workshops
from assessment.storage.db import Database, make_engine, migrate
from assessment.storage.models import Base
from tests.conftest import fresh_postgres_database


def test_migrations_match_the_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert {"workshops", "answers", "participants", "consensus_scores", "actions"} <= set(
        inspect(engine).get_table_names())
    migrate(engine)  # running again is harmless


def test_an_existing_database_keeps_its_workshops_through_later_migrations(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0001")
    with engine.begin() as connection:
        assert "archived" not in {c["name"] for c in inspect(connection).get_columns("workshops")}
    db = Database(engine)
    with db.write() as session:  # written by the first schema's code path: plain inserts
        session.execute(text("INSERT INTO partnerships (name, place, created_at) VALUES ('Old', 'Oldham', '2026-01-01')"))
        session.execute(text(
            "INSERT INTO workshops (partnership_id, title, held_on, join_code, facilitator_key_sha256, sectors, "
            "organisations, exemplar_ids, scoring_open, revealed, created_at) VALUES (1, 'Before', '2026-01-02', "
            "'OLD123', 'x', '[]', '[]', '[]', 1, 0, '2026-01-02')"))
    migrate(engine)
    with db.read() as session:
        workshop = workshops.by_join_code(session, join_code="OLD123")
        assert (workshop.title, workshop.archived, workshop.partnership.system) == ("Before", False, None)
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    with fresh_postgres_database(tmp_path) as url:
        yield url


def test_comments_the_room_could_see_are_released_and_hidden_ones_stay_hidden(database_url):
    import hashlib

    from assessment.storage import moderated_comments

    engine = make_engine(database_url)
    migrate(engine, "0006")
    digest = {text: hashlib.sha256(text.encode()).hexdigest() for text in ("Shown", "Hidden", "Old words")}
    with engine.begin() as connection:
        run = connection.execute
        run(text("INSERT INTO partnerships (name, place, created_at) VALUES ('Old', 'Oldham', '2026-01-01')"))
        run(text("INSERT INTO workshops (partnership_id, title, held_on, join_code, facilitator_key_sha256, sectors, "
                 "organisations, exemplar_ids, scoring_open, revealed, created_at, stage, archived, "
                 "personal_data_erased) VALUES (1, 'Before', '2026-01-02', 'OLD123', 'x', '[]', '[]', '[]', true, "
                 "false, '2026-01-02', 'join', false, false)"))
        for person in (1, 2):
            run(text(f"INSERT INTO participants (workshop_id, resume_code_sha256, joined_at) VALUES (1, 'r{person}', "
                     "'2026-01-02')"))
        for person, comment in ((1, "Old words"), (1, "Shown"), (2, "Hidden")):  # the newest answer counts
            run(text("INSERT INTO answers (participant_id, framework_id, statement_id, value, dont_know, comment, "
                     "saved_at, round) VALUES (:p, 'f', 's', 3, false, :c, '2026-01-02', 1)"), {"p": person, "c": comment})
        run(text("INSERT INTO hidden_comments (participant_id, framework_id, statement_id, comment_sha256, hidden_at) "
                 "VALUES (2, 'f', 's', :d, '2026-01-02')"), {"d": digest["Hidden"]})
    migrate(engine)
    with Database(engine).read() as session:
        assert moderated_comments.decisions_in(session, workshop_id=1) == {
            (1, "f", "s", digest["Shown"]): "released", (2, "f", "s", digest["Hidden"]): "hidden"}
        assert session.scalar(text("SELECT auto_release_comments FROM workshops")) in (False, 0)
    engine.dispose()
