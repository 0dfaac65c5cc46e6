"""The colours and line styles of every chart — in the app, the reports and the board pack.

Series colours are the Okabe–Ito palette (Okabe & Ito, 2008), chosen to stay distinct for the
common kinds of colour blindness; each has at least 3:1 contrast on white except yellow, which is
left out. Lines also differ in dash, so no series relies on colour alone.
"""

from __future__ import annotations

SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")

# Light to dark blue for scale points 1..5 (order readable without hue), grey for "don't know".
SCALE_COLOURS = ("#C6DBEF", "#6BAED6", "#2171B5", "#08519C", "#08306B")
DONT_KNOW_COLOUR = "#737373"

TEXT = "#0B0C0C"  # GOV.UK text colour
SECONDARY_TEXT = "#505A5F"
GRID = "#B0B8BF"
FONT_FAMILY = "Arial, Helvetica, sans-serif"
