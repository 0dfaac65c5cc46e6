"""A phone's Streamlit frontend without a browser: Streamlit's websocket protocol, as the fault tests need it.

It behaves as Streamlit 1.67's frontend does where that decides whether an answer survives a server's death:
- it loads the page over HTTP first, following redirects (a private link is exchanged for the device cookie),
  so it carries whatever cookies the app and the load balancer set (the device cookie, nginx's stickiness
  cookie), and sends them and its Origin with the websocket upgrade;
- a widget change sends `rerun_script` with the states of every widget on the page, naming the fragment the
  widget was drawn in (`st.fragment`), if any, so that only that fragment runs again;
- it keeps the page's elements by their place on the page: a run of the whole page replaces them all, a
  fragment's run only that fragment's, and each `run()` returns the page as it then shows;
- when the websocket drops it reconnects after the frontend's delays (250–500 ms, then doubling to 4 s),
  offering the old session id; if a script run was in progress it asks again with its current widget
  states, otherwise it sends nothing until the person's next action;
- after a run it adopts the values the server pushed (`set_value`: a radio the server reset shows reset)
  and forgets the states of widgets no longer drawn;
- it notes the fragments the server asks to rerun every few seconds (`auto_rerun`), which `run(fragment=…)`
  reruns as the frontend's timer does, and `follow_timers()` keeps rerunning while the person does other things;
- one run at a time: a run asked for while another is under way waits for it (the person's wait includes it);
- a timer's rerun of a fragment the server no longer has gets no answer at all (Streamlit logs "does not exist
  anymore" and drops it): the frontend does not wait for one, and `run(fragment=…)` gives up after
  `DROPPED_AFTER` seconds without the run starting, counting it in `dropped_timer_reruns`.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import httpx
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPLY_TIMEOUT = 60.0  # seconds: a reply that never comes is a failure to report, not a hang
DROPPED_AFTER = 5.0  # seconds: a timer's rerun that has not started by then was dropped by the server
Changes = dict[str, tuple[str | None, object]]  # widget id -> (the WidgetState field to set, or None, its value)


@dataclass(frozen=True)
class Radio:
    id: str
    options: list[str]
    default: str | None  # what it shows when neither the person nor the server chose
    pushed: bool  # the server set its value this run (st.session_state), to `pushed_value`
    pushed_value: str | None


@dataclass
class Screen:
    """What one script run drew."""

    radios: dict[str, Radio] = field(default_factory=dict)  # by label
    widgets: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, label) -> widget id
    alerts: list[str] = field(default_factory=list)  # errors, warnings and exceptions shown
    texts: list[str] = field(default_factory=list)  # markdown and headings
    widget_ids: set[str] = field(default_factory=set)
    selected: dict[str, str | None] = field(default_factory=dict)  # what each radio shows once the run ended


@dataclass(frozen=True)
class Reconnection:
    lost_at: float  # time.monotonic() when the websocket dropped
    back_at: float  # when a websocket was open again


def reconnect_delay(attempt: int) -> float:
    """The frontend's wait before its `attempt`th try to reconnect (ConnectionManager.nextReconnectDelayMs)."""
    ceiling = min(4.0, 0.5 * 2 ** (attempt - 1))
    floor = 0.25 if attempt == 1 else ceiling / 2
    return random.uniform(floor, ceiling)


class Phone:
    """One browser tab on one page of the app: `open()`, then `run()` for each thing the person does."""

    def __init__(self, base_url: str, *, tls: ssl.SSLContext | None = None, headers: dict[str, str] | None = None):
        self.base_url = base_url.rstrip("/")
        self.tls = tls
        self.headers = headers or {}  # sent with the page load and the websocket's upgrade, e.g. X-Forwarded-For
        self.query = ""
        self.page = ""
        self.cookie = ""
        self.reconnections: list[Reconnection] = []
        self._states: Changes = {}
        self._session_id: str | None = None
        self._ws: websockets.ClientConnection | None = None
        self._connected = asyncio.Event()
        self._reader: asyncio.Task | None = None
        self._reconnecting: asyncio.Task | None = None  # held, as the event loop keeps only a weak reference
        self._closing = False
        self._running = False  # a rerun was sent and has not finished
        self._elements: dict[tuple[int, ...], tuple[str, object]] = {}  # place → (fragment id, element)
        self._this_run: tuple[tuple[str, ...], set[tuple[int, ...]]] = ((), set())  # its fragments, places drawn
        self._finished: asyncio.Future[Screen] | None = None
        self._started = asyncio.Event()  # the run asked for has begun (the server sent its new_session)
        self._screen = Screen()  # the page as the last run left it
        self.dropped_timer_reruns = 0
        self.runs_begun = 0  # script runs the server began for this tab, a run st.rerun() starts included
        self.auto_reruns: dict[str, float] = {}  # fragment id -> seconds between its reruns
        self._page_hash = ""  # the page drawn, as the server names it: a fragment that reruns the app names it
        self._turn = asyncio.Lock()  # one script run at a time

    async def open(self, page: str, query: str = "") -> Screen:
        """Load the page as a browser does (taking the load balancer's cookie), connect, and run it."""
        self.page, self.query = page, query
        async with httpx.AsyncClient(verify=self.tls or True, timeout=30, headers=self.headers,
                                     follow_redirects=True) as http:
            reply = await http.get(f"{self.base_url}/{page}", params=query or None)
            reply.raise_for_status()
            self.cookie = "; ".join(f"{cookie.name}={cookie.value}" for cookie in http.cookies.jar)
        self.query = reply.url.query.decode()  # as the address bar shows it after any redirect
        await self._connect()
        return await self.run()

    async def visit(self, query: str) -> Screen:
        """The same page with another query string, as a person editing the address in this tab would send it."""
        self.query = query
        return await self.run()

    async def run(self, changes: Changes | None = None, trigger: str | None = None,
                  fragment: str | None = None) -> Screen:
        """Change widgets (and press the button `trigger`), and wait for the script run to finish; `fragment`:
        rerun that fragment only, as its timer does."""
        async with self._turn:
            return await self._run(changes, trigger, fragment)

    async def follow_timers(self, stop: asyncio.Event) -> list[float]:
        """Rerun each fragment the server asked to rerun every few seconds, on its timer, until `stop`; the
        seconds each rerun took."""
        due: dict[str, float] = {}
        took = []
        while not stop.is_set():
            now = time.monotonic()
            due = {fragment: due.get(fragment, now + every) for fragment, every in self.auto_reruns.items()}
            for fragment in [fragment for fragment, at in due.items() if at <= now]:
                started = time.monotonic()
                await self.run(fragment=fragment)
                took.append(time.monotonic() - started)
                due[fragment] = started + self.auto_reruns.get(fragment, 0.0)
            wait = min(due.values(), default=now + 1.0) - time.monotonic()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), max(0.01, wait))
        return took

    async def _run(self, changes: Changes | None, trigger: str | None, fragment: str | None) -> Screen:
        await asyncio.wait_for(self._connected.wait(), REPLY_TIMEOUT)
        self._states.update(changes or {})
        states = dict(self._states)
        if trigger:
            states[trigger] = ("trigger_value", True)  # sent once: a resend after reconnecting has no click
        if fragment is None:  # as the frontend: a widget drawn in a fragment reruns that fragment
            fragment = self._fragment_of([*(changes or {}), *([trigger] if trigger else [])])
            timer = False
        else:
            timer = True
        self._finished = asyncio.get_running_loop().create_future()
        self._running = True
        self._started.clear()
        await self._send(states, fragment, timer)
        if timer:
            try:
                await asyncio.wait_for(self._started.wait(), DROPPED_AFTER)
            except TimeoutError:
                self._running = False
                self.dropped_timer_reruns += 1
                return self._screen
        return await asyncio.wait_for(self._finished, REPLY_TIMEOUT)

    def _fragment_of(self, widget_ids: list[str]) -> str | None:
        """The fragment the widgets were drawn in, when they all were in one."""
        drawn_in = {fragment for fragment, element in self._elements.values()
                    if _widget_id(element) in widget_ids}
        return drawn_in.pop() if len(drawn_in) == 1 and "" not in drawn_in else None

    async def close(self) -> None:
        self._closing = True
        for task in (self._reader, self._reconnecting):
            if task:
                task.cancel()
        if self._ws:
            await self._ws.close()

    def query_value(self, name: str) -> str | None:
        return dict(parse_qsl(self.query)).get(name)

    async def _connect(self) -> None:
        scheme, host = urlsplit(self.base_url)[:2]
        ws_url = f"{'wss' if scheme == 'https' else 'ws'}://{host}/_stcore/stream"
        protocols = ["streamlit", "PLACEHOLDER_AUTH_TOKEN"] + ([self._session_id] if self._session_id else [])
        self._ws = await websockets.connect(
            ws_url, subprotocols=protocols, max_size=None, open_timeout=10, ping_interval=None,
            origin=f"{scheme}://{host}",
            additional_headers={**self.headers, **({"Cookie": self.cookie} if self.cookie else {})},
            ssl=self.tls if scheme == "https" else None)
        self._connected.set()
        self._reader = asyncio.create_task(self._read(self._ws))

    async def _reconnect(self) -> None:
        lost_at = time.monotonic()
        self._connected.clear()
        attempt = 0
        while not self._closing:
            attempt += 1
            await asyncio.sleep(reconnect_delay(attempt))
            try:
                await self._connect()
            except (TimeoutError, OSError, websockets.exceptions.InvalidHandshake):
                continue
            self.reconnections.append(Reconnection(lost_at, time.monotonic()))
            if self._running:  # as the frontend: a run was in progress, so ask for it again
                await self._send(self._states)
            return

    async def _read(self, ws: websockets.ClientConnection) -> None:
        try:
            async for data in ws:
                self._handle(data)
        except websockets.exceptions.ConnectionClosed:
            pass
        if not self._closing and ws is self._ws:
            self._reconnecting = asyncio.create_task(self._reconnect())

    def _handle(self, data: bytes) -> None:
        message = ForwardMsg()
        message.ParseFromString(data)
        kind = message.WhichOneof("type")
        if kind == "new_session":  # a run starts: of the whole page, or of the fragments it names
            self._session_id = message.new_session.initialize.session_id
            self.runs_begun += 1
            self._this_run = (tuple(message.metadata.run.fragment_ids), set())
            if not self._this_run[0]:  # as the frontend: a run of the whole page sets the timers afresh
                self.auto_reruns.clear()
            self._started.set()
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            place = tuple(message.metadata.delta_path)
            self._elements[place] = (message.delta.fragment_id, message.delta.new_element)
            self._this_run[1].add(place)
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "navigation":
            self._page_hash = message.navigation.page_script_hash
        elif kind == "auto_rerun":
            self.auto_reruns[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment in message.stop_auto_rerun.fragment_ids:
                self.auto_reruns.pop(fragment, None)
        elif kind == "script_finished":
            if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): it draws again
                return
            # as the frontend: what the run would have drawn and did not is gone
            fragments, drawn_now = self._this_run
            self._elements = {place: (fragment, element) for place, (fragment, element) in self._elements.items()
                              if place in drawn_now or (fragments and fragment not in fragments)}
            drawn = Screen()
            for place in sorted(self._elements):
                _draw(self._elements[place][1], drawn)
            # as the frontend after a run: forget widgets no longer drawn, show what the server set
            self._states = {wid: state for wid, state in self._states.items() if wid in drawn.widget_ids}
            pushed_now = {_widget_id(self._elements[place][1]) for place in drawn_now if place in self._elements}
            for label, radio in drawn.radios.items():
                if radio.pushed and radio.id not in pushed_now:
                    pass  # pushed by an earlier run, and kept since: what the person chose after stands
                elif radio.pushed and radio.pushed_value is None:
                    self._states.pop(radio.id, None)
                elif radio.pushed:
                    self._states[radio.id] = ("string_value", radio.pushed_value)
                chosen = self._states.get(radio.id)
                drawn.selected[label] = str(chosen[1]) if chosen else radio.default
            self._running = False
            self._screen = drawn
            if self._finished and not self._finished.done():
                self._finished.set_result(drawn)

    async def _send(self, states: Changes, fragment: str | None = None, timer: bool = False) -> None:
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_name = self.page
        if fragment:
            message.rerun_script.fragment_id = fragment
            message.rerun_script.is_auto_rerun = timer
            message.rerun_script.page_script_hash = self._page_hash
        for widget_id, (kind, value) in states.items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            if kind is not None:  # None: no value, as the frontend sends for a radio with nothing chosen
                setattr(state, kind, value)
        with contextlib.suppress(websockets.exceptions.ConnectionClosed):  # the reader notices and reconnects,
            await self._ws.send(message.SerializeToString())  # and sends this run again


def _widget_id(element) -> str | None:  # type: ignore[no-untyped-def]
    which = element.WhichOneof("type")
    return getattr(element, which).id if which in ("radio", "button", "selectbox", "text_input", "text_area") else None


def _draw(element, drawn: Screen) -> None:  # type: ignore[no-untyped-def]
    which = element.WhichOneof("type")
    if which == "radio":
        radio = element.radio
        options = list(radio.options)
        drawn.radios[radio.label] = Radio(
            radio.id, options, default=options[radio.default] if radio.HasField("default") else None,
            pushed=radio.set_value, pushed_value=radio.raw_value if radio.HasField("raw_value") else None)
        drawn.widget_ids.add(radio.id)
    elif which == "alert":
        drawn.alerts.append(element.alert.body)
    elif which == "exception":
        drawn.alerts.append(f"{element.exception.type}: {element.exception.message}")
    elif which in ("button", "selectbox", "text_input", "text_area"):
        widget = getattr(element, which)
        drawn.widgets[(which, widget.label)] = widget.id
        drawn.widget_ids.add(widget.id)
    elif which == "markdown":
        drawn.texts.append(element.markdown.body)
    elif which == "heading":
        drawn.texts.append(element.heading.body)
