"""The app's interactive charts (plotly), in the colours of `assessment.palette`. Each comes with a table
saying the same thing."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from assessment.content.framework import Framework
from assessment.engine.profiles import Series
from assessment.labels import BESIDE_A_HEAT_MAP, shortened
from assessment.numbers import number
from assessment.palette import (
    DASHES,
    DONT_KNOW_COLOUR,
    FONT_FAMILY,
    SCALE_COLOURS,
    SERIES_COLOURS,
    TEXT,
    text_on,
)


def plotly_text(text: str) -> str:
    """Plotly reads <b>, <a href>, <br> and entities in labels; anyone's text must show as typed."""
    return html.escape(text, quote=False)


def radar_values(framework: Framework, one: Series) -> dict[str, object]:
    """What one series puts on a radar trace, also for changing a drawn figure's series in place."""
    values = [one.scores.get(p.id) for p in framework.principles]
    return {"r": values + values[:1], "name": plotly_text(one.name),
            "hovertemplate": "%{theta}: %{r:.1f}<extra>" + plotly_text(one.name) + "</extra>"}


def radar(framework: Framework, series: Sequence[Series], *, title: str | None = None, font_size: int = 13,
          label_width: int = 28) -> go.Figure:
    """The profile radar, principles in the framework's order, on the framework's scale (bigger type for the
    projector with `font_size`)."""
    names = [_short(p.name, label_width) for p in framework.principles]
    figure = go.Figure()
    for index, one in enumerate(series):
        figure.add_trace(
            go.Scatterpolar(
                theta=names + names[:1],
                mode="lines+markers",
                connectgaps=False,
                line={"color": SERIES_COLOURS[index % len(SERIES_COLOURS)], "dash": DASHES[index % len(DASHES)],
                      "width": 2.5 * font_size / 13},
                marker={"size": 7 * font_size / 13},
                **radar_values(framework, one),
            )
        )
    scale = framework.scale
    figure.update_layout(
        title=None if title is None else plotly_text(title),
        polar={
            "radialaxis": {
                "range": [scale.min, scale.max],
                "tickvals": list(scale.points),
                "ticktext": [str(point) for point in scale.points],
                "gridcolor": "#B0B8BF",
            },
            "angularaxis": {"direction": "clockwise", "rotation": 90, "gridcolor": "#D8DDE0"},
        },
        legend={"orientation": "h", "y": -0.15},
        margin={"l": 60, "r": 60, "t": 80 if title else 60, "b": 40},
        font={"family": FONT_FAMILY, "size": font_size, "color": TEXT},
        paper_bgcolor="white",
    )
    return figure


def _short(name: str, limit: int = 28) -> str:
    """Radar labels must fit on a phone: break long names over lines at word boundaries."""
    words, lines, line = plotly_text(name).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def heat_map(framework: Framework, profiles: Mapping[str, Mapping[str, float | None]]) -> go.Figure:
    """Places (rows, in the order given) × principles, darker as the scale rises, each cell with its number.

    Rows and columns are positions named by tick labels, not categories named by the labels: long names are
    shortened to leave the cells room, and two names that shorten alike would be one category, one row.
    """
    names, rows = [p.name for p in framework.principles], list(profiles)
    matrix = [[profiles[place].get(p.id) for p in framework.principles] for place in rows]
    # A plain dict, checked once by the figure (a go.Heatmap is checked, then copied and checked again).
    figure = go.Figure({
        "type": "heatmap", "z": matrix, "x": list(range(len(names))), "y": list(range(len(rows))),
        "zmin": framework.scale.min, "zmax": framework.scale.max,
        "colorscale": list(zip([0, .25, .5, .75, 1], SCALE_COLOURS, strict=True)),
        "text": [[number(v) for v in row] for row in matrix], "texttemplate": "%{text}",
        "hovertext": [[f"{plotly_text(place)}<br>{plotly_text(name)}" for name in names] for place in rows],
        "hovertemplate": "%{hovertext}: %{z:.1f}<extra></extra>",
        "colorbar": {"title": {"text": "Score"}, "thickness": 14}})
    figure.update_layout(
        # Principles' names slant up to their columns, each ending at its own (at any width, none is dropped
        # for running past the chart's right edge); they take about 180 px under the rows.
        height=200 + 30 * len(rows), margin={"l": 10, "r": 10, "t": 10, "b": 10}, paper_bgcolor="white",
        xaxis={"tickmode": "array", "tickvals": list(range(len(names))), "ticktext": _tick_labels(names),
               "tickangle": -45, "tickfont": {"color": TEXT}},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": list(range(len(rows))),
               "ticktext": _tick_labels(rows), "tickfont": {"color": TEXT}},
        font={"family": FONT_FAMILY, "color": TEXT})
    return figure


def _tick_labels(names: Sequence[str]) -> list[str]:
    return [plotly_text(shortened(name, BESIDE_A_HEAT_MAP)) for name in names]


LINE_SPACING = 1.3  # plotly sets a label's lines this many font sizes apart
ROW_GAP = 0.7  # font sizes between two rows' labels


def _wrapped(text: str, limit: int, lines: int) -> str:
    """A label broken into lines of about `limit` characters at word boundaries, at most `lines` of them (the
    last ending in "…" when it was cut short)."""
    kept = _short(text, limit).split("<br>")
    if len(kept) > lines:
        kept = kept[:lines]
        kept[-1] = kept[-1][: max(1, limit - 1)].rstrip() + "…"
    return "<br>".join(kept)


def _rows(labels: Sequence[str], *, font_size: int, label_width: int, height: int | None, row_height: int,
          fixed: int) -> tuple[list[str], int]:
    """Row labels wrapped to fit, and the chart's height: `height` shared between the rows (each label cut to
    the lines its row has room for), or each row `row_height` tall (labels whole)."""
    if height is None:
        return [_short(plotly_text(label), label_width) for label in labels], fixed + row_height * len(labels)
    pitch = (height - fixed) / max(1, len(labels))
    lines = max(1, int((pitch - ROW_GAP * font_size) // (LINE_SPACING * font_size)))
    return [_wrapped(plotly_text(label), label_width, lines) for label in labels], height


def distribution_bars(table: pd.DataFrame, *, font_size: int = 13, row_height: int = 46, label_width: int = 60,
                      legend: bool = True, height: int | None = None, people: int | None = None) -> go.Figure:
    """Stacked bars of how many gave each answer per statement (the table from room.answer_distribution), each
    segment labelled with its count where the count fits inside it at the chart's type size (the levels are told
    apart by more than their shade). `height`: the whole chart's, statements' labels cut to fit; otherwise each
    statement's row is `row_height` tall. `legend=False` for a chart drawn under another with the same answers;
    `people`: the length of the people axis, to draw two charts on one scale."""
    answer_columns = list(table.columns[1:])
    top, bottom = (round(2.4 * font_size) if legend else 10), round(3.2 * font_size)
    statements, total = _rows(list(table["Statement"]), font_size=font_size, label_width=label_width,
                              height=height, row_height=row_height, fixed=top + bottom)
    figure = go.Figure()
    for index, column in enumerate(answer_columns):
        colour = DONT_KNOW_COLOUR if index == len(answer_columns) - 1 else SCALE_COLOURS[index % len(SCALE_COLOURS)]
        figure.add_trace(go.Bar(
            y=statements, x=table[column], name=plotly_text(column), orientation="h",
            marker={"color": colour, "line": {"color": "white", "width": 1}},
            text=[str(count) if count else "" for count in table[column]], textposition="inside", textangle=0,
            insidetextanchor="middle", textfont={"color": text_on(colour), "size": font_size},
            hovertemplate="%{x} people: " + plotly_text(column) + "<extra></extra>",
        ))
    figure.update_layout(
        barmode="stack", showlegend=legend, height=total,
        # A count that would need smaller type than the chart's to fit its segment is left out, not shrunk.
        uniformtext={"minsize": font_size, "mode": "hide"},
        # dtick 1: every statement labelled (plotly otherwise drops labels it thinks too close together)
        yaxis={"autorange": "reversed", "tickfont": {"color": TEXT}, "dtick": 1, "automargin": True},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": top, "b": bottom},
        font={"family": FONT_FAMILY, "size": font_size, "color": TEXT}, paper_bgcolor="white", plot_bgcolor="white",
        xaxis={"title": {"text": "People", "font": {"color": TEXT}}, "gridcolor": "#D8DDE0",
               "tickfont": {"color": TEXT}, "automargin": True, "range": None if people is None else [0, people]},
    )
    return figure


def lens_bars(lens: Sequence[tuple[str, float]], low: int, high: int, *, font_size: int = 13,
              label_width: int = 40, height: int | None = None) -> go.Figure:
    """Each sector's (or group's) mean on one principle, as labelled horizontal bars on the scale."""
    bottom = round(2.2 * font_size)
    names, total = _rows([name for name, _ in lens], font_size=font_size, label_width=label_width, height=height,
                         row_height=round(3.2 * font_size), fixed=10 + bottom)
    # Each bar starts at the scale's lowest point, so its length is its distance above the bottom of the scale.
    figure = go.Figure(go.Bar(
        y=names, x=[value - low for _, value in lens], base=low, orientation="h",
        marker={"color": SERIES_COLOURS[0]}, text=[number(value) for _, value in lens], textposition="outside",
        customdata=[value for _, value in lens], hovertemplate="%{y}: %{customdata:.1f}<extra></extra>"))
    figure.update_layout(
        height=total, margin={"l": 10, "r": 10, "t": 10, "b": bottom},
        yaxis={"autorange": "reversed", "tickfont": {"color": TEXT}, "dtick": 1, "automargin": True},
        xaxis={"range": [low, high + 0.7], "tickvals": list(range(low, high + 1)), "gridcolor": "#D8DDE0",
               "tickfont": {"color": TEXT}},
        font={"family": FONT_FAMILY, "size": font_size, "color": TEXT}, paper_bgcolor="white", plot_bgcolor="white")
    return figure
