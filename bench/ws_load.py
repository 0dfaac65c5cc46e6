"""Load benchmark: N simulated phones score over Streamlit's websocket while the room view refreshes.

No browser: each phone is `tests/utils/stream_client.Phone`, which speaks Streamlit's protocol as the frontend
does (the page load with its cookies, every widget's state with each run, a widget in a fragment rerunning only
that fragment, the fragments' timers). Each joins by code, picks a sector, answers the statements of the first
few principle screens with a think time between answers (`tests/utils/crowd.py`), and presses Next; meanwhile
its page's self-refreshing parts rerun on their timers, as a phone's browser does. One facilitator holds the
room view open, its parts refreshing on their timers. The phones run in several processes (--phone-processes),
so that they are not themselves what is measured on a small machine; their processor time is printed.

Printed per run: answer round trip p50/p95/max, answers stored vs confirmed, the join (page load → join form,
"Start scoring" → first screen), a timeline in 10 s steps (joins, answers and their p95), each server's
processor time and that per stored answer, the phones' processor time, the servers' memory, and on PostgreSQL
the connections in use and how often one waited on a lock (sampled from pg_stat_activity).

    .venv/bin/python bench/ws_load.py --participants 100 200
    .venv/bin/python bench/ws_load.py --participants 300 --servers 2 --database-url postgresql+psycopg://postgres@127.0.0.1/test
    .venv/bin/python bench/ws_load.py --participants 200 --profile gil   # py-spy on each server: out/ws_load-*.txt

With --servers 2 or more, identical app servers share the database (as behind a load balancer with sticky
sessions): phones are dealt to the servers in turn, and the room view runs on the last. --profile records each
server with py-spy for the whole run (`gil`: only the thread holding Python's lock; `wall`: every thread, waiting
included) in py-spy's raw format, which `bench/profile_summary.py` sums up.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import shutil
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.content.framework import builtin_framework  # noqa: E402
from assessment.services import workshops  # noqa: E402
from assessment.services.access import Actor  # noqa: E402
from assessment.services.database import Database  # noqa: E402
from assessment.storage import answers  # noqa: E402
from assessment.storage.db import migrate  # noqa: E402
from tests.utils.crowd import SECTORS, take_part  # noqa: E402
from tests.utils.stream_client import Phone  # noqa: E402

OUT = ROOT / "out"


@dataclass
class PhoneRecord:
    """What one phone saw, in plain values (it crosses from the phones' processes)."""

    arrived_at: float
    join_drawn_at: float | None
    scoring_at: float | None
    answers: list[tuple[float, float, bool]] = field(default_factory=list)  # (sent at, seconds, confirmed)
    slowed: int = 0  # answers the page asked to give again more slowly (the per-person limit)
    timer_reruns: list[float] = field(default_factory=list)
    timer_reruns_dropped: int = 0
    failure: str | None = None


def phones_process(urls: list[str], join_code: str, numbers: list[int], screens: int, think: float,
                   arrive: float) -> tuple[list[PhoneRecord], float]:
    """Run these phones in this process; what each saw, and the processor seconds the process used."""

    limit = arrive + screens * 10 * think * 2 + 120  # seconds: far more than a phone's part takes

    async def one(number: int) -> PhoneRecord:
        task = asyncio.create_task(take_part(urls[number % len(urls)], join_code, number, screens=screens,
                                             think=think, arrive=arrive, timers=True))
        await asyncio.wait({task}, timeout=limit)
        if not task.done():  # a phone that never finishes is a failure to report, with where it waits
            coroutine, where = task.get_coro(), "?"
            while coroutine is not None and getattr(coroutine, "cr_frame", None) is not None:
                where = f"{coroutine.cr_code.co_name} line {coroutine.cr_frame.f_lineno}"
                coroutine = coroutine.cr_await
            task.cancel()
            return PhoneRecord(0.0, None, None, failure=f"participant {number}: not done after {limit:.0f} s, "
                                                        f"waiting in {where}")
        me = task.result()
        return PhoneRecord(me.arrived_at, me.join_drawn_at, me.scoring_at,
                           [(a.sent_at, (a.finished_at or a.sent_at) - a.sent_at, a.confirmed) for a in me.attempts],
                           sum(any("faster than anyone could read" in alert for alert in a.alerts)
                               for a in me.attempts),
                           me.timer_reruns, me.phone.dropped_timer_reruns, me.failure)

    async def crowd() -> list[PhoneRecord]:
        return await asyncio.gather(*(one(n) for n in numbers))

    records = asyncio.run(crowd())
    return records, sum(psutil.Process().cpu_times()[:2])


async def facilitator(url: str, key: str, stop: asyncio.Event, took: list[float]) -> None:
    """The facilitator's browser on the room view, its parts refreshing on their timers."""
    me = Phone(url)
    try:
        if ("button", "Next") not in (await me.open("room", f"key={key}")).widgets:
            raise RuntimeError("the facilitator link did not open the room view")
        took.extend(await me.follow_timers(stop))
    finally:
        await me.close()


async def postgres_sampler(url: str, stop: asyncio.Event, samples: list[tuple[int, int, int]]) -> None:
    """Every 0.2 s: the database's connections, those running a statement, and those waiting on a lock."""
    import psycopg

    database = url.rsplit("/", 1)[1]
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as connection:
        while not stop.is_set():
            row = await (await connection.execute(
                "SELECT count(*), count(*) FILTER (WHERE state = 'active'), "
                "count(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))).fetchone()
            samples.append(row)
            await asyncio.sleep(0.2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def start_server(database_url: str, port: int) -> subprocess.Popen:
    OUT.mkdir(exist_ok=True)
    log = OUT / f"ws_load-server-{port}.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "assessment.pages.server", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env={**os.environ, "PLACEREADY_DATABASE_URL": database_url, "PLACEREADY_LOAD_DEMO": "false"},
        stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as reply:
                if reply.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the app did not start")


def profilers(servers: list[subprocess.Popen], mode: str | None, label: str) -> list[subprocess.Popen]:
    if mode is None:
        return []
    program = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    return [subprocess.Popen([program, "record", "--pid", str(server.pid), "--rate", "200", "--format", "raw",
                              "--output", str(OUT / f"ws_load-{label}-server{n + 1}-{mode}.txt"), "--threads", "--nonblocking",
                              "--gil" if mode == "gil" else "--idle"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for n, server in enumerate(servers)]


def timeline(records: list[PhoneRecord], started: float, step: int = 10) -> list[str]:
    lines = []
    end = max((sent + took for r in records for sent, took, _ in r.answers), default=started)
    for at in range(0, int(end - started) + 1, step):
        low, high = started + at, started + at + step
        joins = sum(low <= r.arrived_at < high for r in records)
        given = [took * 1000 for r in records for sent, took, _ in r.answers if low <= sent < high]
        lines.append(f"{at:>4}–{at + step:<4} s  {joins:>4} arrived  {len(given):>5} answers  "
                     f"p95 {percentile(given, .95):6.0f} ms")
    return lines


def one_round(urls: list[str], db: Database, database_url: str, participants: int, screens: int, think: float,
              arrive: float, processes: int, servers: list[subprocess.Popen], profile: str | None) -> None:
    ham = builtin_framework("ham-2015")
    created = workshops.create_workshop(db, actor=Actor.system("bench"), partnership_name=f"Load {participants}",
                                        place="Benchmark", title=f"{participants} participants", held_on=date.today(),
                                        frameworks=[ham], sectors=SECTORS)
    watched = [psutil.Process(s.pid) for s in servers]
    before = [p.memory_info().rss for p in watched]
    peak = list(before)
    cpu_before = [sum(p.cpu_times()[:2]) for p in watched]
    room_took: list[float] = []
    postgres: list[tuple[int, int, int]] = []
    recording = profilers(servers, profile, f"{participants}-{len(servers)}")

    async def room_and_watch(stop: asyncio.Event) -> None:
        async def memory() -> None:
            while not stop.is_set():
                for index, process in enumerate(watched):
                    peak[index] = max(peak[index], process.memory_info().rss)
                await asyncio.sleep(0.5)

        tasks = [facilitator(urls[-1], created.facilitator_key, stop, room_took), memory()]
        if database_url.startswith("postgresql"):
            tasks.append(postgres_sampler(database_url, stop, postgres))
        await asyncio.gather(*tasks)

    shares = [list(range(participants))[n::processes] for n in range(processes)]
    started = time.monotonic()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pending = [pool.apply_async(phones_process, (urls, created.join_code, share, screens, think, arrive))
                   for share in shares]

        async def run_room() -> None:
            stop = asyncio.Event()
            room = asyncio.create_task(room_and_watch(stop))
            while not all(result.ready() for result in pending):
                await asyncio.sleep(0.2)
            stop.set()
            await room

        asyncio.run(run_room())
        results = [result.get() for result in pending]
    elapsed = time.monotonic() - started
    cpu = [sum(p.cpu_times()[:2]) - spent for p, spent in zip(watched, cpu_before, strict=True)]
    for recorder in recording:
        recorder.send_signal(2)  # SIGINT: py-spy writes what it recorded and ends
        recorder.wait(timeout=60)
    records = [record for share, _ in results for record in share]
    phones_cpu = sum(spent for _, spent in results)
    with db.read() as session:
        stored = answers.saves_in(session, workshop_id=created.id)
    ms = [took * 1000 for r in records for _, took, _ in r.answers]
    confirmed = sum(ok for r in records for _, _, ok in r.answers)
    first_screen = [(r.join_drawn_at - r.arrived_at) * 1000 for r in records if r.join_drawn_at]
    joined = [(r.scoring_at - r.join_drawn_at) * 1000 for r in records if r.scoring_at and r.join_drawn_at]
    timers = [took * 1000 for r in records for took in r.timer_reruns]
    room_ms = [took * 1000 for took in room_took]
    print(f"N={participants:>3}, {len(servers)} server(s), phones in {processes} processes: answers confirmed "
          f"{confirmed}, stored {stored}, lost {max(0, confirmed - stored)}, asked to slow down "
          f"{sum(r.slowed for r in records)}  |  round trip p50 {percentile(ms, .5):.0f} ms, "
          f"p95 {percentile(ms, .95):.0f} ms, max {max(ms, default=float('nan')):.0f} ms  |  "
          f"{confirmed / elapsed:.1f} answers/s over {elapsed:.0f} s")
    print(f"    join: page load → form p50 {percentile(first_screen, .5):.0f} ms, "
          f"p95 {percentile(first_screen, .95):.0f} ms; Start scoring → first screen p50 "
          f"{percentile(joined, .5):.0f} ms, p95 {percentile(joined, .95):.0f} ms  |  phones' timers: "
          f"{len(timers)} reruns, p95 {percentile(timers, .95):.0f} ms, "
          f"{sum(r.timer_reruns_dropped for r in records)} dropped by the server  |  room view's refreshes "
          f"p95 {percentile(room_ms, .95):.0f} ms")
    print("    CPU: server " + ", ".join(f"{c / elapsed:.0%}" for c in cpu) + " of a core; per stored answer "
          f"{sum(cpu) / max(stored, 1) * 1000:.1f} ms of server CPU (all servers); the simulated phones "
          f"{phones_cpu / elapsed:.0%} of a core  |  server RSS "
          + ", ".join(f"{b / 2**20:.0f} → peak {p / 2**20:.0f} MB" for b, p in zip(before, peak, strict=True)))
    if postgres:
        print(f"    PostgreSQL: connections up to {max(s[0] for s in postgres)}, running a statement p95 "
              f"{percentile([s[1] for s in postgres], .95):.0f} (max {max(s[1] for s in postgres)}), "
              f"a backend waiting on a lock in {sum(s[2] > 0 for s in postgres)} of {len(postgres)} samples")
    for line in timeline(records, min((r.arrived_at for r in records if r.arrived_at), default=started)):
        print("    " + line)
    failures = [r.failure for r in records if r.failure]
    for failure in failures[:5]:
        print("    ", failure)
    if failures:
        print(f"    ({len(failures)} failed; the servers' logs are {OUT.relative_to(ROOT)}/ws_load-server-*.log)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--screens", type=int, default=3, help="principle screens each person answers")
    parser.add_argument("--think", type=float, default=4.0, help="mean seconds between one person's answers")
    parser.add_argument("--arrive", type=float, default=8.0, help="people arrive within this many seconds")
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--port", type=int, default=8765, help="the first server's port; the next ones follow")
    parser.add_argument("--servers", type=int, default=1, help="identical app servers on one database")
    parser.add_argument("--phone-processes", type=int, default=None,
                        help="processes the phones run in (default: one per 100 phones, at least 2)")
    parser.add_argument("--profile", choices=["gil", "wall"], default=None, help="py-spy on each server")
    options = parser.parse_args()
    database_url = options.database_url or f"sqlite:///{tempfile.mkdtemp()}/load.db"
    db = Database.from_url(database_url)
    migrate(db.engine)
    ports = [options.port + n for n in range(options.servers)]
    servers = [start_server(database_url, port) for port in ports]
    try:
        print(f"{database_url.split(':')[0]}, {len(servers)} app server(s), {os.cpu_count()} cores, "
              f"think time {options.think} s, {options.screens} screens each, arriving within {options.arrive} s")
        for participants in options.participants:
            processes = options.phone_processes or max(2, -(-participants // 100))
            one_round([f"http://127.0.0.1:{port}" for port in ports], db, database_url, participants,
                      options.screens, options.think, options.arrive, processes, servers, options.profile)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        db.dispose()


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
