"""Facilitator: set up a workshop and get its join code, its screen link and a private facilitator link.

The browser that sets a workshop up is in control of it at once, so its private link never has to be opened here:
it is shown only on request, in small type, to copy or e-mail to oneself (the laptop may be on the projector)."""

from __future__ import annotations

import datetime

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.errors import InputError
from assessment.pages import devices, state
from assessment.pages.text import show_problems
from assessment.services import entries, library, workshops

BUILT_IN_DEFAULT = ("ham-2015", "salford-behaviours")
GROUPS_HELP = ("In a small room single sectors are too small to show without picking people out, so they are shown "
               "in these wider groups (each shown only with 3 people or more). One per line: sector = group.")


def render(room_page: StreamlitPage, screen_page: StreamlitPage) -> None:
    """`room_page` and `screen_page`: the control view and the projector's page (the router passes them)."""
    reader = state.actor()
    if not workshops.may_set_up_any(reader):
        st.title("Set up a workshop")
        if not state.signing_in():
            st.warning("On this PlaceReady, workshops are set up by whoever runs it: open the admin link "
                       "(/manage?admin=…) first.", icon=":material/lock:")
        elif state.private_pages_actor() is not None:  # otherwise it has said how to sign in
            st.warning("Setting up a workshop is for an organisation's facilitators and owners. Ask an owner to "
                       "add you.", icon=":material/lock:")
        return
    _, exemplars = state.content()
    frameworks = {e.framework.id: e.framework for e in library.latest(state.database(), actor=state.actor())}
    st.title("Set up a workshop")
    created_here = st.container()  # the new workshop's code and links go above the (cleared) form
    st.markdown(
        "Name the partnership, choose what the room will score and who it will compare itself with. "
        "You will get a join code, a screen link for the projector, and a private facilitator link."
    )
    with st.form("setup", clear_on_submit=True):
        partnership = st.text_input("Partnership name", max_chars=200,
                                    placeholder="e.g. Riverbrook Health and Care Partnership")
        place = st.text_input("Place", max_chars=200, placeholder="e.g. Riverbrook borough")
        title = st.text_input("Workshop title", max_chars=200, placeholder="e.g. Baseline workshop")
        held_on = st.date_input("Date", value=datetime.date.today(), format="YYYY-MM-DD")
        owned_by = state.organisation_choice(reader)
        chosen_frameworks = st.multiselect(
            "Frameworks to score", list(frameworks), default=[i for i in frameworks if i in BUILT_IN_DEFAULT],
            format_func=lambda i: f"{frameworks[i].title} ({len(frameworks[i].statements)} statements)")
        chosen_exemplars = st.multiselect(
            "Exemplars to compare with", list(exemplars), default=["salford", "canterbury", "wigan"],
            format_func=lambda i: exemplars[i].name)
        sectors = st.text_area("Sectors people can choose (one per line)", "\n".join(STANDARD_SECTOR_GROUPS),
                               height=220)
        organisations = st.text_area(
            "Organisations people can choose (one per line; leave empty to let people type their own)", height=150)
        with st.expander("Wider groups for small rooms"):
            groups = st.text_area("Sector = group", "\n".join(f"{s} = {g}" for s, g in STANDARD_SECTOR_GROUPS.items()),
                                  height=220, help=GROUPS_HELP)
        submitted = st.form_submit_button("Create workshop", type="primary")
    if submitted:
        try:
            created = workshops.create_workshop(
                state.database(), actor=reader, partnership_name=partnership, place=place, title=title,
                held_on=held_on, frameworks=[frameworks[i] for i in chosen_frameworks], exemplar_ids=chosen_exemplars,
                sectors=sectors.splitlines(), organisations=organisations.splitlines(), organisation_id=owned_by,
                sector_groups=entries.pairs(groups, field="Wider groups"), caller=state.caller())
        except InputError as error:
            with created_here:
                show_problems("The workshop was not created (the form kept what you typed is cleared; the problems "
                              "are):", error)
            return
        state.open_as_facilitator(created.facilitator_key)  # this browser runs it: no key in any address
        st.session_state["created"] = created
        st.rerun()  # the menu now offers the workshop's pages
    if "created" in st.session_state:
        with created_here:
            _show_links(st.session_state["created"], room_page, screen_page)


def _show_links(created: workshops.NewWorkshop, room_page: StreamlitPage, screen_page: StreamlitPage) -> None:
    base = state.base_url()
    st.success(f"Workshop created. Join code **{created.join_code}**. This browser now runs it.",
               icon=":material/check_circle:")
    st.page_link(room_page, label="Run the workshop (your control view)", icon=":material/co_present:")
    st.page_link(screen_page, label="Open the projector screen", icon=":material/tv:",
                 query_params={"s": created.screen_key})
    st.markdown(f"**Join link for participants:** {base}/join?code={created.join_code}")
    st.markdown("**Your private facilitator link** gives control of this workshop to any browser that opens it; this "
                "browser has it already. Keep the link to come back from another browser.")
    devices.private_link(f"{base}/room?key={created.facilitator_key}", subject=f"Facilitator link: {created.join_code}")
