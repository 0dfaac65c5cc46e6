"""The room of 24 in every file: the two camps shown as a distribution (chart and table) and never given a level,
sector figures under three people left blank as "fewer than 3" with what was left out named, sources as links,
and a method page true to where the answers came from."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from assessment.engine.method import Origin
from assessment.reports.html import render_html
from assessment.reports.render import render
from tests.utils.pdf import read_pdf
from tests.utils.rooms import room_of_24, room_of_24_report

FUNDING = "Agree the funding model and how money flows"


@pytest.fixture(scope="module")
def report():
    return room_of_24_report()


@pytest.fixture(scope="module")
def html(report):
    return render_html(report).replace("&#39;", "'")


@pytest.fixture(scope="module")
def word(report):
    document = Document(io.BytesIO(render(report, "docx")))
    return document, "\n".join(p.text for p in document.paragraphs)


def test_the_two_camps_are_a_chart_and_a_table_with_no_level_in_html(html):
    section = html.split(f'id="funding">{FUNDING}</h3>')[1].split("</section>")[0]
    assert "No single level: the room is in two camps." in section and "Level now" not in section
    assert 'aria-label="Column chart of where people put “Agree the funding model' in section
    counts = re.findall(r"<td>(\d) ([A-Za-z ]+)</td><td class=\"n\">(\d+)</td>", section)
    assert [(point, people) for point, _, people in counts] == [("1", "12"), ("2", "0"), ("3", "0"), ("4", "6"),
                                                                ("5", "6")]
    assert "What “" not in section  # no rubric for a level it does not have
    statistics = html.split('id="agreement">')[1].split("</table>")[0]
    row = statistics.split(f"{FUNDING}</th>")[1].split("</tr>")[0]
    assert "<td class=\"w\">—</td>" in row and "two camps" in row  # no level; the verdict says why


def test_the_pdf_says_so_in_words_and_gives_no_level(report):
    text = read_pdf(render(report, "pdf")).text.replace("\n", " ")
    assert ("The room is in two camps on “Agree the funding model and how money flows”: 12 people at Not yet in "
            "place, 12 at Maturing or Thriving.") in text
    assert "How the room's answers fall" in text and "Developing at 2.8" not in text


def test_word_shows_the_distribution_and_blank_sector_cells(word):
    document, text = word
    assert "No single level: the room is in two camps." in text and "How the room's answers fall" in text
    pictures = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert any(alt.startswith("Column chart of where people put “Agree the funding model") for alt in pictures)
    people = next(t for t in document.tables if t.rows[0].cells[0].text == "Scored nearest")
    assert [row.cells[1].text for row in people.rows[1:]] == ["12", "0", "0", "6", "6"]
    sectors = next(t for t in document.tables if t.rows[0].cells[0].text == "Principle"
                   and t.rows[0].cells[1].text.startswith("Local government"))
    measures = next(row for row in sectors.rows if row.cells[0].text == "Use a single set of measures")
    assert measures.cells[1].text == "fewer than 3"
    assert "Not shown, being under 3 people: Housing association (2)." in text


def test_the_board_pack_shows_the_camps_and_what_the_sectors_left_out(report):
    deck = Presentation(io.BytesIO(render(report, "pptx")))
    split = next(s for s in deck.slides if s.shapes.title.text == "Where the room was split")
    chart = next(shape.chart for shape in split.shapes if shape.has_chart)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].series[0].values) == [12, 0, 0, 6, 6]
    words = " ".join(shape.text_frame.text for shape in split.shapes if shape.has_text_frame)
    assert "the room is in two camps, 12 people at Not yet in place" in words
    sectors = next(s for s in deck.slides if s.shapes.title.text == "Where sectors see things differently")
    words = " ".join(shape.text_frame.text for shape in sectors.shapes if shape.has_text_frame)
    assert "Housing association (2)" in words and "0.1 points above" not in words
    assert any(s.shapes.title.text == "The policy frame in 2026" for s in deck.slides)


def test_excel_gives_the_camps_no_level_and_blank_sector_cells_their_reason(report):
    workbook = load_workbook(io.BytesIO(render(report, "xlsx", responses=room_of_24())))
    principles = list(workbook["Principles"].iter_rows(values_only=True))
    header, funding = principles[0], next(r for r in principles if r[1] == "funding")
    row = dict(zip(header, funding, strict=True))
    assert row["level"] is None and row["room"] == "two camps" and (row["low_camp"], row["high_camp"]) == (12, 12)
    sectors = list(workbook["By sector"].iter_rows(values_only=True))
    column = sectors[0].index(next(h for h in sectors[0] if str(h).startswith("Local government")))
    assert next(r for r in sectors if r[0] == "measures")[column] == "fewer than 3"
    assert "Housing association (2)" in workbook["About sectors"]["A2"].value


def test_sources_are_listed_once_each_as_links(report, html):
    links = [c.url for c in report.sources]
    assert len(links) == len(set(links)) and all(links)
    assert len({c.text for c in report.sources}) == len(report.sources)
    listed = html.split('id="sources">')[1]
    for citation in report.sources[:5]:
        assert f'<a href="{citation.url}">' in listed


def test_the_policy_context_names_the_act_the_better_care_fund_and_the_three_shifts(html):
    policy = html.split('id="policy">Policy context</h2>')[1].split('<h2 class="part"')[0]
    for phrase in ("Health and Care Act 2022", "section 75", "Better Care Fund", "10 Year Health Plan",
                   "from hospital to community", "neighbourhood health", "strategic commissioners"):
        assert phrase in policy
    assert policy.count("<a href=") >= 6


@pytest.mark.parametrize(("origin", "on_paper", "said"), [
    (Origin.file, 0, "The answers were read from a responses file (CSV) for this report"),
    (Origin.imported, 0, "The answers were imported from a file of answers collected elsewhere"),
    (Origin.live, 3, ("given privately on phones during the workshop. Three people's answers were typed in by the "
                      "facilitator from paper forms.")),
])
def test_the_method_says_where_the_answers_came_from(origin, on_paper, said):
    method = room_of_24_report(origin=origin, on_paper=on_paper).method[0]
    assert said in method and "each gave their organisation, and each gave their sector" in method


def test_the_method_does_not_claim_organisations_nobody_gave():
    from assessment.content.framework import builtin_framework
    from assessment.engine.report import build_report
    from assessment.engine.responses import Responses

    table = room_of_24().table.assign(organisation=None)
    table.loc[table["participant"].isin(["person-1", "person-2"]), "sector"] = None
    report = build_report(builtin_framework("ham-2015"), Responses(table), partnership="Eastmere")
    assert "Nobody gave their name; nobody gave an organisation, and 22 of 24 gave their sector." in report.method[0]


def test_the_combined_report_renders_a_part_per_framework_and_any_cross_section():
    from assessment.content.framework import builtin_framework
    from assessment.engine.combined import CrossSection, build_combined_report
    from assessment.reports.render import render_combined

    parts = [(builtin_framework(i), room_of_24_report(i)) for i in ("ham-2015", "salford-behaviours")]
    across = CrossSection(title="Across the frameworks", paragraphs=["Read together."], header=["A", "B"],
                          rows=[["Team", "1.8"]])
    combined = build_combined_report(parts, cross_walks=[lambda _: across])
    html = render_combined(combined, "html").decode()
    for heading in ("Executive summary", "Recommendations",
                    "Part 1: Ten design principles for place-based systems of care",
                    "Part 2: The ten Salford behaviours for working as one system", "Across the frameworks",
                    "Appendix: method", "Sources"):
        assert f">{heading}</h2>" in html.replace("&#39;", "'")
    assert 'id="ham-2015-plan"' in html and 'id="salford-behaviours-plan"' in html  # one anchor each
    assert len(re.findall(r' id="([^"]+)"', html)) == len(set(re.findall(r' id="([^"]+)"', html)))
    text = read_pdf(render_combined(combined, "pdf")).text
    assert "Part 2: The ten Salford behaviours" in text and "Across the frameworks" in text
    document = Document(io.BytesIO(render_combined(combined, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Part 1: Ten design principles for place-based systems of care" in headings
    assert "Across the frameworks" in headings
