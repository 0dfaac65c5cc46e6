"""Every page of the app and its address, and which of them a visitor's menu shows.

The menu lists only the pages a visitor can use: participants see joining, set-up (where anyone may set up),
the library, the demo, the guides and privacy; a facilitator also sees the workshop's pages; whoever runs PlaceReady or
an organisation's member also sees places, progress and systems. Pages not in the menu still answer their
address, and say what they need.

Pages are made afresh for each script run: a StreamlitPage remembers whether it may run in the current run,
so one shared between sessions breaks when two sessions run at once. Pages that link to the control view are
handed its page here, so no page imports another.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.services.access import Actor
from assessment.services.workshops import may_set_up


@dataclass(frozen=True)
class Access:
    facilitating: bool  # a workshop to run in this session
    private: bool  # places, progress and systems
    set_up: bool  # may set up a workshop

    @classmethod
    def of(cls, actor: Actor, *, facilitating: bool) -> "Access":
        return cls(facilitating=facilitating, private=actor.opens_private_pages(),
                   set_up=may_set_up(actor, None) or bool(actor.roles))


def _shown(visible: bool) -> str:
    return "visible" if visible else "hidden"


def _render(module: str, *handed: StreamlitPage) -> Callable[[], None]:
    """The `render` of the page module `module`, imported when the page first runs: a server's first page view
    waits for its own page's imports only, not every page's (reports, charts, the control view's forms)."""

    def render() -> None:
        import_module(f"{__package__}.{module}").render(*handed)

    return render


def pages(access: Access) -> list[StreamlitPage]:
    workshop, private = _shown(access.facilitating), _shown(access.private)
    screen_page = st.Page(_render("screen"), title="Projector screen", icon=":material/tv:", url_path="screen",
                          visibility="hidden")
    room_page = st.Page(_render("control", screen_page), title="Run the workshop", icon=":material/co_present:",
                        url_path="room", visibility=workshop)
    join_page = st.Page(_render("join"), title="Join a workshop", icon=":material/login:", url_path="join")
    setup_page = st.Page(_render("setup", room_page, screen_page), title="Set up a workshop",
                         icon=":material/add_circle:", url_path="setup", visibility=_shown(access.set_up))
    # One flat list: Streamlit's sectioned navigation puts <div>s between <ul> and <li> (an axe-core
    # "list" violation), so sections are left out.
    return [
        st.Page(_render("home", join_page, setup_page, room_page), title="Home", icon=":material/home:",
                url_path="home", default=True),
        join_page,
        setup_page,
        room_page,
        st.Page(_render("agree"), title="Agree scores and actions", icon=":material/handshake:", url_path="agree",
                visibility=workshop),
        st.Page(_render("compare"), title="Compare with exemplars", icon=":material/compare:", url_path="compare",
                visibility=workshop),
        screen_page,
        st.Page(_render("library"), title="Framework library", icon=":material/library_books:", url_path="frameworks"),
        st.Page(_render("manage", room_page), title="Places and workshops", icon=":material/folder_managed:",
                url_path="manage", visibility=private),
        st.Page(_render("progress"), title="Progress over time", icon=":material/trending_up:", url_path="progress",
                visibility=private),
        st.Page(_render("system"), title="Places side by side", icon=":material/grid_view:", url_path="system",
                visibility=private),
        st.Page(_render("demo"), title="Demo partnership", icon=":material/groups:", url_path="demo"),
        st.Page(_render("guide"), title="How this works", icon=":material/help:", url_path="guide"),
        st.Page(_render("privacy"), title="Privacy", icon=":material/shield_person:", url_path="privacy"),
    ]
