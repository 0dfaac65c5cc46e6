"""How a long name is shortened to fit beside a chart, on screen, in the documents and on the slides; the
whole name is always near (on hover, in the key or in the table that goes with the chart)."""

from __future__ import annotations

import textwrap

CUT = "…"
BESIDE_A_HEAT_MAP = 28  # characters of a place's or principle's name, on screen and in the documents


def shortened(name: str, width: int) -> str:
    """At most `width` characters, ending in "…" when cut: after a whole word where that keeps more than half,
    otherwise mid-word (`textwrap.shorten` alone leaves only "…" of a first word longer than `width`)."""
    if len(name) <= width:
        return name
    at_a_word = textwrap.shorten(name, width, placeholder=CUT)
    return at_a_word if len(at_a_word) > width // 2 else name[:width - len(CUT)] + CUT
