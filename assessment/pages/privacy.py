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
        "- **What the room sees** (the projector, the facilitator's screens): the whole room's results; a sector's "
        "results only when at least three people in it answered (in a small room, sectors are put together in "
        "wider groups, each shown only with three people or more); and comments, without your organisation or "
        "sector. Please do not name anyone in a comment.\n"
        "- **What the board sees** (reports, board packs and the results files a facilitator hands on): the same, "
        "and answers listed person by person under a number, never a name. In those rows a sector or organisation "
        "with fewer than three people is shown under a wider label — its wider group, or \"Other (groups under 3 "
        "people)\" — so that nobody can be picked out.\n"
        "- **What the facilitator and the workshop's owners can see**: your answers with the organisation and "
        "sector you picked (a file named \"raw answers — personal-level data\", which only they can download). "
        "Choose \"Prefer not to say\" if you would rather not give them.\n"
        "- Whoever runs PlaceReady can read the database itself."
    )
    st.header("If you facilitate or sign in")
    st.markdown(
        "- When PlaceReady is hosted with sign-in, we keep the e-mail address your organisation signs you in "
        "with, your role, and a log of who changed an agreed score, an action, a framework or personal data, "
        "and when.\n"
        "- Agreed scores, discussion notes and actions (with the owner named in them) belong to the workshop.\n"
        "- Members of an organisation see only that organisation's partnerships.\n"
        "- Opening a private facilitator link or the admin link gives control to that browser, kept in a cookie "
        "(below). The workshop's list of devices shows each such browser (its kind and system, e.g. \"Chrome on "
        "Windows\") and when it was last seen, to the workshop's facilitators."
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
        "organisations, sectors, comments, discussion notes, action owners and notes on earlier actions from a "
        "workshop, and the text of any action the owner marks as naming someone; it keeps the anonymous scores so "
        "the results still stand, and says which action text it kept.\n"
        "- **Delete** removes a workshop with everything in it.\n"
        "- To ask for either, contact whoever ran your workshop."
    )
    st.header("Cookies")
    st.markdown(
        "PlaceReady uses only cookies it needs to work. There are no analytics or advertising cookies, and usage "
        "statistics are off.\n\n"
        "- `placeready_device`: a random number that tells this browser apart, so that a facilitator who opened "
        "their private link keeps control of the workshop in this browser, and nowhere else. It says nothing about "
        "you and opens nothing until such a link is opened; it lasts 30 days from your last visit.\n"
        "- Streamlit's own session cookie, and, when sign-in is on, a signed sign-in cookie.\n"
        "- Where PlaceReady runs on several servers, `placeready_browser` keeps this browser on one of them for a day."
    )
