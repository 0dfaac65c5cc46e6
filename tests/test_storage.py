"""Storage on SQLite and PostgreSQL: workshops, codes, answers kept whole, consensus and actions."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import inspect

from assessment.storage import crud
from assessment.storage.db import migrate, transaction
from assessment.errors import InputError
from assessment.content.framework import builtin_framework
from assessment.storage.models import Base
from assessment.engine.scoring import score


@pytest.fixture
def ham():
    return builtin_framework("ham-2015")


def _workshop(engine, ham, **overrides):
    with transaction(engine) as session:
        created = crud.create_workshop(
            session, partnership_name="Riverbrook Partnership", place="Riverbrook", title="Baseline",
            held_on=date(2026, 3, 12), frameworks=[ham], exemplar_ids=["salford", "wigan"],
            sectors=["Acute", "Primary care"], organisations=["Riverbrook Hospitals"], **overrides)
        return created.workshop.id, created.workshop.join_code, created.facilitator_key


def test_migrations_match_the_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert {"workshops", "answers", "participants", "consensus_scores", "actions"} <= set(
        inspect(engine).get_table_names())
    migrate(engine)  # running again is harmless


def test_codes_open_only_their_own_workshop(engine, ham):
    first_id, first_code, first_key = _workshop(engine, ham)
    second_id, second_code, second_key = _workshop(engine, ham)
    assert first_code != second_code and len(first_code) == crud.JOIN_CODE_LENGTH
    with transaction(engine) as session:
        lowered = first_code[:3].lower() + "-" + first_code[3:]
        assert crud.workshop_by_join_code(session, code=lowered).id == first_id
        assert crud.workshop_by_facilitator_key(session, key=second_key).id == second_id
        assert crud.workshop_by_facilitator_key(session, key=first_key + "x") is None
        assert crud.workshop_by_join_code(session, code="ZZZZZZ") is None
        # a resume code is bound to its workshop
        first = crud.workshop_by_join_code(session, code=first_code)
        second = crud.workshop_by_join_code(session, code=second_code)
        joined = crud.join_workshop(session, workshop=first, organisation="Riverbrook Hospitals", sector="Acute")
        assert crud.participant_by_resume_code(session, workshop=first, code=joined.resume_code.lower()).id == \
            joined.participant.id
        assert crud.participant_by_resume_code(session, workshop=second, code=joined.resume_code) is None


def test_the_workshop_keeps_the_framework_it_was_run_with(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    edited = ham.model_copy(update={"version": ham.version + 1, "title": "Edited later"})
    _workshop(engine, edited)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        [pinned] = crud.workshop_frameworks(workshop)
    assert pinned == ham and pinned.title != "Edited later"


def test_changed_answers_are_kept_and_the_newest_counts(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        a = crud.join_workshop(session, workshop=workshop, organisation=None, sector="Acute").participant.id
        b = crud.join_workshop(session, workshop=workshop, organisation=None, sector="Primary care").participant.id
    with transaction(engine) as session:
        crud.save_answer(session, participant_id=a, framework_id="ham-2015", statement_id="population-1", value=2)
        crud.save_answer(session, participant_id=a, framework_id="ham-2015", statement_id="population-1", value=4,
                         comment="<script>alert(1)</script>")
        crud.save_answer(session, participant_id=b, framework_id="ham-2015", statement_id="population-1", value=None,
                         dont_know=True)
        crud.save_answer(session, participant_id=b, framework_id="ham-2015", statement_id="population-2", value=3)
        # saving the same again, or a blank never answered, adds nothing
        crud.save_answer(session, participant_id=b, framework_id="ham-2015", statement_id="population-2", value=3)
        assert crud.save_answer(session, participant_id=b, framework_id="ham-2015", statement_id="population-3",
                                value=None) is None
    with transaction(engine) as session:
        current = crud.current_answers(session, workshop_id=workshop_id)
        assert crud.answer_history_count(session, workshop_id=workshop_id) == 4
        result = score(ham, crud.responses(session, workshop_id=workshop_id, framework_id="ham-2015"))
    assert [(c.participant_id, c.statement_id, c.value, c.dont_know) for c in current] == [
        (a, "population-1", 4, False), (b, "population-1", None, True), (b, "population-2", 3, False)]
    assert current[0].comment == "<script>alert(1)</script>"  # stored as given; pages show it as text
    population = result.principle("population")
    assert (population.n, population.mean, population.dont_know) == (2, 3.5, pytest.approx(1 / 3))
    assert result.by_sector["Acute"]["population"] == 4


def test_bad_answers_and_closed_scoring_are_refused_whole(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        pid = crud.join_workshop(session, workshop=workshop, organisation=None, sector=None).participant.id
    for bad in [dict(statement_id="nonesuch-1", value=3), dict(statement_id="population-1", value=6),
                dict(statement_id="population-1", value=3, dont_know=True)]:
        with pytest.raises(InputError):
            with transaction(engine) as session:
                crud.save_answer(session, participant_id=pid, framework_id="ham-2015", **bad)
    with transaction(engine) as session:
        crud.set_scoring_open(session, workshop=crud.workshop_by_join_code(session, code=code), scoring_open=False)
    with pytest.raises(InputError, match="Scoring has closed"):
        with transaction(engine) as session:
            crud.save_answer(session, participant_id=pid, framework_id="ham-2015", statement_id="population-1",
                             value=3)
    with pytest.raises(InputError, match="closed scoring"):
        with transaction(engine) as session:
            crud.join_workshop(session, workshop=crud.workshop_by_join_code(session, code=code), organisation=None,
                               sector=None)
    with transaction(engine) as session:
        assert crud.answer_history_count(session, workshop_id=workshop_id) == 0


def test_setting_up_without_the_essentials_names_each_missing_field(engine, ham):
    with pytest.raises(InputError) as caught:
        with transaction(engine) as session:
            crud.create_workshop(session, partnership_name=" ", place="", title="", held_on=date(2026, 1, 1),
                                 frameworks=[])
    message = str(caught.value)
    for field in ["Partnership name: required", "Place: required", "Frameworks: choose at least one"]:
        assert field in message


def test_consensus_is_kept_beside_answers_and_its_history_is_kept(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    with transaction(engine) as session:
        crud.record_consensus(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="funding",
                              score=2, note="First view")
        crud.record_consensus(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="funding",
                              score=3, note="After discussion")
        crud.add_action(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="funding",
                        text="Map every budget line", owner="Finance leads", due_on=date(2026, 6, 30))
    with transaction(engine) as session:
        agreed = crud.current_consensus(session, workshop_id=workshop_id)
        [action] = crud.actions(session, workshop_id=workshop_id)
    assert (agreed[("ham-2015", "funding")].score, agreed[("ham-2015", "funding")].note) == (3, "After discussion")
    assert (action.owner, action.due_on) == ("Finance leads", date(2026, 6, 30))
    with pytest.raises(InputError) as caught:
        with transaction(engine) as session:
            crud.add_action(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="funding",
                            text="", owner="", due_on=None)
    assert "Action: say what will be done" in str(caught.value) and "Owner: say who" in str(caught.value)


def test_attendance_counts_joined_and_finished_by_sector(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        ids = [crud.join_workshop(session, workshop=workshop, organisation=None, sector=s).participant.id
               for s in ["Acute", "Acute", "Primary care", None]]
        crud.mark_finished(session, participant_id=ids[0])
    with transaction(engine) as session:
        seen = crud.attendance(session, workshop_id=workshop_id)
    assert (seen.joined, seen.finished) == (4, 1)
    assert seen.by_sector == {"Acute": (2, 1), "Not given": (1, 0), "Primary care": (1, 0)}


def test_sixty_participants_submitting_at_the_same_moment_lose_nothing(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    statements = [s.id for s in ham.statements][:5]
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        ids = [crud.join_workshop(session, workshop=workshop, organisation=None, sector="Acute").participant.id
               for _ in range(60)]
    start = threading.Barrier(60)
    failures: list[BaseException] = []

    def submit(participant_id: int) -> None:
        try:
            start.wait()
            for number, statement in enumerate(statements):
                with transaction(engine) as session:
                    crud.save_answer(session, participant_id=participant_id, framework_id="ham-2015",
                                     statement_id=statement, value=1 + (participant_id + number) % 5)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=submit, args=(pid,)) for pid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with transaction(engine) as session:
        current = crud.current_answers(session, workshop_id=workshop_id)
    assert len(current) == 60 * len(statements)
    assert {(c.participant_id, c.statement_id, c.value) for c in current} == {
        (pid, s, 1 + (pid + n) % 5) for pid in ids for n, s in enumerate(statements)}


def test_reading_never_waits_for_a_writer(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    with transaction(engine) as writer:  # holds the write lock (BEGIN IMMEDIATE on SQLite) until the end
        crud.record_consensus(writer, workshop_id=workshop_id, framework_id="ham-2015", principle_id="funding",
                              score=2, note=None)
        finished = threading.Event()

        def read() -> None:
            with transaction(engine, writes=False) as reader:
                crud.workshop_by_join_code(reader, code=code)
            finished.set()

        threading.Thread(target=read).start()
        assert finished.wait(timeout=5), "a reading transaction waited for the writer"


def test_an_existing_database_keeps_its_workshops_through_later_migrations(tmp_path, ham):
    from sqlalchemy import text

    from assessment.storage.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0001")
    with engine.begin() as connection:
        assert "archived" not in {c["name"] for c in inspect(connection).get_columns("workshops")}
    with transaction(engine) as session:  # written by the first schema's code path: plain inserts
        session.execute(text("INSERT INTO partnerships (name, place, created_at) VALUES ('Old', 'Oldham', '2026-01-01')"))
        session.execute(text(
            "INSERT INTO workshops (partnership_id, title, held_on, join_code, facilitator_key_sha256, sectors, "
            "organisations, exemplar_ids, scoring_open, revealed, created_at) VALUES (1, 'Before', '2026-01-02', "
            "'OLD123', 'x', '[]', '[]', '[]', 1, 0, '2026-01-02')"))
    migrate(engine)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code="OLD123")
        assert (workshop.title, workshop.archived, workshop.partnership.system) == ("Before", False, None)
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again
    engine.dispose()


def test_places_join_systems_and_workshops_are_renamed_archived_and_deleted_whole(engine, ham):
    workshop_id, code, _ = _workshop(engine, ham)
    other_id, _, _ = _workshop(engine, ham)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        pid = crud.join_workshop(session, workshop=workshop, organisation=None, sector=None).participant.id
        crud.save_answer(session, participant_id=pid, framework_id="ham-2015", statement_id="population-1", value=3)
        crud.record_consensus(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="population",
                              score=3, note=None)
        crud.add_action(session, workshop_id=workshop_id, framework_id="ham-2015", principle_id="population",
                        text="Do it", owner="Us", due_on=None)
        crud.place_in_system(session, partnership_id=workshop.partnership_id, system_name="Lune and Dale ICS")
        crud.rename_workshop(session, workshop_id=workshop_id, title="Renamed")
        crud.set_archived(session, workshop_id=workshop_id, archived=True)
    with transaction(engine) as session:
        workshop = crud.workshop_by_join_code(session, code=code)
        assert (workshop.title, workshop.archived, workshop.partnership.system.name) == (
            "Renamed", True, "Lune and Dale ICS")
        with pytest.raises(InputError):
            crud.rename_workshop(session, workshop_id=workshop_id, title="  ")
    with transaction(engine) as session:
        crud.delete_workshop(session, workshop_id=workshop_id)
    with transaction(engine) as session:
        assert crud.workshop_by_join_code(session, code=code) is None
        assert crud.answer_history_count(session, workshop_id=workshop_id) == 0
        assert crud.participants(session, workshop_id=workshop_id) == []
        assert crud.current_consensus(session, workshop_id=workshop_id) == {}
        assert crud.actions(session, workshop_id=workshop_id) == []
        assert [w.id for p in crud.partnerships(session) for w in p.workshops] == [other_id]


def test_imported_responses_become_a_closed_workshop_with_the_same_scores(engine, ham):
    from assessment.content.demo import load_demo

    answers = load_demo().workshops[0].responses(ham.id)
    with transaction(engine) as session:
        created = crud.import_responses(session, partnership_name="Imported", place="Elsewhere", title="Survey",
                                        held_on=date(2026, 2, 1), answered=[(ham, answers)])
        workshop_id = created.workshop.id
        again = crud.responses(session, workshop_id=workshop_id, framework_id=ham.id)
        assert created.workshop.scoring_open is False and created.workshop.revealed is True
    assert score(ham, again).model_dump() == score(ham, answers).model_dump()
