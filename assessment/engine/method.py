"""How the report's numbers are made, in the words of its appendix: every rule with this scale's numbers, and what
the data at hand holds (who gave an organisation or a sector, and whether the answers were given live, typed in
from paper or imported)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.content.framework import Framework
from assessment.engine.agreement import rule_in_words
from assessment.engine.findings import rule_in_words as priority_rule
from assessment.engine.progress import MEANINGFUL
from assessment.engine.responses import Responses
from assessment.engine.sectors import MIN_SECTOR_SIZE
from assessment.numbers import counted, number


class Origin(StrEnum):
    live = "live"  # given on phones (or typed in from paper forms) in a PlaceReady workshop
    imported = "imported"  # a workshop file or answers collected elsewhere, imported into PlaceReady
    file = "file"  # a responses CSV read for this report


class DataFacts(BaseModel):
    """What the method page says about the data: where it came from and what people gave besides their scores."""

    origin: Origin
    people: int
    with_organisation: int
    with_sector: int
    on_paper: int = 0  # people whose answers were typed in from a paper form


def data_facts(responses: Responses, *, origin: Origin, on_paper: int = 0) -> DataFacts:
    table = responses.table
    people = table["participant"].nunique()
    given = table.groupby("participant", sort=False)[["organisation", "sector"]].first()
    return DataFacts(origin=origin, people=int(people), with_organisation=int(given["organisation"].notna().sum()),
                     with_sector=int(given["sector"].notna().sum()), on_paper=on_paper)


def _gave(count: int, people: int, what: str) -> str:
    if count == people:
        return f"each gave their {what}"
    if count == 0:
        return f"nobody gave {'an' if what[0] in 'aeiou' else 'a'} {what}"
    return f"{count} of {people} gave their {what}"


def _where_from(facts: DataFacts) -> str:
    if facts.origin is Origin.file:
        return "The answers were read from a responses file (CSV) for this report; PlaceReady did not see them given."
    if facts.origin is Origin.imported:
        return ("The answers were imported from a file of answers collected elsewhere; PlaceReady did not see them "
                "given.")
    paper = (f" {counted(facts.on_paper, 'person', 'people').capitalize()}'s answers were typed in by the "
             "facilitator from paper forms." if facts.on_paper else "")
    return "The answers were given privately on phones during the workshop." + paper


def method(framework: Framework, *, with_exemplars: bool, facts: DataFacts, with_baseline: bool = False) -> list[str]:
    """The appendix's paragraphs, with this framework's scale and cut-offs and this data's facts."""
    scale = ", ".join(f"{point} {label}" for point, label in framework.scale.labels.items())
    given = (f"Nobody gave their name; {_gave(facts.with_organisation, facts.people, 'organisation')}, and "
             f"{_gave(facts.with_sector, facts.people, 'sector')}.")
    paragraphs = [
        f"Each person scored each statement privately on the scale {scale}, or answered “don't know”. {given} "
        + _where_from(facts),
        ("A principle's mean is the mean of its statements' means; its median is the median of each person's own "
         "average across the principle's statements. The level is the scale label nearest the mean as printed, to "
         "one decimal place (a tie goes up), and every difference is worked out from the numbers as printed. "
         "“Don't know” answers are counted separately and left out of every average. The overall mean is the mean "
         "of the principles that have a score, and the report says how many those are."),
        "Agreement: rwg compares how widely answers vary with how widely they would vary if people answered at "
        "random (1 means everyone agreed, 0 no more agreement than chance); for a principle it combines its "
        "statements (James, Demaree and Wolf's rwg(J)). AD is the average distance, in scale points, of answers "
        "from their mean. " + rule_in_words(len(framework.scale.points)),
        "Krippendorff's alpha (ordinal and interval) measures how far people agree across all statements at once.",
        (f"Sector views are shown only for sectors with at least {MIN_SECTOR_SIZE} people, and each sector's figure "
         f"for a principle only where at least {MIN_SECTOR_SIZE} of them scored it, so that no one's answers can be "
         "picked out; where single sectors are too small, the workshop's wider groups are shown instead, as they "
         "were in the room. Whatever is left out is named with its size."),
        ("Agreed scores are what the room settled on in discussion; they sit beside the individual answers and "
         "never replace them."),
        priority_rule(framework),
    ]
    if with_baseline:
        paragraphs.append(
            "A change since the baseline is worked out from the two scores as printed. It is judged against "
            "Welch's 95% interval for the difference of two means, over the people of the two workshops: a change "
            f"is clear when the interval leaves out no change and it is at least {number(MEANINGFUL, 2)} of a point; "
            "small when the interval leaves out no change but it is smaller; and it could be chance when the "
            "interval takes in no change.")
    if with_exemplars:
        paragraphs.append(JUDGEMENT_CAVEAT)
    return paragraphs
