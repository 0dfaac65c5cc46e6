"""Charts for documents, drawn with matplotlib (no browser needed), in the app's colours and dashes."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from assessment.engine.profiles import Series  # noqa: E402
from assessment.palette import DASHES, SERIES_COLOURS  # noqa: E402

MATPLOTLIB_DASHES = {"solid": "-", "dash": "--", "dot": ":", "dashdot": "-.", "longdash": (0, (8, 3)),
                     "longdashdot": (0, (8, 3, 2, 3))}
plt.rcParams["svg.fonttype"] = "none"  # keep text as text in SVG: searchable and sharp
plt.rcParams["text.parse_math"] = False  # a "$" in anyone's text is a dollar sign, not mathematics
plt.rcParams["font.family"] = ["DejaVu Sans"]
plt.rcParams["svg.hashsalt"] = "placeready"  # the same chart gives the same SVG


def radar_figure(names: dict[str, str], series: Sequence[Series], scale: dict[int, str]):  # type: ignore[no-untyped-def]
    ids = list(names)
    angles = [2 * math.pi * i / len(ids) for i in range(len(ids))]
    figure, axes = plt.subplots(figsize=(8, 7), subplot_kw={"projection": "polar"})
    axes.set_theta_offset(math.pi / 2)  # first principle at the top, then clockwise, as in the app
    axes.set_theta_direction(-1)
    low, high = min(scale), max(scale)
    for index, one in enumerate(series):
        values = [one.scores.get(i) for i in ids]
        points = [(a, v) for a, v in zip(angles + angles[:1], values + values[:1], strict=True)]
        xs = [a for a, v in points]
        ys = [math.nan if v is None else v for a, v in points]
        axes.plot(xs, ys, linestyle=MATPLOTLIB_DASHES[DASHES[index % len(DASHES)]], marker="o", markersize=4,
                  linewidth=2, color=SERIES_COLOURS[index % len(SERIES_COLOURS)], label=one.name)
    axes.set_ylim(low, high)
    axes.set_yticks(list(scale))
    axes.set_xticks(angles)
    axes.set_xticklabels([textwrap.fill(names[i], 24) for i in ids], fontsize=8, color="#0B0C0C")
    axes.tick_params(axis="x", pad=14)
    axes.tick_params(axis="y", labelsize=8, colors="#505A5F")
    axes.grid(color="#B0B8BF", linewidth=0.6)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(3, len(series)), frameon=False, fontsize=8)
    figure.tight_layout()
    return figure


def radar_svg(names: dict[str, str], series: Sequence[Series], scale: dict[int, str]) -> str:
    figure = radar_figure(names, series, scale)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def radar_png(names: dict[str, str], series: Sequence[Series], scale: dict[int, str], dpi: int = 200) -> bytes:
    figure = radar_figure(names, series, scale)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    plt.close(figure)
    return buffer.getvalue()


def radar_alt(series: Sequence[Series], what: str) -> str:
    """Alt text: what the chart shows and where the numbers are, since a radar cannot be read aloud."""
    names = ", ".join(s.name for s in series)
    return f"Radar chart of {what}: {names}. The table after the chart gives the same numbers."
