"""Showing people's own words (names, comments, notes, uploaded frameworks) inside Markdown as plain text.

Streamlit still turns a bare web address into a link to that same address; nothing else becomes markup.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: str | None) -> str:
    """Escape every Markdown and HTML control character so the text shows exactly as typed."""
    return "" if text is None else _SPECIAL.sub(r"\\\1", text)
