"""How long 100 phones take to show the next principle in a presenter-paced round.

    .venv/bin/python bench/paced_round.py [--phones 100] [--rounds 3] [--refresh 1.0]
    .venv/bin/python bench/paced_round.py --servers 2 --database-url postgresql+psycopg://postgres@127.0.0.1/test

Starts the app as it ships (`placeready-app`, SQLite in a temporary folder unless --database-url says otherwise)
with PLACEREADY_PACED_REFRESH_SECONDS set to --refresh (the shipped default is 1), sets up a paced workshop, and
joins --phones phones over Streamlit's websocket (tests/utils/stream_client.py: the frontend's protocol, fragment
timers included, no browser). Each phone waits on the paced round's screen and reruns its follow-the-room
fragment as its timer says (the server's processor time while they wait is printed). The facilitator then opens
a principle (`presenter.move`, as Next does) --rounds
times; for each, the seconds from the move until each phone has drawn the new principle: first, median, 95th
percentile and last. A phone looks every --refresh seconds and the whole page is redrawn when it moves, so the
last phone's time is about one refresh plus the queue of redraws the server works through. Once it shows the
principle, each person answers its first statement after reading it (--read seconds, give or take half), and
that answer's round trip is timed: the burst of redraws is what it may queue behind.

With --servers 2 (the shipped deployment's shape: two app processes on one PostgreSQL), the phones are dealt to
the servers in turn, as the load balancer's sticky sessions deal browsers, and the servers' processor time is
their sum.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import host_speed  # beside this script
import psutil
from ws_load import start_server  # beside this script

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessment.content.framework import builtin_framework
from assessment.services import presenter, workshops
from assessment.services.access import Actor
from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.utils.stream_client import Phone

BENCH = Actor.system("bench")
SECTORS = ["Acute hospital", "Primary care", "Community health", "Local authority: adult social care"]


@dataclass
class Room:
    """What the phones are waiting for: the principle opened last, when, and when each phone drew it."""

    target: str = ""
    moved_at: float = 0.0
    seen: dict[int, float] = field(default_factory=dict)
    answered: dict[int, float] = field(default_factory=dict)  # phone → seconds its first answer's round trip took
    read: float = 2.0  # seconds a person reads the new principle before answering, on average
    stop: bool = False


async def phone(url: str, code: str, number: int, room: Room, joined: asyncio.Queue) -> None:
    me = Phone(url)
    screen = await me.open("join", f"code={code}")
    await me.run({screen.widgets[("selectbox", "Your sector")]: ("string_value", SECTORS[number % len(SECTORS)])},
                 trigger=screen.widgets[("button", "Start scoring")])
    await joined.put(number)
    try:
        # people join over minutes, so their phones' timers are out of step
        await asyncio.sleep(random.Random(number).uniform(0, next(iter(me.auto_reruns.values()))))
        while not room.stop:
            fragment, every = list(me.auto_reruns.items())[-1]  # the one the page drew last
            await asyncio.sleep(every)
            drawn = await me.run(fragment=fragment)
            if room.target and number not in room.seen and any(room.target in text for text in drawn.texts):
                room.seen[number] = time.monotonic() - room.moved_at
                await asyncio.sleep(random.Random(number).uniform(room.read / 2, room.read * 1.5))
                radio = next(iter(drawn.radios.values()))
                started = time.monotonic()
                answered = await me.run({radio.id: ("string_value", radio.options[3])})
                if not answered.alerts:
                    room.answered[number] = time.monotonic() - started
    finally:
        await me.close()


def summary(waits: list[float], *, milliseconds: bool = False) -> str:
    if not waits:
        return "none"
    ordered = sorted(waits)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    shown = (lambda s: f"{s * 1000:.0f} ms") if milliseconds else (lambda s: f"{s:.2f} s")
    return (f"first {shown(ordered[0])}, median {shown(statistics.median(ordered))}, p95 {shown(p95)}, "
            f"last {shown(ordered[-1])}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--refresh", type=float, default=1.0, help="PLACEREADY_PACED_REFRESH_SECONDS")
    parser.add_argument("--read", type=float, default=2.0, help="seconds before the first answer, on average")
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--servers", type=int, default=1, help="identical app servers on one database")
    parser.add_argument("--port", type=int, default=8785, help="the first server's port; the next ones follow")
    args = parser.parse_args()
    if args.servers > 1 and not args.database_url:
        parser.error("--servers above 1 share one database: give a PostgreSQL --database-url")
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='placeready-bench-')}/paced.db"
    os.environ.update(PLACEREADY_PACED_REFRESH_SECONDS=str(args.refresh))
    db = Database.from_url(url)
    migrate(db.engine)
    ports = [args.port + n for n in range(args.servers)]
    servers = [start_server(url, port) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        ham = builtin_framework("ham-2015")
        created = workshops.create_workshop(db, actor=BENCH, partnership_name="Bench", place="Bench",
                                            title="Paced round", held_on=date.today(), frameworks=[ham],
                                            sectors=SECTORS, paced=True)
        room, joined = Room(read=args.read), asyncio.Queue()
        started = time.monotonic()
        tasks = [asyncio.create_task(phone(urls[n % len(urls)], created.join_code, n, room, joined))
                 for n in range(args.phones)]
        for _ in range(args.phones):
            await asyncio.wait_for(joined.get(), 300)
        print(f"{args.phones} phones joined in {time.monotonic() - started:.1f} s; each looks for the next "
              f"principle every {args.refresh:g} s")
        watched = [psutil.Process(server.pid) for server in servers]

        def cpu() -> float:
            return sum(sum(process.cpu_times()[:2]) for process in watched)

        before, waited = cpu(), time.monotonic()
        await asyncio.sleep(max(5.0, 3 * args.refresh))
        print(f"the server(s) while they wait: {(cpu() - before) / (time.monotonic() - waited):.0%} of a core")
        for number in range(args.rounds):
            room.target, room.seen, room.answered = ham.principles[number].name, {}, {}
            room.moved_at, used = time.monotonic(), cpu()
            presenter.move(db, actor=BENCH, workshop_id=created.id, by=1)  # join → the first principle, and on
            while len(room.seen) < args.phones and time.monotonic() - room.moved_at < 60:
                await asyncio.sleep(0.05)
            waits = list(room.seen.values())
            print(f"principle {number + 1}: {len(waits)} of {args.phones} phones showed it — {summary(waits)}; "
                  f"the server(s) {cpu() - used:.2f} s of processor time meanwhile")
            while len(room.answered) < len(waits) and time.monotonic() - room.moved_at < 60:
                await asyncio.sleep(0.05)
            print(f"    its first answer, {len(room.answered)} saved: round trip "
                  f"{summary(list(room.answered.values()), milliseconds=True)}")
            await asyncio.sleep(2 * args.refresh)
        room.stop = True
        await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        db.dispose()


if __name__ == "__main__":
    host_speed.report("before")
    asyncio.run(main())
    host_speed.report("after")
