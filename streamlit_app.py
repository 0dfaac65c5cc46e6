"""PlaceReady's entry point: sets up the page, admits a facilitator by key, and routes to the pages."""

import streamlit as st

from assessment.errors import InputError
from assessment.pages import routes, state
from assessment.pages.text import plain, show_problems
from assessment.settings import get_settings

st.set_page_config(page_title="PlaceReady", page_icon=":material/hub:", layout="wide")

try:
    get_settings()
except InputError as error:
    show_problems("PlaceReady cannot start until these settings are put right:", error)
    st.stop()

if key := st.query_params.get("key"):
    # The key opens the workshop for this session and leaves the address bar at once, so it is never
    # shown on the projector.
    st.session_state["facilitator_key_refused"] = not state.open_as_facilitator(key)
    del st.query_params["key"]

if key := st.query_params.get("admin"):
    state.open_as_admin(key)
    del st.query_params["admin"]
state.admin_key()  # made (and logged) at the first page view when not configured

if state.signing_in() and st.user.is_logged_in:
    with st.sidebar:
        st.caption(f"Signed in as {plain(str(st.user.get('email', '')))}")
        if st.button("Sign out", icon=":material/logout:"):
            st.logout()

st.navigation(routes.pages()).run()
