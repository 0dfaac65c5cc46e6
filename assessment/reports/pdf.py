"""The report as a tagged A4 PDF (WeasyPrint, from the print HTML)."""

from __future__ import annotations

from weasyprint import HTML

from assessment.engine.report import Report
from assessment.reports.html import render_html


def render_pdf(report: Report) -> bytes:
    # pdf/ua-1 tags headings, tables, lists and images (with their alt text) for screen readers.
    return HTML(string=render_html(report, print=True)).write_pdf(pdf_variant="pdf/ua-1")
