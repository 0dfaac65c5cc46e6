"""The colours and line styles of every chart — in the app, the reports and the board pack.

Series colours are the Okabe–Ito palette (Okabe & Ito, 2008), chosen to stay distinct for the
common kinds of colour blindness; each has at least 3:1 contrast on white except yellow, which is
left out. Lines also differ in dash, so no series relies on colour alone.
"""

from __future__ import annotations

SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")

# Light to dark blue for scale points 1..5, in even steps of lightness (CIE L* 86, 71, 53, 38, 20), so that the
# order reads without hue and neighbouring levels stay apart under each kind of colour blindness (at least 16
# ΔE apart as Machado et al., 2009, simulate them; tests/test_palette.py); grey for "don't know". Charts also
# print each segment's count inside it, so no level rests on its colour alone.
SCALE_COLOURS = ("#C6DBEF", "#7DB3DB", "#3A84C2", "#1A5A9E", "#0B2E66")
DONT_KNOW_COLOUR = "#737373"

TEXT = "#0B0C0C"  # GOV.UK text colour
SECONDARY_TEXT = "#505A5F"
GRID = "#B0B8BF"
FONT_FAMILY = "Arial, Helvetica, sans-serif"


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours ("#RRGGBB")."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(colour: str) -> str:
    """White or the text colour, whichever reads better on this fill."""
    return "#FFFFFF" if contrast(colour, "#FFFFFF") >= contrast(colour, TEXT) else TEXT
