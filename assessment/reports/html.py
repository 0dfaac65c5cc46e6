"""The report as one self-contained HTML file (works offline, charts as inline SVG), also the print HTML
WeasyPrint turns into the PDF."""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.engine.profiles import Series
from assessment.engine.report import Report
from assessment.numbers import number, percent
from assessment.reports.charts import radar_alt, radar_svg

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def _chart(report: Report, series: list[Series], alt: str, *, print: bool) -> Markup:  # noqa: A002
    """The radar as SVG: inline on screen (labelled for screen readers, its text searchable); as an image with
    alt text in print, which WeasyPrint tags as a figure carrying that text."""
    svg = radar_svg(report.principle_names, series, report.scale)
    if print:
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        return Markup('<img src="{}" alt="{}">').format(uri, alt)
    svg = svg[svg.index("<svg"):]  # drop the XML prologue and doctype, which have no place inside HTML
    return Markup('<div role="img" aria-label="{}">').format(alt) + Markup(svg) + Markup("</div>")


def render_html(report: Report, *, print: bool = False) -> str:  # noqa: A002
    """`print=True` lays the report out for A4 pages (WeasyPrint); otherwise for a screen."""
    profile_alt = radar_alt(report.radar, "the partnership's profile")
    sectors_alt = radar_alt(report.sectors, "each sector's profile")
    charts = {"profile": _chart(report, report.radar, profile_alt, print=print),
              "sectors": _chart(report, report.sectors, sectors_alt, print=print) if report.sectors else "",
              "profile_alt": profile_alt, "sectors_alt": sectors_alt}
    return _TEMPLATES.get_template("report.html.j2").render(
        r=report, charts=charts, print=print, num=number, pct=percent, caveat=JUDGEMENT_CAVEAT,
        accent=report.branding.colour)
