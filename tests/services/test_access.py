"""Organisations own partnerships; members see only theirs, by role; changes are audited; personal data erased."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import consensus, organisations, participation, places, privacy, results
from assessment.services.access import Actor, Refused, Role
from assessment.services.history import progress, side_by_side
from tests.utils.workshops import ADMIN, join, new_workshop


@pytest.fixture
def two_organisations(db):
    ham = builtin_framework("ham-2015")
    alpha = organisations.create_organisation(db, actor=ADMIN, name="Alpha Consulting", owner_email="olga@example.com")
    beta = organisations.create_organisation(db, actor=ADMIN, name="Beta ICS", owner_email="bob@example.com")
    organisations.set_member(db, actor=ADMIN, organisation_id=alpha, email="Alice@Example.com", role="facilitator")
    organisations.set_member(db, actor=ADMIN, organisation_id=alpha, email="vera@example.com", role="viewer")
    for owner, name in [(alpha, "Riverbrook"), (beta, "Riverbrook"), (beta, "Saltwick")]:
        created = new_workshop(db, ham, partnership_name=name, place=name, held_on=date(2026, 1, 10),
                               organisation_id=owner, sectors=["Acute hospital"])
        person = join(db, created, organisation="Trust", sector="Acute hospital")
        participation.save_answer(db, participant_id=person, framework_id=ham.id, statement_id=ham.statements[0].id,
                                  value=3, comment="Ring Jo on 0123")
    return db


def _names(db, actor: Actor) -> list[str]:
    return [p.label for p in places.places(db, actor=actor)]


def test_members_see_only_their_organisations_partnerships(two_organisations):
    db = two_organisations
    alice = organisations.actor_for(db, email=" alice@example.COM ")
    bob = organisations.actor_for(db, email="bob@example.com")
    stranger = organisations.actor_for(db, email="eve@example.com")
    vera = organisations.actor_for(db, email="vera@example.com")
    assert _names(db, alice) == ["Riverbrook"]
    assert _names(db, bob) == ["Riverbrook", "Saltwick"]
    assert _names(db, stranger) == []
    assert _names(db, vera) == ["Riverbrook"]
    [mine] = places.places(db, actor=vera)
    assert mine.role is Role.viewer  # a viewer may read, not run workshops
    theirs = places.places(db, actor=bob)[0]
    assert theirs.role is Role.owner and places.places(db, actor=alice)[0].id != theirs.id
    assert len(_names(db, Actor.local_admin())) == 3
    # the same name in two organisations is two partnerships, never shared
    assert len({p.id for p in places.places(db, actor=Actor.local_admin()) if p.label == "Riverbrook"}) == 2
    workshop_of_bob = theirs.workshops[0].id
    with pytest.raises(Refused):
        results.responses(db, actor=alice, workshop_id=workshop_of_bob, framework_id="ham-2015")
    with pytest.raises(Refused):
        consensus.record_agreed(db, actor=vera, workshop_id=mine.workshops[0].id, framework_id="ham-2015",
                                principle_id="population", score=3, note=None)


def test_views_over_places_read_only_the_partnerships_given(two_organisations):
    db = two_organisations
    alice = organisations.actor_for(db, email="alice@example.com")
    side = side_by_side(db, actor=alice, framework_id="ham-2015")
    assert list(side.profiles) == ["Riverbrook"]
    [mine] = places.places(db, actor=alice)
    assert progress(db, actor=alice, partnership_id=mine.id, framework_id="ham-2015") is not None


def test_changes_are_audited_and_personal_data_can_be_erased(two_organisations):
    db = two_organisations
    alice = organisations.actor_for(db, email="alice@example.com")
    olga = organisations.actor_for(db, email="olga@example.com")
    workshop_id = places.places(db, actor=alice)[0].workshops[0].id
    consensus.record_agreed(db, actor=alice, workshop_id=workshop_id, framework_id="ham-2015",
                            principle_id="population", score=3, note="Jo said so")
    consensus.add_action(db, actor=alice, workshop_id=workshop_id, framework_id="ham-2015", principle_id="population",
                         text="Write it down", owner="Jo Bloggs", due_on=None)
    with pytest.raises(Refused):
        privacy.erase_personal_data(db, actor=alice, workshop_id=workshop_id)  # owners only
    privacy.erase_personal_data(db, actor=olga, workshop_id=workshop_id)
    assert privacy.audit_log(db, actor=alice, workshop_ids=[workshop_id]) == []  # the log is for owners
    assert privacy.audit_log(db, actor=organisations.actor_for(db, email="vera@example.com"),
                             workshop_ids=[workshop_id]) == []
    log = privacy.audit_log(db, actor=olga, workshop_ids=[workshop_id])
    assert [(e.actor, e.action) for e in log] == [
        ("olga@example.com", "personal data erased"), ("alice@example.com", "action added"),
        ("alice@example.com", "agreed score")]
    assert log[1].detail["action"] == privacy.ERASED and "Write it down" not in str(log)
    bob = organisations.actor_for(db, email="bob@example.com")
    assert privacy.audit_log(db, actor=bob, workshop_ids=[workshop_id]) == []  # another organisation's
    responses = results.responses(db, actor=olga, workshop_id=workshop_id, framework_id="ham-2015")
    assert [(a.score, a.comment, a.organisation, a.sector) for a in responses.answers()] == [(3, None, None, None)]
    assert consensus.agreed_scores(db, actor=olga, workshop_id=workshop_id)[("ham-2015", "population")].note is None
    assert [a.owner for a in consensus.actions(db, actor=olga, workshop_id=workshop_id)] == [privacy.ERASED]


def test_erasing_clears_the_action_text_its_owner_marks_as_naming_people_and_says_what_it_kept(two_organisations):
    db = two_organisations
    olga = organisations.actor_for(db, email="olga@example.com")
    workshop_id = places.places(db, actor=olga)[0].workshops[0].id
    for text in ("Ask Dr Jane Smith to map the budgets", "Publish the joint plan"):
        consensus.add_action(db, actor=olga, workshop_id=workshop_id, framework_id="ham-2015",
                             principle_id="population", text=text, owner="Jo Bloggs", due_on=None)
    listed = privacy.actions_to_redact(db, actor=olga, workshop_id=workshop_id)
    naming = [i for i, text in listed.items() if "Jane Smith" in text]
    with pytest.raises(Refused):
        privacy.actions_to_redact(db, actor=organisations.actor_for(db, email="alice@example.com"),
                                  workshop_id=workshop_id)
    erased = privacy.erase_personal_data(db, actor=olga, workshop_id=workshop_id, redact=naming)
    assert (erased.actions_redacted, erased.actions_kept) == (1, ["Publish the joint plan"])
    kept = consensus.actions(db, actor=olga, workshop_id=workshop_id)
    assert sorted(a.text for a in kept) == sorted([privacy.ERASED, "Publish the joint plan"])
    assert "Jane Smith" not in str(privacy.audit_log(db, actor=olga, workshop_ids=[workshop_id]))


def test_retention_erases_only_workshops_past_it(two_organisations):
    db = two_organisations
    assert privacy.apply_retention(db, actor=ADMIN, days=365, today=date(2026, 6, 1)) == []
    erased = privacy.apply_retention(db, actor=ADMIN, days=30, today=date(2026, 6, 1))
    assert len(erased) == 3
    assert privacy.apply_retention(db, actor=ADMIN, days=30, today=date(2026, 6, 1)) == []  # once only
    assert all(a.comment is None for w in erased
               for a in results.responses(db, actor=ADMIN, workshop_id=w, framework_id="ham-2015").answers())
    with pytest.raises(Refused):
        privacy.apply_retention(db, actor=organisations.actor_for(db, email="bob@example.com"), days=30,
                                today=date(2026, 6, 1))


def test_organisations_members_and_retention_from_the_command_line(capsys, tmp_path):
    from assessment.cli import main
    from assessment.services.database import open_database
    from assessment.settings import get_settings

    assert main(["organisation", "Gamma Partners", "--owner", "Gail@Example.com"]) == 0
    assert "gail@example.com is its owner" in capsys.readouterr().out
    assert main(["member", "Gamma Partners", "fred@example.com", "facilitator"]) == 0
    assert main(["member", "Nobody Ltd", "fred@example.com", "viewer"]) == 2
    assert "no organisation is called 'Nobody Ltd'" in capsys.readouterr().err
    assert main(["member", "Gamma Partners", "not-an-address", "viewer"]) == 2
    assert "give the e-mail address" in capsys.readouterr().err
    db = open_database(get_settings(), seed=False)
    fred = organisations.actor_for(db, email="fred@example.com")
    gamma = organisations.organisation_id(db, name="Gamma Partners")
    assert fred.roles == {gamma: Role.facilitator}
    created = new_workshop(db, builtin_framework("ham-2015"), partnership_name="Handed over", place="Handford",
                           held_on=date(2026, 2, 1))
    assert main(["export", "--workshop", created.join_code, "-o", str(tmp_path / "w.json")]) == 0
    assert main(["import", str(tmp_path / "w.json"), "--organisation", "Nobody Ltd"]) == 2
    assert main(["import", str(tmp_path / "w.json"), "--organisation", "Gamma Partners"]) == 0
    owned = places.places(db, actor=fred)
    assert [(p.label, len(p.workshops)) for p in owned] == [("Handed over (Handford)", 1)]
    db.dispose()
    assert main(["retention", "--days", "30"]) == 0
    assert "nothing was erased. Run again with --yes" in capsys.readouterr().out
    assert main(["retention", "--days", "30", "--yes"]) == 0
    assert "erased the personal data of" in capsys.readouterr().out
    for too_short in ("-5", "0", "29"):
        assert main(["retention", "--days", too_short, "--yes"]) == 2
        assert "too short" in capsys.readouterr().err
