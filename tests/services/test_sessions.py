"""Control belongs to a browser: opening a private link makes a session of that browser (known by its device
cookie), each browser is its own device that can be ended alone, a new facilitator link ends them all, sessions
end at their idle and absolute limits, and admin sessions hold only under the admin key they were opened with."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import participation, privacy, sessions, workshops
from assessment.services.access import Actor, Refused
from assessment.storage.models import utcnow
from tests.utils.workshops import ADMIN, new_workshop

LAPTOP, TABLET, STRANGER = "laptop-device-cookie-0123456789ab", "tablet-device-cookie-0123456789ab", "x" * 32
ADMIN_KEY = "the-admin-key-0123456789"


@pytest.fixture
def created(db):
    return new_workshop(db, builtin_framework("ham-2015"))


def _facilitator(workshop_id: int) -> Actor:
    return Actor("facilitator link", facilitating=frozenset({workshop_id}))


def test_a_browser_that_opens_the_link_controls_the_workshop_and_no_other_browser_does(db, created):
    opened = sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")
    assert opened == created.id
    sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")  # again
    assert len(sessions.devices(db, actor=_facilitator(created.id), workshop_id=created.id)) == 1  # one device    assert sessions.held(db, holder=LAPTOP, admin_key=None).facilitating.keys() == {created.id}
    assert not sessions.held(db, holder=STRANGER, admin_key=None).anything  # an address copied elsewhere: nothing
    assert sessions.open_with_key(db, key=created.facilitator_key + "x", holder=STRANGER, device="Firefox") is None
    assert not sessions.held(db, holder=STRANGER, admin_key=None).anything


def test_each_browser_is_its_own_device_and_ending_one_ends_only_it(db, created):
    sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")
    sessions.open_with_key(db, key=created.facilitator_key, holder=TABLET, device="Safari on iPad")
    listed = sessions.devices(db, actor=_facilitator(created.id), workshop_id=created.id)
    assert [d.device for d in listed] == ["Safari on iPad", "Chrome on Windows"]
    assert all(d.last_seen >= d.started for d in listed)
    sessions.end_sessions(db, actor=_facilitator(created.id), workshop_id=created.id,
                          session_ids=[listed[1].session_id])
    laptop = sessions.held(db, holder=LAPTOP, admin_key=None)
    assert not laptop.anything and laptop.ended  # and it is told so, a reload too
    assert sessions.held(db, holder=TABLET, admin_key=None).facilitating.keys() == {created.id}
    assert not sessions.held(db, holder=STRANGER, admin_key=None).ended
    with pytest.raises(Refused):
        sessions.devices(db, actor=Actor("stranger"), workshop_id=created.id)


def test_a_one_time_link_adds_one_device_once(db, created):
    key = sessions.invite_device(db, actor=_facilitator(created.id), workshop_id=created.id)
    assert sessions.open_with_key(db, key=key, holder=TABLET, device="Safari on iPad") == created.id
    assert sessions.open_with_key(db, key=key, holder=STRANGER, device="Firefox") is None  # used: opens nothing now
    with pytest.raises(Refused):
        sessions.invite_device(db, actor=Actor("stranger"), workshop_id=created.id)


def test_a_new_facilitator_link_ends_every_other_device_and_the_old_link_and_screen_link(db, created):
    sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")
    sessions.open_with_key(db, key=created.facilitator_key, holder=TABLET, device="Safari on iPad")
    invite = sessions.invite_device(db, actor=_facilitator(created.id), workshop_id=created.id)
    new_key = sessions.new_facilitator_link(db, actor=_facilitator(created.id), workshop_id=created.id, holder=LAPTOP,
                                            device="Chrome on Windows")
    assert not sessions.held(db, holder=TABLET, admin_key=None).anything
    assert sessions.held(db, holder=LAPTOP, admin_key=None).facilitating.keys() == {created.id}  # the one that asked
    assert [d.device for d in sessions.devices(db, actor=_facilitator(created.id), workshop_id=created.id)] == [
        "Chrome on Windows"]
    for old in (created.facilitator_key, invite):
        assert sessions.open_with_key(db, key=old, holder=STRANGER, device="Firefox") is None
    assert sessions.open_with_key(db, key=new_key, holder=TABLET, device="Safari on iPad") == created.id
    assert workshops.screen_key_of(db, actor=ADMIN, workshop_id=created.id) != created.screen_key
    [entry] = privacy.audit_log(db, actor=ADMIN, workshop_ids=[created.id])
    assert (entry.actor, entry.action) == ("facilitator link", "new facilitator link")


def test_sessions_end_when_idle_and_at_their_absolute_lifetime(db, created):
    sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")
    lifetime = sessions.LIFETIMES[sessions.FACILITATOR]
    assert not sessions.held(db, holder=LAPTOP, admin_key=None,
                             now=utcnow() + lifetime.idle + timedelta(minutes=1)).anything
    now = utcnow()
    while now < utcnow() + lifetime.absolute:  # used every day: it still ends at its absolute lifetime
        now += timedelta(days=1)
        held = sessions.held(db, holder=LAPTOP, admin_key=None, now=now)
        assert held.anything == (now - utcnow() < lifetime.absolute - timedelta(minutes=1))


def test_admin_sessions_hold_only_under_the_key_they_were_opened_with_and_can_be_ended(db):
    sessions.open_admin(db, holder=LAPTOP, device="Chrome on Windows", admin_key=ADMIN_KEY)
    sessions.open_admin(db, holder=TABLET, device="Safari on iPad", admin_key=ADMIN_KEY)
    assert sessions.held(db, holder=LAPTOP, admin_key=ADMIN_KEY).admin is not None
    assert sessions.held(db, holder=LAPTOP, admin_key="a-new-admin-key-0123456").admin is None  # a new key ends all
    assert sessions.held(db, holder=LAPTOP, admin_key=None).admin is None  # with sign-in, none
    listed = sessions.admin_sessions(db, actor=Actor.local_admin(), admin_key=ADMIN_KEY)
    assert [d.device for d in listed] == ["Safari on iPad", "Chrome on Windows"]
    assert sessions.admin_sessions(db, actor=Actor.local_admin(), admin_key="a-new-admin-key-0123456") == []
    sessions.end_admin_sessions(db, actor=Actor.local_admin(), session_ids=[listed[0].session_id])
    assert sessions.held(db, holder=TABLET, admin_key=ADMIN_KEY).admin is None
    assert sessions.held(db, holder=LAPTOP, admin_key=ADMIN_KEY).admin is not None
    with pytest.raises(Refused):
        sessions.end_admin_sessions(db, actor=_facilitator(1), session_ids=[listed[1].session_id])
    lifetime = sessions.LIFETIMES[sessions.ADMIN]
    assert sessions.held(db, holder=LAPTOP, admin_key=ADMIN_KEY, now=utcnow() + lifetime.idle + timedelta(minutes=1)
                         ).admin is None


def test_only_hashes_of_keys_device_cookies_and_resume_codes_are_stored(db, created):
    from sqlalchemy import text

    sessions.open_with_key(db, key=created.facilitator_key, holder=LAPTOP, device="Chrome on Windows")
    sessions.open_admin(db, holder=TABLET, device="Safari on iPad", admin_key=ADMIN_KEY)
    invite = sessions.invite_device(db, actor=_facilitator(created.id), workshop_id=created.id)
    joined = participation.join(db, join_code=created.join_code, organisation=None, sector=None)
    with db.read() as session:
        stored = " ".join(str(v) for table in ("access_sessions", "workshops", "participants")
                          for row in session.execute(text(f"SELECT * FROM {table}")) for v in row)
    for secret in (LAPTOP, TABLET, ADMIN_KEY, invite, created.facilitator_key, joined.resume_code):
        assert secret not in stored
    assert created.screen_key in stored  # kept as it is: it opens only the room's view, and is shown again
