"""Organisations own partnerships; members see only theirs, by role; changes are audited; personal data erased."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.services import access
from assessment.storage import crud
from assessment.services.access import Person, Role
from assessment.storage.db import transaction
from assessment.content.framework import builtin_framework
from assessment.services.history import latest_profiles, progress


@pytest.fixture
def two_organisations(engine):
    ham = builtin_framework("ham-2015")
    with transaction(engine, writes=True) as session:
        alpha = crud.create_organisation(session, name="Alpha Consulting")
        beta = crud.create_organisation(session, name="Beta ICS")
        crud.add_member(session, organisation_id=alpha.id, email="Alice@Example.com", role="facilitator", actor="t")
        crud.add_member(session, organisation_id=alpha.id, email="vera@example.com", role="viewer", actor="t")
        crud.add_member(session, organisation_id=beta.id, email="bob@example.com", role="owner", actor="t")
        for owner, name in [(alpha.id, "Riverbrook"), (beta.id, "Riverbrook"), (beta.id, "Saltwick")]:
            workshop = crud.create_workshop(session, partnership_name=name, place=name, title="Baseline",
                                            held_on=date(2026, 1, 10), frameworks=[ham], owned_by=owner,
                                            sectors=["Acute hospital"]).workshop
            person = crud.join_workshop(session, workshop=workshop, organisation="Trust", sector="Acute hospital")
            crud.save_answer(session, participant_id=person.participant.id, framework_id=ham.id,
                             statement_id=ham.statements[0].id, value=3, comment="Ring Jo on 0123")
    return engine


def _names(session, person: Person, needed: Role = Role.viewer) -> list[tuple[str, str]]:
    return [(p.organisation.name, p.name) for p in access.partnerships(session, person, needed)]


def test_members_see_only_their_organisations_partnerships(two_organisations):
    with transaction(two_organisations) as session:
        alice = access.signed_in(session, email=" alice@example.COM ")
        bob = access.signed_in(session, email="bob@example.com")
        stranger = access.signed_in(session, email="eve@example.com")
        vera = access.signed_in(session, email="vera@example.com")
        assert _names(session, alice) == [("Alpha Consulting", "Riverbrook")]
        assert _names(session, bob) == [("Beta ICS", "Riverbrook"), ("Beta ICS", "Saltwick")]
        assert _names(session, stranger) == []
        assert _names(session, vera) == [("Alpha Consulting", "Riverbrook")]
        assert _names(session, vera, Role.facilitator) == []  # a viewer may read, not run workshops
        theirs = access.partnerships(session, bob)[0]
        assert not alice.may(theirs, Role.viewer) and bob.may(theirs, Role.owner)
        assert len(_names(session, Person.local_admin())) == 3
        # the same name in two organisations is two partnerships, never shared
        ids = {p.id for p in access.partnerships(session, Person.local_admin()) if p.name == "Riverbrook"}
        assert len(ids) == 2


def test_views_over_places_read_only_the_partnerships_given(two_organisations):
    with transaction(two_organisations) as session:
        alice = access.signed_in(session, email="alice@example.com")
        mine = access.partnerships(session, alice)
        side = latest_profiles(session, framework_id="ham-2015", partnerships=mine)
        assert list(side.profiles) == ["Riverbrook"]
        assert progress(session, partnership=mine[0], framework_id="ham-2015") is not None


def test_changes_are_audited_and_personal_data_can_be_erased(two_organisations):
    with transaction(two_organisations, writes=True) as session:
        workshop = access.partnerships(session, Person.local_admin())[0].workshops[0]
        crud.record_consensus(session, workshop_id=workshop.id, framework_id="ham-2015", principle_id="population",
                              score=3, note="Jo said so", actor="alice@example.com")
        crud.add_action(session, workshop_id=workshop.id, framework_id="ham-2015", principle_id="population",
                        text="Write it down", owner="Jo Bloggs", due_on=None, actor="alice@example.com")
        crud.erase_personal_data(session, workshop_id=workshop.id, actor="bob@example.com")
        workshop_id = workshop.id
    with transaction(two_organisations) as session:
        log = crud.audit_log(session, workshop_ids=[workshop_id])
        assert [(e.actor, e.action) for e in log] == [
            ("bob@example.com", "personal data erased"), ("alice@example.com", "action added"),
            ("alice@example.com", "agreed score")]
        answers = crud.current_answers(session, workshop_id=workshop_id)
        assert [(a.value, a.comment, a.organisation, a.sector) for a in answers] == [(3, None, None, None)]
        assert crud.current_consensus(session, workshop_id=workshop_id)[("ham-2015", "population")].note is None
        assert [a.owner for a in crud.actions(session, workshop_id=workshop_id)] == [crud.ERASED]


def test_retention_erases_only_workshops_past_it(two_organisations):
    with transaction(two_organisations, writes=True) as session:
        assert crud.apply_retention(session, days=365, today=date(2026, 6, 1)) == []
        erased = crud.apply_retention(session, days=30, today=date(2026, 6, 1))
        assert len(erased) == 3
        assert crud.apply_retention(session, days=30, today=date(2026, 6, 1)) == []  # once only
        assert all(a.comment is None for w in erased for a in crud.current_answers(session, workshop_id=w))


def test_organisations_members_and_retention_from_the_command_line(capsys, tmp_path):
    from assessment.cli import main
    from assessment.storage.db import make_engine
    from assessment.settings import get_settings

    assert main(["organisation", "Gamma Partners", "--owner", "Gail@Example.com"]) == 0
    assert "gail@example.com is its owner" in capsys.readouterr().out
    assert main(["member", "Gamma Partners", "fred@example.com", "facilitator"]) == 0
    assert main(["member", "Nobody Ltd", "fred@example.com", "viewer"]) == 2
    assert "no organisation is called 'Nobody Ltd'" in capsys.readouterr().err
    assert main(["member", "Gamma Partners", "not-an-address", "viewer"]) == 2
    assert "give the e-mail address" in capsys.readouterr().err
    engine = make_engine(get_settings().database_url)
    with transaction(engine) as session:
        fred = access.signed_in(session, email="fred@example.com")
        gamma = crud.organisation_named(session, name="Gamma Partners")
        assert fred.roles == {gamma.id: Role.facilitator}
        created = crud.create_workshop(session, partnership_name="Handed over", place="Handford", title="Baseline",
                                       held_on=date(2026, 2, 1), frameworks=[builtin_framework("ham-2015")])
        code = created.workshop.join_code
    assert main(["export", "--workshop", code, "-o", str(tmp_path / "w.json")]) == 0
    assert main(["import", str(tmp_path / "w.json"), "--organisation", "Nobody Ltd"]) == 2
    assert main(["import", str(tmp_path / "w.json"), "--organisation", "Gamma Partners"]) == 0
    with transaction(engine) as session:
        owned = access.partnerships(session, fred)
        assert [(p.name, len(p.workshops)) for p in owned] == [("Handed over", 1)]
    engine.dispose()
    assert main(["retention", "--days", "30"]) == 0
    assert "erased the personal data of" in capsys.readouterr().out
