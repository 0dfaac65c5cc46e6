"""Wrong codes and keys: a few a minute per session and per address, then a clear wait, before any lookup."""

from __future__ import annotations

import pytest

from assessment.services import attempts


def _wrong() -> None:
    return None


def test_a_session_gets_five_wrong_tries_a_minute_then_waits_even_for_the_right_code():
    for _ in range(5):
        assert attempts.checked(_wrong, session="phone", address="10.0.0.1") is None
    looked_up = []
    with pytest.raises(attempts.TooManyTries) as waiting:
        attempts.checked(lambda: looked_up.append(1) or "workshop", session="phone", address="10.0.0.1")
    assert looked_up == []  # refused before the code is even looked up
    assert 1 <= waiting.value.seconds <= 60 and "Wait a minute" in str(waiting.value)
    # another phone at the same address still has its own tries
    assert attempts.checked(lambda: "workshop", session="other phone", address="10.0.0.1") == "workshop"


def test_an_address_gets_twenty_wrong_tries_a_minute_across_its_sessions():
    for session in range(20):
        attempts.checked(_wrong, session=f"tab {session}", address="10.0.0.2")
    with pytest.raises(attempts.TooManyTries):
        attempts.checked(_wrong, session="a new tab", address="10.0.0.2")
    assert attempts.checked(lambda: "workshop", session="a new tab", address="10.0.0.3") == "workshop"


def test_right_codes_never_count():
    for _ in range(50):
        assert attempts.checked(lambda: "workshop", session="phone", address="10.0.0.4") == "workshop"
