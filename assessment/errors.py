"""Errors about bad input, worded for the person who has to fix the file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """`("principles", 3, "statements", 0, "id")` -> `principles[3].statements[0].id`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is."""

    message: str
    location: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (f"line {self.line}" if self.line else "", self.location) if part
        )
        return f"{where}: {self.message}" if where else self.message


class InputError(Exception):
    """An input (a file, an upload, an argument) that PlaceReady refuses, with every reason."""

    def __init__(self, source: str, problems: Sequence[Problem]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: " + ("1 problem" if count == 1 else f"{count} problems")
        return "\n".join([head + ", nothing was used:"] + [f"  {p}" for p in self.problems])


class ContentProblems(ValueError):
    """Raised inside model validators for problems that need a precise location.

    pydantic keeps the exception in the error's context, so loaders can point at the
    exact key and line rather than at the whole document.
    """

    def __init__(self, problems: Sequence[tuple[Path, str]]):
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{format_path(p)}: {m}" for p, m in self.problems))


class Unavailable(Exception):
    """The database could not be reached or did not answer in time; nothing was changed. Try again shortly."""

    def __str__(self) -> str:
        return "PlaceReady could not reach its database just now, so nothing was saved. Please try again in a moment."
