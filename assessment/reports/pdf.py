"""Reports as tagged A4 PDFs (WeasyPrint, from the print HTML)."""

from __future__ import annotations

from weasyprint import HTML


def render_pdf(print_html: str) -> bytes:
    """The PDF of a report's print HTML (`assessment.reports.html`, with `print=True`)."""
    # pdf/ua-1 tags headings, tables, lists and images (with their alt text) for screen readers.
    return HTML(string=print_html).write_pdf(pdf_variant="pdf/ua-1")
