"""The report's words: an executive summary that leads with the clearest findings, and the key findings.

The summary opens with what a chair most needs to hear — where the whole room agrees a principle is weak, where it
agrees one is strong, where it is most divided, and what it could not judge — then where the partnership stands
and on what base, what changed, its strengths, its priorities, where the room or the sectors were divided, and
what the board should do about it. Principle names are quoted, small counts are words, and a principle is never
both a strength and a problem: a strength must stand at least a quarter of a point above the overall mean as
printed, with the room and the sectors agreeing, and be none of the principles the rule puts first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.agreement import MIN_PEOPLE, Agreement
from assessment.engine.camps import camps_in_words
from assessment.engine.findings import DONT_KNOW_SHARE, SECTOR_GAP, ExemplarLead, Kind, Priority, SectorGap
from assessment.engine.progress import Change
from assessment.engine.scoring import PrincipleScore, ScoreResult
from assessment.engine.sectors import SectorLens
from assessment.numbers import counted, difference, in_words, number, percent, printed, signed

TOP = 3
STRENGTH_MARGIN = 0.25  # scale points above the overall mean, as printed


def listed(names: Sequence[str]) -> str:
    """A, B and C."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def quoted(name: str) -> str:
    """A principle's name inside a sentence, where it reads as a name and not as part of the sentence."""
    return f"“{name}”"


def strengths(result: ScoreResult, priorities: Sequence[Priority],
              gaps: Mapping[str, SectorGap]) -> list[PrincipleScore]:
    """Up to three principles that stand clearly above the rest: a quarter of a point or more above the overall
    mean (both as printed), agreed by the room, no two sectors a point apart, under a quarter "don't know", and
    none the rule puts first or plans for (only principles to sustain). Highest first."""
    overall = result.overall.mean
    sustained = {p.principle for p in priorities if p.kind is Kind.sustain}
    found = [p for p in result.principles
             if p.id in sustained and p.agreement is Agreement.agreed and p.mean is not None and overall is not None
             and (difference(p.mean, overall) or 0) >= STRENGTH_MARGIN
             and not (p.id in gaps and gaps[p.id].gap >= SECTOR_GAP) and (p.dont_know or 0) < DONT_KNOW_SHARE]
    return sorted(found, key=lambda p: -(printed(p.mean) or 0))[:TOP]


def weakest(result: ScoreResult, priorities: Sequence[Priority], strong: Sequence[PrincipleScore]) -> list[PrincipleScore]:
    """Up to three principles with the lowest means among those with a level and not to be found out about."""
    unknown = {p.principle for p in priorities if p.kind in (Kind.find_out, Kind.settle)} | {p.id for p in strong}
    ranked = [p for p in result.principles if p.level is not None and p.id not in unknown]
    return sorted(ranked, key=lambda p: printed(p.mean) or 0)[:TOP]


def _reach(p: PrincipleScore, framework: Framework, *, above: bool) -> str:
    """"18 of 24 people scored it Maturing or above": how far the room stands with the level of its mean."""
    scale = framework.scale
    point = scale.point(p.mean)
    assert point is not None
    offset = point - scale.min
    count = sum(p.people_at[offset:]) if above else sum(p.people_at[:offset + 1])
    edge = point in (scale.max, scale.min)
    where = scale.labels[point] if edge else f"{scale.labels[point]} or {'above' if above else 'below'}"
    return f"{'All' if count == p.n else f'{count} of'} {p.n} people scored it {where}"


def _clearest(framework: Framework, result: ScoreResult, priorities: Sequence[Priority],
              strong: Sequence[PrincipleScore]) -> list[str]:
    """The strongest consensus at the bottom and at the top, the deepest split, and what the room could not
    judge."""
    scale, found = framework.scale, []
    settled = {p.principle for p in priorities if p.kind is not Kind.find_out}
    agreed_low = [p for p in result.principles if p.agreement is Agreement.agreed and p.id in settled
                  and (scale.point(p.mean) or scale.max) <= scale.min + 1]
    if agreed_low:
        low = min(agreed_low, key=lambda p: (printed(p.mean), -(p.rwg or 0)))
        found.append(f"The clearest finding: the room agrees that {quoted(low.name)} stands low, at {low.level}. "
                     f"{_reach(low, framework, above=False)} (mean {number(low.mean)}).")
    if strong:
        top = strong[0]
        gap = difference(top.mean, result.overall.mean)
        found.append(f"{'At the other end, the' if found else 'The clearest finding: the'} room agrees that "
                     f"{quoted(top.name)} is its clearest strength. {_reach(top, framework, above=True)} "
                     f"(mean {number(top.mean)}, {number(gap)} above the overall mean, with the sectors agreeing).")
    camps = sorted((p for p in result.principles if p.camps is not None),
                   key=lambda p: -((p.camps.low + p.camps.high) if p.camps else 0))
    for p in camps:
        assert p.camps is not None
        found.append(f"The room is in two camps on {quoted(p.name)}: {camps_in_words(p.camps, scale.labels)}. "
                     f"Its mean of {number(p.mean)} describes nobody in the room, so it is given no level until "
                     "the room agrees a score.")
    split = [p for p in result.principles if p.agreement is Agreement.split_room]
    if split and not camps:
        worst = max(split, key=lambda p: (p.outside_share or 0, p.ad or 0))
        outside = round((worst.outside_share or 0) * worst.n)
        found.append(f"The room is most divided on {quoted(worst.name)}: {outside} of {worst.n} people scored it "
                     f"more than a point from the middle view, and answers sit on average {number(worst.ad, 2)} "
                     "points from the mean.")
    unknown = [result.principle(p.principle) for p in priorities if p.kind is Kind.find_out]
    unsure = sorted((p for p in unknown if p.n >= MIN_PEOPLE), key=lambda p: -(p.dont_know or 0))
    if unsure:
        found.append(f"Most people could not judge {listed([quoted(p.name) for p in unsure[:TOP]])}: "
                     + listed([f"{percent(p.dont_know)} of {'its' if len(unsure) == 1 else 'the'} answers"
                               for p in unsure[:TOP]]) + " were “don't know”"
                     + (f", and {counted(len(unsure) - TOP, 'more principle')} as well." if len(unsure) > TOP
                        else "."))
    few = [p for p in unknown if p.n < MIN_PEOPLE]
    if few:
        found.append(f"Too few people scored {listed([quoted(p.name) for p in few])} to say where "
                     f"{'it stands' if len(few) == 1 else 'they stand'}." if len(few) <= TOP else
                     f"{counted(len(few), 'principle').capitalize()} had too few answers to say where they stand; "
                     "they are listed at the end.")
    return found


def _standing(partnership: str, framework: Framework, result: ScoreResult) -> str:
    scale = framework.scale
    scored = sum(p.mean is not None for p in result.principles)
    total = len(result.principles)
    if not scored:
        return f"No principle had enough answers to score, so {partnership}'s standing cannot be given yet."
    base = (f"the mean of all {in_words(total)} principles" if scored == total
            else f"the mean of the {in_words(scored)} of {in_words(total)} principles that had answers; the other "
                 f"{in_words(total - scored)} could not be scored and are listed at the end")
    return (f"Overall, {partnership} stands at {number(result.overall.mean)} ({result.overall.level}) on a scale from "
            f"{scale.min} ({scale.labels[scale.min]}) to {scale.max} ({scale.labels[scale.max]}): {base}, from "
            f"{counted(result.participants, 'person', 'people')}.")


def _since_baseline(baseline: str, changes: Sequence[Change]) -> str:
    clear = [c for c in changes if c.real]
    compared = [c for c in changes if c.change is not None]
    if not compared:
        return f"No principle was scored at both this workshop and the {baseline}, so nothing can be compared."
    if not clear:
        return (f"Compared with the {baseline}, no principle changed clearly: each of the "
                f"{counted(len(compared), 'change')} could be chance or is under a quarter of a point.")
    shown = [f"{quoted(c.name)} ({signed(c.change)})" for c in clear]
    return (f"Compared with the {baseline}, {in_words(len(clear))} of {in_words(len(compared))} principles changed "
            f"clearly: {listed(shown)}. The other changes could be chance or are small.")


def _strengths(strong: Sequence[PrincipleScore]) -> str | None:
    """The strengths after the first, which the clearest findings name; or why there is none."""
    rule = f"{number(STRENGTH_MARGIN, 2)} or more above the overall mean, with the room and the sectors agreeing"
    if not strong:
        return f"No principle stands clearly above the rest: none is {rule}."
    others = [f"{quoted(p.name)} ({number(p.mean)})" for p in strong[1:]]
    if not others:
        return None
    return f"Its other clear {'strength' if len(others) == 1 else 'strengths'} ({rule}): {listed(others)}."


def _agreement(result: ScoreResult, gaps: Mapping[str, SectorGap], lens: SectorLens) -> str:
    split = [quoted(p.name) for p in result.principles if p.agreement is Agreement.split_room]
    names = {p.id: p.name for p in result.principles}
    apart = [f"{quoted(names[pid])} ({g.highest} {number(g.high)}, {g.lowest} {number(g.low)})"
             for pid, g in sorted(gaps.items(), key=lambda item: -item[1].gap) if g.gap >= SECTOR_GAP]
    judged = [p for p in result.principles if p.agreement is not Agreement.too_few]
    if not judged:
        return "Too few people answered to tell whether the room agreed or was split."
    divided = [p for p in judged if p.agreement.divided]
    every = "every principle" if len(judged) == len(result.principles) else "every principle with enough answers to tell"
    room = (f"The room was split on {listed(split)}." if split else
            f"The room as a whole agreed on {every}." if not divided else
            "Besides the two camps, the room agreed on every other principle.")
    if not lens.compared:
        return f"{room} {lens.in_words}"
    left = f" Left out, being under 3 people: {', '.join(lens.left_out)}." if lens.left_out else ""
    if not apart:
        return room + " No two sectors were a point or more apart on any principle." + left
    return (room + f" {'But s' if not divided else 'S'}ectors see {counted(len(apart), 'principle')} differently, "
            f"a point or more apart: {listed(apart[:TOP])}." + left)


class Ranked(Protocol):
    name: str
    kind: Kind


def board_asks(priorities: Sequence[Ranked]) -> str | None:
    """The summary's "so what": what the board should do in the next three months, from the ranked principles."""
    settle = [quoted(p.name) for p in priorities if p.kind is Kind.settle]
    first = [quoted(p.name) for p in priorities if p.kind is Kind.priority]
    unknown = [quoted(p.name) for p in priorities if p.kind is Kind.find_out]
    asks = []
    if settle:
        asks.append(f"settle the difference on {listed(settle)} before planning for {'it' if len(settle) == 1 else 'them'}")
    if first:
        asks.append(f"give {'the priority' if len(first) == 1 else f'each of the {in_words(len(first))} priorities'} "
                    "an owner and a date")
    if unknown:
        asks.append(f"ask for the evidence on {listed(unknown)} to be brought to the board")
    if not asks:
        return None
    joined = asks[0] if len(asks) == 1 else "; ".join(asks[:-1]) + "; and " + asks[-1]
    return f"For the board, in the next three months: {joined}."


class ExecutiveSummary(BaseModel):
    """The summary's sentences by what they say, so the board pack can give each its own place."""

    clearest: list[str]  # the clearest findings, first
    standing: str  # where the partnership stands, and on what base
    since_baseline: str | None
    strongest: list[tuple[str, float]]  # its strengths, by the margin rule
    strengths: str | None  # the strengths after the first, or why there is none
    priorities: str | None
    agreement: str  # where the room was split, and where sectors differ
    so_what: str | None  # what the board should do

    @property
    def sentences(self) -> list[str]:
        return [s for s in (*self.clearest, self.standing, self.since_baseline, self.strengths, self.priorities,
                            self.agreement, self.so_what) if s]


def executive_summary(*, partnership: str, framework: Framework, result: ScoreResult, priorities: Sequence[Priority],
                      gaps: Mapping[str, SectorGap], lens: SectorLens, baseline: str | None,
                      changes: Sequence[Change]) -> ExecutiveSummary:
    strong = strengths(result, priorities, gaps)
    chosen = [p for p in priorities if p.kind is Kind.priority]
    if chosen:
        first = (f"The {'priority' if len(chosen) == 1 else f'{in_words(len(chosen))} priorities'} for the next "
                 f"three months: {listed([f'{quoted(p.name)} ({p.headline})' for p in chosen])}.")
    elif any(p.mean is not None for p in result.principles):
        first = ("No scored principle stands out as a priority: each is high enough, and agreed enough, to build on "
                 "over the next year.")
    else:
        first = None
    return ExecutiveSummary(
        clearest=_clearest(framework, result, priorities, strong),
        standing=_standing(partnership, framework, result),
        since_baseline=_since_baseline(baseline, changes) if baseline is not None else None,
        strongest=[(p.name, p.mean) for p in strong if p.mean is not None],
        strengths=_strengths(strong), priorities=first, agreement=_agreement(result, gaps, lens),
        so_what=board_asks(priorities))


def key_findings(*, framework: Framework, result: ScoreResult, gaps: Mapping[str, SectorGap],
                 leads: Mapping[str, ExemplarLead], changes: Sequence[Change]) -> list[str]:
    """One finding per theme, each with its figures: levels, agreement, sectors, don't know, exemplars, change."""
    scored = [p for p in result.principles if p.mean is not None]
    if not scored:
        return ["No principle had enough answers to score."]
    found = []
    counts = Counter(p.level for p in scored if p.level is not None)
    levels = [f"{in_words(counts[label])} {label}" for label in framework.scale.labels.values() if counts[label]]
    if levels:  # "four are Emerging and six Developing"
        first = next(counts[label] for label in framework.scale.labels.values() if counts[label])
        count, label = levels[0].split(" ", 1)
        levels[0] = f"{count} {'is' if first == 1 else 'are'} {label}"
    camps = sum(p.camps is not None for p in scored)
    found.append(f"Of the {counted(len(scored), 'principle')} scored, "
                 + (f"{listed(levels)}" if levels else "none has a single level")
                 + (f"; {in_words(camps)} {'has' if camps == 1 else 'have'} no single level, the room being in two "
                    "camps" if camps else "") + ".")
    agreed = [p for p in scored if p.agreement is Agreement.agreed]
    widest = max(scored, key=lambda p: p.ad if p.ad is not None else -1)
    agreed_on = (f"all {counted(len(scored), 'principle')} scored" if len(agreed) == len(scored)
                 else f"{in_words(len(agreed))} of the {counted(len(scored), 'principle')} scored")
    found.append(f"The room agreed on {agreed_on}; answers were furthest apart on {quoted(widest.name)} (on average "
                 f"{number(widest.ad, 2)} points from the mean).")
    names = {p.id: p.name for p in result.principles}
    if gaps:
        pid, g = max(gaps.items(), key=lambda item: item[1].gap)
        found.append(f"Sectors differ most on {quoted(names[pid])}: {g.highest} {number(g.high)}, {g.lowest} "
                     f"{number(g.low)}.")
    unsure = max(scored, key=lambda p: p.dont_know or 0)
    if unsure.dont_know:
        found.append(f"“Don't know” was most common on {quoted(unsure.name)} ({percent(unsure.dont_know)} of "
                     "answers).")
    if leads:
        pid, lead = max(leads.items(), key=lambda item: item[1].gap)
        found.append(f"The chosen exemplars are furthest ahead on {quoted(names[pid])}: {lead.exemplar} {lead.score}, "
                     f"{number(lead.gap)} points above this partnership.")
    found.extend(f"Since the baseline, {quoted(c.name)} went {c.in_words}" for c in changes if c.real)
    return found
