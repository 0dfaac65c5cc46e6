"""Building blocks of the board pack: 16:9 slides with a real title, text at projector sizes, tables, and native
PowerPoint charts (editable, with their data inside) carrying alt text.

python-pptx writes text literally, so people's words never become fields or markup. Alt text has no API in
python-pptx; it is the `descr` of the shape's non-visual properties, set in one place here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from assessment.palette import SECONDARY_TEXT, SERIES_COLOURS, TEXT
from assessment.reports import office

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
BODY_TOP = Inches(1.55)
BODY_HEIGHT = HEIGHT - BODY_TOP - Inches(0.75)
TITLE_ONLY, TITLE_SLIDE = 5, 0
BODY_PT, SMALL_PT, TABLE_PT = 20, 14, 16  # read from the back of a room: nothing under 14 points


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def new_deck(*, title: str, author: str):  # type: ignore[no-untyped-def]
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    office.set_properties(deck.core_properties, title=title, author=author)
    return deck


def slide(deck, title: str, *, accent: str, footer: str):  # type: ignore[no-untyped-def]
    """A slide with its title in the title placeholder (what screen readers and the outline read), an accent rule
    under it, and a footer naming the report."""
    page = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    heading = page.shapes.title
    # room for a long principle's name on two lines, sitting on the rule below it
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(0.2), WIDTH - 2 * MARGIN, Inches(1.1)
    heading.text = title
    frame = heading.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.color.rgb = Pt(28), True, rgb(accent)
    rule = page.shapes.add_shape(1, MARGIN, Inches(1.35), WIDTH - 2 * MARGIN, Emu(38100))
    rule.fill.solid()
    rule.fill.fore_color.rgb = rgb(accent)
    rule.line.fill.background()
    text(page, [footer], left=MARGIN, top=HEIGHT - Inches(0.55), width=WIDTH - 2 * MARGIN, height=Inches(0.4),
         size=11, colour=SECONDARY_TEXT)
    return page


def text(page, paragraphs: Sequence[str], *, left, top, width, height, size: float = BODY_PT,  # type: ignore[no-untyped-def]
         bullets: bool = False, bold_first: bool = False, colour: str = TEXT) -> None:
    """A text box; with `bullets`, each paragraph starts with a bullet; `bold_first` makes the first a heading."""
    box = page.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, words in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = f"• {words}" if bullets and not (bold_first and index == 0) else words
        run.font.size, run.font.color.rgb = Pt(size), rgb(colour)
        run.font.bold = bold_first and index == 0
        paragraph.space_after = Pt(size * 0.45)


def table(page, header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float],  # type: ignore[no-untyped-def]
          accent: str, top=BODY_TOP, size: float = TABLE_PT) -> None:
    """A native table; `widths` in inches. Its first row is marked as the header row."""
    shape = page.shapes.add_table(len(rows) + 1, len(header), MARGIN, top, Inches(sum(widths)),
                                  Inches(0.4) * (len(rows) + 1))
    grid = shape.table
    grid.first_row = True
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Inches(width)
    for r, values in enumerate([list(header), *map(list, rows)]):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
                    run.font.bold = r == 0
                    run.font.color.rgb = rgb("#FFFFFF") if r == 0 else rgb(TEXT)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(accent) if r == 0 else rgb("#FFFFFF" if r % 2 else "#F0F4F5")


def described(shape, alt: str) -> None:  # type: ignore[no-untyped-def]
    """Alt text on a chart or picture: what it shows, for a screen reader and for PowerPoint's accessibility check."""
    properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
    properties.set("descr", alt)
    properties.set("title", alt.split(":")[0])


def chart(page, kind, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *,  # type: ignore[no-untyped-def]
          alt: str, left, top, width, height, scale: tuple[float | None, float | None] = (None, None),
          colours: Sequence[str] = SERIES_COLOURS, legend: bool = True, title: str | None = None,
          number_format: str = "0.0"):
    """A native chart (its data stays editable in PowerPoint and LibreOffice) with alt text; `scale` fixes either
    end of the value axis, so a radar runs from the bottom of the scale to the top whatever the numbers, and a bar
    starts at 0. No title unless given: the slide's title says what the chart is."""
    data = CategoryChartData()
    data.categories = list(categories)
    for name, values in series:
        data.add_series(name, list(values), number_format=number_format)
    frame = page.shapes.add_chart(kind, left, top, width, height, data)
    described(frame, alt)
    drawn = frame.chart
    drawn.font.size = Pt(SMALL_PT)
    drawn.has_legend = legend and len(series) > 1
    if drawn.has_legend:
        drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
        drawn.legend.include_in_layout = False
    drawn.has_title = title is not None
    if title is not None:
        drawn.chart_title.text_frame.text = title
        drawn.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(SMALL_PT)
    low, high = scale
    if low is not None:
        drawn.value_axis.minimum_scale = low
    if high is not None:
        drawn.value_axis.maximum_scale = high
        drawn.value_axis.major_unit = 1
    bars = kind in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.COLUMN_CLUSTERED)
    if kind == XL_CHART_TYPE.BAR_CLUSTERED:
        drawn.category_axis.reverse_order = True  # the first principle at the top, as in the report's tables
    for index, one in enumerate(drawn.plots[0].series):
        colour = rgb(colours[index % len(colours)])
        if bars:
            one.format.fill.solid()
            one.format.fill.fore_color.rgb = colour
            continue
        one.format.line.color.rgb = colour
        one.format.line.width = Pt(2.5)
        one.marker.format.fill.solid()
        one.marker.format.fill.fore_color.rgb = colour
        one.marker.format.line.color.rgb = colour
    return drawn


def picture(page, image: bytes, *, alt: str, left, top, height) -> None:  # type: ignore[no-untyped-def]
    described(page.shapes.add_picture(io.BytesIO(image), left, top, height=height), alt)


def saved(deck) -> bytes:  # type: ignore[no-untyped-def]
    parts = list(deck.part.package.iter_parts())
    office.british(parts)
    for part in parts:  # the template's extended properties name a Mac PowerPoint and a 4:3 show
        if part.partname == "/docProps/app.xml":
            part._blob = (part.blob.replace(b"Microsoft Macintosh PowerPoint", b"PlaceReady")
                          .replace(b"On-screen Show (4:3)", b"Widescreen"))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
