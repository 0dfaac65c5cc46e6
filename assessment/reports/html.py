"""The report as one self-contained HTML file (interactive charts, works offline) or as print HTML for the PDF."""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from assessment.pages.charts import Series, radar
from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.content.framework import Framework
from assessment.reports.charts import radar_alt, radar_svg
from assessment.engine.report import RadarSeries, Report, num, pct

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def _static(report: Report, series: list[RadarSeries], alt: str) -> Markup:
    svg = radar_svg(report.principle_names, series, report.scale)
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return Markup('<img src="{}" alt="{}">').format(uri, alt)


def _interactive(framework: Framework, series: list[RadarSeries], alt: str, *, first: bool) -> Markup:
    figure = radar(framework, [Series(s.name, s.scores) for s in series])
    html = figure.to_html(full_html=False, include_plotlyjs=first, config={"displayModeBar": False})
    return Markup('<div role="img" aria-label="{}">').format(alt) + Markup(html) + Markup("</div>")


def render_html(report: Report, framework: Framework, *, print: bool = False) -> str:  # noqa: A002
    """`print=True` gives static SVG charts for WeasyPrint; otherwise plotly charts with plotly.js inlined."""
    profile_alt = radar_alt(report.radar, "the partnership's profile")
    sectors_alt = radar_alt(report.sectors, "each sector's profile")
    if print:
        charts = {"profile": _static(report, report.radar, profile_alt),
                  "sectors": _static(report, report.sectors, sectors_alt) if report.sectors else ""}
    else:
        charts = {"profile": _interactive(framework, report.radar, profile_alt, first=True),
                  "sectors": _interactive(framework, report.sectors, sectors_alt, first=False)
                  if report.sectors else ""}
    charts |= {"profile_alt": profile_alt, "sectors_alt": sectors_alt}
    return _TEMPLATES.get_template("report.html.j2").render(
        r=report, charts=charts, print=print, num=num, pct=pct, caveat=JUDGEMENT_CAVEAT,
        accent=report.branding.colour)
