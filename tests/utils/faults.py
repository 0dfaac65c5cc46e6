"""Workshops under faults, with simulated participants: app servers killed in turn behind nginx, and the
database stopped and started. The tests assert on the figures these return; bench/faults.py prints them.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import Counter
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from assessment.content.framework import Framework, builtin_framework
from assessment.services.database import Database
from tests.conftest import LiveApp
from tests.utils.crowd import SECTORS, Attempt, Participant, confirmed_but_not_stored, take_part
from tests.utils.deployment import Nginx, PrivatePostgres
from tests.utils.workshops import new_workshop


@dataclass
class Crowd:
    """A workshop's participants once they have finished, and the answers they saw confirmed but the database
    does not hold."""

    framework: Framework
    participants: list[Participant]
    lost: list[tuple[Participant, Attempt]] = field(default_factory=list)

    @property
    def attempts(self) -> list[Attempt]:
        return [a for p in self.participants for a in p.attempts]

    @property
    def failures(self) -> list[str]:
        return [p.failure for p in self.participants if p.failure]


def _workshop(db: Database, urls: list[str], participants: int, screens: int, think: float,
              tls: ssl.SSLContext | None, during: Coroutine[None, None, None]) -> Crowd:
    """Participants dealt to `urls` in turn take part while the coroutine `during` does its harm."""
    framework = builtin_framework("ham-2015")
    join_code = new_workshop(db, framework, sectors=SECTORS, organisations=[], exemplar_ids=[]).join_code

    async def together() -> list[Participant]:
        harm = asyncio.create_task(during)
        crowd = await asyncio.gather(*(take_part(urls[n % len(urls)], join_code, n, screens=screens, think=think,
                                                 arrive=4.0, tls=tls) for n in range(participants)))
        await harm
        return list(crowd)

    # An event loop of its own thread: in a test session Playwright's may be running on this one already.
    with ThreadPoolExecutor(max_workers=1) as thread:
        crowd = thread.submit(asyncio.run, together()).result()
    return Crowd(framework, crowd, confirmed_but_not_stored(db, framework, join_code, crowd))


@dataclass
class Kill:
    port: int
    at: float  # time.monotonic()
    back_after: list[float] = field(default_factory=list)  # per phone it cut off: seconds until reconnected


@dataclass
class Failover:
    crowd: Crowd
    kills: list[Kill]
    first_server: Counter[int]  # app server port -> phones whose first websocket nginx passed to it


def kill_each_server(db: Database, nginx: Nginx, servers: list[LiveApp], *, participants: int = 24,
                           screens: int = 6, think: float = 1.0, first_kill: float = 8.0,
                           between: float = 4.0) -> Failover:
    """Participants through nginx; `first_kill` seconds in, SIGKILL one server and start it again, and
    `between` seconds after it is healthy, the next; and so on through every server."""
    kills: list[Kill] = []

    async def kill_in_turn() -> None:
        await asyncio.sleep(first_kill)
        for server in servers:
            kills.append(Kill(server.port, time.monotonic()))
            server.kill()
            server.start(wait=False)
            await asyncio.to_thread(server.wait_until_healthy)
            await asyncio.sleep(between)

    crowd = _workshop(db, [nginx.url], participants, screens, think, nginx.tls(), kill_in_turn())
    for reconnection in (r for p in crowd.participants for r in p.phone.reconnections):
        kill = next((k for k in kills if k.at <= reconnection.lost_at <= k.at + 2.0), None)
        if kill:
            kill.back_after.append(reconnection.back_at - kill.at)
    first = {}
    for port, cookie in nginx.upgrades():
        first.setdefault(cookie, port)
    return Failover(crowd, kills, Counter(first.values()))


@dataclass
class Outage:
    crowd: Crowd
    stopped_at: float  # time.monotonic() when the database had stopped
    back_at: float  # ... and when it accepted connections again

    @property
    def not_saved(self) -> list[Attempt]:
        return [a for a in self.crowd.attempts if not a.confirmed]

    def failing_until(self) -> float:
        """Seconds after the database's return that the last run to fail (a save or a page) began (≤ 0: none
        failed after it)."""
        refused = [started for p in self.crowd.participants for started, _ in p.refused]
        return max([a.sent_at for a in self.not_saved] + refused, default=self.stopped_at) - self.back_at

    def first_save_after_return(self) -> float:
        return min(a.finished_at for a in self.crowd.attempts if a.confirmed and a.finished_at > self.back_at
                   ) - self.back_at

    def slowest_failure(self) -> float:
        """The longest a participant waited to be told that an answer was not saved, or that the page could not
        be shown."""
        refused = [finished - started for p in self.crowd.participants for started, finished in p.refused]
        return max([a.finished_at - a.sent_at for a in self.not_saved if a.finished_at] + refused, default=0.0)


def stop_the_database(db: Database, postgres: PrivatePostgres, app_urls: list[str], *, participants: int = 20,
                      screens: int = 5, think: float = 1.0, stop_after: float = 8.0, outage: float = 10.0) -> Outage:
    """Participants on the app servers; `stop_after` seconds in, the database stops for `outage` seconds."""
    times: dict[str, float] = {}

    async def stop_and_start() -> None:
        await asyncio.sleep(stop_after)
        await asyncio.to_thread(postgres.stop)
        times["stopped"] = time.monotonic()
        await asyncio.sleep(outage)
        await asyncio.to_thread(postgres.start)
        times["back"] = time.monotonic()

    crowd = _workshop(db, app_urls, participants, screens, think, None, stop_and_start())
    return Outage(crowd, times["stopped"], times["back"])
