"""A place's progress and places side by side as editable Word documents, laid out like their PDFs."""

from __future__ import annotations

from assessment.engine.progress_report import ProgressReport
from assessment.engine.system_report import SystemReport
from assessment.numbers import number as num
from assessment.numbers import signed
from assessment.reports import word
from assessment.reports.charts import heatmap_alt, heatmap_png, radar_alt, radar_png


def _opening(report: ProgressReport | SystemReport):  # type: ignore[no-untyped-def]
    """The cover and the summary; a document of a few pages needs no contents."""
    document = word.new_document(title=report.title, branding=report.branding)
    word.cover_page(document, report.cover, report.branding)
    document.add_heading("Summary", level=1)
    for sentence in report.summary:
        document.add_paragraph(sentence)
    if report.note:
        document.add_paragraph(report.note)
    return document


def _method(document, report: ProgressReport | SystemReport) -> bytes:  # type: ignore[no-untyped-def]
    document.add_heading("Method", level=1)
    for paragraph in report.method:
        document.add_paragraph(paragraph)
    return word.saved(document)


def render_progress_docx(report: ProgressReport) -> bytes:
    document = _opening(report)
    document.add_heading("Profile at each workshop", level=1)
    word.picture(document, radar_png(report.principle_names, report.series, report.scale),
                 alt=radar_alt(report.series, "the place's profile at each workshop"))
    document.add_paragraph("Each score is the agreed score where the room recorded one (marked *), otherwise the "
                           "room's mean.")
    word.table(document, ["Principle", *report.workshops],
               [[row.name, *(num(c.score) + (" *" if c.agreed else "") for c in row.cells)] for row in report.rows],
               first_cm=6.0)
    document.add_heading("What changed most", level=1)
    word.table(document, ["Principle", "First", "Latest", "Change", "How sure, and what else changed"],
               [[c.name, num(c.first), num(c.last), signed(c.change), c.in_words] for c in report.changes],
               widths_cm=[5.0, 1.6, 1.6, 1.6, 7.2])
    return _method(document, report)


def render_system_docx(report: SystemReport) -> bytes:
    document = _opening(report)
    document.add_heading("Every place, principle by principle", level=1)
    word.picture(document, heatmap_png(report.principle_names, report.places, report.scale),
                 alt=heatmap_alt(report.places))
    word.bullets(document, [f"{number}: {name}" for number, name in enumerate(report.principle_names.values(), 1)],
                 style="List Paragraph")
    ids = list(report.principle_names)
    word.table(document, ["Place", *(str(n) for n in range(1, len(ids) + 1))],
               [[place, *(num(scores.get(pid)) for pid in ids)] for place, scores in report.places.items()],
               first_cm=5.0)
    document.add_heading("How far apart the places are", level=1)
    word.table(document, ["Principle", "Places", "Lowest", "Highest", "Range"],
               [[s.name, str(s.places), num(s.lowest), num(s.highest), num(s.range)] for s in report.spreads],
               first_cm=7.0)
    document.add_heading("Who could learn from whom", level=1)
    if report.pairings:
        word.table(document, ["Principle", "Could learn", "From"],
                   [[p.name, f"{p.learner} ({num(p.learner_score)})", f"{p.learn_from} ({num(p.score)})"]
                    for p in report.pairings], first_cm=7.0)
    else:
        document.add_paragraph("No place is a point or more ahead of another on any principle.")
    return _method(document, report)
