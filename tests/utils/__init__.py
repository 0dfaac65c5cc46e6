"""Helpers shared by the tests."""

import re


def as_shown(markdown: str) -> str:
    """Markdown as a reader sees it: the escapes `pages.text.plain` adds are gone."""
    return re.sub(r"\\(.)", r"\1", markdown)
