"""A person's change to a widget drawn in a fragment reaches the page even on a server that has not drawn it.

A phone whose server stopped reconnects to another, which starts a new session for it and runs nothing until the
person acts. Their next answer, on a statement drawn in a fragment (`pages/scoring.py`), asks for a rerun of that
fragment alone; Streamlit 1.67 ignores a rerun of a fragment the session does not hold, so the answer was neither
saved nor refused, and the phone showed it chosen. Here such a request runs the whole page instead, with the
widget states the phone sent: the page then saves what the phone shows (`scoring.statement`). A fragment's rerun
on its timer is left as it is: the next run of the whole page sets its timer afresh.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession


def _whole_page_when_unknown(request: Callable[[AppSession, ClientState | None], None]
                             ) -> Callable[[AppSession, ClientState | None], None]:
    @functools.wraps(request)
    def rerun(self: AppSession, client_state: ClientState | None) -> None:
        if (client_state is not None and client_state.fragment_id and not client_state.is_auto_rerun
                and not self.has_fragment(client_state.fragment_id)):
            client_state = ClientState.FromString(client_state.SerializeToString())
            client_state.ClearField("fragment_id")
        request(self, client_state)

    rerun.placeready_checked = True  # type: ignore[attr-defined]
    return rerun


def run_whole_page_for_unknown_fragments() -> None:
    """From now on (once per process), a person's rerun of a fragment this session does not hold runs the page."""
    if not getattr(AppSession.request_rerun, "placeready_checked", False):
        AppSession.request_rerun = _whole_page_when_unknown(AppSession.request_rerun)  # type: ignore[method-assign]
