"""The report's words: an executive summary in sentences and the key findings, each with the figures behind it.

Every sentence says on what base it stands (how many principles could be scored, how many people), so a
mean from two principles is never read as the partnership's overall standing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.agreement import Agreement
from assessment.engine.findings import SECTOR_GAP, ExemplarLead, Kind, Priority, SectorGap
from assessment.engine.progress import Change
from assessment.engine.scoring import ScoreResult
from assessment.numbers import number, percent, signed

TOP = 3


def listed(names: Sequence[str]) -> str:
    """A, B and C."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def strongest_and_weakest(result: ScoreResult) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Up to three of each, never the same principle in both: with few principles scored, the top half are the
    strongest and the rest the weakest."""
    ranked = sorted(((p.mean, p.name) for p in result.principles if p.mean is not None), reverse=True)
    strong = min(TOP, (len(ranked) + 1) // 2)
    weak = min(TOP, len(ranked) - strong)
    return [(n, m) for m, n in ranked[:strong]], [(n, m) for m, n in sorted(ranked)[:weak]]


def _standing(partnership: str, framework: Framework, result: ScoreResult) -> str:
    scale = framework.scale
    scored = sum(p.mean is not None for p in result.principles)
    total = len(result.principles)
    if not scored:
        return f"No principle had enough answers to score, so {partnership}'s standing cannot be given yet."
    base = (f"the mean of all {total} principles" if scored == total
            else f"the mean of the {scored} of {total} principles that had answers; the other {total - scored} "
                 "could not be scored and are listed at the end")
    return (f"{partnership} stands at {number(result.overall.mean)} ({result.overall.level}) on a scale from "
            f"{scale.min} ({scale.labels[scale.min]}) to {scale.max} ({scale.labels[scale.max]}): {base}, from "
            f"{result.participants} {'person' if result.participants == 1 else 'people'}.")


def _since_baseline(baseline: str, changes: Sequence[Change]) -> str:
    moved = [c for c in changes if c.beyond_spread]
    compared = [c for c in changes if c.change is not None]
    if not compared:
        return f"No principle was scored at both this workshop and the {baseline}, so nothing can be compared."
    if not moved:
        return (f"Compared with the {baseline}, no principle moved by more than the room's own spread, so none of "
                f"the {len(compared)} changes can yet be called real; each could be disagreement in the room.")
    shown = [f"{c.name} ({signed(c.change)})" for c in moved]
    return (f"Compared with the {baseline}, {len(moved)} of {len(compared)} principles moved by more than the "
            f"room's own spread: {listed(shown)}. The other changes are within the spread.")


def _agreement(result: ScoreResult, gaps: Mapping[str, SectorGap]) -> str:
    split = [p.name for p in result.principles if p.agreement is Agreement.split]
    wide = sorted((g for g in gaps.values() if g.gap >= SECTOR_GAP), key=lambda g: -g.gap)
    names = {p.id: p.name for p in result.principles}
    apart = [f"{names[pid]} ({g.highest} {number(g.high)}, {g.lowest} {number(g.low)})"
             for pid, g in sorted(gaps.items(), key=lambda item: -item[1].gap) if g.gap >= SECTOR_GAP][:TOP]
    judged = [p for p in result.principles if p.agreement is not Agreement.too_few]
    if not judged:
        return "Too few people answered to tell whether the room agreed or was split."
    every = "every principle" if len(judged) == len(result.principles) else "every principle with enough answers to tell"
    room = f"The room was split on {listed(split)}." if split else f"The room as a whole agreed on {every}."
    if not gaps:
        return room + (" Sectors could not be compared: fewer than two had the three people needed to show one "
                       "without identifying anyone.")
    if not wide:
        return room + " No two sectors were a point or more apart on any principle."
    return (room + f" {'But s' if not split else 'S'}ectors see {len(wide)} "
            f"{'principle' if len(wide) == 1 else 'principles'} differently, a point or more apart: {listed(apart)}.")


class ExecutiveSummary(BaseModel):
    """The summary's sentences by what they say, so the board pack can give each its own place."""

    standing: str  # where the partnership stands, and on what base
    since_baseline: str | None
    strongest: list[tuple[str, float]]  # its strengths: the highest means, leaving out the priorities
    strengths: str | None
    priorities: str | None
    find_out: str | None  # what too few people could judge
    agreement: str  # where the room was split, and where sectors differ

    @property
    def sentences(self) -> list[str]:
        return [s for s in (self.standing, self.since_baseline, self.strengths, self.priorities, self.find_out,
                            self.agreement) if s]


def executive_summary(*, partnership: str, framework: Framework, result: ScoreResult, priorities: Sequence[Priority],
                      gaps: Mapping[str, SectorGap], baseline: str | None,
                      changes: Sequence[Change]) -> ExecutiveSummary:
    """Where the partnership stands and on what base, what changed since the baseline, its strengths, its
    priorities, what nobody could judge, and where the room or the sectors were divided."""
    chosen = [p for p in priorities if p.kind is Kind.priority]
    unknown = [p.name for p in priorities if p.kind is Kind.find_out]
    # a principle the rule puts first is not also called a strength, however its mean ranks
    put_first = {p.name for p in chosen} | set(unknown)
    strongest = [(n, m) for n, m in strongest_and_weakest(result)[0] if n not in put_first]
    if chosen:
        first = (f"The {'priority' if len(chosen) == 1 else f'{len(chosen)} priorities'} for the next three months: "
                 f"{listed([f'{p.name} ({p.headline})' for p in chosen])}.")
    elif any(p.mean is not None for p in result.principles):
        first = ("No scored principle stands out as a priority: each is high enough, and agreed enough, to build on "
                 "over the next year.")
    else:
        first = None
    return ExecutiveSummary(
        standing=_standing(partnership, framework, result),
        since_baseline=_since_baseline(baseline, changes) if baseline is not None else None,
        strongest=strongest,
        strengths=(f"Its {'strongest principles are' if len(strongest) > 1 else 'strongest principle is'} "
                   f"{listed([f'{n} ({number(m)})' for n, m in strongest])}.") if strongest else None,
        priorities=first,
        find_out=(f"Too few people could judge {listed(unknown)}: finding out where "
                  f"{'it stands' if len(unknown) == 1 else 'they stand'} is a priority in itself, not a sign of "
                  "weakness.") if unknown else None,
        agreement=_agreement(result, gaps))


def key_findings(*, framework: Framework, result: ScoreResult, gaps: Mapping[str, SectorGap],
                 leads: Mapping[str, ExemplarLead], changes: Sequence[Change]) -> list[str]:
    """One finding per theme, each with its figures: levels, agreement, sectors, don't know, exemplars, change."""
    scored = [p for p in result.principles if p.mean is not None]
    if not scored:
        return ["No principle had enough answers to score."]
    found = []
    counts = Counter(p.level for p in scored)
    levels = [f"{counts[label]} {label}" for label in framework.scale.labels.values() if counts[label]]
    found.append(f"Of the {len(scored)} principles scored, {listed(levels)}.")
    agreed = [p for p in scored if p.agreement is Agreement.agreed]
    widest = max(scored, key=lambda p: p.ad if p.ad is not None else -1)
    found.append(f"The room agreed on {len(agreed)} of {len(scored)} principles; answers were furthest apart on "
                 f"{widest.name} (on average {number(widest.ad, 2)} points from the mean).")
    names = {p.id: p.name for p in result.principles}
    if gaps:
        pid, g = max(gaps.items(), key=lambda item: item[1].gap)
        found.append(f"Sectors differ most on {names[pid]}: {g.highest} {number(g.high)}, {g.lowest} {number(g.low)}.")
    unsure = max(scored, key=lambda p: p.dont_know or 0)
    if unsure.dont_know:
        found.append(f"“Don't know” was most common on {unsure.name} ({percent(unsure.dont_know)} of answers).")
    if leads:
        pid, lead = max(leads.items(), key=lambda item: item[1].gap)
        found.append(f"The chosen exemplars are furthest ahead on {names[pid]}: {lead.exemplar} {lead.score}, "
                     f"{number(lead.gap)} points above this partnership.")
    moved = [c for c in changes if c.beyond_spread]
    for change in moved:
        found.append(f"Since the baseline, {change.name} went {change.in_words}")
    return found
