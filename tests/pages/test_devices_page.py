"""Screens and devices, under AppTest: the browsers in control with when each was last seen, ending one, a
one-time link for another device, a new facilitator link that ends the rest, and admin sessions."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assessment.content.framework import builtin_framework
from assessment.pages import custody, state
from assessment.services import sessions, workshops
from tests.utils import as_shown
from tests.utils.apptest import open_as_admin, open_with_key
from tests.utils.workshops import ADMIN, new_workshop

TABLET = "tablet-device-cookie-0123456789ab"


def _room_page():
    import streamlit as st

    from assessment.pages import control, state

    state.take_up_device()  # as the entry script does on every run
    control.render(st.Page(lambda: None, title="Projector screen", url_path="screen"))


def _manage_page():
    import streamlit as st

    from assessment.pages import manage, state

    state.take_up_device()
    manage.render(st.Page(lambda: None, title="Run the workshop", url_path="room"))


@pytest.fixture
def two_browsers():
    """A workshop run from this tab's browser and a tablet; (the workshop, this tab on Screens and devices)."""
    created = new_workshop(state.database(), builtin_framework("ham-2015"))
    sessions.open_with_key(state.database(), key=created.facilitator_key, holder=TABLET, device="Safari on iPad")
    app = AppTest.from_function(_room_page, default_timeout=30)
    open_with_key(app, created.facilitator_key)
    app.run().button_group[0].set_value("Screens and devices").run()
    assert not app.exception, app.exception
    return created, app


def test_the_control_view_lists_each_browser_and_ends_one_without_the_others(two_browsers):
    created, app = two_browsers
    listed = [as_shown(m.value) for m in app.markdown if "last seen" in m.value]
    assert len(listed) == 2 and "AppTest" in listed[0] and "(this browser)" in listed[0]
    assert "Safari on iPad" in listed[1] and "(this browser)" not in listed[1]
    screen_key = workshops.screen_key_of(state.database(), actor=ADMIN, workshop_id=created.id)
    assert any(c.value.endswith(f"/screen?s={screen_key}") for c in app.code)
    assert [b.label for b in app.button if b.label == "End"] == ["End"]  # not for this browser
    next(b for b in app.button if b.label == "End").click().run()
    assert not sessions.held(state.database(), holder=TABLET, admin_key=None).anything
    assert app.session_state[state.HELD][1].facilitating.keys() == {created.id}  # this one still runs it


def test_a_one_time_link_and_a_new_facilitator_link(two_browsers):
    created, app = two_browsers
    next(b for b in app.button if b.label.startswith("Add another device")).click().run()
    [invite] = [c.value for c in app.code if "/room?key=" in c.value]
    next(b for b in app.button if b.label == "Make a new facilitator link").click().run()
    assert "Tick the box first" in " ".join(i.value for i in app.info)
    assert sessions.held(state.database(), holder=TABLET, admin_key=None).anything  # nothing happened
    next(c for c in app.checkbox if c.label.startswith("End every other")).check()
    next(b for b in app.button if b.label == "Make a new facilitator link").click().run()
    assert not app.exception
    assert not sessions.held(state.database(), holder=TABLET, admin_key=None).anything
    assert app.session_state[state.HELD][1].facilitating.keys() == {created.id}
    for old in (created.facilitator_key, invite.rsplit("=", 1)[1]):
        assert sessions.open_with_key(state.database(), key=old, holder=TABLET, device="Safari") is None
    assert "the old one opens nothing now" in " ".join(s.value for s in app.success)


def test_whoever_holds_the_admin_link_sees_and_ends_admin_sessions():
    sessions.open_admin(state.database(), holder=TABLET, device="Safari on iPad", admin_key=custody.admin_key())
    app = AppTest.from_function(_manage_page, default_timeout=30)
    open_as_admin(app)
    app.run()
    assert not app.exception
    listed = [as_shown(m.value) for m in app.markdown if "last seen" in m.value]
    assert any("Safari on iPad" in line for line in listed) and any("(this browser)" in line for line in listed)
    tablet = next(d for d in sessions.admin_sessions(state.database(), actor=ADMIN, admin_key=custody.admin_key())
                  if d.device == "Safari on iPad")
    next(b for b in app.button if b.key == f"end-admin-{tablet.session_id}").click().run()
    assert sessions.held(state.database(), holder=TABLET, admin_key=custody.admin_key()).admin is None
