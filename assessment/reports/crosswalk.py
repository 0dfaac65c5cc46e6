"""What a framework's principles rest on in another (engine/crosswalk.py), as the readiness report's Word section
and a board-pack slide; the HTML and PDF lay it out in templates/crosswalk.html.j2."""

from __future__ import annotations

from pptx.util import Inches

from assessment.engine.crosswalk import Crosswalk, Link, Standing
from assessment.engine.report import Report
from assessment.numbers import number
from assessment.reports import slides, word
from assessment.reports.slides import HEIGHT, MARGIN, SMALL_PT, WIDTH

HEADING = "What it rests on"
MAX_FINDINGS = 2  # on the slide; the report has them all


def word_section(document, crosswalks: list[Crosswalk]) -> None:  # type: ignore[no-untyped-def]
    for c in crosswalks:
        document.add_heading(f"{HEADING}: {c.foundations_title}", level=1)
        document.add_paragraph(c.note)
        word.bullets(document, c.findings)
        header = ["Principle", *(["The room"] if c.scored else []), "Rests on" + (" (the room's score)" if c.scored
                                                                                 else "") + ", and why"]
        word.table(document, header, [[link.name, *([_room(link)] if c.scored else []), _footings(link)]
                                      for link in c.links], first_cm=4.5)


def slide(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    """One slide per framework the report's rests on, when the room scored both: each component, its score and
    the scores of the principles under it."""
    for c in report.crosswalks:
        if not c.scored:
            continue
        page = new(f"{HEADING}: the room's scores underneath")
        slides.table(page, ["Component", "The room", "Rests on (principle: the room's score)"],
                     [[link.name, link.standing.brief if link.standing else "—",
                       " · ".join(f"{f.number}: {_on_slide(f.standing)}" for f in link.foundations)]
                      for link in c.links], widths=[4.5, 2.2, 5.4], accent=report.branding.colour)
        # below the table's one-line rows (the widths keep each on one line), above the note
        slides.text(page, c.findings[:MAX_FINDINGS], left=MARGIN, top=HEIGHT - Inches(2.6),
                    width=WIDTH - 2 * MARGIN, height=Inches(1.45), size=SMALL_PT, bullets=True)
        slides.text(page, [f"Principle numbers are those of {c.foundations_title}."], left=MARGIN,
                    top=HEIGHT - Inches(1.05), width=WIDTH - 2 * MARGIN, height=Inches(0.45), size=SMALL_PT,
                    colour=slides.SECONDARY_TEXT)


def _on_slide(standing: Standing | None) -> str:
    """A foundation's score in a few characters: "3.1", "2.6 split", "2.6 two camps", or "—" where no figure is
    shown."""
    if standing is None or standing.mean is None:
        return "—"
    return number(standing.mean) + ("" if standing.level else f" {standing.agreement}")


def _room(link: Link) -> str:
    shown = link.standing.in_words if link.standing else "—"
    if link.foundation_mean is not None:
        shown += f"\nits foundations average {number(link.foundation_mean)}"
    return shown


def _footings(link: Link) -> str:
    return "\n".join(f"{f.number}. {f.name}" + (f" — {f.standing.in_words}" if f.standing else "")
                     + (f"\n   {f.why}" if f.why else "") for f in link.foundations)
