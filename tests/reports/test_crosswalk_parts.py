"""The readiness report of a neighbourhood health workshop that also scored Ham's principles: what each component
rests on, with the room's scores, in the HTML and PDF, the Word document and the board pack."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pptx import Presentation

from assessment.reports.board_pack import render_pptx
from assessment.reports.docx import render_docx
from assessment.reports.html import render_html
from tests.utils.reports import follow_up_report, neighbourhood_report

HEADING = "What it rests on: Ten design principles for place-based systems of care"


@pytest.fixture(scope="module")
def report():
    return neighbourhood_report()


def test_the_html_report_has_a_part_with_every_component_its_foundations_and_the_findings(report):
    page = render_html(report)
    assert f'<h2 class="part" id="crosswalk">{HEADING}</h2>' in page
    assert '<a href="#crosswalk">What it rests on</a>' in page  # in the contents, between profile and plan
    assert page.index('id="profile"') < page.index('id="crosswalk"') < page.index('id="plan"')
    walked = report.crosswalks[0]
    for link in walked.links:
        assert f"<strong>{link.name}</strong>" in page
    assert "<strong>7. Agree the funding model and how money flows</strong> — 2.3 (Emerging)" in page
    for finding in walked.findings:
        assert finding.replace("'", "&#39;") in page


def test_the_word_document_has_the_part_as_a_heading_table_and_list(report):
    document = Document(io.BytesIO(render_docx(report)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings.index(HEADING) == headings.index("Improvement plan") - 1
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    header, *rows = next(rows for rows in tables if rows[0][-1].startswith("Rests on"))
    assert header == ["Principle", "The room", "Rests on (the room's score), and why"] and len(rows) == 6
    intermediate = next(row for row in rows if row[0] == "Integrated intermediate care")
    assert intermediate[1].startswith("3.2 (Developing)\nits foundations average 2.6")
    assert "6. Plan for conflicts and agree how to resolve them —" in intermediate[2]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert report.crosswalks[0].findings[0] in bullets


def test_the_board_pack_gives_it_one_slide_with_a_row_per_component(report):
    deck = Presentation(io.BytesIO(render_pptx(report)))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles.count("What it rests on: the room's scores underneath") == 1
    assert 10 <= len(titles) <= 15
    slide = deck.slides[titles.index("What it rests on: the room's scores underneath")]
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert [row[0] for row in rows[1:]] == [link.name for link in report.crosswalks[0].links]
    assert rows[5][2] == "4: 3.0 · 6: 2.6 · 7: 2.3"  # intermediate care on governance, conflict and money


def test_a_report_of_a_framework_resting_on_nothing_has_no_such_part():
    report = follow_up_report()
    assert report.crosswalks == [] and 'id="crosswalk"' not in render_html(report)
    titles = [slide.shapes.title.text for slide in Presentation(io.BytesIO(render_pptx(report))).slides]
    assert not any(title.startswith("What it rests on") for title in titles)
