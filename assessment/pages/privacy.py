"""What PlaceReady keeps about people, who can see it, for how long, and how it is erased — in plain English."""

from __future__ import annotations

import streamlit as st

from assessment.settings import get_settings


def render() -> None:
    settings = get_settings()
    st.title("Privacy")
    st.markdown(
        "PlaceReady is software. Whoever runs it — your partnership, ICS or consultancy — decides why and how it "
        "is used and is responsible for the data in it. This page says what the software keeps."
    )
    st.header("If you score statements in a workshop")
    st.markdown(
        "- **We never ask for your name**, and there is nowhere to type it.\n"
        "- We keep your scores, the organisation and sector you pick, and any comment you add, under a random "
        "number. Your resume code lets you carry on; only a scrambled form of it is stored.\n"
        "- Nobody in the room sees your individual answers. Results are shown for the whole room, and a sector's "
        "results only when at least three people in it answered.\n"
        "- Comments appear, without your organisation or sector, in the workshop's report. Please do not name "
        "anyone in a comment."
    )
    st.header("If you facilitate or sign in")
    st.markdown(
        "- When PlaceReady is hosted with sign-in, we keep the e-mail address your organisation signs you in "
        "with, your role, and a log of who changed an agreed score, an action, a framework or personal data, "
        "and when.\n"
        "- Agreed scores, discussion notes and actions (with the owner named in them) belong to the workshop.\n"
        "- Members of an organisation see only that organisation's partnerships."
    )
    st.header("How long it is kept, and erasing it")
    if settings.retention_days:
        st.markdown(f"Personal data is erased automatically from workshops held more than "
                    f"**{settings.retention_days} days** ago.")
    else:
        st.markdown("This PlaceReady keeps workshops until they are erased or deleted; no automatic retention "
                    "period is set (`PLACEREADY_RETENTION_DAYS`).")
    st.markdown(
        "- **Erase personal data** (an organisation's owner, on the *Places and workshops* page) removes "
        "organisations, sectors, comments, discussion notes and action owners from a workshop, keeping only "
        "anonymous scores so the results still stand.\n"
        "- **Delete** removes a workshop with everything in it.\n"
        "- To ask for either, contact whoever ran your workshop."
    )
    st.header("Cookies")
    st.markdown(
        "PlaceReady uses the cookies the app needs to work: Streamlit's session cookie and, when sign-in is on, "
        "a signed sign-in cookie. There are no analytics or advertising cookies, and usage statistics are off."
    )
