"""What people type into forms: trimmed, length-limited, and refused with a message saying where."""

from __future__ import annotations

from collections.abc import Sequence

from assessment.errors import InputError, Problem

MAX_TEXT = 2000  # comments, actions
MAX_NAME = 200  # names of partnerships, places, organisations, titles


def clean(value: str | None, *, field: str, limit: int = MAX_TEXT) -> str | None:
    """The text trimmed, None when empty; an `InputError` naming the field when too long."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise InputError("Your entry", [Problem(f"keep it under {limit} characters (this is {len(value)})",
                                                location=field)])
    return value or None


def unique(values: Sequence[str], *, field: str) -> list[str]:
    """Each entry of a list once, in order, blanks dropped."""
    cleaned = [clean(v, field=field, limit=MAX_NAME) for v in values]
    return list(dict.fromkeys(v for v in cleaned if v))


def email_address(text: str | None) -> str:
    """An address as memberships store it and sign-in compares it: trimmed, lower case."""
    return (text or "").strip().lower()


def pairs(text: str, *, field: str, separator: str = "=") -> dict[str, str]:
    """Lines of "left = right" as a mapping; a line without the separator is refused, naming its line."""
    found, problems = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        left, sep, right = line.partition(separator)
        sector = clean(left, field=field, limit=100) if sep else None
        group = clean(right, field=field, limit=100) if sep else None
        if not sector or not group:
            problems.append(Problem(f"write it as: sector {separator} group", location=field, line=number))
            continue
        found[sector] = group
    if problems:
        raise InputError(field, problems)
    return found
