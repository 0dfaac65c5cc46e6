"""Every page of the app and its address. The facilitator pages refuse anyone without the key."""

import streamlit as st

from assessment.pages import agree, compare, demo, home, join, room, setup

HOME = st.Page(home.render, title="Home", icon=":material/home:", url_path="home", default=True)
DEMO = st.Page(demo.render, title="Demo partnership", icon=":material/groups:", url_path="demo")
JOIN = st.Page(join.render, title="Join a workshop", icon=":material/login:", url_path="join")
SETUP = st.Page(setup.render, title="Set up a workshop", icon=":material/add_circle:", url_path="setup")
ROOM = st.Page(room.render, title="Room view", icon=":material/co_present:", url_path="room")
AGREE = st.Page(agree.render, title="Agree scores and actions", icon=":material/handshake:", url_path="agree")
COMPARE = st.Page(compare.render, title="Compare with exemplars", icon=":material/compare:", url_path="compare")

# One flat list: Streamlit's sectioned navigation puts <div>s between <ul> and <li> (an axe-core
# "list" violation), so sections are left out.
PAGES = [HOME, JOIN, SETUP, ROOM, AGREE, COMPARE, DEMO]
