"""Slowing down guessing: join codes, resume codes and keys may be got wrong a few times a minute, then wait.

Wrong tries are counted per browser session and per network address, in a moving one-minute window, in this
server's memory (each server of a pair counts its own). The address limit is the higher one because a whole
hospital can share one address: a few people mistyping the join code at once must not lock the room out.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

from limits import RateLimitItem, parse, storage, strategies

from assessment.errors import InputError, Problem

PER_SESSION = parse("5/minute")
PER_ADDRESS = parse("20/minute")
_limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

Found = TypeVar("Found")


class TooManyTries(InputError):
    def __init__(self, seconds: int):
        super().__init__("Too many wrong codes", [Problem(
            f"too many wrong codes were tried from here in the last minute. Wait a minute ({seconds} seconds), "
            "then try again")])
        self.seconds = seconds


def _limits(session: str, address: str) -> list[tuple[RateLimitItem, str]]:
    return [(PER_SESSION, f"session:{session}"), (PER_ADDRESS, f"address:{address}")]


def checked(attempt: Callable[[], Found | None], *, session: str, address: str) -> Found | None:
    """What `attempt` finds (None counts as a wrong try); `TooManyTries`, without trying, once either the
    session or the address has used up its wrong tries for the minute."""
    for limit, key in _limits(session, address):
        if not _limiter.test(limit, "codes", key):
            reset = _limiter.get_window_stats(limit, "codes", key).reset_time
            raise TooManyTries(max(1, math.ceil(reset - time.time())))
    found = attempt()
    if found is None:
        for limit, key in _limits(session, address):
            _limiter.hit(limit, "codes", key)
    return found


def forget_all() -> None:
    """Start every count afresh (a restart does the same)."""
    _limiter.storage.reset()
