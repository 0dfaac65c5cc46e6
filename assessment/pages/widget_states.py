"""Widget values a browser sends are hostile until checked: a value of the wrong kind is dropped before Streamlit
keeps it, with one line in the log and no traceback.

Streamlit 1.67 keeps whatever a websocket message says a widget holds and reads it back on the next run: a number
sent for a text area, or a double for a radio, then raised an exception (and a traceback in the log) on that run
and every run after. Here each value sent for a widget Streamlit already knows must be of the kind that widget
holds, as it registered it; a widget it does not know yet (a phone reconnecting to another server sends the values
of the screen it shows) is checked when it is drawn (`pages/scoring.py`), and what a value means is the services' to
check.

The kind is the one the widget registered with, remembered here: Streamlit rewrites its own record
(`WidgetMetadata.value_type`) from the last value it read back, and a radio with nothing chosen comes back as a
state without a value, read in a run that draws no radio (a phone's follow-the-room fragment, on its timer). Its
record then said "no kind", and the person's next answer, a string as always, was dropped as the wrong kind.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.runtime.state.common import WidgetMetadata
from streamlit.runtime.state.session_state import SessionState

_log = logging.getLogger(__name__)
# Widget id → the kind of value the widget registered with. An id names one element (its type, key and
# parameters), so the kind is the same in every session; emptied if it ever grows this large.
_DECLARED: dict[str, str] = {}
MOST_DECLARED = 100_000
NUMBERS = {"int_value", "double_value"}
NUMBER_LISTS = {"int_array_value", "double_array_value"}


def _declaring(register: Callable[[SessionState, WidgetMetadata], None]
               ) -> Callable[[SessionState, WidgetMetadata], None]:
    @functools.wraps(register)
    def remembered(self: SessionState, metadata: WidgetMetadata) -> None:
        if len(_DECLARED) >= MOST_DECLARED:
            _DECLARED.clear()
        _DECLARED[metadata.id] = metadata.value_type
        register(self, metadata)

    return remembered


def _well_formed(keep: Callable[[SessionState, WidgetStates], None]) -> Callable[[SessionState, WidgetStates], None]:
    @functools.wraps(keep)
    def checked(self: SessionState, widget_states: WidgetStates) -> None:
        known = self._new_widget_state.widget_metadata
        kept = [state for state in widget_states.widgets if state.id not in known
                or _of_its_kind(state.WhichOneof("value"), _DECLARED.get(state.id) or known[state.id].value_type)]
        if len(kept) != len(widget_states.widgets):
            _log.warning("dropped %d widget value(s) of the wrong kind from a browser",
                         len(widget_states.widgets) - len(kept))
            widget_states = WidgetStates(widgets=kept)
        keep(self, widget_states)

    checked.placeready_checked = True  # type: ignore[attr-defined]
    return checked


def _of_its_kind(sent: str | None, kind: str | None) -> bool:
    """No value (nothing chosen) is of every kind; a widget whose kind is not known takes what Streamlit takes; a
    number is a number: Streamlit registers every number input as holding a double, and a browser sends a whole
    number's as an int (so the running order's minutes were dropped)."""
    return sent is None or kind is None or sent == kind or {sent, kind} <= NUMBERS or {sent, kind} <= NUMBER_LISTS


def refuse_malformed() -> None:
    """Check every widget value a browser sends from now on (once per process)."""
    if not getattr(SessionState.set_widgets_from_proto, "placeready_checked", False):
        SessionState._set_widget_metadata = _declaring(SessionState._set_widget_metadata)  # type: ignore[method-assign]
        checked = _well_formed(SessionState.set_widgets_from_proto)
        SessionState.set_widgets_from_proto = checked  # type: ignore[method-assign]
