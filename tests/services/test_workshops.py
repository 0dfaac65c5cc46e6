"""Workshops through the services: codes, pinned frameworks, set-up checks, renaming, archiving, deleting."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.content.framework import builtin_framework
from assessment.errors import InputError
from assessment.services import codes, consensus, organisations, participation, places, privacy, workshops
from assessment.services.access import Actor, Refused
from assessment.storage import answers, participants
from tests.utils.workshops import ADMIN, join, new_workshop


@pytest.fixture
def ham():
    return builtin_framework("ham-2015")


def test_codes_open_only_their_own_workshop(db, ham):
    first = new_workshop(db, ham)
    second = new_workshop(db, ham)
    assert first.join_code != second.join_code and len(first.join_code) == codes.JOIN_CODE_LENGTH
    lowered = first.join_code[:3].lower() + "-" + first.join_code[3:]
    assert workshops.by_join_code(db, code=lowered).id == first.id
    assert workshops.opened_by_key(db, key=second.facilitator_key) == second.id
    assert workshops.opened_by_key(db, key=first.facilitator_key + "x") is None
    assert workshops.by_join_code(db, code="ZZZZZZ") is None
    # a resume code is bound to its workshop
    joined = participation.join(db, join_code=first.join_code, organisation="Riverbrook Hospitals", sector="Acute")
    assert participation.resume(db, join_code=first.join_code, resume_code=joined.resume_code.lower()
                                ).participant_id == joined.participant_id
    assert participation.resume(db, join_code=second.join_code, resume_code=joined.resume_code) is None


def test_the_workshop_keeps_the_framework_it_was_run_with(db, ham):
    created = new_workshop(db, ham)
    edited = ham.model_copy(update={"version": ham.version + 1, "title": "Edited later"})
    new_workshop(db, edited)
    [pinned] = workshops.by_join_code(db, code=created.join_code).frameworks
    assert pinned == ham and pinned.title != "Edited later"


def test_setting_up_without_the_essentials_names_each_missing_field(db, ham):
    with pytest.raises(InputError) as caught:
        workshops.create_workshop(db, actor=ADMIN, partnership_name=" ", place="", title="", held_on=date(2026, 1, 1),
                                  frameworks=[])
    message = str(caught.value)
    for field in ["Partnership name: required", "Place: required", "Frameworks: choose at least one"]:
        assert field in message


def test_only_the_facilitator_of_a_workshop_may_run_it(db, ham):
    created = new_workshop(db, ham)
    other = new_workshop(db, ham)
    holder = Actor("facilitator link", facilitating=frozenset({created.id}))
    workshops.set_revealed(db, actor=holder, workshop_id=created.id, revealed=True)
    assert workshops.by_join_code(db, code=created.join_code).revealed
    for action in (lambda: workshops.set_revealed(db, actor=holder, workshop_id=other.id, revealed=True),
                   lambda: workshops.set_scoring_open(db, actor=Actor("stranger"), workshop_id=created.id,
                                                      scoring_open=False),
                   lambda: workshops.delete_workshop(db, actor=holder, workshop_id=created.id,
                                                     typed_code=created.join_code)):
        with pytest.raises(Refused):
            action()
    assert not workshops.by_join_code(db, code=other.join_code).revealed  # nothing half-applied


def test_places_join_systems_and_workshops_are_renamed_archived_and_deleted_whole(db, ham):
    created = new_workshop(db, ham)
    other = new_workshop(db, ham)
    pid = join(db, created)
    participation.save_answer(db, participant_id=pid, framework_id="ham-2015", statement_id="population-1", value=3)
    consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015",
                            principle_id="population", score=3, note=None)
    consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015", principle_id="population",
                         text="Do it", owner="Us", due_on=None)
    facts = workshops.by_join_code(db, code=created.join_code)
    places.place_in_system(db, actor=ADMIN, partnership_id=facts.partnership_id, system_name="Lune and Dale ICS")
    workshops.change_workshop(db, actor=ADMIN, workshop_id=created.id, title="Renamed", scoring_open=True,
                              archived=True)
    facts = workshops.by_join_code(db, code=created.join_code)
    assert (facts.title, facts.archived) == ("Renamed", True)
    assert places.systems(db, actor=ADMIN) == {1: "Lune and Dale ICS"}
    with pytest.raises(InputError):
        workshops.change_workshop(db, actor=ADMIN, workshop_id=created.id, title="  ", scoring_open=True,
                                  archived=True)
    with pytest.raises(InputError, match="does not match"):
        workshops.delete_workshop(db, actor=ADMIN, workshop_id=created.id, typed_code="WRONG1")
    workshops.delete_workshop(db, actor=ADMIN, workshop_id=created.id, typed_code=created.join_code.lower())
    assert workshops.by_join_code(db, code=created.join_code) is None
    with db.read() as session:
        assert answers.saves_in(session, workshop_id=created.id) == 0
        assert participants.of_workshop(session, workshop_id=created.id) == []
        assert consensus.agreed_in(session, workshop_id=created.id) == {}
        assert consensus.actions_in(session, workshop_id=created.id) == []
    assert [w.id for p in places.places(db, actor=ADMIN) for w in p.workshops] == [other.id]
    log = privacy.audit_log(db, actor=ADMIN, workshop_ids=[created.id])
    assert [e.action for e in log] == ["workshop deleted", "action added", "agreed score"]
    assert log[1].detail == {"framework": "ham-2015", "principle": "population", "action": "(workshop deleted)",
                             "due": ""}  # the action's text is gone with the workshop
    workshops.delete_workshop(db, actor=ADMIN, workshop_id=other.id, typed_code=other.join_code)
    assert places.places(db, actor=ADMIN) == []  # its last workshop gone, the partnership goes too


def _statements_run(db, action) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    seen = []

    def count(*_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_the_places_list_counts_people_per_workshop_in_one_query(db, ham):
    created = new_workshop(db, ham)
    new_workshop(db, ham, title="Follow-up")
    for _ in range(3):
        join(db, created)
    [place] = places.places(db, actor=ADMIN)
    assert [(w.title, w.people) for w in place.workshops] == [("Baseline", 3), ("Follow-up", 0)]
    before = _statements_run(db, lambda: places.places(db, actor=ADMIN))
    for title in ("Third", "Fourth", "Fifth"):
        for _ in range(4):
            join(db, new_workshop(db, ham, title=title))
    assert _statements_run(db, lambda: places.places(db, actor=ADMIN)) == before  # not one query per workshop


@pytest.fixture
def setting(monkeypatch):
    from assessment.settings import get_settings

    def put(name: str, value: str) -> None:
        monkeypatch.setenv(f"PLACEREADY_{name.upper()}", value)
        get_settings.cache_clear()

    yield put
    monkeypatch.undo()
    get_settings.cache_clear()


def test_a_host_can_keep_set_up_to_the_admin(db, ham, setting):
    passer_by = Actor("facilitator link")
    assert workshops.may_set_up_any(passer_by)
    setting("open_set_up", "false")
    assert not workshops.may_set_up_any(passer_by)
    with pytest.raises(Refused):
        new_workshop(db, ham, actor=passer_by)
    new_workshop(db, ham, actor=ADMIN)


def test_open_set_up_is_capped_per_browser_session_and_per_address_not_for_everyone(db, ham, setting):
    """One visitor once made 30 workshops in an hour and locked every other facilitator out; the cap is now each
    browser session's and each address's own."""
    setting("workshops_per_hour", "2")
    passer_by = Actor("facilitator link")
    visitor = workshops.Caller(session="visitor", address="203.0.113.7")
    for _ in range(2):
        new_workshop(db, ham, actor=passer_by, caller=visitor)
    with pytest.raises(InputError, match=r"2 workshops were set up from here in the last hour.*next can be set up in "
                                         r"60 minutes\. Nothing was stored"):
        new_workshop(db, ham, actor=passer_by, caller=visitor)
    with pytest.raises(InputError, match="from here"):  # a new tab from the same address
        new_workshop(db, ham, actor=passer_by, caller=workshops.Caller(session="new tab", address="203.0.113.7"))
    new_workshop(db, ham, actor=passer_by, caller=workshops.Caller(session="someone else", address="198.51.100.2"))
    new_workshop(db, ham, actor=ADMIN)  # the admin (and the command line) are not held back
    with pytest.raises(Refused):  # a page that forgot to say where a set-up comes from sets up nothing
        new_workshop(db, ham, actor=passer_by)
    assert sum(len(p.workshops) for p in places.places(db, actor=ADMIN)) == 4


def test_an_organisations_set_ups_are_capped_per_organisation(db, ham, setting):
    setting("workshops_per_hour", "2")
    organisation = organisations.create_organisation(db, actor=ADMIN, name="Lune ICS", owner_email="o@lune.nhs.uk")
    member = organisations.actor_for(db, email="o@lune.nhs.uk")
    for _ in range(2):
        new_workshop(db, ham, actor=member, organisation_id=organisation)
    with pytest.raises(InputError, match="2 workshops were set up from here in the last hour"):
        new_workshop(db, ham, actor=member, organisation_id=organisation)
