"""The schema: migrations build exactly the models, on SQLite and PostgreSQL, and keep old databases' data."""

from __future__ import annotations

from sqlalchemy import inspect, text

from assessment.storage import workshops
from assessment.storage.db import Database, make_engine, migrate
from assessment.storage.models import Base


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
