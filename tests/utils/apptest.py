"""What opening the admin or facilitator link leaves in a session, for pages under Streamlit's AppTest
(streamlit_app.py does it from the address bar)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assessment.pages import state
from assessment.services import sessions


def open_as_admin(app: AppTest) -> None:
    token = sessions.start_admin(state.database(), device="AppTest")
    app.session_state[state.GRANT] = (token, sessions.resolve(state.database(), token=token))


def open_with_key(app: AppTest, key: str) -> None:
    workshop_id, token = sessions.start_with_key(state.database(), key=key, device="AppTest")
    app.session_state[state.GRANT] = (token, sessions.resolve(state.database(), token=token))
    app.session_state[state.FACILITATED] = workshop_id
