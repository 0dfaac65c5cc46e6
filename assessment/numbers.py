"""How every screen, report, deck and command prints a number: fixed decimals, a dash for none.

The scoring engine never rounds (the JSON of `placeready score` carries full precision); people
read scores to one decimal place and agreement statistics to two. One rounding rule holds everywhere
(docs/scoring.md, section 3): a level is the label of the number as printed, and a difference is worked out
from the numbers as printed, so "2.5, which is Emerging" or "1.8 → 2.3, +0.6" cannot appear.
"""

from __future__ import annotations

NONE = "—"
SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number(value: float | None, places: int = 1) -> str:
    """`2.456` → `"2.5"`; `None` → `"—"`; never `"-0.0"`."""
    if value is None:
        return NONE
    text = f"{value:.{places}f}"
    return text.lstrip("-") if float(text) == 0 else text


def printed(value: float | None, places: int = 1) -> float | None:
    """The number a reader sees, as a number: `2.46` → `2.5`. Levels and differences are worked out from it."""
    return None if value is None else float(number(value, places))


def difference(later: float | None, earlier: float | None, places: int = 1) -> float | None:
    """`later − earlier` from the numbers as printed, so that 1.8 → 2.3 is +0.5 whatever the unrounded means."""
    if later is None or earlier is None:
        return None
    return round(printed(later, places) - printed(earlier, places), places)  # type: ignore[operator]


def signed(value: float | None, places: int = 1) -> str:
    """A difference, with its sign: `0.4` → `"+0.4"`; a difference that prints as nothing is `"0.0"`, unsigned."""
    if value is None:
        return NONE
    text = f"{value:+.{places}f}"
    return text[1:] if float(text) == 0 else text


def percent(value: float | None) -> str:
    """A share as a whole percentage: `0.125` → `"12%"`."""
    return NONE if value is None else f"{value:.0%}"


def rounded(value: float | None, places: int = 1) -> float | None:
    """A number for a table cell that is still a number (sortable, exportable)."""
    return None if value is None else round(value, places)


def in_words(count: int) -> str:
    """Counts under ten in words, as a sentence writes them: `1` → `"one"`, `12` → `"12"`."""
    return SMALL_NUMBERS[count] if 0 <= count < len(SMALL_NUMBERS) else str(count)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`counted(1, "principle")` → `"one principle"`; `counted(3, "person", "people")` → `"three people"`."""
    return f"{in_words(count)} {_noun(count, noun, plural)}"


def tally(count: int, noun: str, plural: str | None = None) -> str:
    """A count in figures with its noun, as the room's screens print counts (read at a glance from the back):
    `tally(1, "agreed score")` → `"1 agreed score"`; `tally(2, "agreed score")` → `"2 agreed scores"`."""
    return f"{count} {_noun(count, noun, plural)}"


def _noun(count: int, noun: str, plural: str | None) -> str:
    return noun if count == 1 else plural or noun + "s"
