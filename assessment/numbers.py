"""How every screen, report, deck and command prints a number: fixed decimals, a dash for none.

The scoring engine never rounds (the JSON of `placeready score` carries full precision); people
read scores to one decimal place and agreement statistics to two.
"""

from __future__ import annotations

NONE = "—"


def number(value: float | None, places: int = 1) -> str:
    """`2.456` → `"2.5"`; `None` → `"—"`."""
    return NONE if value is None else f"{value:.{places}f}"


def signed(value: float | None, places: int = 1) -> str:
    """A difference, with its sign: `0.4` → `"+0.4"`."""
    return NONE if value is None else f"{value:+.{places}f}"


def percent(value: float | None) -> str:
    """A share as a whole percentage: `0.125` → `"12%"`."""
    return NONE if value is None else f"{value:.0%}"


def rounded(value: float | None, places: int = 1) -> float | None:
    """A number for a table cell that is still a number (sortable, exportable)."""
    return None if value is None else round(value, places)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun: `1, "agreed score"` → `"1 agreed score"`; `2` → `"2 agreed scores"`."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
