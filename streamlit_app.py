"""PlaceReady's entry point: sets up the page, admits facilitators and admins by link or session, and routes.

A facilitator link (`?key=`) or admin link (`?admin=`) is exchanged for a session of this device at once, and
the address bar then holds only the session token (`?session=`), which a reload takes up again. The key never
stays in the address bar, and the projector's screen page carries no token at all.
"""

from pathlib import Path

import streamlit as st

from assessment.errors import InputError, Unavailable
from assessment.pages import routes, state
from assessment.pages.text import plain, show_problems
from assessment.settings import get_settings

# The tab icon is served by the app itself: a `:material/…:` icon would be fetched from Google, which the
# shipped Content-Security-Policy (rightly) refuses.
st.set_page_config(page_title="PlaceReady", page_icon=str(Path(routes.__file__).with_name("icon.png")), layout="wide")

try:
    get_settings()
except InputError as error:
    show_problems("PlaceReady cannot start until these settings are put right:", error)
    st.stop()

try:
    if key := st.query_params.get("key"):
        del st.query_params["key"]
        token = state.open_as_facilitator(key)
        st.session_state["facilitator_key_refused"] = token is None
        if token:
            st.query_params["session"] = token
    if key := st.query_params.get("admin"):
        del st.query_params["admin"]
        if token := state.open_as_admin(key):
            st.query_params["session"] = token
except InputError as too_many:  # attempts.TooManyTries: the key was not even tried
    show_problems("That link was not opened:", too_many)
if token := st.query_params.get("session") or state.session_token():
    # Read afresh on every run, so a session ended on another device stops here at its next step.
    if not state.resume_session(token):
        del st.query_params["session"]
state.admin_key()  # made (and logged) at the first page view when not configured

if state.signing_in() and st.user.is_logged_in:
    with st.sidebar:
        st.caption(f"Signed in as {plain(str(st.user.get('email', '')))}")
        if st.button("Sign out", icon=":material/logout:"):
            st.logout()

page = st.navigation(routes.pages(routes.Access.of(state.actor(), facilitating=state.facilitating())))
if page.url_path in routes.WITHOUT_SESSION:
    st.query_params.pop("session", None)  # the projector's address bar never shows a token
elif token := state.session_token():
    st.query_params["session"] = token  # kept in this device's address bar, so a reload finds the session
try:
    page.run()
except Unavailable as outage:
    st.error(str(outage), icon=":material/cloud_off:")
