"""Facilitator: set up a workshop (from scratch, or as the follow-up of an earlier one, carrying over its place,
frameworks, exemplars, sectors, organisations and wider groups) and get its join code, its screen link and a
private facilitator link.

The browser that sets a workshop up is in control of it at once, so its private link never has to be opened here:
it is shown only on request, in small type, to copy or e-mail to oneself (the laptop may be on the projector)."""

from __future__ import annotations

import datetime
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.errors import InputError
from assessment.pages import devices, guide, state
from assessment.pages.text import show_problems
from assessment.services import entries, library, workshops
from assessment.services.workshops import Earlier

BUILT_IN_DEFAULT = ("ham-2015", "salford-behaviours")
PACES = {False: "At their own pace, principle by principle",
         True: "One principle at a time, as you open each on every phone"}
# The date's day, month and year are each a target of their own: at least 24 px each way (WCAG 2.2, 2.5.8).
SETUP_CSS = """<style>
  [data-testid="stDateInput"] [role="spinbutton"] { display: inline-block; min-width: 24px; min-height: 24px;
                                                    line-height: 24px; text-align: center; }
</style>"""
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
    st.markdown(SETUP_CSS, unsafe_allow_html=True)
    created_here = st.container()  # the new workshop's code and links go above the (cleared) form
    st.markdown(
        "Name the partnership, choose what the room will score and who it will compare itself with. "
        "You will get a join code, a screen link for the projector, and a private facilitator link."
    )
    guide.link("running-a-workshop", "before-the-workshop")
    earlier = {e.id: e for e in workshops.follow_up_choices(state.database(), actor=reader)}
    follows = st.selectbox("Follow-up of", [None, *earlier], format_func=lambda i: "A new assessment (no earlier "
                           "workshop)" if i is None else earlier[i].label,
                           help="A follow-up carries over the earlier workshop's place, frameworks, exemplars, sectors, "
                                "organisations and wider groups, and reviews its actions as a step of the running "
                                "order.") if earlier else None
    before = earlier.get(follows) if follows is not None else None
    defaults = _defaults(before, frameworks)
    with st.form("setup", clear_on_submit=True):
        key = f"-{follows}"  # the fields start again from the chosen workshop's values
        partnership = st.text_input("Partnership name", value=defaults["partnership"], max_chars=200, key="p" + key,
                                    placeholder="e.g. Riverbrook Health and Care Partnership")
        place = st.text_input("Place", value=defaults["place"], max_chars=200, key="l" + key,
                              placeholder="e.g. Riverbrook borough")
        title = st.text_input("Workshop title", value=defaults["title"], max_chars=200, key="t" + key,
                              placeholder="e.g. Baseline workshop")
        held_on = st.date_input("Date", value=datetime.date.today(), format="YYYY-MM-DD")
        owned_by = state.organisation_choice(reader)
        chosen_frameworks = st.multiselect(
            "Frameworks to score", list(frameworks), default=defaults["frameworks"], key="f" + key,
            format_func=lambda i: f"{frameworks[i].title} ({len(frameworks[i].statements)} statements)")
        chosen_exemplars = st.multiselect(
            "Exemplars to compare with", list(exemplars), default=defaults["exemplars"], key="e" + key,
            format_func=lambda i: exemplars[i].name)
        paced = st.radio("How people score", list(PACES), format_func=PACES.get, horizontal=False,
                         help="At their own pace: each phone moves through the principles by itself (the usual "
                              "way). One at a time: every phone shows the principle you open from the control "
                              "view, and waits for the next.")
        sectors = st.text_area("Sectors people can choose (one per line)", defaults["sectors"], height=220,
                               key="s" + key)
        organisations = st.text_area(
            "Organisations people can choose (one per line; leave empty to let people type their own)",
            defaults["organisations"], height=150, key="o" + key)
        with st.expander("Wider groups for small rooms"):
            groups = st.text_area("Sector = group", defaults["groups"], height=220, help=GROUPS_HELP, key="g" + key)
        submitted = st.form_submit_button("Create workshop", type="primary")
    if submitted:
        try:
            created = workshops.create_workshop(
                state.database(), actor=reader, partnership_name=partnership, place=place, title=title,
                held_on=held_on, frameworks=[frameworks[i] for i in chosen_frameworks], exemplar_ids=chosen_exemplars,
                sectors=sectors.splitlines(), organisations=organisations.splitlines(), organisation_id=owned_by,
                sector_groups=entries.pairs(groups, field="Wider groups"), paced=paced, follows_id=follows,
                caller=state.caller())
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


def _defaults(before: Earlier | None, frameworks: dict[str, object]) -> dict[str, Any]:
    """The form's starting values: a new assessment's, or those a follow-up carries over."""
    if before is None:
        return {"partnership": "", "place": "", "title": "", "sectors": "\n".join(STANDARD_SECTOR_GROUPS),
                "organisations": "", "frameworks": [i for i in frameworks if i in BUILT_IN_DEFAULT],
                "exemplars": ["salford", "canterbury", "wigan"],
                "groups": "\n".join(f"{s} = {g}" for s, g in STANDARD_SECTOR_GROUPS.items())}
    groups = STANDARD_SECTOR_GROUPS if before.sector_groups is None else before.sector_groups
    return {"partnership": before.partnership, "place": before.place, "title": "Follow-up workshop",
            "sectors": "\n".join(before.sectors), "organisations": "\n".join(before.organisations),
            "frameworks": [i for i in before.framework_ids if i in frameworks], "exemplars": list(before.exemplar_ids),
            "groups": "\n".join(f"{s} = {g}" for s, g in groups.items())}


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
