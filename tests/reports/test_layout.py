"""The readiness report read as a board member reads it: each defect found in the first reports has a test here."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from weasyprint import HTML

from assessment.content.framework import builtin_framework
from assessment.engine.report import ActionItem, build_report
from assessment.engine.responses import Responses
from assessment.reports.docx import render_docx
from assessment.reports.html import render_html
from assessment.reports.render import render
from tests.utils.pdf import read_pdf
from tests.utils.reports import MADE_ON, follow_up_report, riverbrook

HOSTILE = 'Riverbrook <x> & "Co"'


@pytest.fixture(scope="module")
def follow_up():
    ham = builtin_framework("ham-2015")
    return follow_up_report(partnership=HOSTILE, actions=[
        ActionItem(principle=ham.principles[6].name, text="Map every budget line", owner="Finance leads",
                   due="2026-12-31")])


@pytest.fixture(scope="module")
def follow_up_pdf(follow_up):
    return read_pdf(render(follow_up, "pdf"))


def test_the_page_footer_shows_the_partnerships_name_as_typed(follow_up_pdf):
    # It once sat in a CSS string, where the template's escaping printed "Riverbrook &lt;x&gt;".
    footers = re.findall(r"PlaceReady · (.*?) Page \d+ of \d+", follow_up_pdf.text)
    assert footers and set(footers) == {HOSTILE}
    assert "&lt;" not in follow_up_pdf.text and "&amp;" not in follow_up_pdf.text and "&#34;" not in follow_up_pdf.text


def test_the_method_appendix_prints_its_cut_off_in_every_format(follow_up, follow_up_pdf):
    # It once printed a raw "{ad_cutoff:.2f}" in every report.
    word = "\n".join(p.text for p in Document(io.BytesIO(render_docx(follow_up))).paragraphs)
    for text in (follow_up_pdf.text, word, render_html(follow_up)):
        assert "ad_cutoff" not in text and ":.2f}" not in text
        assert "more than 0.83" in text.replace("\n", " ")


def test_a_follow_up_report_speaks_of_its_baseline_in_every_format(follow_up, follow_up_pdf):
    # The Riverbrook follow-up once never mentioned its baseline.
    word = "\n".join(p.text for p in Document(io.BytesIO(render_docx(follow_up))).paragraphs)
    for text in (follow_up_pdf.text, word, render_html(follow_up)):
        assert "Since the baseline" in text and "12 March 2026" in text


def test_the_demo_html_report_is_light_and_offline(follow_up):
    html = render_html(follow_up)
    assert len(html.encode()) < 1_000_000  # it was 4.9 MB with plotly.js inline
    assert "<script" not in html and html.count("<svg") == 2


def test_the_report_opens_with_a_cover_then_contents_then_the_summary(follow_up_pdf):
    cover = follow_up_pdf.text[:follow_up_pdf.text.index("Contents")]
    for label in ("Readiness report", "Place", "Workshop", "Held on", "Prepared by", "Version", "PlaceReady 0.1.0"):
        assert label in cover
    assert re.search(r"Executive summary \.+ 3\b", follow_up_pdf.text)  # the contents give each section's page


def _stylesheet() -> str:
    """The style sheet every PDF report ships with, taken from a rendered report."""
    ham = builtin_framework("ham-2015")
    _, answers = riverbrook()
    html = render_html(build_report(ham, answers, partnership="P", today=MADE_ON), print=True)
    return html.split("<style>")[1].split("</style>")[0]


def test_a_table_header_or_heading_is_never_left_alone_at_a_page_foot():
    # An Actions table's header once stood alone at the foot of a page. Here forty headings with tables of tall
    # rows start at many heights down the pages of one document (with the style sheet every report ships with);
    # wherever a table's header is, its heading and its first row must be on the same page.
    blocks = "".join(
        f"<div style='height:{(i * 37) % 150}mm'></div><h4>Actions {i}Z</h4><table><thead><tr><th>Action</th>"
        f"<th>Owner{i}X</th><th>Due</th></tr></thead><tbody>"
        + "".join(f"<tr><td>Row{i}-{j} " + "map every budget line across the partners " * 10 + "</td>"
                  "<td>Finance leads</td><td>2026-12-31</td></tr>" for j in range(2))
        + "</tbody></table>" for i in range(40))
    html = f"<html><head><style>{_stylesheet()}</style></head><body class='print'>{blocks}</body></html>"
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(HTML(string=html).write_pdf())).pages]
    assert len(pages) > 20
    alone = [(number, i) for number, text in enumerate(pages, start=1) for i in re.findall(r"Owner(\d+)X", text)
             if f"Row{i}-0" not in text or f"Actions {i}Z" not in text]
    assert alone == []


def test_unscored_principles_are_listed_together_not_given_a_page_each():
    ham = builtin_framework("ham-2015")
    _, answers = riverbrook()
    kept = {s.id for p in ham.principles[:2] for s in p.statements}
    report = build_report(ham, Responses(answers.table[answers.table["statement"].isin(kept)].reset_index(drop=True)),
                          partnership="Twoprinciple", today=MADE_ON)
    pdf = render(report, "pdf")
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    holding = [i for i, text in enumerate(pages) if "Why there is no score" in text]
    assert len(holding) == 1
    table = pages[holding[0]].split("Why there is no score")[1]
    assert all(p.name in table.replace("\n", " ") for p in ham.principles[2:])
    assert len(pages) < 15  # a full report of ten principles runs to about twenty


def test_every_word_table_repeats_its_header_and_keeps_it_with_a_row(follow_up):
    document = Document(io.BytesIO(render_docx(follow_up)))
    assert len(document.tables) > 10
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in table.rows[0].cells)


def test_every_font_in_the_pdf_is_the_reports_sans_serif_page_numbers_included(follow_up):
    # The page number, set in a page-margin box that does not inherit the body's font, was once in a serif.
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render(follow_up, "pdf")))
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages[1:3]
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu-Sans" in font and "Serif" not in font for font in fonts), fonts
