"""A whole workshop as JSON: exported, imported elsewhere, and the same numbers come out."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assessment.storage import crud
from assessment.storage.db import transaction
from assessment.errors import InputError
from assessment.content.framework import builtin_framework
from assessment.engine.scoring import score
from assessment.services.transfer import export_workshop, import_workshop, read_workshop_file


def test_a_workshop_survives_the_round_trip(engine):
    ham = builtin_framework("ham-2015")
    with transaction(engine) as session:
        created = crud.create_workshop(session, partnership_name="Riverbrook", place="Riverbrook", title="Baseline",
                                       held_on=date(2026, 3, 12), frameworks=[ham], exemplar_ids=["salford"],
                                       sectors=["Acute hospital", "Primary care"])
        workshop = created.workshop
        for person in range(5):
            pid = crud.join_workshop(session, workshop=workshop, organisation=f"Org {person % 2}",
                                     sector=["Acute hospital", "Primary care"][person % 2]).participant.id
            for number, statement in enumerate(ham.statements):
                crud.save_answer(session, participant_id=pid, framework_id=ham.id, statement_id=statement.id,
                                 value=None if (person + number) % 7 == 0 else 1 + (person * number) % 5,
                                 dont_know=(person + number) % 7 == 0,
                                 comment='=HYPERLINK("x")' if number == 0 else None)
            if person < 2:
                crud.mark_finished(session, participant_id=pid)
        crud.record_consensus(session, workshop_id=workshop.id, framework_id=ham.id, principle_id="funding", score=2,
                              note="Budgets stay separate.")
        crud.add_action(session, workshop_id=workshop.id, framework_id=ham.id, principle_id="funding",
                        text="Map the budgets", owner="Finance leads", due_on=date(2026, 6, 30))
        exported = export_workshop(session, workshop=workshop)
        original = score(ham, crud.responses(session, workshop_id=workshop.id, framework_id=ham.id))

    with transaction(engine) as session:
        copy = import_workshop(session, document=read_workshop_file(exported.encode(), source="workshop.json"))
        copy_id = copy.workshop.id
        assert copy.workshop.join_code != workshop.join_code
        again = score(ham, crud.responses(session, workshop_id=copy_id, framework_id=ham.id))
        agreed = crud.current_consensus(session, workshop_id=copy_id)[("ham-2015", "funding")]
        [action] = crud.actions(session, workshop_id=copy_id)
        seen = crud.attendance(session, workshop_id=copy_id)
        assert export_workshop(session, workshop=copy.workshop) == exported
    assert again.model_dump() == original.model_dump()
    assert (agreed.score, agreed.note, action.text, action.due_on) == (2, "Budgets stay separate.", "Map the budgets",
                                                                       date(2026, 6, 30))
    assert (seen.joined, seen.finished) == (5, 2)


def test_a_bad_workshop_file_is_refused_whole_with_where(engine):
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
