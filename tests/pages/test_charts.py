"""The app's charts: every statement labelled, a second chart under the first without its legend, and a row of
the heat map for each place."""

from __future__ import annotations

import pandas as pd
import pytest

from assessment.content.framework import builtin_framework
from assessment.labels import BESIDE_A_HEAT_MAP
from assessment.pages.charts import distribution_bars, heat_map, lens_bars


def test_a_distribution_labels_every_statement_and_can_leave_its_legend_to_the_chart_above():
    table = pd.DataFrame([[f"Statement {n}", n, 8 - n, 0] for n in range(4)],
                         columns=["Statement", "1 · Low", "2 · High", "Don't know"])
    with_legend = distribution_bars(table, row_height=44)
    without = distribution_bars(table, row_height=44, legend=False)
    assert with_legend.layout.yaxis.dtick == 1  # plotly would otherwise drop labels it finds crowded
    assert list(with_legend.data[0].y) == [f"Statement {n}" for n in range(4)]
    assert with_legend.layout.showlegend and not without.layout.showlegend
    assert with_legend.layout.height > without.layout.height  # the legend's room


def test_each_segment_carries_its_count_and_labels_are_cut_to_the_rows_of_a_chart_of_fixed_height():
    long = "Our partners organise services around neighbourhoods, even where that cuts across " * 3
    table = pd.DataFrame([[long, 0, 3, 1], ["Short", 2, 0, 0]], columns=["Statement", "1 · Low", "2 · High", "Don't know"])
    figure = distribution_bars(table, font_size=20, label_width=40, height=300)
    assert figure.layout.height == 300 and figure.layout.uniformtext.mode == "hide"  # too narrow: left out, not shrunk
    assert [list(trace.text) for trace in figure.data] == [["", "2"], ["3", ""], ["1", ""]]
    first, _ = figure.data[0].y
    lines = first.split("<br>")
    pitch = (300 - figure.layout.margin.t - figure.layout.margin.b) / 2
    assert len(lines) * 1.3 * 20 <= pitch and lines[-1].endswith("…")  # as many lines as its row holds
    assert [trace.textfont.color for trace in figure.data] == ["#0B0C0C", "#0B0C0C", "#FFFFFF"]


def test_the_heat_map_keeps_a_row_for_each_place_whose_shortened_names_are_alike():
    ham = builtin_framework("ham-2015")
    twins = {f"Riverbrook Health and Care Partnership ({side})": {ham.principles[0].id: score}
             for side, score in (("North", 2.0), ("South", 4.0))}
    figure = heat_map(ham, twins | {"<b>Eastmere</b>": {}})
    rows = figure.layout.yaxis.ticktext
    assert rows[0] == rows[1] and len(rows[0]) <= BESIDE_A_HEAT_MAP  # shortened alike, both on the axis ...
    assert list(figure.data[0].y) == [0, 1, 2]  # ... each its own row
    assert [row[0] for row in figure.data[0].z] == [2.0, 4.0, None]
    assert rows[2] == "&lt;b&gt;Eastmere&lt;/b&gt;"  # people's text shows as typed, on the axis and on hover
    assert figure.data[0].hovertext[2][0].startswith("&lt;b&gt;Eastmere&lt;/b&gt;<br>")
    assert figure.data[0].hovertext[1][0].startswith("Riverbrook Health and Care Partnership (South)<br>")  # whole
    assert len(figure.layout.xaxis.ticktext) == len(ham.principles)


def test_a_sectors_bar_starts_at_the_bottom_of_the_scale_so_its_length_is_its_height_on_it():
    figure = lens_bars([("NHS providers (12)", 2.6), ("Primary care (5)", 1.3)], 1, 5)
    bars = figure.data[0]
    assert bars.base == 1 and list(bars.x) == pytest.approx([1.6, 0.3])
    assert figure.layout.xaxis.range[0] == 1  # no stretch of bar below the scale's first point
    assert list(bars.text) == ["2.6", "1.3"]  # the label is the mean, not the bar's length
