"""People's own words on a page, and the one way pages show what is wrong with an input.

Names, comments, notes, uploaded frameworks and file names are anyone's text: inside Markdown they
are escaped so they show exactly as typed. Streamlit still turns a bare web address into a link to
that same address; nothing else becomes markup.
"""

from __future__ import annotations

import re

import streamlit as st

from assessment.errors import InputError

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")
MAX_PROBLEMS_SHOWN = 50


def plain(text: str | None) -> str:
    """Escape every Markdown and HTML control character so the text shows exactly as typed."""
    return "" if text is None else _SPECIAL.sub(r"\\\1", text)


def show_problems(what: str, error: InputError) -> None:
    """An error box saying what did not happen, then each problem with its line and field, all escaped (a file
    name in `what` or a value quoted in a problem is anyone's text)."""
    problems = error.problems[:MAX_PROBLEMS_SHOWN]
    more = len(error.problems) - len(problems)
    lines = [f"- {plain(str(problem))}" for problem in problems]
    if more:
        lines.append(f"- … and {more} more")
    st.error(plain(what) + "\n\n" + "\n".join(lines))
