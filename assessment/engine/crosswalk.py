"""The cross-walk: which principles of one framework another's rest on, and what a room that scored both said.

A framework's principle may name, under `rests_on`, principles of another framework it depends on — each
neighbourhood health component names the Ham and Alderwick principles it needs in place. Given the room's
scores for both frameworks, each component is shown beside the scores of the principles it rests on, in the
rules every other number follows: a principle fewer than three people scored shows no figure, a split room's
principle (in two camps or otherwise) shows its mean but no level, and only principles the room agreed about
are averaged or compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assessment.content.framework import Framework, Principle
from assessment.engine.agreement import MIN_PEOPLE, Agreement
from assessment.engine.scoring import PrincipleScore, ScoreResult
from assessment.engine.summary import listed
from assessment.numbers import number

GAP = 0.5  # scale points between a component and the average of its foundations worth a sentence


class Standing(BaseModel):
    """A principle as a room scored it, under the rules every report follows."""

    mean: float | None  # None when nobody, or fewer than three people, scored it
    level: str | None  # None when the room was split (or in two camps) or the mean is not shown
    agreement: Agreement | None  # None when the room scored no statement of it
    in_words: str  # "3.1 (Developing)", "2.6, room split", "2.6, room in two camps", "fewer than 3 answers", …

    @property
    def agreed(self) -> bool:
        return self.agreement is Agreement.agreed and self.mean is not None

    @property
    def brief(self) -> str:
        """The same, to stand inside brackets: "3.1, Developing"."""
        return f"{number(self.mean)}, {self.level}" if self.level else self.in_words


class Footing(BaseModel):
    """One principle a component rests on."""

    number: int  # its place in its own framework, from 1
    principle: str
    name: str
    why: str | None
    standing: Standing | None  # None when the room did not score the other framework


class Link(BaseModel):
    """One component and the principles it rests on."""

    principle: str
    name: str
    standing: Standing | None
    foundations: list[Footing]
    foundation_mean: float | None  # the mean of the foundations the room agreed about
    agreed_foundations: int  # how many foundations that mean rests on
    in_words: str


class Crosswalk(BaseModel):
    framework_id: str
    framework_title: str
    foundations_id: str
    foundations_title: str
    scored: bool  # True when the room scored both frameworks
    links: list[Link]  # in the framework's order; components resting on nothing left out
    findings: list[str]  # what the scores say, clearest first; empty when nothing was scored
    note: str  # how the cross-walk was made and how to read it


def foundation_ids(framework: Framework) -> list[str]:
    """The frameworks this one rests on, in the order its principles first name them."""
    return list(dict.fromkeys(other for p in framework.principles for other in p.rests_on))


def standing(score: PrincipleScore | None) -> Standing:
    """A principle's score as the room may see it."""
    if score is None or score.n == 0 or score.mean is None:
        return Standing(mean=None, level=None, agreement=None, in_words="not scored")
    if score.agreement is Agreement.too_few or score.n < MIN_PEOPLE:
        return Standing(mean=None, level=None, agreement=Agreement.too_few,
                        in_words=f"fewer than {MIN_PEOPLE} answers")
    if score.agreement.divided:
        return Standing(mean=score.mean, level=None, agreement=score.agreement,
                        in_words=f"{number(score.mean)}, room {'in ' if score.camps else ''}{score.agreement}")
    return Standing(mean=score.mean, level=score.level, agreement=score.agreement,
                    in_words=f"{number(score.mean)} ({score.level})")


def crosswalk(framework: Framework, foundations: Framework, *, result: ScoreResult | None = None,
              foundation_result: ScoreResult | None = None) -> Crosswalk | None:
    """Each principle of `framework` that rests on principles of `foundations`, with the room's scores when both
    results are given; None when no principle of `framework` rests on `foundations`."""
    scored = result is not None and foundation_result is not None
    numbers = {p.id: index for index, p in enumerate(foundations.principles, start=1)}
    by_id = {p.id: p for p in foundations.principles}
    links = [_link(principle, foundations, numbers, by_id, result if scored else None,
                   foundation_result if scored else None)
             for principle in framework.principles if principle.rests_on.get(foundations.id)]
    if not links:
        return None
    return Crosswalk(
        framework_id=framework.id, framework_title=framework.title, foundations_id=foundations.id,
        foundations_title=foundations.title, scored=scored, links=links,
        findings=_findings(links) if scored else [],
        note=(f"Each principle of “{framework.title}” names the principles of “{foundations.title}” it depends on; "
              "which ones, and why, is the framework authors' judgement. "
              + ("The scores are the room's means for both frameworks at this workshop. A principle fewer than "
                 f"{MIN_PEOPLE} people scored shows no figure; where the room was split it shows the mean but no "
                 "level, and only principles the room agreed about are averaged or compared, a difference of "
                 f"{number(GAP)} points or more being reported." if scored
                 else "The room's scores appear here when a workshop scores both frameworks.")))


def unscored(framework: Framework, known: Sequence[Framework]) -> list[Crosswalk]:
    """The links alone, to each of `known` the framework rests on: for a report of answers to one framework."""
    by_id = {f.id: f for f in known}
    return [found for other in foundation_ids(framework) if other in by_id
            and (found := crosswalk(framework, by_id[other])) is not None]


def underpins(foundations: Framework, framework: Framework) -> dict[str, list[str]]:
    """The reverse view: for each principle of `foundations`, the names of the principles of `framework` that
    rest on it, in `framework`'s order."""
    found: dict[str, list[str]] = {}
    for principle in framework.principles:
        for footing in principle.rests_on.get(foundations.id, ()):
            found.setdefault(footing.principle, []).append(principle.name)
    return found


def _link(principle: Principle, foundations: Framework, numbers: dict[str, int], by_id: dict[str, Principle],
          result: ScoreResult | None, foundation_result: ScoreResult | None) -> Link:
    footings = [Footing(number=numbers[f.principle], principle=f.principle, name=by_id[f.principle].name,
                        why=f.why, standing=_scored(foundation_result, f.principle))
                for f in principle.rests_on[foundations.id] if f.principle in by_id]
    agreed = [f.standing.mean for f in footings if f.standing and f.standing.agreed and f.standing.mean is not None]
    own = _scored(result, principle.id)
    which = f"principle{'s' if len(footings) > 1 else ''} {listed([str(f.number) for f in footings])}"
    if own is None:
        in_words = (f"{principle.name} rests on {which} of “{foundations.title}”: "
                    + "; ".join(f"{f.number} {f.name}" for f in footings) + ".")
    else:
        scores = listed([f.standing.in_words for f in footings if f.standing])
        in_words = (f"{principle.name} ({own.brief}) rests on {which} — your room scored "
                    f"{'those' if len(footings) > 1 else 'it'} {scores}.")
    return Link(principle=principle.id, name=principle.name, standing=own, foundations=footings,
                foundation_mean=sum(agreed) / len(agreed) if agreed else None, agreed_foundations=len(agreed),
                in_words=in_words)


def _scored(result: ScoreResult | None, principle_id: str) -> Standing | None:
    if result is None:
        return None
    return standing(next((p for p in result.principles if p.id == principle_id), None))


def _gap(link: Link) -> float | None:
    """How far a component the room agreed about sits above (+) or below (−) its agreed foundations' average."""
    own = link.standing
    if own is None or not own.agreed or own.mean is None or link.foundation_mean is None:
        return None
    return own.mean - link.foundation_mean


def _findings(links: Sequence[Link]) -> list[str]:
    """The weakest foundation and what rests on it, the components well ahead of or behind their foundations,
    and the foundations the room was split on."""
    findings = []
    footings = {f.principle: f for link in links for f in link.foundations}
    shown = {pid: f.standing for pid, f in footings.items() if f.standing is not None}
    resting = {pid: [link.name for link in links if any(f.principle == pid for f in link.foundations)]
               for pid in footings}
    agreed = {pid: s.mean for pid, s in shown.items() if s.agreed and s.mean is not None}
    if agreed:
        lowest = min(agreed, key=lambda pid: (agreed[pid], footings[pid].number))
        weakest, names = footings[lowest], resting[lowest]
        findings.append(f"The lowest-scored foundation is principle {weakest.number}, {weakest.name} "
                        f"({shown[lowest].brief}); {len(names)} of the {len(links)} components rest on it: "
                        f"{listed(names)}.")
    gaps = [(link, gap) for link in links if (gap := _gap(link)) is not None]
    for link, gap in sorted(gaps, key=lambda item: -abs(item[1])):
        if abs(gap) < GAP:
            continue
        base = (f"the {number(link.foundation_mean)} average of the principles it rests on"
                if link.agreed_foundations == len(link.foundations)
                else f"the {number(link.foundation_mean)} average of the {link.agreed_foundations} principles it "
                     "rests on that the room agreed about")
        assert link.foundation_mean is not None  # a link without it has no gap
        scored = f"{link.name} scored {number(link.foundation_mean + gap)}"
        findings.append(f"{scored}, above {base}: the room rates the service ahead of the partnership foundations "
                        "it needs." if gap > 0 else
                        f"{scored}, below {base}: the foundations are further on than the service itself.")
    if gaps and all(abs(gap) < GAP for _, gap in gaps):
        findings.append(f"Every component the room agreed about scored within {number(GAP)} points of the average of "
                        "the principles it rests on.")
    split = sorted((footings[pid] for pid, s in shown.items() if s.agreement and s.agreement.divided),
                   key=lambda f: f.number)
    if split:
        on_split = {name for f in split for name in resting[f.principle]}
        one = len(split) == 1
        named = [f"principle {f.number}, {f.name}"
                 + (" (in two camps)" if shown[f.principle].agreement is Agreement.two_camps else "") for f in split]
        findings.append(f"The room was split on {listed(named)}; "
                        f"{'it is' if one else 'they are'} left out of the averages above, and the components "
                        f"resting on {'it' if one else 'them'} "
                        f"({listed([link.name for link in links if link.name in on_split])}) are worth "
                        "discussing before their foundations are taken as settled.")
    return findings
