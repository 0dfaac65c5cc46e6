"""Workshops moving in and out: the whole workshop as JSON round-trips; imported answers score the same."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework
from assessment.engine.scoring import score
from assessment.errors import InputError
from assessment.services import comments, consensus, participation, results, workshops
from assessment.services.demo import demo_responses
from assessment.services.transfer import (
    export_workshop,
    import_responses,
    import_workshop,
    read_workshop_file,
)
from assessment.storage.models import Participant, Workshop
from tests.utils.workshops import ADMIN, join, new_workshop


def test_a_workshop_survives_the_round_trip(db):
    ham = builtin_framework("ham-2015")
    created = new_workshop(db, ham, partnership_name="Riverbrook", exemplar_ids=["salford"],
                           sectors=["Acute hospital", "Primary care"], organisations=[])
    for person in range(5):
        pid = join(db, created, organisation=f"Org {person % 2}", sector=["Acute hospital", "Primary care"][person % 2])
        for number, statement in enumerate(ham.statements):
            participation.save_answer(db, participant_id=pid, framework_id=ham.id, statement_id=statement.id,
                                      value=None if (person + number) % 7 == 0 else 1 + (person * number) % 5,
                                      dont_know=(person + number) % 7 == 0,
                                      comment='=HYPERLINK("x")' if number == 0 else None)
        if person < 2:
            participation.finish(db, participant_id=pid)
    consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id, principle_id="funding",
                            score=2, note="Budgets stay separate.")
    consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id, principle_id="funding",
                         text="Map the budgets", owner="Finance leads", due_on=date(2026, 6, 30))
    exported = export_workshop(db, actor=ADMIN, workshop_id=created.id, personal=True)
    original = score(ham, results.responses(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id,
                                            personal=True))

    copy = import_workshop(db, actor=ADMIN, document=read_workshop_file(exported.encode(), source="workshop.json"))
    assert copy.join_code != created.join_code
    again = score(ham, results.responses(db, actor=ADMIN, workshop_id=copy.id, framework_id=ham.id, personal=True))
    agreed = consensus.agreed_scores(db, actor=ADMIN, workshop_id=copy.id)[("ham-2015", "funding")]
    [action] = consensus.actions(db, actor=ADMIN, workshop_id=copy.id)
    seen = results.attendance(db, actor=ADMIN, workshop_id=copy.id)
    assert export_workshop(db, actor=ADMIN, workshop_id=copy.id, personal=True) == exported
    assert again.model_dump() == original.model_dump()
    assert (agreed.score, agreed.note, action.text, action.due_on) == (2, "Budgets stay separate.", "Map the budgets",
                                                                       date(2026, 6, 30))
    assert (seen.joined, seen.finished) == (5, 2)


def test_a_bad_workshop_file_is_refused_whole_with_where():
    document = {"format": "placeready-workshop", "partnership": "x", "place": "y", "title": "t",
                "held_on": "2026-13-01", "frameworks": [], "participants": [{"answers": [{"framework": "ham-2015"}]}]}
    with pytest.raises(InputError) as caught:
        read_workshop_file(json.dumps(document).encode(), source="bad.json")
    message = str(caught.value)
    assert "bad.json" in message and "held_on" in message and "frameworks" in message
    assert "participants.0.answers.0.statement" in message
    with pytest.raises(InputError, match="not a PlaceReady workshop file"):
        read_workshop_file(b'{"format": "other"}', source="other.json")
    with pytest.raises(InputError, match="not a JSON file"):
        read_workshop_file(b"{nope", source="broken.json")


@pytest.mark.parametrize(("change", "why"), [
    ({"value": 9}, "score must be one of"),
    ({"statement": "not-a-statement"}, "not a statement of this workshop"),
])
def test_a_workshop_file_with_one_answer_the_workshop_refuses_stores_nothing(db, change, why):
    ham = builtin_framework("ham-2015")
    created = new_workshop(db, ham, sectors=["Acute hospital"], organisations=[])
    for _ in range(3):
        pid = join(db, created, sector="Acute hospital")
        for statement in ham.statements:
            participation.save_answer(db, participant_id=pid, framework_id=ham.id, statement_id=statement.id, value=3)
    document = json.loads(export_workshop(db, actor=ADMIN, workshop_id=created.id))
    last = document["participants"][-1]["answers"][-1]  # the very last answer of the file
    last.update(change)
    with db.read() as session:
        before = session.scalar(select(func.count(Workshop.id)))

    with pytest.raises(InputError) as refused:
        import_workshop(db, actor=ADMIN, document=read_workshop_file(json.dumps(document).encode(), source="w.json"))
    assert why in str(refused.value) and last["statement"] in str(refused.value)
    with db.read() as session:
        assert session.scalar(select(func.count(Workshop.id))) == before
        assert session.scalar(select(func.count(Participant.id))) == 3


def test_imported_responses_become_a_closed_workshop_with_the_same_scores(db):
    ham = builtin_framework("ham-2015")
    answers = demo_responses(load_demo().workshops[0], ham.id)
    created = import_responses(db, actor=ADMIN, partnership_name="Imported", place="Elsewhere", title="Survey",
                               held_on=date(2026, 2, 1), answered=[(ham, answers)])
    again = results.responses(db, actor=ADMIN, workshop_id=created.id, framework_id=ham.id, personal=True)
    facts = workshops.by_join_code(db, code=created.join_code)
    assert facts.scoring_open is False and facts.revealed is True
    assert score(ham, again).model_dump() == score(ham, answers).model_dump()
    imported = comments.comments(db, actor=ADMIN, workshop_id=created.id)  # no room to moderate them in
    assert imported and {c.state for c in imported} == {"released"}


def test_the_raw_workshop_file_keeps_each_comments_state_and_the_boards_copy_only_what_the_room_saw(db):
    from assessment.services.access import Actor, Role
    from assessment.services.organisations import create_organisation

    salford = builtin_framework("salford-behaviours")
    organisation = create_organisation(db, actor=ADMIN, name="Alpha consulting", owner_email="owner@alpha.nhs.uk")
    created = new_workshop(db, salford, organisation_id=organisation)
    statements = salford.principles[0].statements
    for words, statement in zip(("Released words", "Hidden words", "Waiting words"), statements, strict=False):
        participation.save_answer(db, participant_id=join(db, created), framework_id=salford.id,
                                  statement_id=statement.id, value=3, comment=words)
    found = {c.text: c.key for c in comments.comments(db, actor=ADMIN, workshop_id=created.id)}
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[found["Released words"]], state="released")
    comments.moderate(db, actor=ADMIN, workshop_id=created.id, keys=[found["Hidden words"]], state="hidden")

    def states(document: str) -> dict[str, str]:
        return {a["comment"]: a["comment_state"] for p in json.loads(document)["participants"] for a in p["answers"]
                if a["comment"]}

    exported = export_workshop(db, actor=ADMIN, workshop_id=created.id, personal=True)  # the facilitators' raw copy
    assert states(exported) == {"Released words": "released", "Hidden words": "hidden", "Waiting words": "pending"}
    # the board's copy holds only what the room saw, whoever downloads it
    assert states(export_workshop(db, actor=ADMIN, workshop_id=created.id)) == {"Released words": "released"}
    copy = import_workshop(db, actor=ADMIN, document=read_workshop_file(exported.encode(), source="w.json"))
    assert {(c.text, c.state) for c in comments.comments(db, actor=ADMIN, workshop_id=copy.id)} == {
        ("Released words", "released"), ("Hidden words", "hidden"), ("Waiting words", "pending")}
    viewer = Actor("viewer@alpha.nhs.uk", roles={organisation: Role.viewer})
    assert states(export_workshop(db, actor=viewer, workshop_id=created.id)) == {"Released words": "released"}
    shown = results.responses(db, actor=viewer, workshop_id=created.id, framework_id=salford.id)
    assert set(shown.table["comment"].dropna()) == {"Released words"}

    # a file of version 1 did not say which comments were hidden: each waits for the facilitator again
    old = json.loads(exported)
    old["version"] = 1
    for person in old["participants"]:
        for answer in person["answers"]:
            answer.pop("comment_state")
    again = import_workshop(db, actor=ADMIN, document=read_workshop_file(json.dumps(old).encode(), source="v1.json"))
    assert {c.state for c in comments.comments(db, actor=ADMIN, workshop_id=again.id)} == {"pending"}
