"""What opening the admin or facilitator link leaves behind, for pages under Streamlit's AppTest: a session of
the tab's own device (AppTest sends no cookie, so the tab's device id stands for the browser's). A page function
that should notice sessions ended elsewhere calls `state.take_up_device()` first, as the entry script does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assessment.pages import custody, state
from assessment.services import sessions


def _device(app: AppTest) -> str:
    if state.DEVICE not in app.session_state:
        app.session_state[state.DEVICE] = custody.new_device_id()
    return app.session_state[state.DEVICE]


def open_as_admin(app: AppTest) -> None:
    sessions.open_admin(state.database(), holder=_device(app), device="AppTest", admin_key=custody.admin_key())
    app.session_state[state.HELD] = (0.0, sessions.held(state.database(), holder=_device(app),
                                                        admin_key=custody.admin_key()))


def open_with_key(app: AppTest, key: str) -> None:
    workshop_id = sessions.open_with_key(state.database(), key=key, holder=_device(app), device="AppTest")
    app.session_state[state.HELD] = (0.0, sessions.held(state.database(), holder=_device(app), admin_key=None))
    app.session_state[state.FACILITATED] = workshop_id
