"""PlaceReady's entry point: sets up the page and routes to the app's pages."""

import streamlit as st

from assessment.pages import demo, home

st.set_page_config(page_title="PlaceReady", page_icon=":material/hub:", layout="wide")

navigation = st.navigation(
    [
        st.Page(home.render, title="Home", icon=":material/home:", url_path="home", default=True),
        st.Page(demo.render, title="Demo partnership", icon=":material/groups:", url_path="demo"),
    ]
)
navigation.run()
