"""Screens and devices: the projector's link, the browsers in control of a workshop, and replacing its private link.

One self-contained block of the control view (and the private link's panel, which set-up shows too). Control is a
browser's (`services.sessions`): each browser that opened the facilitator link is listed with when it was last
seen and can be ended on its own; another device joins by a one-time link; a new facilitator link ends them all.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.pages import custody, state
from assessment.pages.qr import qr_svg
from assessment.pages.text import plain
from assessment.services import sessions, workshops
from assessment.services.workshops import WorkshopFacts

INVITE = "device_invite"  # (workshop id, the one-time link) just made
NEW_LINK = "new_facilitator_link"  # (workshop id, the new private link) just made


def private_link(link: str, *, subject: str) -> None:
    """A private facilitator link kept off any screen the room may see: hidden until asked for, then in small
    type, to copy or to e-mail to oneself."""
    st.warning("Do not show this link on the projector, or share your screen while it is shown: any browser that "
               "opens it takes control of the workshop.", icon=":material/visibility_off:")
    mail = f"mailto:?subject={quote(subject)}&body={quote('Private: this link controls the workshop. ' + link)}"
    st.markdown(f"[E-mail the link to yourself]({mail})")
    if st.toggle("Show the link to copy it", key=f"show-{subject}"):
        st.code(link, language=None, wrap_lines=True)


def _described(device: sessions.Device, mine: int | None) -> str:
    return (f"{plain(device.device)} — since {device.started:%d %b %H:%M}, last seen {device.last_seen:%d %b %H:%M} UTC"
            + (" **(this browser)**" if device.session_id == mine else ""))


def screens_and_devices(facts: WorkshopFacts, screen_page: StreamlitPage) -> None:
    db, actor = state.database(), state.actor()
    screen_key = workshops.screen_key_of(db, actor=actor, workshop_id=facts.id)
    st.subheader("The projector")
    st.markdown("Open the screen link on the computer connected to the projector (full screen with F11). It shows "
                "only what the room sees and follows this view; it gives no control.")
    st.code(f"{state.base_url()}/screen?s={screen_key}", language=None, wrap_lines=True)
    st.page_link(screen_page, label="Present from this browser (Page Down moves on)", icon=":material/tv:",
                 query_params={"s": screen_key})
    st.subheader("Browsers in control")
    st.markdown("Each browser that opened your facilitator link controls the workshop until it is ended here, "
                "unused for 7 days, or 30 days after it began. Ending one locks it out at its next step.")
    mine = state.session_id(facts.id)
    for device in sessions.devices(db, actor=actor, workshop_id=facts.id):
        words, end = st.columns([4, 1], vertical_alignment="center")
        words.markdown(_described(device, mine))
        if device.session_id != mine and end.button("End", key=f"end-{device.session_id}",
                                                    help=f"End the session of {device.device}"):
            sessions.end_sessions(db, actor=actor, workshop_id=facts.id, session_ids=[device.session_id])
            st.rerun()
    _another_device(facts)
    _new_facilitator_link(facts)


def _another_device(facts: WorkshopFacts) -> None:
    if st.button("Add another device (a tablet beside the laptop)", icon=":material/add_to_queue:"):
        key = sessions.invite_device(state.database(), actor=state.actor(), workshop_id=facts.id)
        st.session_state[INVITE] = (facts.id, f"{state.base_url()}/room?key={key}")
    invited = st.session_state.get(INVITE)
    if invited and invited[0] == facts.id:
        st.markdown("Open this link on the other device within 15 minutes. It works once; the device then appears "
                    "in the list above.")
        st.code(invited[1], language=None, wrap_lines=True)
        st.image(qr_svg(invited[1]), width=220, alt="QR code of the one-time link for another device")


def _new_facilitator_link(facts: WorkshopFacts) -> None:
    st.subheader("A new facilitator link")
    st.markdown("If the link may have been seen — on the projector, in a shared document — make a new one. The old "
                "link and the old screen link stop working, and every other browser loses control at once.")
    with st.form(f"new-link-{facts.id}"):
        sure = st.checkbox("End every other browser's control and replace the link")
        asked = st.form_submit_button("Make a new facilitator link", icon=":material/key:")
        if asked and not sure:
            st.info("Tick the box first: this cannot be undone.")
        elif asked:
            key = sessions.new_facilitator_link(state.database(), actor=state.actor(), workshop_id=facts.id,
                                                holder=state.device(), device=state.device_name())
            st.session_state[NEW_LINK] = (facts.id, f"{state.base_url()}/room?key={key}")
            st.session_state.pop(INVITE, None)
            st.rerun()  # the whole block again, with the new screen link
    made = st.session_state.get(NEW_LINK)
    if made and made[0] == facts.id:
        st.success("New link made: the old one opens nothing now, and this browser stays in control. Open the "
                   "projector again from its new screen link above.", icon=":material/key:")
        private_link(made[1], subject=f"New facilitator link: {facts.join_code}")


def admin_sessions() -> None:
    """The browsers holding the admin link, for whoever holds it: end any (a new PLACEREADY_ADMIN_KEY ends all)."""
    with st.expander("Admin sessions: the browsers that opened the admin link"):
        st.markdown("Each ends after 12 hours unused or 7 days after it began; changing PLACEREADY_ADMIN_KEY (and "
                    "restarting) ends every one at once.")
        mine = state.admin_session_id()
        for device in sessions.admin_sessions(state.database(), actor=state.actor(), admin_key=custody.admin_key()):
            words, end = st.columns([4, 1], vertical_alignment="center")
            words.markdown(_described(device, mine))
            if end.button("End", key=f"end-admin-{device.session_id}", help=f"End the session of {device.device}"):
                sessions.end_admin_sessions(state.database(), actor=state.actor(), session_ids=[device.session_id])
                st.rerun()
