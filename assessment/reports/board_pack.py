"""The board pack: the readiness report as 10 to 15 PowerPoint slides a board reads from the back of a room.

Title, where we stand, the radar, strengths and priorities, where the room split (a room in two camps shown as
its answers fall), sector differences, the exemplars, recommendations, a slide per priority, the actions, progress
at a follow-up, the policy frame, and what the numbers rest on. Charts are native PowerPoint charts (editable,
their data inside) with alt text; every position and size is a whole number of EMUs, as the file format requires;
everything comes from the report model, so the pack says what the report says.
"""

from __future__ import annotations

import base64
import re

from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from assessment.engine.findings import SECTOR_GAP, Kind
from assessment.engine.report import Report
from assessment.engine.sectors import MIN_SECTOR_SIZE
from assessment.engine.summary import STRENGTH_MARGIN
from assessment.labels import shortened
from assessment.numbers import number, signed
from assessment.palette import TEXT
from assessment.reports import crosswalk, slides
from assessment.reports.slides import BODY_HEIGHT, BODY_TOP, HEIGHT, MARGIN, SMALL_PT, WIDTH

HALF = (WIDTH - 2 * MARGIN - Inches(0.4)) // 2  # whole EMUs: a fractional position makes Office repair the file
RIGHT = MARGIN + HALF + Inches(0.4)
MAX_ROWS = 7  # table rows that fit a slide at projector size; the report has the rest


def _title_slide(deck, report: Report) -> None:  # type: ignore[no-untyped-def]
    page = deck.slides.add_slide(deck.slide_layouts[slides.TITLE_SLIDE])
    title, subtitle = page.shapes.title, page.placeholders[1]
    title.left, title.top, title.width, title.height = MARGIN, Inches(1.5), WIDTH - 2 * MARGIN, Inches(1.9)
    title.text = report.cover.subject
    title.text_frame.word_wrap = True
    for run in title.text_frame.paragraphs[0].runs:
        run.font.size, run.font.bold, run.font.color.rgb = Pt(40), True, slides.rgb(report.branding.colour)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(3.5), WIDTH - 2 * MARGIN, Inches(3.4)
    frame = subtitle.text_frame
    frame.text = f"{report.cover.kind}: board pack"
    for label, value in report.cover.details:
        frame.add_paragraph().text = f"{label}: {value}"
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    for index, paragraph in enumerate(frame.paragraphs):
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.color.rgb = Pt(26 if index == 0 else 16), slides.rgb(TEXT)
    if report.branding.logo_data_uri:
        logo = base64.b64decode(report.branding.logo_data_uri.split(",", 1)[1])
        slides.picture(page, logo, alt=f"{report.branding.name} logo", left=MARGIN, top=Inches(0.5),
                       height=Inches(0.9))


def _where_we_stand(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    summary = report.executive_summary
    page = new("Where we stand")
    slides.text(page, [summary.standing], left=MARGIN, top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=Inches(1.3),
                size=20)
    clearest = summary.clearest[:4] or [summary.agreement]
    slides.text(page, clearest, left=MARGIN, top=BODY_TOP + Inches(1.4), width=WIDTH - 2 * MARGIN,
                height=BODY_HEIGHT - Inches(1.4), bullets=True, size=SMALL_PT + 2)


def _radar(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Our profile beside the exemplars")
    names = ", ".join(s.name for s in report.radar)
    slides.chart(page, XL_CHART_TYPE.RADAR_MARKERS, [shortened(n, 34) for n in report.principle_names.values()],
                 [(s.name, [s.scores.get(pid) for pid in report.principle_names]) for s in report.radar],
                 alt=f"Radar chart of the partnership's profile, principle by principle: {names}. The report's "
                     "profile table gives the same numbers.",
                 left=MARGIN, top=BODY_TOP - Inches(0.1), width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT + Inches(0.2),
                 scale=(min(report.scale), max(report.scale)))


def _strengths_and_priorities(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Strengths and priorities")
    strengths = [f"{name} ({number(mean)})" for name, mean in report.executive_summary.strongest]
    slides.text(page, ["Clear strengths", *strengths] if strengths else [
        "Clear strengths", (f"None stands {number(STRENGTH_MARGIN, 2)} or more above the overall mean with the room "
                            "and the sectors agreeing.")],
                left=MARGIN, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, bullets=True, bold_first=True, size=18)
    first = [r for r in report.recommendations if r.kind is Kind.priority]
    lines = ["Priorities for the next 3 months", *(f"{r.name}: {r.headline}" for r in first)] if first else [
        "Priorities", "No principle stands out as a priority."]
    for kind, words in ((Kind.settle, "To settle first (two camps): "), (Kind.find_out, "To find out first: ")):
        named = [r.name for r in report.recommendations if r.kind is kind]
        if named:
            lines.append(words + "; ".join(named))
    slides.text(page, lines, left=RIGHT, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, bullets=True, bold_first=True,
                size=18)


def _split(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Where the room was split")
    camps = report.in_two_camps
    if camps:
        _two_camps(page, report, camps)
        return
    slides.text(page, [report.executive_summary.agreement], left=MARGIN, top=BODY_TOP, width=HALF,
                height=BODY_HEIGHT, size=18)
    scored = [p for p in report.principles if p.ad is not None]
    if not scored:
        return
    slides.chart(page, XL_CHART_TYPE.BAR_CLUSTERED, [shortened(p.name, 30) for p in scored],
                 [("AD", [p.ad for p in scored])], title="How far apart answers were (AD, scale points)",
                 alt="Bar chart of how far apart the room's answers were on each principle (the AD index, in scale "
                     "points; longer bars mean more disagreement). The report's agreement table gives the numbers.",
                 left=RIGHT, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, legend=False,
                 colours=[report.branding.colour], scale=(0, None))


def _two_camps(page, report: Report, camps: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    """A room in two camps, as its answers fall: the deepest split a board must settle before it can act."""
    first = camps[0]
    words = [f"{first.name}: the room is in two camps, {first.camps_in_words}.",
             "No single level describes it until the room agrees a score.", *first.first_steps[:1]]
    if len(camps) > 1:
        words.append("Also in two camps: " + "; ".join(p.name for p in camps[1:]) + ".")
    slides.text(page, words, left=MARGIN, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, size=SMALL_PT + 2)
    labels = [f"{point} {label}" for point, label in report.scale.items()]
    slides.chart(page, XL_CHART_TYPE.COLUMN_CLUSTERED, labels, [("People", list(first.people_at))],
                 title=f"Where people put it: {shortened(first.name, 60)}",
                 alt=f"Column chart of how many people scored “{first.name}” nearest each level: "
                     + ", ".join(f"{count} at {label}" for count, label in zip(first.people_at, labels, strict=True))
                     + ".", left=RIGHT, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, legend=False,
                 colours=[report.branding.colour], scale=(0, None), number_format="0")


def _sectors(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Where sectors see things differently")
    differences = report.summary.sector_differences
    if len(report.sectors) < 2 or not differences:
        slides.text(page, [report.sector_note or "Sectors could not be compared: nobody gave a sector."],
                    left=MARGIN, top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT)
        return
    apart = [d for d in differences if d.spread >= SECTOR_GAP]
    lines = [f"{d.principle}: {d.highest} {number(d.spread)} points above {d.lowest}" for d in apart] or [
        f"No two sectors were {number(SECTOR_GAP)} point or more apart on any principle."]
    note = Inches(1.9) if report.sector_note else 0
    slides.text(page, lines, left=MARGIN, top=BODY_TOP, width=Inches(4.2), height=BODY_HEIGHT - note, bullets=True,
                size=SMALL_PT + 2)
    if report.sector_note:
        slides.text(page, [report.sector_note], left=MARGIN, top=HEIGHT - Inches(0.75) - note, width=Inches(4.2),
                    height=note, size=SMALL_PT, colour=slides.SECONDARY_TEXT)
    slides.chart(page, XL_CHART_TYPE.COLUMN_CLUSTERED, [shortened(d.principle, 30) for d in differences],
                 [(s.name, [s.scores.get(d.principle_id) for d in differences]) for s in report.sectors],
                 alt="Column chart of each sector's mean on the principles where sectors differ most, one column per "
                     "sector (people in brackets). The report's sector table gives every number.",
                 left=MARGIN + Inches(4.5), top=BODY_TOP, width=WIDTH - 2 * MARGIN - Inches(4.5), height=BODY_HEIGHT,
                 scale=(min(report.scale), max(report.scale)))


def _exemplars(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Where the exemplars are furthest ahead")
    if not report.leads:
        slides.text(page, ["No chosen exemplar is ahead of the partnership on any principle it was judged on."],
                    left=MARGIN, top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT)
        return
    slides.table(page, ["Principle", "Exemplar", "Gap", "What they did"],
                 [[lead.principle, f"{lead.exemplar} ({lead.score})", signed(lead.gap), lead.practice or ""]
                  for lead in report.leads[:4]], widths=[3.2, 2.4, 0.9, 5.6], accent=report.branding.colour)
    slides.text(page, [("Exemplar scores are the PlaceReady editors' judgement from published evidence, not the "
                        "places' own.")], left=MARGIN, top=HEIGHT - Inches(1.05), width=WIDTH - 2 * MARGIN,
                height=Inches(0.45), size=SMALL_PT, colour=slides.SECONDARY_TEXT)


def _recommendations(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Recommendations for the next six months")
    rows = report.first_recommendations[:MAX_ROWS]
    notes = [note for note in (report.unscored_note,) if note]
    if rows:
        slides.table(page, ["#", "Principle", "What and how soon", "Why"],
                     [[str(r.rank), r.name, f"{r.kind}, {r.horizon}", r.headline] for r in rows],
                     widths=[0.5, 4.6, 2.5, 4.5],
                     accent=report.branding.colour)
    else:
        notes.insert(0, "No scored principle needs action in the next six months: each is to build on over the "
                        "year, with its steps in the report's improvement plan.")
    if notes:
        slides.text(page, notes, left=MARGIN, top=HEIGHT - Inches(2.3) if rows else BODY_TOP,
                    width=WIDTH - 2 * MARGIN, height=Inches(1.6), size=SMALL_PT if rows else 18)


def _priority(deck, report: Report, new, rank: int) -> None:  # type: ignore[no-untyped-def]
    recommendation = report.recommendations[rank]
    section = next(p for p in report.principles if p.id == recommendation.principle)
    page = new(f"Priority {rank + 1}: {recommendation.name}")
    why = ["Why", *recommendation.why]
    slides.text(page, why, left=MARGIN, top=BODY_TOP, width=HALF, height=BODY_HEIGHT, bullets=True, bold_first=True,
                size=18)
    steps = [*section.first_steps, *(s.text for s in section.next_steps)][:3]
    agreed = [f"Agreed: {a.text} ({a.owner}{', ' + a.due if a.due else ''})" for a in section.actions][:2]
    heading = f"To reach {section.next_level}" if section.next_level else "What to do"
    slides.text(page, [heading, *steps, *agreed], left=RIGHT, top=BODY_TOP, width=HALF, height=BODY_HEIGHT,
                bullets=True, bold_first=True, size=18)


def _actions(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("Actions agreed")
    actions = [a for p in report.principles for a in p.actions]
    if not actions:
        slides.text(page, ["No actions recorded yet. Agree an owner and a date for each priority."], left=MARGIN,
                    top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT)
        return
    slides.table(page, ["Principle", "Action", "Owner", "Due", "Status"],
                 [[a.principle, a.text, a.owner, a.due or "—", a.status] for a in actions[:MAX_ROWS]],
                 widths=[3.0, 4.3, 2.0, 1.4, 1.4], accent=report.branding.colour)
    notes = [f"And {len(actions) - MAX_ROWS} more in the report."] if len(actions) > MAX_ROWS else []
    if report.reviewed_actions:
        outcomes = [a.outcome or "not yet reviewed" for a in report.reviewed_actions]
        notes.append(f"From {report.reviewed_actions[0].from_workshop}: "
                     + ", ".join(f"{outcomes.count(o)} {o}" for o in dict.fromkeys(outcomes)) + ".")
    if notes:
        slides.text(page, [" ".join(notes)], left=MARGIN, top=HEIGHT - Inches(1.05), width=WIDTH - 2 * MARGIN,
                    height=Inches(0.45), size=SMALL_PT)


def _progress(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    baseline = report.baseline
    page = new("Since the baseline")
    slides.text(page, [report.executive_summary.since_baseline or ""], left=MARGIN, top=BODY_TOP, width=Inches(4.2),
                height=BODY_HEIGHT, size=18)
    changes = [c for c in baseline.changes if c.change is not None]
    if not changes:
        return
    slides.chart(page, XL_CHART_TYPE.BAR_CLUSTERED, [shortened(c.name, 30) for c in changes],
                 [(f"{baseline.title} ({baseline.held_on})", [c.first for c in changes]),
                  ("This workshop", [c.last for c in changes])],
                 alt="Bar chart of each principle's score at the baseline workshop and at this one. The report's "
                     "table since the baseline gives the numbers and whether each change is larger than the room's "
                     "spread.",
                 left=MARGIN + Inches(4.5), top=BODY_TOP, width=WIDTH - 2 * MARGIN - Inches(4.5), height=BODY_HEIGHT,
                 scale=(min(report.scale), max(report.scale)))


def _policy(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("The policy frame in 2026")
    # each point's first sentence: the whole point, and its sources, are in the report
    slides.text(page, [re.split(r"(?<=\.) (?=[A-Z])", point.text, maxsplit=1)[0] for point in report.policy[:4]],
                left=MARGIN, top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT - Inches(0.6), bullets=True,
                size=SMALL_PT + 2)
    slides.text(page, ["Each point in full, with its sources, is in the report's policy context."], left=MARGIN,
                top=HEIGHT - Inches(1.05), width=WIDTH - 2 * MARGIN, height=Inches(0.45), size=SMALL_PT,
                colour=slides.SECONDARY_TEXT)


def _numbers(deck, report: Report, new) -> None:  # type: ignore[no-untyped-def]
    page = new("What the numbers rest on")
    points = [(f"{report.participants} people scored privately, on a scale from {min(report.scale)} "
               f"({report.scale[min(report.scale)]}) to {max(report.scale)} ({report.scale[max(report.scale)]})."),
              report.agreement_rule,
              (f"Sector views show only sectors (or wider groups) of at least {MIN_SECTOR_SIZE} people, and a figure "
               f"only where {MIN_SECTOR_SIZE} or more of them scored the principle, so nobody's answers can be picked "
               "out."),
              "Priorities follow one stated rule, given in full in the report's appendix."]
    if report.exemplar_names:
        points.append("Exemplar scores are the PlaceReady editors' judgement from published evidence.")
    slides.text(page, points, left=MARGIN, top=BODY_TOP, width=WIDTH - 2 * MARGIN, height=BODY_HEIGHT, bullets=True,
                size=18)


def render_pptx(report: Report) -> bytes:
    deck = slides.new_deck(title=report.title, author=report.branding.name)
    footer = f"{report.branding.name} · {report.cover.subject} · {report.cover.version}"

    def new(title: str):  # type: ignore[no-untyped-def]
        return slides.slide(deck, title, accent=report.branding.colour, footer=footer)

    _title_slide(deck, report)
    for make in (_where_we_stand, _radar, _strengths_and_priorities, _split, _sectors, _exemplars, crosswalk.slide,
                 _recommendations):
        make(deck, report, new)
    for rank, recommendation in enumerate(report.recommendations):
        if recommendation.kind is Kind.priority:
            _priority(deck, report, new, rank)
    _actions(deck, report, new)
    if report.baseline:
        _progress(deck, report, new)
    if report.policy:
        _policy(deck, report, new)
    _numbers(deck, report, new)
    return slides.saved(deck)
