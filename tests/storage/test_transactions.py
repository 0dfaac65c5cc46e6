"""Transactions under load: many writers at once lose nothing, and readers never wait for a writer."""

from __future__ import annotations

import threading

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import participation, workshops
from assessment.storage import answers, consensus
from tests.utils.workshops import join, new_workshop


@pytest.fixture
def ham():
    return builtin_framework("ham-2015")


def test_sixty_participants_submitting_at_the_same_moment_lose_nothing(db, ham):
    created = new_workshop(db, ham)
    statements = [s.id for s in ham.statements][:5]
    ids = [join(db, created, sector="Acute") for _ in range(60)]
    start = threading.Barrier(60)
    failures: list[BaseException] = []

    def submit(participant_id: int) -> None:
        try:
            start.wait()
            for number, statement in enumerate(statements):
                participation.save_answer(db, participant_id=participant_id, framework_id="ham-2015",
                                          statement_id=statement, value=1 + (participant_id + number) % 5)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=submit, args=(pid,)) for pid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with db.read() as session:
        current = answers.current(session, workshop_id=created.id)
    assert len(current) == 60 * len(statements)
    assert {(c.participant_id, c.statement_id, c.value) for c in current} == {
        (pid, s, 1 + (pid + n) % 5) for pid in ids for n, s in enumerate(statements)}


def test_reading_never_waits_for_a_writer(db, ham):
    created = new_workshop(db, ham)
    with db.write() as writer:  # holds the write lock (BEGIN IMMEDIATE on SQLite) until the end
        consensus.insert(writer, workshop_id=created.id, framework_id="ham-2015", principle_id="funding", score=2,
                         note=None)
        finished = threading.Event()

        def read() -> None:
            workshops.by_join_code(db, code=created.join_code)
            finished.set()

        threading.Thread(target=read).start()
        assert finished.wait(timeout=5), "a reading transaction waited for the writer"
