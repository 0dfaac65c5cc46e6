"""Slowing down guessing: join codes, resume codes, screen links and keys may be got wrong a few times a minute,
then wait. Every page, and the address that exchanges a private link for a browser's session, looks codes up
through `checked`: there is one limiter.

Wrong tries are counted per browser session and per network address, in a moving one-minute window (see
`allowances`). The address limit is the higher one because a whole hospital can share one address: a few people
mistyping the join code at once must not lock the room out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from assessment.services.allowances import Allowance, UsedUp, forget_all

__all__ = ["TooManyTries", "checked", "forget_all"]

WRONG_TRIES = Allowance("codes", {"session": "5/minute", "address": "20/minute"})

Found = TypeVar("Found")


class TooManyTries(UsedUp):
    def __init__(self, seconds: int):
        super().__init__("Too many wrong codes", "too many wrong codes were tried from here in the last minute. Wait "
                         f"a minute ({seconds} seconds), then try again", seconds)


def checked(attempt: Callable[[], Found | None], *, session: str, address: str) -> Found | None:
    """What `attempt` finds (None counts as a wrong try); `TooManyTries`, without trying, once either the
    session or the address has used up its wrong tries for the minute."""
    if seconds := WRONG_TRIES.wait(session=session, address=address):
        raise TooManyTries(seconds)
    found = attempt()
    if found is None:
        WRONG_TRIES.use(session=session, address=address)
    return found
