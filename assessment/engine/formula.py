"""Keeping people's words from running as formulas when an export is opened in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice.
Such text from a person is written with a leading apostrophe, which spreadsheets show as text;
reading PlaceReady's own CSV back removes it again, so the words round-trip unchanged.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str | None) -> str | None:
    if value and value.startswith(TRIGGERS):
        return "'" + value
    return value


def from_text(value: str) -> str:
    """Undo `as_text`: an apostrophe followed by a formula trigger is dropped."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value
