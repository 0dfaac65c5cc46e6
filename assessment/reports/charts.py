"""Charts for documents, drawn with matplotlib (no browser needed), in the app's colours and dashes."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.ticker import MaxNLocator

from assessment.engine.profiles import Series
from assessment.labels import BESIDE_A_HEAT_MAP, shortened
from assessment.numbers import number
from assessment.palette import DASHES, GRID, SCALE_COLOURS, SECONDARY_TEXT, SERIES_COLOURS, TEXT

MATPLOTLIB_DASHES = {"solid": "-", "dash": "--", "dot": ":", "dashdot": "-.", "longdash": (0, (8, 3)),
                     "longdashdot": (0, (8, 3, 2, 3))}
plt.rcParams["svg.fonttype"] = "none"  # keep text as text in SVG: searchable and sharp
plt.rcParams["text.parse_math"] = False  # a "$" in anyone's text is a dollar sign, not mathematics
plt.rcParams["font.family"] = ["DejaVu Sans"]
plt.rcParams["svg.hashsalt"] = "placeready"  # the same chart gives the same SVG


def radar_figure(names: dict[str, str], series: Sequence[Series], scale: dict[int, str]):  # type: ignore[no-untyped-def]
    ids = list(names)
    angles = [2 * math.pi * i / len(ids) for i in range(len(ids))]
    figure, axes = plt.subplots(figsize=(6.4, 5.6), subplot_kw={"projection": "polar"})
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
    axes.set_xticklabels([textwrap.fill(names[i], 22) for i in ids], fontsize=8.5, color=TEXT)
    for label, angle in zip(axes.get_xticklabels(), angles, strict=True):
        # labels on the sides grow away from the circle, so long names never run across it
        across = math.sin(angle)  # clockwise from the top: right of centre is positive
        label.set_horizontalalignment("left" if across > 0.1 else "right" if across < -0.1 else "center")
    axes.tick_params(axis="x", pad=10)
    axes.tick_params(axis="y", labelsize=8, colors=SECONDARY_TEXT)
    axes.grid(color=GRID, linewidth=0.6)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(3, len(series)), frameon=False, fontsize=8.5)
    figure.tight_layout()
    return figure


def _svg(figure) -> str:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    # Cropped to what is drawn, so no label is cut off; WeasyPrint sets the SVG's text a little wider than matplotlib
    # measured it, which cut the first letter of a long label at the default pad (0.1 inch).
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.2)
    plt.close(figure)
    return buffer.getvalue()


def _png(figure, dpi: int = 200) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def radar_svg(names: dict[str, str], series: Sequence[Series], scale: dict[int, str]) -> str:
    return _svg(radar_figure(names, series, scale))


def radar_png(names: dict[str, str], series: Sequence[Series], scale: dict[int, str]) -> bytes:
    return _png(radar_figure(names, series, scale))


def people_figure(people_at: Sequence[int], scale: dict[int, str]):  # type: ignore[no-untyped-def]
    """How many people's scores sit nearest each point of the scale, as columns shaded light to dark as the scale
    rises, each with its count: what a room in two camps looks like."""
    labels = [textwrap.fill(f"{point} {label}", 12) for point, label in scale.items()]
    figure, axes = plt.subplots(figsize=(5.2, 2.3))
    shades = [SCALE_COLOURS[round(i * (len(SCALE_COLOURS) - 1) / max(1, len(labels) - 1))] for i in range(len(labels))]
    bars = axes.bar(range(len(labels)), people_at, color=shades, edgecolor=TEXT, linewidth=0.6)
    for bar, count in zip(bars, people_at, strict=True):
        axes.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), str(count), ha="center", va="bottom",
                  fontsize=9, color=TEXT)
    axes.set_xticks(range(len(labels)))
    axes.set_xticklabels(labels, fontsize=8, color=TEXT)
    axes.set_ylabel("People", fontsize=8.5, color=SECONDARY_TEXT)
    axes.set_ylim(0, max(people_at or [0]) * 1.25 + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # people come whole
    axes.tick_params(axis="y", labelsize=8, colors=SECONDARY_TEXT)
    for edge in ("top", "right"):
        axes.spines[edge].set_visible(False)
    figure.tight_layout()
    return figure


def people_svg(people_at: Sequence[int], scale: dict[int, str]) -> str:
    return _svg(people_figure(people_at, scale))


def people_png(people_at: Sequence[int], scale: dict[int, str]) -> bytes:
    return _png(people_figure(people_at, scale))


def people_alt(name: str, people_at: Sequence[int], scale: dict[int, str]) -> str:
    counts = ", ".join(f"{count} at {label}" for count, label in zip(people_at, scale.values(), strict=True))
    return f"Column chart of where people put “{name}”: {counts}. The table beside it gives the same numbers."


def heatmap_figure(names: dict[str, str], places: Mapping[str, Mapping[str, float | None]],  # type: ignore[no-untyped-def]
                   scale: dict[int, str]):
    """Places × principles (numbered), light to dark blue as the scale rises, each cell with its number."""
    ids = list(names)
    matrix = [[math.nan if places[place].get(i) is None else places[place][i] for i in ids] for place in places]
    figure, axes = plt.subplots(figsize=(6.4, 1.2 + 0.4 * len(places)))
    colours = LinearSegmentedColormap.from_list("scale", SCALE_COLOURS).with_extremes(bad="#FFFFFF")
    axes.imshow(matrix, cmap=colours, vmin=min(scale), vmax=max(scale), aspect="auto")
    low, high = min(scale), max(scale)
    for row, values in enumerate(matrix):
        for column, value in enumerate(values):
            shown = None if math.isnan(value) else value
            red, green, blue, _ = colours((value - low) / (high - low)) if shown is not None else (1, 1, 1, 1)
            dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.45  # white text where black would not read
            axes.text(column, row, number(shown), ha="center", va="center", fontsize=9,
                      color="#FFFFFF" if dark else TEXT)
    # Principles by number, as in the key beside the chart: ten long names do not fit across a page.
    axes.set_xticks(range(len(ids)))
    axes.set_xticklabels([str(n) for n in range(1, len(ids) + 1)], fontsize=9, color=TEXT)
    axes.set_xlabel("Principle", fontsize=9, color=SECONDARY_TEXT)
    axes.xaxis.set_label_position("top")
    axes.xaxis.tick_top()
    axes.set_yticks(range(len(places)))
    axes.set_yticklabels([shortened(place, BESIDE_A_HEAT_MAP) for place in places], fontsize=9, color=TEXT)
    axes.tick_params(length=0)
    for edge in axes.spines.values():
        edge.set_color(GRID)
    figure.tight_layout()
    return figure


def heatmap_svg(names: dict[str, str], places: Mapping[str, Mapping[str, float | None]], scale: dict[int, str]) -> str:
    return _svg(heatmap_figure(names, places, scale))


def heatmap_png(names: dict[str, str], places: Mapping[str, Mapping[str, float | None]],
                scale: dict[int, str]) -> bytes:
    return _png(heatmap_figure(names, places, scale))


def heatmap_alt(places: Mapping[str, Mapping[str, float | None]]) -> str:
    return (f"Heat map of {len(places)} places by principle (numbered as in the key), darker for higher scores. The "
            "table after the chart gives the same numbers.")


def radar_alt(series: Sequence[Series], what: str) -> str:
    """Alt text: what the chart shows and where the numbers are, since a radar cannot be read aloud."""
    names = ", ".join(s.name for s in series)
    return f"Radar chart of {what}: {names}. The table after the chart gives the same numbers."
