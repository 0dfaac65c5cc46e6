"""Widget values a browser sends are hostile until checked: a value of the wrong kind is dropped before Streamlit
keeps it, with one line in the log and no traceback.

Streamlit 1.67 keeps whatever a websocket message says a widget holds and reads it back on the next run: a number
sent for a text area, or a double for a radio, then raised an exception (and a traceback in the log) on that run
and every run after. Here each value sent for a widget Streamlit already knows must be of the kind that widget
holds (`WidgetMetadata.value_type`); a widget it does not know yet (a phone reconnecting to another server sends the
values of the screen it shows) is checked when it is drawn (`pages/join.py`), and what a value means is the
services' to check.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.runtime.state.session_state import SessionState

_log = logging.getLogger(__name__)


def _well_formed(keep: Callable[[SessionState, WidgetStates], None]) -> Callable[[SessionState, WidgetStates], None]:
    @functools.wraps(keep)
    def checked(self: SessionState, widget_states: WidgetStates) -> None:
        known = self._new_widget_state.widget_metadata
        kept = [state for state in widget_states.widgets if state.id not in known
                or state.WhichOneof("value") in (None, known[state.id].value_type)]
        if len(kept) != len(widget_states.widgets):
            _log.warning("dropped %d widget value(s) of the wrong kind from a browser",
                         len(widget_states.widgets) - len(kept))
            widget_states = WidgetStates(widgets=kept)
        keep(self, widget_states)

    checked.placeready_checked = True  # type: ignore[attr-defined]
    return checked


def refuse_malformed() -> None:
    """Check every widget value a browser sends from now on (once per process)."""
    if not getattr(SessionState.set_widgets_from_proto, "placeready_checked", False):
        checked = _well_formed(SessionState.set_widgets_from_proto)
        SessionState.set_widgets_from_proto = checked  # type: ignore[method-assign]
