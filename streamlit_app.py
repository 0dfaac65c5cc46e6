"""PlaceReady's server: Streamlit running the pages (assessment/pages/entry.py), behind the middleware that makes
control a browser's (assessment/pages/custody.py: the device cookie, and private links exchanged for it), with
widget values of the wrong kind dropped before Streamlit keeps them (assessment/pages/widget_states.py), and a
person's rerun of a fragment the server does not hold run as the whole page (assessment/pages/fragment_reruns.py),
and the theme's settings read once, not at every script run (assessment/pages/theme_options.py).

`placeready-app` serves this `app` after importing the pages and opening the database; `streamlit run
streamlit_app.py` serves it too (Streamlit finds the `st.App` here and runs it with the same options).
"""

import streamlit as st
from starlette.middleware import Middleware

from assessment.pages import fragment_reruns, theme_options, widget_states
from assessment.pages.custody import PAGES_SCRIPT, Custody

widget_states.refuse_malformed()
fragment_reruns.run_whole_page_for_unknown_fragments()
theme_options.read_once_per_configuration()
app = st.App(PAGES_SCRIPT, middleware=[Middleware(Custody)])
