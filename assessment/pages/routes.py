"""Every page of the app and its address. The facilitator pages refuse anyone without the key.

Pages are made afresh for each script run: a StreamlitPage remembers whether it may run in the
current run, so one shared between sessions breaks when two sessions run at once. Pages that link
to the room view are handed its page here, so no page imports another.
"""

from functools import partial

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.pages import (
    agree,
    compare,
    demo,
    home,
    join,
    library,
    manage,
    privacy,
    progress,
    room,
    setup,
    system,
)


def pages() -> list[StreamlitPage]:
    room_page = st.Page(room.render, title="Room view", icon=":material/co_present:", url_path="room")
    # One flat list: Streamlit's sectioned navigation puts <div>s between <ul> and <li> (an axe-core
    # "list" violation), so sections are left out.
    return [
        st.Page(home.render, title="Home", icon=":material/home:", url_path="home", default=True),
        st.Page(join.render, title="Join a workshop", icon=":material/login:", url_path="join"),
        st.Page(partial(setup.render, room_page), title="Set up a workshop", icon=":material/add_circle:",
                url_path="setup"),
        room_page,
        st.Page(agree.render, title="Agree scores and actions", icon=":material/handshake:", url_path="agree"),
        st.Page(compare.render, title="Compare with exemplars", icon=":material/compare:", url_path="compare"),
        st.Page(library.render, title="Framework library", icon=":material/library_books:", url_path="frameworks"),
        st.Page(partial(manage.render, room_page), title="Places and workshops", icon=":material/folder_managed:",
                url_path="manage"),
        st.Page(progress.render, title="Progress over time", icon=":material/trending_up:", url_path="progress"),
        st.Page(system.render, title="Places side by side", icon=":material/grid_view:", url_path="system"),
        st.Page(demo.render, title="Demo partnership", icon=":material/groups:", url_path="demo"),
        st.Page(privacy.render, title="Privacy", icon=":material/shield_person:", url_path="privacy"),
    ]
