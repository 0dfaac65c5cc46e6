"""One entry point for every report format, for the command line and the download buttons, so both write the
same files."""

from __future__ import annotations

from typing import Literal

from assessment.engine.combined import CombinedReport
from assessment.engine.progress_report import ProgressReport
from assessment.engine.report import Report
from assessment.engine.responses import Responses
from assessment.engine.system_report import SystemReport

Format = Literal["pdf", "docx", "html", "pptx", "xlsx", "csv"]
REPORT_FORMATS: tuple[Format, ...] = ("pdf", "docx", "html", "pptx", "xlsx", "csv")
VIEW_FORMATS: tuple[Format, ...] = ("pdf", "docx", "html")  # progress, places side by side, combined reports
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


def render(report: Report, format: Format, *, responses: Responses | None = None) -> bytes:
    """The readiness report (pdf, docx, html), the board pack (pptx) or the results (xlsx with the answers when
    given, csv)."""
    # Imported here: WeasyPrint, python-docx and python-pptx take a while to import and most runs need only one.
    if format == "pptx":
        from assessment.reports.board_pack import render_pptx

        return render_pptx(report)
    if format in ("xlsx", "csv"):
        from assessment.reports.spreadsheets import results_csv, results_xlsx

        return results_xlsx(report, responses) if format == "xlsx" else results_csv(report).encode()
    if format == "docx":
        from assessment.reports.docx import render_docx

        return render_docx(report)
    from assessment.reports.html import render_html

    return _html_or_pdf(render_html(report, print=format == "pdf"), format)


def render_combined(report: CombinedReport, format: Format) -> bytes:
    """The combined report of a workshop that scored several frameworks (pdf, docx, html)."""
    if format == "docx":
        from assessment.reports.docx import render_combined_docx

        return render_combined_docx(report)
    from assessment.reports.html import render_combined_html

    return _html_or_pdf(render_combined_html(report, print=format == "pdf"), format)


def render_view(view: ProgressReport | SystemReport, format: Format) -> bytes:
    """A place's progress or places side by side as pdf, docx or html."""
    from assessment.reports import html

    if format == "docx":
        from assessment.reports.places_docx import render_progress_docx, render_system_docx

        return render_progress_docx(view) if isinstance(view, ProgressReport) else render_system_docx(view)
    layout = html.render_progress_html if isinstance(view, ProgressReport) else html.render_system_html
    return _html_or_pdf(layout(view, print=format == "pdf"), format)


def _html_or_pdf(page: str, format: Format) -> bytes:
    if format == "pdf":
        from assessment.reports.pdf import render_pdf

        return render_pdf(page)
    return page.encode()
