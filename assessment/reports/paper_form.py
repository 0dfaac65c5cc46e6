"""Printable paper forms (A4 PDF) for members without a phone: every statement with a box per answer, and a
number on each form that the facilitator types the answers in under. Both built-in frameworks' 67 statements fit
two A4 pages a person."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from assessment.content.framework import Framework

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


BOX, DONT_KNOW = "□", "DK"  # U+25A1: a wider square than the ballot box in DejaVu Sans Mono


def _columns(framework: Framework) -> tuple[str, str]:
    """The scale's points over their boxes, each column as wide as the widest label, so in a fixed-width font every
    box sits under its number: (" 1  2  3  4  5 DK", " ☐  ☐  ☐  ☐  ☐  ☐")."""
    labels = [str(point) for point in framework.scale.points] + [DONT_KNOW]
    width = max(map(len, labels))
    return " ".join(label.rjust(width) for label in labels), " ".join(BOX.rjust(width) for _ in labels)


def paper_forms_html(*, title: str, partnership: str, join_code: str, frameworks: Sequence[Framework],
                     sectors: Sequence[str], numbers: Sequence[int]) -> str:
    scale = frameworks[0].scale
    columns = {framework.id: _columns(framework) for framework in frameworks}
    return _TEMPLATES.get_template("paper_form.html.j2").render(
        title=title, partnership=partnership, join_code=join_code, frameworks=frameworks, sectors=sectors,
        numbers=numbers, low=scale.min, high=scale.max, points={i: c[0] for i, c in columns.items()},
        boxes={i: c[1] for i, c in columns.items()})


def paper_forms_pdf(*, title: str, partnership: str, join_code: str, frameworks: Sequence[Framework],
                    sectors: Sequence[str], numbers: Sequence[int]) -> bytes:
    """One form per number, each starting on a new page."""
    from weasyprint import HTML  # slow to import; only needed here

    html = paper_forms_html(title=title, partnership=partnership, join_code=join_code, frameworks=frameworks,
                            sectors=sectors, numbers=numbers)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
