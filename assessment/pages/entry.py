"""The script Streamlit runs for every page view: sets up the page, reads what this browser controls, and routes.

Served by streamlit_app.py's `st.App`, whose middleware (`pages/custody.py`) has already exchanged any private link
for a session of this browser and taken the key out of the address. So nothing here opens anything from the
address: a key, admin key or old session token that arrives in it anyway (over the websocket) is dropped unread.
"""

import contextlib
from pathlib import Path

import streamlit as st

from assessment.errors import InputError, Unavailable
from assessment.pages import routes, state
from assessment.pages.text import plain, show_problems
from assessment.settings import get_settings

NEVER_KEPT = ("key", "admin", "session")  # credentials an address once carried

# The tab icon is served by the app itself: a `:material/…:` icon would be fetched from Google, which the
# shipped Content-Security-Policy (rightly) refuses.
st.set_page_config(page_title="PlaceReady", page_icon=str(Path(routes.__file__).with_name("icon.png")), layout="wide")

try:
    get_settings()
except InputError as error:
    show_problems("PlaceReady cannot start until these settings are put right:", error)
    st.stop()

for name in NEVER_KEPT:
    st.query_params.pop(name, None)
state.say_what_became_of_a_link()
# What the page reads next says when the database is away, once; a phone controls nothing anyway.
with contextlib.suppress(Unavailable):
    state.take_up_device()  # afresh on every run: a session ended on another device stops here

if state.signing_in() and st.user.is_logged_in:
    with st.sidebar:
        st.caption(f"Signed in as {plain(str(st.user.get('email', '')))}")
        if st.button("Sign out", icon=":material/logout:"):
            st.logout()

page = st.navigation(routes.pages(routes.Access.of(state.actor(), facilitating=state.facilitating())))
try:
    page.run()
except Unavailable as outage:
    st.error(str(outage), icon=":material/cloud_off:")
