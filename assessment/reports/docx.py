"""The readiness report as an editable Word document: a cover, contents, real headings, tables whose header
repeats on each page, and charts with alt text."""

from __future__ import annotations

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.engine.report import PrincipleSection, Report
from assessment.engine.rounds import RoundComparison
from assessment.numbers import number as num
from assessment.numbers import percent as pct
from assessment.numbers import signed
from assessment.reports import crosswalk, word
from assessment.reports.charts import radar_alt, radar_png

RECOMMENDATIONS_INTRO = ("What to do in the next six months, ranked by the rule in the appendix: the priorities "
                         "first, then what to find out, then the rest. The table gives the first thing to do; the "
                         "improvement plan gives every step.")
PLAN_INTRO = ("For each principle: where it stands, what the next level takes, what the exemplars did, and the "
              "actions the room agreed.")


def _plan(document, p: PrincipleSection, vote: RoundComparison | None) -> None:  # type: ignore[no-untyped-def]
    document.add_heading(p.name, level=2)
    rec = p.recommendation
    standing = f"Level now: {p.standing}" + (f" → next: {p.next_level}" if p.next_level else "") + ". " \
        if p.standing else ""
    agreed = f", agreed {p.agreed_score} {p.agreed_label}" if p.agreed_score is not None else ""
    document.add_paragraph(f"{rec.kind.capitalize()}, {rec.horizon}. {standing}Mean {num(p.mean)}, {p.n} people, "
                           f"room {p.agreement}{agreed}.")
    word.bullets(document, p.why)
    if p.rubric:
        document.add_paragraph(f"What “{p.standing}” looks like here: {p.rubric}")
    if p.first_steps or p.next_steps:
        document.add_heading(f"To reach {p.next_level}" if p.next_level else "What to do", level=3)
        word.bullets(document, [*p.first_steps, *(s.text + (f" — {s.exemplar} did this"
                                                            + (f" (source: {s.source})" if s.source else "") + "."
                                                            if s.exemplar else "") for s in p.next_steps)])
    if p.exemplars:
        document.add_heading("What the exemplars did", level=3)
        word.bullets(document, [
            f"{e.exemplar} ({e.score}, {e.confidence} evidence"
            + (f", {signed(e.gap)} against this partnership" if e.gap is not None else "") + f"): {e.practice}"
            if e.score is not None else f"{e.exemplar} — not assessed: {e.not_assessed}" for e in p.exemplars])
    document.add_heading("Actions agreed", level=3)
    if p.actions:
        word.table(document, ["Action", "Owner", "Due", "Status"],
                   [[a.text, a.owner, a.due or "—", a.status] for a in p.actions], first_cm=8.5)
    else:
        document.add_paragraph("None recorded yet.")
    if vote is not None:
        document.add_heading("Second vote", level=3)
        document.add_paragraph(vote.in_words)
        word.table(document, ["", "People", "Mean", "Within a point of the middle", "rwg", "Room"],
                   [[name, str(f.people), num(f.mean), pct(f.within_one_point), num(f.rwg, 2), str(f.agreement)]
                    for name, f in (("First vote", vote.first), ("Second vote", vote.second))], first_cm=3.0)
    if p.note:
        document.add_heading("Notes from the discussion", level=3)
        document.add_paragraph(p.note)
    if p.comments:
        document.add_heading("What people said", level=3)
        for comment in p.comments:
            document.add_paragraph(comment, style="Quote")


def render_docx(report: Report) -> bytes:
    document = word.new_document(title=report.title, branding=report.branding)
    word.cover_page(document, report.cover, report.branding)
    headings = ["Executive summary", "Recommendations", "Where the partnership stands",
                *(["Since the baseline"] if report.baseline else []),
                *([f"{crosswalk.HEADING}: {c.foundations_title}" for c in report.crosswalks]), "Improvement plan",
                "Appendix: method, agreement statistics and the data", "Sources"]
    word.contents(document, headings)

    document.add_heading("Executive summary", level=1)
    for sentence in report.executive_summary.sentences:
        document.add_paragraph(sentence)
    document.add_heading("Key findings", level=2)
    word.bullets(document, report.key_findings)

    document.add_heading("Recommendations", level=1)
    document.add_paragraph(RECOMMENDATIONS_INTRO)
    word.table(document, ["#", "Principle", "How soon", "What to do first", "Why"], [
        [str(r.rank), r.name + (f"\n{r.level}" if r.level else ""), f"{r.kind}, {r.horizon}",
         "\n".join([*r.what, *(f"Agreed: {a.text} — {a.owner}" + (f", by {a.due}" if a.due else "")
                               for a in r.actions)]),
         "\n".join(r.why)] for r in report.first_recommendations], widths_cm=[0.8, 3.2, 2.2, 5.8, 5.0])
    if report.unscored_note:
        document.add_paragraph(report.unscored_note)
    if report.later_recommendations:
        document.add_heading("To build on over the next 12 months", level=2)
        word.bullets(document, [f"{r.name}" + (f" ({r.level})" if r.level else "") + f": {r.headline}."
                                for r in report.later_recommendations])

    document.add_heading("Where the partnership stands", level=1)
    word.picture(document, radar_png(report.principle_names, report.radar, report.scale),
                 alt=radar_alt(report.radar, "the partnership's profile"))
    names = report.principle_names
    word.table(document, ["Principle", *(s.name for s in report.radar)],
               [[name, *(num(s.scores.get(pid)) for s in report.radar)] for pid, name in names.items()], first_cm=6.5)
    if report.exemplar_names:
        document.add_paragraph(JUDGEMENT_CAVEAT)
    if report.sectors:
        document.add_heading("By sector", level=2)
        word.picture(document, radar_png(report.principle_names, report.sectors, report.scale),
                     alt=radar_alt(report.sectors, "each sector's profile"))
        word.table(document, ["Principle", *(s.name for s in report.sectors)],
                   [[name, *(num(s.scores.get(pid)) for s in report.sectors)] for pid, name in names.items()],
                   first_cm=5.0)

    if report.baseline:
        b = report.baseline
        document.add_heading("Since the baseline", level=1)
        document.add_paragraph(f"Compared with the {b.title} ({b.held_on}). A change counts as real only when it is "
                               "larger than the room's own spread at both workshops.")
        if b.note:
            document.add_paragraph(b.note)
        word.table(document, ["Principle", "Baseline", "Now", "Change", "Judged against the room's spread"],
                   [[c.name, num(c.first), num(c.last), signed(c.change), c.in_words] for c in b.changes],
                   widths_cm=[4.8, 1.9, 1.5, 1.6, 7.2])

    crosswalk.word_section(document, report.crosswalks)
    document.add_heading("Improvement plan", level=1)
    document.add_paragraph(PLAN_INTRO)
    for section in report.plan:
        _plan(document, section, report.second_votes.get(section.id))
    if report.unscored:
        document.add_heading("Principles without a score", level=2)
        document.add_paragraph("Nobody scored these principles, so they have no level. Finding out where they stand "
                               "is the first step: ask those who answered “don't know” what they would need to see, "
                               "and score them again.")
        word.table(document, ["Principle", "Why there is no score"], [[u.name, u.reason] for u in report.unscored],
                   first_cm=7.0)
    if report.reviewed_actions:
        document.add_heading("The last workshop's actions", level=2)
        document.add_paragraph("What this follow-up found had become of the actions agreed at "
                               f"{report.reviewed_actions[0].from_workshop}.")
        word.table(document, ["Principle", "Action", "Owner", "Outcome", "Note"],
                   [[a.principle, a.text, a.owner, a.outcome or "not reviewed", a.note or ""]
                    for a in report.reviewed_actions], first_cm=4.0)

    document.add_heading("Appendix: method, agreement statistics and the data", level=1)
    for paragraph in report.method:
        document.add_paragraph(paragraph)
    document.add_paragraph(f"Krippendorff's alpha across all statements: ordinal {num(report.alpha_ordinal, 2)}, "
                           f"interval {num(report.alpha_interval, 2)}.")
    document.add_heading("Agreement statistics", level=2)
    word.table(document, ["Principle", "Mean", "Median", "Level", "People", "rwg", "AD", "Don't know", "Room",
                          "Agreed"],
               [[p.name, num(p.mean), num(p.median), p.level or "—", str(p.n), num(p.rwg, 2), num(p.ad, 2),
                 pct(p.dont_know), str(p.agreement),
                 f"{p.agreed_score} {p.agreed_label}" if p.agreed_score is not None else "—"]
                for p in report.principles], widths_cm=[4.0, 1.3, 1.5, 1.9, 1.5, 1.0, 1.0, 1.4, 1.5, 1.9])
    document.add_heading("The data: every statement", level=2)
    for p in report.principles:
        document.add_heading(p.name, level=3)
        word.table(document, ["Statement", "Mean", "Median", "Answers", "Don't know"],
                   [[s.text, num(s.mean), num(s.median), str(s.n), pct(s.dont_know)] for s in p.statements],
                   first_cm=9.0)
    document.add_heading("Sources", level=1)
    word.bullets(document, report.sources, style="List Number")
    return word.saved(document)
