"""Every use case a role reaches, tried by each role: allowed from the role it needs, refused below it with
nothing changed. Hosted mode (sign-in): roles come from membership of the organisation that owns the place."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from assessment.content.framework import builtin_framework, read_framework
from assessment.engine.agenda import Stage, Step
from assessment.errors import InputError
from assessment.services import (
    comments,
    consensus,
    history,
    library,
    organisations,
    paper,
    places,
    presenter,
    privacy,
    reports,
    results,
    second_votes,
    sessions,
    transfer,
    workshops,
)
from assessment.services.access import Actor, Role
from assessment.storage.models import Base
from tests.conftest import DATA
from tests.utils.workshops import ADMIN, join, new_workshop

SALFORD = builtin_framework("salford-behaviours")
FIRST = SALFORD.principles[0]


@dataclass
class Place:
    db: object
    organisation_id: int
    partnership_id: int
    workshop_id: int
    join_code: str
    action_id: int
    earlier_action_id: int
    comment_key: str


@pytest.fixture(scope="module")
def hosted():
    from assessment.settings import get_settings

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLACEREADY_SIGN_IN", "true")
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def template(hosted, tmp_path_factory):
    """A place of Alpha ICS with two workshops, answers, comments and actions, in a SQLite file that each test
    copies (the role checks are the services', the same on either database)."""
    from assessment.services import participation
    from assessment.services.database import Database
    from assessment.storage.db import make_engine, migrate

    path = tmp_path_factory.mktemp("roles") / "template.db"
    db = Database(make_engine(f"sqlite:///{path}"))
    migrate(db.engine)
    alpha = organisations.create_organisation(db, actor=ADMIN, name="Alpha ICS", owner_email="owner@alpha.nhs.uk")
    for email, role in [("facilitator@alpha.nhs.uk", "facilitator"), ("viewer@alpha.nhs.uk", "viewer")]:
        organisations.set_member(db, actor=ADMIN, organisation_id=alpha, email=email, role=role)
    organisations.create_organisation(db, actor=ADMIN, name="Beta ICS", owner_email="owner@beta.nhs.uk")
    earlier = new_workshop(db, SALFORD, organisation_id=alpha, held_on=date(2026, 1, 10), title="Baseline")
    consensus.add_action(db, actor=ADMIN, workshop_id=earlier.id, framework_id=SALFORD.id, principle_id=FIRST.id,
                         text="Pool the budget", owner="Finance", due_on=None)
    created = new_workshop(db, SALFORD, organisation_id=alpha, held_on=date(2026, 7, 10), title="Follow-up",
                           sectors=["Acute hospital"])
    for value in (2, 3, 4):
        participation.save_answer(db, participant_id=join(db, created, sector="Acute hospital"),
                                  framework_id=SALFORD.id, statement_id=FIRST.statements[0].id, value=value,
                                  comment=f"Comment {value}")
    consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id=SALFORD.id, principle_id=FIRST.id,
                         text="Write it down", owner="Board", due_on=None)
    [earlier_action] = consensus.actions(db, actor=ADMIN, workshop_id=earlier.id)
    [action] = consensus.actions(db, actor=ADMIN, workshop_id=created.id)
    comment = comments.comments(db, actor=ADMIN, workshop_id=created.id, framework_id=SALFORD.id)[0]
    facts = workshops.by_join_code(db, code=created.join_code)
    db.dispose()
    return path, Place(None, alpha, facts.partnership_id, created.id, created.join_code, action.id,
                       earlier_action.id, comment.key)


@pytest.fixture
def place(template, tmp_path):
    from assessment.services.database import Database
    from assessment.storage.db import make_engine

    path, made = template
    copy = tmp_path / "roles.db"
    shutil.copyfile(path, copy)
    db = Database(make_engine(f"sqlite:///{copy}"))
    yield dataclasses.replace(made, db=db)
    db.dispose()


def _upload(p: Place, actor: Actor) -> object:
    framework = read_framework(DATA / "frameworks" / "five-by-two.yaml")
    return library.add(p.db, actor=actor, framework=framework, organisation_id=p.organisation_id)


def _brand():  # type: ignore[no-untyped-def]
    from assessment.engine.cover import Branding

    return Branding()


# (use case, the role it needs, how to do it). A use case that filters rather than refuses counts as refused
# when it shows the actor nothing.
USE_CASES: list[tuple[str, Role, Callable[[Place, Actor], object]]] = [
    ("read the answers", Role.viewer, lambda p, a: results.responses(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id)),
    ("read the room's live results", Role.facilitator, lambda p, a: results.room(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id)),
    ("count who is in the room", Role.facilitator, lambda p, a: results.attendance(p.db, actor=a, workshop_id=p.workshop_id)),
    ("read agreed scores", Role.viewer, lambda p, a: consensus.agreed_scores(p.db, actor=a, workshop_id=p.workshop_id)),
    ("read actions", Role.viewer, lambda p, a: consensus.actions(p.db, actor=a, workshop_id=p.workshop_id)),
    ("read last workshop's actions", Role.viewer, lambda p, a: consensus.to_review(
        p.db, actor=a, workshop_id=p.workshop_id)),
    ("see the place", Role.viewer, lambda p, a: places.places(p.db, actor=a) or None),
    ("see progress", Role.viewer, lambda p, a: history.progress(
        p.db, actor=a, partnership_id=p.partnership_id, framework_id=SALFORD.id)),
    ("see places side by side", Role.viewer, lambda p, a: history.side_by_side(
        p.db, actor=a, framework_id=SALFORD.id)),
    ("write the workshop report", Role.viewer, lambda p, a: reports.workshop_report(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id, exemplars=[])),
    ("write the progress report", Role.viewer, lambda p, a: reports.progress_report(
        p.db, actor=a, partnership_id=p.partnership_id, framework_id=SALFORD.id, brand=_brand())),
    ("export the workshop file", Role.viewer, lambda p, a: transfer.export_workshop(
        p.db, actor=a, workshop_id=p.workshop_id)),
    ("read the raw answers (personal-level data)", Role.facilitator, lambda p, a: results.responses(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id, personal=True)),
    ("export the raw workshop file", Role.facilitator, lambda p, a: transfer.export_workshop(
        p.db, actor=a, workshop_id=p.workshop_id, personal=True)),
    ("reveal results", Role.facilitator, lambda p, a: workshops.set_revealed(
        p.db, actor=a, workshop_id=p.workshop_id, revealed=True)),
    ("close scoring", Role.facilitator, lambda p, a: workshops.set_scoring_open(
        p.db, actor=a, workshop_id=p.workshop_id, scoring_open=False)),
    ("rename the workshop", Role.facilitator, lambda p, a: workshops.change_workshop(
        p.db, actor=a, workshop_id=p.workshop_id, title="Renamed", scoring_open=True, archived=False)),
    ("set up a workshop", Role.facilitator, lambda p, a: new_workshop(
        p.db, SALFORD, actor=a, organisation_id=p.organisation_id)),
    ("import answers", Role.facilitator, lambda p, a: transfer.import_responses(
        p.db, actor=a, partnership_name="Imported", place="Imported", title="Paper", held_on=date(2026, 2, 1),
        answered=[(SALFORD, results.responses(p.db, actor=ADMIN, workshop_id=p.workshop_id,
                                              framework_id=SALFORD.id))], organisation_id=p.organisation_id)),
    ("record an agreed score", Role.facilitator, lambda p, a: consensus.record_agreed(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id, principle_id=FIRST.id, score=3, note=None)),
    ("add an action", Role.facilitator, lambda p, a: consensus.add_action(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id, principle_id=FIRST.id, text="Another",
        owner="Us", due_on=None)),
    ("edit an action", Role.facilitator, lambda p, a: consensus.edit_action(
        p.db, actor=a, workshop_id=p.workshop_id, action_id=p.action_id, text="Write it up", owner="Board",
        due_on=None, status="done")),
    ("delete an action", Role.facilitator, lambda p, a: consensus.delete_action(
        p.db, actor=a, workshop_id=p.workshop_id, action_id=p.action_id)),
    ("review last workshop's action", Role.facilitator, lambda p, a: consensus.review_action(
        p.db, actor=a, workshop_id=p.workshop_id, action_id=p.earlier_action_id, outcome="done")),
    ("open a second vote", Role.facilitator, lambda p, a: second_votes.open_vote(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id, principle_id=FIRST.id)),
    ("read comments with hidden ones", Role.facilitator, lambda p, a: comments.comments(
        p.db, actor=a, workshop_id=p.workshop_id, framework_id=SALFORD.id)),
    ("hide a comment", Role.facilitator, lambda p, a: comments.moderate(
        p.db, actor=a, workshop_id=p.workshop_id, keys=[p.comment_key], state="hidden")),
    ("release comments automatically", Role.facilitator, lambda p, a: comments.release_automatically(
        p.db, actor=a, workshop_id=p.workshop_id, automatic=True)),
    ("type in a paper form", Role.facilitator, lambda p, a: paper.enter_form(
        p.db, actor=a, workshop_id=p.workshop_id, paper_number=1, sector=None,
        answers={(SALFORD.id, FIRST.statements[0].id): 3})),
    ("move the room on", Role.facilitator, lambda p, a: presenter.go_to(
        p.db, actor=a, workshop_id=p.workshop_id, step=Step(Stage.overview, SALFORD.id))),
    ("plan the running order", Role.facilitator, lambda p, a: presenter.set_running_order(
        p.db, actor=a, workshop_id=p.workshop_id, planned={"scoring": 25})),
    ("add a device", Role.facilitator, lambda p, a: sessions.invite_device(p.db, actor=a, workshop_id=p.workshop_id)),
    ("make a new facilitator link", Role.facilitator, lambda p, a: sessions.new_facilitator_link(
        p.db, actor=a, workshop_id=p.workshop_id, holder="b" * 32, device="Tablet")),
    ("see the screen link", Role.facilitator, lambda p, a: workshops.screen_key_of(
        p.db, actor=a, workshop_id=p.workshop_id)),
    ("list devices", Role.facilitator, lambda p, a: sessions.devices(p.db, actor=a, workshop_id=p.workshop_id)),
    ("put the place in a system", Role.facilitator, lambda p, a: places.place_in_system(
        p.db, actor=a, partnership_id=p.partnership_id, system_name="Lune ICS")),
    ("read the audit log", Role.owner, lambda p, a: privacy.audit_log(
        p.db, actor=a, workshop_ids=[p.workshop_id]) or None),
    ("erase personal data", Role.owner, lambda p, a: privacy.erase_personal_data(
        p.db, actor=a, workshop_id=p.workshop_id)),
    ("list actions to redact", Role.owner, lambda p, a: privacy.actions_to_redact(
        p.db, actor=a, workshop_id=p.workshop_id)),
    ("delete the workshop", Role.owner, lambda p, a: workshops.delete_workshop(
        p.db, actor=a, workshop_id=p.workshop_id, typed_code=p.join_code)),
    ("upload a framework", Role.owner, _upload),
    ("read uploaded frameworks", Role.viewer, lambda p, a: (
        _upload(p, ADMIN), [e for e in library.latest(p.db, actor=a) if not e.builtin] or None)[1]),
    ("add a member", Role.owner, lambda p, a: organisations.set_member(
        p.db, actor=a, organisation_id=p.organisation_id, email="new@alpha.nhs.uk", role="viewer")),
    ("remove a member", Role.owner, lambda p, a: organisations.remove_member(
        p.db, actor=a, organisation_id=p.organisation_id, email="viewer@alpha.nhs.uk")),
]
WHO = {"signed out": None, "owner of another organisation": "owner@beta.nhs.uk",
       "viewer": "viewer@alpha.nhs.uk", "facilitator": "facilitator@alpha.nhs.uk", "owner": "owner@alpha.nhs.uk"}
HELD = {"viewer": Role.viewer, "facilitator": Role.facilitator, "owner": Role.owner}


def _everything(db) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table, to show a refusal changed nothing."""
    with db.engine.connect() as connection:
        return {name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for name, table in Base.metadata.tables.items()}


def _actor(place: Place, who: str) -> Actor:
    return organisations.actor_for(place.db, email=WHO[who]) if WHO[who] else Actor("signed out")


@pytest.mark.parametrize("use_case", USE_CASES, ids=[name for name, _, _ in USE_CASES])
def test_each_role_may_do_what_it_needs_and_nothing_more(place, use_case):
    """Those below the role are refused and change nothing; the role itself may (and, for reads, every role
    above it: `Actor.may` makes each role include the ones below, tested in test_access)."""
    name, needed, act = use_case
    before = _everything(place.db)
    for who in WHO:
        if who in HELD and HELD[who] >= needed:
            continue
        try:
            found = act(place, _actor(place, who))
        except InputError:
            found = None
        assert found is None, f"{who} could {name}"
        if name != "read uploaded frameworks":  # that one uploads as the host first
            assert _everything(place.db) == before, f"refusing {who} to {name} changed something"
    lowest = next(who for who, role in HELD.items() if role >= needed)
    reads = needed is Role.viewer
    for who in [w for w, role in HELD.items() if role >= needed] if reads else [lowest]:
        found = act(place, _actor(place, who))
        assert found is not None or not reads, f"{who} found nothing to {name}"
