"""Reports as one self-contained HTML file each (works offline, charts as inline SVG), also the print HTML
WeasyPrint turns into the PDFs: the readiness report, a place's progress, and places side by side."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.engine.combined import CombinedReport
from assessment.engine.progress_report import ProgressReport
from assessment.engine.report import Report
from assessment.engine.system_report import SystemReport
from assessment.numbers import number, percent, signed
from assessment.reports.charts import heatmap_alt, heatmap_svg, people_alt, people_svg, radar_alt, radar_svg

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
FORMATTERS = {"num": number, "pct": percent, "signed": signed}
SHORT: list[tuple[str, str]] = []  # a document of a few pages needs no contents


_SVG_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)')


def _figure(svg: str, alt: str, *, print: bool, key: str = "chart") -> Markup:
    """A chart as SVG: inline on screen (labelled for screen readers, its text searchable); as an image with alt
    text in print, which WeasyPrint tags as a figure carrying that text. Inline, every id matplotlib gave the
    chart is prefixed with `key`, unique in the page, so that two charts never share an id."""
    if print:
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        return Markup('<img src="{}" alt="{}">').format(uri, alt)
    svg = svg[svg.index("<svg"):]  # drop the XML prologue and doctype, which have no place inside HTML
    svg = _SVG_REFERENCE.sub(lambda m: f"{m.group(1)}{key}-", svg)
    return Markup('<div role="img" aria-label="{}">').format(alt) + Markup(svg) + Markup("</div>")


def _page(template: str, model, contents: list[tuple[str, str]], *, print: bool, **charts) -> str:  # type: ignore[no-untyped-def]
    return _TEMPLATES.get_template(template).render(
        r=model, charts=charts, print=print, contents=contents, caveat=JUDGEMENT_CAVEAT,
        accent=model.branding.colour, **FORMATTERS)


def _charts(report: Report, *, print: bool, at: str = "") -> dict:  # type: ignore[type-arg]
    """A report's charts: its profile, its sectors', and the answers of each principle the room is in two camps
    about."""
    profile_alt = radar_alt(report.radar, "the partnership's profile")
    sectors_alt = radar_alt(report.sectors, "each sector's profile")
    return {
        "profile": _figure(radar_svg(report.principle_names, report.radar, report.scale), profile_alt, print=print,
                           key=f"{at}profile-chart"),
        "sectors": _figure(radar_svg(report.principle_names, report.sectors, report.scale), sectors_alt, print=print,
                           key=f"{at}sectors-chart") if report.sectors else "",
        "camps": {p.id: _figure(people_svg(p.people_at, report.scale), people_alt(p.name, p.people_at, report.scale),
                                print=print, key=f"{at}{p.id}-chart") for p in report.in_two_camps},
        "profile_alt": profile_alt, "sectors_alt": sectors_alt}


def render_html(report: Report, *, print: bool = False) -> str:
    """`print=True` lays the report out for A4 pages (WeasyPrint); otherwise for a screen."""
    contents = [("summary", "Executive summary"), ("recommendations", "Recommendations"),
                ("profile", "Where the partnership stands")]
    contents += [("policy", "Policy context")] if report.policy else []
    contents += [("baseline", "Since the baseline")] if report.baseline else []
    contents += [("crosswalk", "What it rests on")] if report.crosswalks else []
    contents += [("plan", "Improvement plan"), ("method", "Appendix: method, agreement statistics and the data"),
                 ("sources", "Sources")]
    return _page("report.html.j2", report, contents, print=print, **_charts(report, print=print))


def render_combined_html(report: CombinedReport, *, print: bool = False) -> str:
    """The combined report of a workshop that scored several frameworks."""
    contents = [("summary", "Executive summary"), ("recommendations", "Recommendations")]
    contents += [(f"part-{part.framework_id}", f"Part {index}: {part.framework_title}")
                 for index, part in enumerate(report.parts, start=1)]
    contents += [(f"across-{index}", section.title) for index, section in enumerate(report.cross_sections, start=1)]
    contents += [("method", "Appendix: method"), ("sources", "Sources")]
    return _page("combined.html.j2", report, contents, print=print,
                 parts=[_charts(part, print=print, at=f"{part.framework_id}-") for part in report.parts])


def render_progress_html(report: ProgressReport, *, print: bool = False) -> str:
    alt = radar_alt(report.series, "the place's profile at each workshop")
    return _page("progress.html.j2", report, SHORT, print=print, alt=alt,
                 profile=_figure(radar_svg(report.principle_names, report.series, report.scale), alt, print=print))


def render_system_html(report: SystemReport, *, print: bool = False) -> str:
    alt = heatmap_alt(report.places)
    return _page("system.html.j2", report, SHORT, print=print, alt=alt,
                 heatmap=_figure(heatmap_svg(report.principle_names, report.places, report.scale), alt, print=print))
