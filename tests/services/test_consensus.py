"""Agreed scores and actions: kept beside the answers, each recording kept, bad entries named."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.content.framework import builtin_framework
from assessment.errors import InputError
from assessment.services import consensus
from assessment.services.access import Actor, Refused
from tests.utils.workshops import ADMIN, new_workshop


def test_consensus_is_kept_beside_answers_and_its_history_is_kept(db):
    created = new_workshop(db, builtin_framework("ham-2015"))
    for score, note in [(2, "First view"), (3, "After discussion")]:
        consensus.record_agreed(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015",
                                principle_id="funding", score=score, note=note)
    consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015", principle_id="funding",
                         text="Map every budget line", owner="Finance leads", due_on=date(2026, 6, 30))
    agreed = consensus.agreed_scores(db, actor=ADMIN, workshop_id=created.id)
    [action] = consensus.actions(db, actor=ADMIN, workshop_id=created.id)
    assert (agreed[("ham-2015", "funding")].score, agreed[("ham-2015", "funding")].note) == (3, "After discussion")
    assert (action.owner, action.due_on) == ("Finance leads", date(2026, 6, 30))
    with pytest.raises(InputError) as caught:
        consensus.add_action(db, actor=ADMIN, workshop_id=created.id, framework_id="ham-2015",
                             principle_id="funding", text="", owner="", due_on=None)
    assert "Action: say what will be done" in str(caught.value) and "Owner: say who" in str(caught.value)
    with pytest.raises(Refused):
        consensus.record_agreed(db, actor=Actor("stranger"), workshop_id=created.id, framework_id="ham-2015",
                                principle_id="funding", score=5, note=None)
    assert consensus.agreed_scores(db, actor=ADMIN, workshop_id=created.id)[("ham-2015", "funding")].score == 3
