"""One entry point for every report format, for the command line and the download buttons."""

from __future__ import annotations

from typing import Literal

from assessment.engine.report import Report

Format = Literal["pdf", "docx", "html"]
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}


def render(report: Report, format: Format) -> bytes:  # noqa: A002
    # Imported here: WeasyPrint and python-docx take a while to import and most runs need only one.
    if format == "pdf":
        from assessment.reports.pdf import render_pdf

        return render_pdf(report)
    if format == "docx":
        from assessment.reports.docx import render_docx

        return render_docx(report)
    from assessment.reports.html import render_html

    return render_html(report).encode()
