"""The report as an editable Word document: real headings, tables, and charts with alt text."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm, RGBColor

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.engine.profiles import Series
from assessment.engine.report import Report
from assessment.numbers import number as num
from assessment.numbers import percent as pct
from assessment.reports.charts import radar_alt, radar_png

TEXT_WIDTH_CM = 16.0


def _table(document, header: list[str], rows: list[list[str]], *, first_cm: float | None = None) -> None:  # type: ignore[no-untyped-def]
    """A grid table; `first_cm` widens the first column (names, statements) and shares out the rest."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    if first_cm is not None and len(header) > 1:
        rest = (TEXT_WIDTH_CM - first_cm) / (len(header) - 1)
        for index, column in enumerate(table.columns):  # the grid, which LibreOffice reads
            column.width = Cm(first_cm if index == 0 else rest)
        for row in table.rows:  # and each cell, which Word reads
            for index, cell in enumerate(row.cells):
                cell.width = Cm(first_cm if index == 0 else rest)
    document.add_paragraph()


def _chart(document, report: Report, series: list[Series], alt: str) -> None:  # type: ignore[no-untyped-def]
    document.add_picture(io.BytesIO(radar_png(report.principle_names, series, report.scale)), width=Cm(16))
    # python-docx has no alt-text API; the description lives on the picture's docPr element.
    properties = document.inline_shapes[-1]._inline.docPr
    properties.set("descr", alt)
    properties.set("title", alt.split(":")[0])


def render_docx(report: Report) -> bytes:
    document = Document()
    accent = RGBColor.from_string(report.branding.colour.lstrip("#").upper())
    for style in ("Title", "Heading 1", "Heading 2"):
        document.styles[style].font.color.rgb = accent
    document.core_properties.title = report.title
    document.core_properties.author = report.branding.name
    document.add_paragraph(report.branding.name)
    document.add_heading(report.title, level=0)
    details = [report.framework_title, report.workshop, report.held_on, report.place]
    document.add_paragraph(" · ".join(d for d in details if d))
    document.add_paragraph(f"{report.participants} people took part. Report made {report.generated_on}.")

    document.add_heading("Summary", level=1)
    s = report.summary
    document.add_paragraph(f"Overall the partnership sits at {num(s.mean)} ({s.level or 'no score'}) on a scale "
                           f"from {min(report.scale)} to {max(report.scale)}.")
    for heading, items in [("Strongest principles", [f"{n} — {num(m)}" for n, m in s.strongest]),
                           ("Weakest principles", [f"{n} — {num(m)}" for n, m in s.weakest]),
                           ("Where the room was split", s.split or ["The room agreed on every principle."]),
                           ("Where sectors differ most",
                            [f"{d.principle}: {d.highest} {num(d.spread)} points above {d.lowest}"
                             for d in s.sector_differences] or ["Too few people per sector to compare sectors."])]:
        document.add_heading(heading, level=2)
        for item in items:
            document.add_paragraph(item, style="List Bullet")

    document.add_heading("Profile", level=1)
    _chart(document, report, report.radar, radar_alt(report.radar, "the partnership's profile"))
    names = report.principle_names
    _table(document, ["Principle", *(s.name for s in report.radar)],
           [[name, *(num(s.scores.get(pid)) for s in report.radar)] for pid, name in names.items()], first_cm=6.5)
    if report.exemplar_names:
        document.add_paragraph(JUDGEMENT_CAVEAT)
    if report.sectors:
        document.add_heading("By sector", level=2)
        _chart(document, report, report.sectors, radar_alt(report.sectors, "each sector's profile"))
        _table(document, ["Principle", *(s.name for s in report.sectors)],
               [[name, *(num(s.scores.get(pid)) for s in report.sectors)] for pid, name in names.items()],
               first_cm=5.0)

    for number, p in enumerate(report.principles, start=1):
        document.add_heading(f"{number}. {p.name}", level=1)
        if p.summary:
            document.add_paragraph(p.summary)
        _table(document, ["Mean", "Median", "Level", "People", "rwg", "AD", "Don't know", "Room", "Agreed"],
               [[num(p.mean), num(p.median), p.level or "—", str(p.n), num(p.rwg, 2), num(p.ad, 2),
                 pct(p.dont_know), str(p.agreement),
                 f"{p.agreed_score} {p.agreed_label}" if p.agreed_score is not None else "not recorded"]])
        if p.rubric:
            document.add_paragraph(f"What “{p.level}” looks like here: {p.rubric}")
        if p.note:
            document.add_paragraph(f"Notes from the discussion: {p.note}")
        _table(document, ["Statement", "Mean", "Median", "Answers", "Don't know"],
               [[st.text, num(st.mean), num(st.median), str(st.n), pct(st.dont_know)] for st in p.statements],
               first_cm=9.0)
        if p.exemplars:
            document.add_heading("Beside the exemplars", level=2)
            for e in p.exemplars:
                text = (f"{e.exemplar}: {e.score} ({e.confidence} evidence). {e.practice}" if e.score is not None
                        else f"{e.exemplar}: not assessed — {e.not_assessed}")
                document.add_paragraph(text, style="List Bullet")
        if p.comments:
            document.add_heading("What people said", level=2)
            for comment in p.comments:
                document.add_paragraph(comment, style="Quote")
        if p.actions:
            document.add_heading("Actions", level=2)
            _table(document, ["Action", "Owner", "Due"], [[a.text, a.owner, a.due or "—"] for a in p.actions],
                   first_cm=9.0)

    document.add_heading("Appendix: method", level=1)
    for paragraph in report.method:
        document.add_paragraph(paragraph)
    document.add_heading("Sources", level=1)
    for source in report.sources:
        document.add_paragraph(source, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
