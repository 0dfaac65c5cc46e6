"""The projector's charts: every statement labelled, and a second chart under the first without its legend."""

from __future__ import annotations

import pandas as pd

from assessment.pages.charts import distribution_bars


def test_a_distribution_labels_every_statement_and_can_leave_its_legend_to_the_chart_above():
    table = pd.DataFrame([[f"Statement {n}", n, 8 - n, 0] for n in range(4)],
                         columns=["Statement", "1 · Low", "2 · High", "Don't know"])
    with_legend = distribution_bars(table, row_height=44)
    without = distribution_bars(table, row_height=44, legend=False)
    assert with_legend.layout.yaxis.dtick == 1  # plotly would otherwise drop labels it finds crowded
    assert list(with_legend.data[0].y) == [f"Statement {n}" for n in range(4)]
    assert with_legend.layout.showlegend and not without.layout.showlegend
    assert with_legend.layout.height - without.layout.height == 90
