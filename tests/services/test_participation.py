"""A participant's answers: kept whole, the newest counts, bad ones and closed scoring refused."""

from __future__ import annotations

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.scoring import score
from assessment.errors import InputError
from assessment.services import participation, results, workshops
from assessment.storage import answers
from assessment.storage import workshops as stored_workshops
from assessment.storage.answers import NewAnswer
from tests.utils.workshops import ADMIN, join, new_workshop


@pytest.fixture
def ham():
    return builtin_framework("ham-2015")


def test_changed_answers_are_kept_and_the_newest_counts(db, ham):
    created = new_workshop(db, ham)
    a, b = join(db, created, sector="Acute"), join(db, created, sector="Primary care")
    save = participation.save_answer
    save(db, participant_id=a, framework_id="ham-2015", statement_id="population-1", value=2)
    save(db, participant_id=a, framework_id="ham-2015", statement_id="population-1", value=4,
         comment="<script>alert(1)</script>")
    save(db, participant_id=b, framework_id="ham-2015", statement_id="population-1", value=None, dont_know=True)
    save(db, participant_id=b, framework_id="ham-2015", statement_id="population-2", value=3)
    # saving the same again, or a blank never answered, adds nothing
    assert save(db, participant_id=b, framework_id="ham-2015", statement_id="population-2", value=3) is False
    assert save(db, participant_id=b, framework_id="ham-2015", statement_id="population-3", value=None) is False
    with db.read() as session:
        current = answers.current(session, workshop_id=created.id)
        assert answers.saves_in(session, workshop_id=created.id) == 4
        # one participant's (a phone's read after each answer), and one framework's, are the same newest answers
        only_a = answers.current(session, workshop_id=created.id, participant_id=a)
        only_ham = answers.current(session, workshop_id=created.id, framework_id="ham-2015")
        assert answers.current(session, workshop_id=created.id, framework_id="salford-behaviours") == []
    assert only_a == current[:1] and only_ham == current
    result = score(ham, results.responses(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015",
                                          personal=True))
    assert [(c.participant_id, c.statement_id, c.value, c.dont_know) for c in current] == [
        (a, "population-1", 4, False), (b, "population-1", None, True), (b, "population-2", 3, False)]
    assert current[0].comment == "<script>alert(1)</script>"  # stored as given; pages show it as text
    population = result.principle("population")
    assert (population.n, population.mean, population.dont_know) == (2, 3.5, pytest.approx(1 / 3))
    assert result.by_sector["Acute"]["population"] == 4


def test_bad_answers_and_closed_scoring_are_refused_whole(db, ham):
    created = new_workshop(db, ham)
    pid = join(db, created)
    for bad in [{"statement_id": "nonesuch-1", "value": 3}, {"statement_id": "population-1", "value": 6},
                {"statement_id": "population-1", "value": 3, "dont_know": True}]:
        with pytest.raises(InputError):
            participation.save_answer(db, participant_id=pid, framework_id="ham-2015", **bad)
    workshops.set_scoring_open(db, actor=ADMIN, workshop_id=created.id, scoring_open=False)
    with pytest.raises(InputError, match="Scoring has closed"):
        participation.save_answer(db, participant_id=pid, framework_id="ham-2015", statement_id="population-1",
                                  value=3)
    with pytest.raises(InputError, match="closed scoring"):
        join(db, created)
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 0


def test_many_answers_at_once_keep_the_rule_of_one_at_a_time(db, ham):
    created = new_workshop(db, ham)
    a, b = join(db, created), join(db, created)
    participation.save_answer(db, participant_id=a, framework_id="ham-2015", statement_id="population-1", value=2)
    given = [NewAnswer(a, "ham-2015", "population-1", 2),  # the same as stored: not kept again
             NewAnswer(a, "ham-2015", "population-2", 3), NewAnswer(a, "ham-2015", "population-2", 3),
             NewAnswer(a, "ham-2015", "population-2", 4, comment="  on reflection "),
             NewAnswer(b, "ham-2015", "population-1", None),  # a blank never answered
             NewAnswer(b, "ham-2015", "population-3", None, dont_know=True)]
    with db.write() as session:
        workshop = stored_workshops.get(session, workshop_id=created.id)
        assert participation.record_all(session, workshop=workshop, given=given) == 3
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 4
        current = answers.current(session, workshop_id=created.id)
    assert [(c.participant_id, c.statement_id, c.value, c.dont_know, c.comment) for c in current] == [
        (a, "population-1", 2, False, None), (a, "population-2", 4, False, "on reflection"),
        (b, "population-3", None, True, None)]
    for bad in [NewAnswer(a, "ham-2015", "population-1", 6), NewAnswer(a, "ham-2015", "nonesuch-1", 3),
                NewAnswer(a + b + 1, "ham-2015", "population-1", 3)]:
        with pytest.raises(InputError), db.write() as session:
            workshop = stored_workshops.get(session, workshop_id=created.id)
            participation.record_all(session, workshop=workshop, given=[NewAnswer(b, "ham-2015", "population-4", 1),
                                                                        bad])
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 4


def test_attendance_counts_joined_and_finished_by_sector(db, ham):
    created = new_workshop(db, ham)
    ids = [join(db, created, sector=s) for s in ["Acute", "Acute", "Primary care", None]]
    participation.finish(db, participant_id=ids[0])
    seen = results.attendance(db, actor=ADMIN, workshop_id=created.id)
    assert (seen.joined, seen.finished) == (4, 1)
    assert seen.by_sector == {"Acute": (2, 1), "Not given": (1, 0), "Primary care": (1, 0)}


def test_a_participant_resumes_at_the_first_screen_with_something_unanswered(db, ham):
    created = new_workshop(db, ham)
    pid = join(db, created)
    first = ham.principles[0]
    for statement in first.statements:
        participation.save_answer(db, participant_id=pid, framework_id=ham.id, statement_id=statement.id, value=3)
    mine = participation.my_answers(db, participant_id=pid)
    assert participation.first_unanswered((ham,), mine) == 1
    assert participation.first_unanswered((ham,), {}) == 0


def test_the_same_answer_again_appends_nothing_however_often_it_comes(db, ham):
    created = new_workshop(db, ham)
    person = join(db, created, sector="Acute")
    given = {"participant_id": person, "framework_id": "ham-2015", "statement_id": "population-1", "value": 3,
             "comment": "Budgets"}
    assert participation.save_answer(db, **given) is True
    for _ in range(20):  # a phone rerunning with the same widgets
        assert participation.save_answer(db, **given) is False
    assert participation.save_answer(db, **given | {"comment": "Budgets, mostly"}) is True  # a new comment is new
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 2


def test_a_person_changing_answers_faster_than_anyone_reads_is_asked_to_slow_down(db, ham, monkeypatch):
    from assessment.settings import get_settings

    monkeypatch.setenv("PLACEREADY_ANSWERS_PER_MINUTE", "10")
    get_settings.cache_clear()
    created = new_workshop(db, ham)
    flooder, neighbour = join(db, created, sector="Acute"), join(db, created, sector="Acute")
    try:
        for turn in range(10):  # one phone flipping an answer on every rerun
            participation.save_answer(db, participant_id=flooder, framework_id="ham-2015",
                                      statement_id="population-1", value=2 + turn % 2)
        with pytest.raises(participation.TooFast) as slowed:
            participation.save_answer(db, participant_id=flooder, framework_id="ham-2015",
                                      statement_id="population-1", value=5)
        assert "Wait" in str(slowed.value) and 1 <= slowed.value.seconds <= 60
        # the rest of the room is not held back
        assert participation.save_answer(db, participant_id=neighbour, framework_id="ham-2015",
                                         statement_id="population-1", value=5) is True
        with db.read() as session:
            assert answers.saves_in(session, workshop_id=created.id) == 11
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.mark.parametrize("value", [2.5, "3", True, [3]])
def test_a_value_that_is_not_an_answer_is_refused_with_one_line_in_the_log(db, ham, value, caplog):
    created = new_workshop(db, ham)
    person = join(db, created, sector="Acute")
    with pytest.raises(InputError, match="score must be one of"):
        participation.save_answer(db, participant_id=person, framework_id="ham-2015", statement_id="population-1",
                                  value=value)
    with pytest.raises(InputError, match="not an answer"):
        participation.save_answer(db, participant_id=person, framework_id="ham-2015", statement_id="population-1",
                                  value=3, comment=7 if isinstance(value, str) else value)
    refusals = [r for r in caplog.records if r.name == "assessment.services.participation"]
    assert len(refusals) == 2 and all(r.exc_info is None for r in refusals)  # one line each, no traceback
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 0
