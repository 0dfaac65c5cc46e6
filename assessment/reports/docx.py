"""The readiness report as an editable Word document: a cover, contents, real headings, tables whose header
repeats on each page, and charts with alt text. The combined report of several frameworks puts each framework's
sections one heading level down, in a part of its own."""

from __future__ import annotations

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.engine.citations import Citation
from assessment.engine.combined import CombinedReport, Ranked
from assessment.engine.plan import PrincipleSection, Recommendation
from assessment.engine.report import Report
from assessment.engine.rounds import RoundComparison
from assessment.engine.sectors import WITHHELD
from assessment.numbers import number as num
from assessment.numbers import percent as pct
from assessment.numbers import signed
from assessment.reports import crosswalk, word
from assessment.reports.charts import people_alt, people_png, radar_alt, radar_png

RECOMMENDATIONS_INTRO = ("What to do in the next six months, ranked by the rule in the appendix: the priorities "
                         "first, then what to settle and what to find out, then the rest. The table gives the first "
                         "thing to do; the improvement plan gives every step.")
PLAN_INTRO = ("For each principle: where it stands, what the next level takes, what the exemplars did, and the "
              "actions the room agreed.")


def _cited(sources: list[Citation]) -> str:
    return "; ".join(c.in_full for c in sources)


def _camps(document, p: PrincipleSection, scale: dict[int, str], level: int) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("How the room's answers fall", level=level)
    word.picture(document, people_png(p.people_at, scale), alt=people_alt(p.name, p.people_at, scale), width_cm=10.0)
    word.table(document, ["Scored nearest", "People"],
               [[f"{point} {label}", str(count)] for (point, label), count in zip(scale.items(), p.people_at,
                                                                                  strict=True)], widths_cm=[6.0, 2.0])


def _plan(document, p: PrincipleSection, vote: RoundComparison | None, scale: dict[int, str],  # type: ignore[no-untyped-def]
          level: int) -> None:
    document.add_heading(p.name, level=level)
    rec = p.recommendation
    standing = (f"Level now: {p.standing}" + (f" → next: {p.next_level}" if p.next_level else "") + ". "
                if p.standing else "No single level: the room is in two camps. " if p.camps else "")
    agreed = f", agreed {p.agreed_score} {p.agreed_label}" if p.agreed_score is not None else ""
    document.add_paragraph(f"{rec.kind.capitalize()}, {rec.horizon}. {standing}Mean {num(p.mean)}, {p.n} people, "
                           f"room {'in ' if p.camps else ''}{p.agreement}{agreed}.")
    word.bullets(document, p.why)
    if p.camps:
        _camps(document, p, scale, level + 1)
    if p.rubric:
        document.add_paragraph(f"What “{p.standing}” looks like here: {p.rubric}")
    if p.policy:
        document.add_paragraph(f"In today's policy frame: {p.policy.text} (Sources: {_cited(p.policy.sources)}.)")
    if p.first_steps or p.next_steps:
        document.add_heading(f"To reach {p.next_level}" if p.next_level else "What to do", level=level + 1)
        word.bullets(document, [*p.first_steps, *(s.text + (f" — {s.exemplar} did this"
                                                            + (f" (source: {s.source})" if s.source else "") + "."
                                                            if s.exemplar else "") for s in p.next_steps)])
    if p.exemplars:
        document.add_heading("What the exemplars did", level=level + 1)
        word.bullets(document, [
            f"{e.exemplar} ({e.score}, {e.confidence} evidence"
            + (f", {signed(e.gap)} against this partnership" if e.gap is not None else "") + f"): {e.practice}"
            if e.score is not None else f"{e.exemplar} — not assessed: {e.not_assessed}" for e in p.exemplars])
    document.add_heading("Actions agreed", level=level + 1)
    if p.actions:
        word.table(document, ["Action", "Owner", "Due", "Status"],
                   [[a.text, a.owner, a.due or "—", a.status] for a in p.actions], first_cm=8.5)
    else:
        document.add_paragraph("None recorded yet.")
    if vote is not None:
        document.add_heading("Second vote", level=level + 1)
        document.add_paragraph(vote.in_words)
        word.table(document, ["", "People", "Mean", "Within a point of the middle", "rwg", "Room"],
                   [[name, str(f.people), num(f.mean), pct(f.within_one_point), num(f.rwg, 2), str(f.agreement)]
                    for name, f in (("First vote", vote.first), ("Second vote", vote.second))], first_cm=3.0)
    if p.note:
        document.add_heading("Notes from the discussion", level=level + 1)
        document.add_paragraph(p.note)
    if p.comments:
        document.add_heading("What people said", level=level + 1)
        for comment in p.comments:
            document.add_paragraph(comment, style="Quote")


def _recommendations_table(document, rows: list[tuple[str, Recommendation, str | None]]) -> None:  # type: ignore[no-untyped-def]
    """(rank, recommendation, its framework's title in a combined report)."""
    word.table(document, ["#", "Principle", "How soon", "What to do first", "Why"], [
        [rank, r.name + (f"\n{framework}" if framework else "") + (f"\n{r.level}" if r.level else ""),
         f"{r.kind}, {r.horizon}",
         "\n".join([*r.what, *(f"Agreed: {a.text} — {a.owner}" + (f", by {a.due}" if a.due else "")
                               for a in r.actions)]),
         "\n".join(r.why)] for rank, r, framework in rows], widths_cm=[0.8, 3.2, 2.2, 5.8, 5.0])


def _later(document, items: list[tuple[Recommendation, str | None]], level: int) -> None:  # type: ignore[no-untyped-def]
    if items:
        document.add_heading("To build on over the next 12 months", level=level)
        word.bullets(document, [r.name + (f" ({framework})" if framework else "") + (f" ({r.level})" if r.level else "")
                                + f": {r.headline}." for r, framework in items])


def _profile(document, report: Report, level: int) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("Where the partnership stands", level=level)
    word.picture(document, radar_png(report.principle_names, report.radar, report.scale),
                 alt=radar_alt(report.radar, "the partnership's profile"))
    names = report.principle_names
    word.table(document, ["Principle", *(s.name for s in report.radar)],
               [[name, *(num(s.scores.get(pid)) for s in report.radar)] for pid, name in names.items()], first_cm=6.5)
    if report.in_two_camps:
        document.add_paragraph("A room in two camps has no single level; its mean is shown for reference only. See "
                               "the improvement plan for how its answers fall.")
    if report.exemplar_names:
        document.add_paragraph(JUDGEMENT_CAVEAT)
    document.add_heading("By sector", level=level + 1)
    if report.sectors:
        word.picture(document, radar_png(report.principle_names, report.sectors, report.scale),
                     alt=radar_alt(report.sectors, "each sector's profile"))
        word.table(document, ["Principle", *(s.name for s in report.sectors)],
                   [[name, *(WITHHELD if pid in s.withheld else num(s.scores.get(pid)) for s in report.sectors)]
                    for pid, name in names.items()], first_cm=5.0)
    if report.sector_note:
        document.add_paragraph(report.sector_note)


def _policy(document, report: Report, level: int) -> None:  # type: ignore[no-untyped-def]
    if report.policy:
        document.add_heading("Policy context", level=level)
        document.add_paragraph(f"How “{report.framework_title}” bears on the policy that partnerships work within in "
                               "2026; each point gives its sources.")
        for point in report.policy:
            document.add_paragraph(f"{point.text} (Sources: {_cited(point.sources)}.)")


def _baseline(document, report: Report, level: int) -> None:  # type: ignore[no-untyped-def]
    if report.baseline:
        b = report.baseline
        document.add_heading("Since the baseline", level=level)
        document.add_paragraph(f"Compared with the {b.title} ({b.held_on}). A change is judged by its size and by a "
                               "95% interval over the people of the two workshops: it is clear when the interval "
                               "leaves out no change and it is a quarter of a point or more.")
        if b.note:
            document.add_paragraph(b.note)
        word.table(document, ["Principle", "Baseline", "Now", "Change", "How sure, and what else changed"],
                   [[c.name, num(c.first), num(c.last), signed(c.change), c.in_words] for c in b.changes],
                   widths_cm=[4.8, 1.9, 1.5, 1.6, 7.2])


def _plan_part(document, report: Report, level: int) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("Improvement plan", level=level)
    document.add_paragraph(PLAN_INTRO)
    for section in report.plan:
        _plan(document, section, report.second_votes.get(section.id), report.scale, level + 1)
    if report.unscored:
        document.add_heading("Principles without a score", level=level + 1)
        document.add_paragraph("Nobody scored these principles, so they have no level. Finding out where they stand "
                               "is the first step: ask those who answered “don't know” what they would need to see, "
                               "and score them again.")
        word.table(document, ["Principle", "Why there is no score"], [[u.name, u.reason] for u in report.unscored],
                   first_cm=7.0)
    if report.reviewed_actions:
        document.add_heading("The last workshop's actions", level=level + 1)
        document.add_paragraph("What this follow-up found had become of the actions agreed at "
                               f"{report.reviewed_actions[0].from_workshop}.")
        word.table(document, ["Principle", "Action", "Owner", "Outcome", "Note"],
                   [[a.principle, a.text, a.owner, a.outcome or "not reviewed", a.note or ""]
                    for a in report.reviewed_actions], first_cm=4.0)


def _data(document, report: Report, level: int) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph(f"Krippendorff's alpha across all statements: ordinal {num(report.alpha_ordinal, 2)}, "
                           f"interval {num(report.alpha_interval, 2)}.")
    document.add_heading("Agreement statistics", level=level)
    word.table(document, ["Principle", "Mean", "Median", "Level", "People", "rwg", "AD", "Don't know", "Room",
                          "Agreed"],
               [[p.name, num(p.mean), num(p.median), p.level or "—", str(p.n), num(p.rwg, 2), num(p.ad, 2),
                 pct(p.dont_know), str(p.agreement),
                 f"{p.agreed_score} {p.agreed_label}" if p.agreed_score is not None else "—"]
                for p in report.principles], widths_cm=[4.0, 1.3, 1.5, 1.9, 1.5, 1.0, 1.0, 1.4, 1.5, 1.9])
    document.add_heading("The data: every statement", level=level)
    for p in report.principles:
        document.add_heading(p.name, level=level + 1)
        word.table(document, ["Statement", "Mean", "Median", "Answers", "Don't know"],
                   [[s.text, num(s.mean), num(s.median), str(s.n), pct(s.dont_know)] for s in p.statements],
                   first_cm=9.0)


def _method(document, heading: str, paragraphs: list[str]) -> None:  # type: ignore[no-untyped-def]
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)


def render_docx(report: Report) -> bytes:
    document = word.new_document(title=report.title, branding=report.branding)
    word.cover_page(document, report.cover, report.branding)
    word.contents(document, ["Executive summary", "Recommendations", "Where the partnership stands",
                             *(["Policy context"] if report.policy else []),
                             *(["Since the baseline"] if report.baseline else []),
                             *(f"{crosswalk.HEADING}: {c.foundations_title}" for c in report.crosswalks),
                             "Improvement plan",
                             "Appendix: method, agreement statistics and the data", "Sources"])
    document.add_heading("Executive summary", level=1)
    for sentence in report.executive_summary.sentences:
        document.add_paragraph(sentence)
    document.add_heading("Key findings", level=2)
    word.bullets(document, report.key_findings)
    document.add_heading("Recommendations", level=1)
    document.add_paragraph(RECOMMENDATIONS_INTRO)
    _recommendations_table(document, [(str(r.rank), r, None) for r in report.first_recommendations])
    if report.unscored_note:
        document.add_paragraph(report.unscored_note)
    _later(document, [(r, None) for r in report.later_recommendations], 2)
    _profile(document, report, 1)
    _policy(document, report, 1)
    _baseline(document, report, 1)
    crosswalk.word_section(document, report.crosswalks)
    _plan_part(document, report, 1)
    _method(document, "Appendix: method, agreement statistics and the data", report.method)
    _data(document, report, 2)
    _sources(document, report.sources)
    return word.saved(document)


def _sources(document, sources: list[Citation]) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("Sources", level=1)
    word.bullets(document, [c.in_full for c in sources], style="List Number")


def _ranked_rows(items: list[Ranked]) -> list[tuple[str, Recommendation, str | None]]:
    return [(str(item.rank), item.recommendation, item.framework) for item in items]


def render_combined_docx(report: CombinedReport) -> bytes:
    document = word.new_document(title=report.title, branding=report.branding)
    word.cover_page(document, report.cover, report.branding)
    word.contents(document, ["Executive summary", "Recommendations",
                             *(f"Part {i}: {part.framework_title}" for i, part in enumerate(report.parts, start=1)),
                             *(s.title for s in report.cross_sections), "Appendix: method", "Sources"])
    document.add_heading("Executive summary", level=1)
    for sentence in report.summary:
        document.add_paragraph(sentence)
    document.add_heading("Recommendations", level=1)
    document.add_paragraph(RECOMMENDATIONS_INTRO)
    _recommendations_table(document, _ranked_rows(report.recommendations))
    _later(document, [(item.recommendation, item.framework) for item in report.later], 2)
    for index, part in enumerate(report.parts, start=1):
        document.add_heading(f"Part {index}: {part.framework_title}", level=1)
        document.add_heading("Key findings", level=2)
        word.bullets(document, part.key_findings)
        _profile(document, part, 2)
        _policy(document, part, 2)
        _baseline(document, part, 2)
        _plan_part(document, part, 2)
        document.add_heading("The figures", level=2)
        _data(document, part, 3)
    for section in report.cross_sections:
        document.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        if section.rows:
            word.table(document, section.header, section.rows, first_cm=5.0)
    _method(document, "Appendix: method", report.method)
    _sources(document, report.sources)
    return word.saved(document)
