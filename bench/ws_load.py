"""Load benchmark: N simulated participants score over Streamlit's websocket while the room view refreshes.

No browser: each participant is a websocket client speaking Streamlit's protobuf protocol, as a phone
would. It joins by code, picks a sector, answers the statements of the first few principle screens
with a think time between answers, and presses Next. One facilitator client reloads the room view
every few seconds throughout. Prints answer round-trip p50/p95, answers stored vs sent, and the
server's memory.

    .venv/bin/python bench/ws_load.py --participants 30 60 100
    .venv/bin/python bench/ws_load.py --participants 60 --database-url postgresql+psycopg://postgres@127.0.0.1/test
    .venv/bin/python bench/ws_load.py --participants 60 --servers 2 --database-url postgresql+psycopg://…

With --servers 2 or more, identical app servers share the database (as behind a load balancer with
sticky sessions): participants are dealt to the servers in turn, and the room view runs on the last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import host_speed  # beside this script
import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.content.framework import builtin_framework  # noqa: E402
from assessment.services import workshops  # noqa: E402
from assessment.services.access import Actor  # noqa: E402
from assessment.services.database import Database  # noqa: E402
from assessment.storage import answers  # noqa: E402
from assessment.storage.db import migrate  # noqa: E402

SECTORS = ["Acute hospital", "Primary care", "Mental health", "Local authority: adult social care",
           "Voluntary, community and social enterprise", "Patients and public"]


@dataclass
class Page:
    """What one script run drew: widget ids by kind and label, and how long the run took."""

    widgets: dict[tuple[str, str], str] = field(default_factory=dict)
    radios: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (id, label, options)
    alerts: list[str] = field(default_factory=list)  # errors, warnings and exceptions shown
    seconds: float = 0.0


class Client:
    def __init__(self, url: str, cookie: str = ""):
        self.url = url
        self.query = ""
        self.cookie = cookie  # the browser's, as its page load left it

    async def __aenter__(self) -> Client:
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=60,
                                          additional_headers={"Cookie": self.cookie} if self.cookie else None)
        return self

    async def __aexit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        await self.ws.close()

    async def run(self, page: str, states: dict[str, tuple[str, object]] | None = None) -> Page:
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_name = page
        for widget_id, (kind, value) in (states or {}).items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        drawn = Page()
        while True:
            reply = ForwardMsg()
            # A reply that never comes is a failure to report, not a reason for the benchmark to hang.
            reply.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout=REPLY_TIMEOUT))
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                which = element.WhichOneof("type")
                if which == "radio":
                    drawn.radios.append((element.radio.id, element.radio.label, list(element.radio.options)))
                elif which == "alert":
                    drawn.alerts.append(element.alert.body)
                elif which == "exception":
                    drawn.alerts.append(f"{element.exception.type}: {element.exception.message}")
                elif which in ("button", "selectbox", "text_input"):
                    widget = getattr(element, which)
                    drawn.widgets[(which, widget.label)] = widget.id
            elif kind == "page_info_changed":
                self.query = reply.page_info_changed.query_string
            elif kind == "script_finished":
                if reply.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): draw again
                    drawn = Page()
                    continue
                drawn.seconds = time.perf_counter() - started
                return drawn


@dataclass
class Tally:
    answer_seconds: list[float] = field(default_factory=list)
    room_seconds: list[float] = field(default_factory=list)
    answers_sent: int = 0
    failures: list[str] = field(default_factory=list)


async def participant(url: str, join_code: str, number: int, screens: int, think: float, tally: Tally) -> None:
    rng = random.Random(number)
    await asyncio.sleep(rng.uniform(0, think * 2))  # people arrive over a few seconds
    try:
        async with Client(url) as client:
            client.query = f"code={join_code}"
            page = await client.run("join")
            form = {
                page.widgets[("selectbox", "Your sector")]: ("string_value", SECTORS[number % len(SECTORS)]),
                page.widgets[("text_input", "Your organisation (optional)")]: ("string_value", ""),
                page.widgets[("button", "Start scoring")]: ("trigger_value", True),
            }
            page = await client.run("join", form)
            for _ in range(screens):
                states: dict[str, tuple[str, object]] = {}
                if not page.radios:
                    raise RuntimeError(f"no statements on the screen; it showed {page.alerts or list(page.widgets)}")
                for radio_id, _label, options in page.radios:
                    await asyncio.sleep(rng.expovariate(1 / think))
                    states[radio_id] = ("string_value", options[rng.randrange(len(options) - 1)])
                    answered = await client.run("join", states)
                    tally.answer_seconds.append(answered.seconds)
                    tally.answers_sent += 1
                next_button = answered.widgets.get(("button", "Next"))
                if next_button is None:
                    raise RuntimeError(f"no Next button; the screen showed {answered.alerts or list(answered.widgets)}"
                                       f" and {len(answered.radios)} statements")
                page = await client.run("join", {**states, next_button: ("trigger_value", True)})
    except Exception as error:
        tally.failures.append(f"participant {number}: {type(error).__name__}: {error}")


def opened_link(url: str, key: str) -> str:
    """The device cookie a browser gets by opening the facilitator link (the server answers with a redirect)."""
    page = url.replace("ws://", "http://").replace("/_stcore/stream", f"/room?key={key}")

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    try:
        urllib.request.build_opener(Stay).open(page, timeout=30)
    except urllib.error.HTTPError as redirect:
        return redirect.headers["Set-Cookie"].split(";", 1)[0]
    raise RuntimeError("the facilitator link was not exchanged")


async def facilitator(url: str, key: str, every: float, stop: asyncio.Event, tally: Tally) -> None:
    async with Client(url, cookie=opened_link(url, key)) as client:
        if ("button", "Next") not in (await client.run("room")).widgets:
            raise RuntimeError("the facilitator link did not open the room view")
        while not stop.is_set():
            await asyncio.sleep(every)
            tally.room_seconds.append((await client.run("room")).seconds)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


REPLY_TIMEOUT = 60.0  # seconds
SERVER_LOG = ROOT / "out" / "ws_load-server.log"


def start_server(database_url: str, port: int) -> subprocess.Popen:
    SERVER_LOG.parent.mkdir(exist_ok=True)
    log = SERVER_LOG.with_name(f"{SERVER_LOG.stem}-{port}{SERVER_LOG.suffix}")
    server = subprocess.Popen(
        [sys.executable, "-m", "assessment.pages.server", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env={**os.environ, "PLACEREADY_DATABASE_URL": database_url},
        stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as reply:
                if reply.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the app did not start")


async def one_round(urls: list[str], db: Database, participants: int, screens: int, think: float,
                    servers: list[psutil.Process]) -> None:
    ham = builtin_framework("ham-2015")
    created = workshops.create_workshop(db, actor=Actor.system("bench"), partnership_name=f"Load {participants}",
                                        place="Benchmark", title=f"{participants} participants", held_on=date.today(),
                                        frameworks=[ham], sectors=SECTORS)
    workshop_id, join_code, key = created.id, created.join_code, created.facilitator_key
    tally, stop = Tally(), asyncio.Event()
    before = [server.memory_info().rss for server in servers]
    peak = list(before)
    cpu_before = [sum(server.cpu_times()[:2]) for server in servers] + [sum(psutil.Process().cpu_times()[:2])]

    async def watch_memory() -> None:
        while not stop.is_set():
            for index, server in enumerate(servers):
                peak[index] = max(peak[index], server.memory_info().rss)
            await asyncio.sleep(0.5)

    started = time.perf_counter()
    room = asyncio.create_task(facilitator(urls[-1], key, 3.0, stop, tally))
    memory = asyncio.create_task(watch_memory())
    await asyncio.gather(*(participant(urls[n % len(urls)], join_code, n, screens, think, tally)
                           for n in range(participants)))
    elapsed = time.perf_counter() - started
    stop.set()
    await asyncio.gather(room, memory)
    cpu = [sum(process.cpu_times()[:2]) - spent for process, spent in
           zip([*servers, psutil.Process()], cpu_before, strict=True)]
    with db.read() as session:
        stored = answers.saves_in(session, workshop_id=workshop_id)
    ms = [s * 1000 for s in tally.answer_seconds]
    room_ms = [s * 1000 for s in tally.room_seconds]
    print(f"N={participants:>3}  answers sent {tally.answers_sent:>4}  stored {stored:>4}  "
          f"round trip p50 {percentile(ms, .5):6.0f} ms  p95 {percentile(ms, .95):6.0f} ms  "
          f"max {max(ms, default=float('nan')):6.0f} ms  |  room refresh p50 {percentile(room_ms, .5):5.0f} ms "
          f"p95 {percentile(room_ms, .95):5.0f} ms  |  {tally.answers_sent / elapsed:5.1f} answers/s over "
          f"{elapsed:5.1f} s  |  server RSS " + ", ".join(f"{b / 2**20:.0f} → peak {p / 2**20:.0f} MB"
                                                   for b, p in zip(before, peak, strict=True))
          + "  |  CPU: server " + ", ".join(f"{c / elapsed:.0%}" for c in cpu[:-1])
          + f" of a core, these simulated phones {cpu[-1] / elapsed:.0%}")
    for failure in tally.failures[:5]:
        print("   ", failure)
    if tally.failures:
        print(f"    ({len(tally.failures)} failed; the servers' logs are {SERVER_LOG.parent.relative_to(ROOT)}/)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, nargs="+", default=[30, 60, 100])
    parser.add_argument("--screens", type=int, default=3, help="principle screens each person answers")
    parser.add_argument("--think", type=float, default=4.0, help="mean seconds between one person's answers")
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--port", type=int, default=8765, help="the first server's port; the next ones follow")
    parser.add_argument("--servers", type=int, default=1, help="identical app servers on one database")
    options = parser.parse_args()
    database_url = options.database_url or f"sqlite:///{tempfile.mkdtemp()}/load.db"
    db = Database.from_url(database_url)
    migrate(db.engine)
    ports = [options.port + n for n in range(options.servers)]
    servers = [start_server(database_url, port) for port in ports]
    try:
        print(f"{database_url.split(':')[0]}, {len(servers)} app server(s), {os.cpu_count()} cores, "
              f"think time {options.think} s, {options.screens} screens each")
        for participants in options.participants:
            asyncio.run(one_round([f"ws://127.0.0.1:{port}/_stcore/stream" for port in ports], db, participants,
                                  options.screens, options.think, [psutil.Process(s.pid) for s in servers]))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        db.dispose()


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
