"""File names that say whose report it is — partnership, workshop, date — in characters every system accepts,
so that reports for different partnerships, workshops and frameworks never overwrite each other."""

from __future__ import annotations

import datetime
import re
import unicodedata

from assessment.engine.progress_report import ProgressReport
from assessment.engine.report import Report
from assessment.engine.system_report import SystemReport

RAW_ANSWERS = "raw answers personal-level data"  # the file of per-person rows with every label as given
MAX_PART = 40  # characters of one part (partnership, workshop…): long enough to recognise, short enough for a path


def slug(text: str | None) -> str:
    """Lowercase ASCII letters, digits and single hyphens: "Riverbrook <x> & Co." → "riverbrook-x-co"."""
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    whole = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(whole) <= MAX_PART:
        return whole
    cut = whole[:MAX_PART + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_PART]).strip("-")  # whole words where it can


def _joined(*parts: str | None, extension: str) -> str:
    return "_".join(s for s in map(slug, parts) if s) + f".{extension}"


def workshop_file_name(*, partnership: str, workshop: str | None, held_on: str | None, framework_id: str | None,
                       what: str, extension: str) -> str:
    """e.g. riverbrook-health-and-care-partnership_follow-up-workshop_2026-09-17_ham-2015_readiness-report.pdf"""
    return _joined(partnership or "partnership", workshop, held_on, framework_id, what, extension=extension)


def report_file_name(report: Report, what: str, extension: str) -> str:
    return workshop_file_name(partnership=report.partnership, workshop=report.workshop,
                              held_on=report.held_on or report.generated_on, framework_id=report.framework_id,
                              what=what, extension=extension)


def progress_file_name(*, place: str, framework_id: str, made: datetime.date, extension: str) -> str:
    """e.g. riverbrook_progress_ham-2015_2026-11-25.pdf"""
    return _joined(place or "place", "progress", framework_id, made.isoformat(), extension=extension)


def system_file_name(*, system: str, framework_id: str, made: datetime.date, extension: str) -> str:
    """e.g. north-ics_places-side-by-side_ham-2015_2026-11-25.pdf"""
    return _joined(system or "system", "places side by side", framework_id, made.isoformat(), extension=extension)


def view_file_name(view: ProgressReport | SystemReport, extension: str) -> str:
    if isinstance(view, ProgressReport):
        return progress_file_name(place=view.place, framework_id=view.framework_id, made=view.cover.made,
                                  extension=extension)
    return system_file_name(system=view.system, framework_id=view.framework_id, made=view.cover.made,
                            extension=extension)
