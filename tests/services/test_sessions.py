"""Device sessions: the facilitator link becomes a session that a reload finds again, a second device gets its
own, and ending a session locks that device out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import sessions
from assessment.services.access import Actor, Refused
from assessment.storage.models import utcnow
from tests.utils.workshops import new_workshop


def test_a_facilitator_session_survives_a_reload_and_ends_from_another_device(db):
    created = new_workshop(db, builtin_framework("ham-2015"))
    workshop_id, laptop = sessions.start_with_key(db, key=created.facilitator_key, device="Laptop")
    assert workshop_id == created.id and created.facilitator_key not in laptop
    assert sessions.start_with_key(db, key=created.facilitator_key + "x", device="Laptop") is None
    grant = sessions.resolve(db, token=laptop)  # the reload
    assert (grant.kind, grant.workshop_id) == ("facilitator", created.id)
    facilitator = Actor("facilitator link", facilitating=frozenset({created.id}))
    tablet = sessions.add_device(db, actor=facilitator, workshop_id=created.id, device="Tablet")
    assert [d.device for d in sessions.devices(db, actor=facilitator, workshop_id=created.id)] == ["Tablet", "Laptop"]
    sessions.end_sessions(db, actor=facilitator, workshop_id=created.id, session_ids=[grant.session_id])
    assert sessions.resolve(db, token=laptop) is None and sessions.resolve(db, token=tablet) is not None
    with pytest.raises(Refused):
        sessions.add_device(db, actor=Actor("stranger"), workshop_id=created.id, device="Phone")
    assert sessions.resolve(db, token=tablet, now=utcnow() + sessions.IDLE_LIMIT + timedelta(minutes=1)) is None
    assert sessions.resolve(db, token="not-a-token") is None
