"""How often someone may do something: a few times in a moving window, counted per key, in this server's memory.

One store for every allowance (wrong codes, set-ups without sign-in, saved answers), so that a restart, or
`forget_all()` in a test, starts every count afresh. Each server of a pair counts its own: a browser stays on its
server (the load balancer's stickiness), and one that hops gets no more than twice its allowance.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping

from limits import RateLimitItem, parse, storage, strategies

from assessment.errors import InputError, Problem

_limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())


class UsedUp(InputError):
    """An allowance is used up: `seconds` until it may be used again, said in the one problem's words."""

    def __init__(self, title: str, problem: str, seconds: int):
        super().__init__(title, [Problem(problem)])
        self.seconds = seconds


class Allowance:
    """`limits` maps a scope ("session", "address", "person") to how many a window, e.g. "5/minute"."""

    def __init__(self, name: str, limits: Mapping[str, str]):
        self.name = name
        self.limits: dict[str, RateLimitItem] = {scope: parse(limit) for scope, limit in limits.items()}

    def wait(self, **keys: str | int) -> int:
        """Seconds until every key has one to use again; 0 when it has now."""
        waits = [0]
        for scope, key in keys.items():
            limit = self.limits[scope]
            if not _limiter.test(limit, self.name, f"{scope}:{key}"):
                reset = _limiter.get_window_stats(limit, self.name, f"{scope}:{key}").reset_time
                waits.append(max(1, math.ceil(reset - time.time())))
        return max(waits)

    def use(self, **keys: str | int) -> None:
        """Count one against every key."""
        for scope, key in keys.items():
            _limiter.hit(self.limits[scope], self.name, f"{scope}:{key}")


def forget_all() -> None:
    """Start every count afresh (a restart does the same)."""
    _limiter.storage.reset()
