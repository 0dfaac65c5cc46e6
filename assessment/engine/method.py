"""How the report's numbers are made, in the words of its appendix: every rule with this scale's numbers."""

from __future__ import annotations

from assessment.content.exemplar import JUDGEMENT_CAVEAT
from assessment.content.framework import Framework
from assessment.engine.agreement import rule_in_words
from assessment.engine.findings import rule_in_words as priority_rule
from assessment.engine.sectors import MIN_SECTOR_SIZE


def method(framework: Framework, *, with_exemplars: bool) -> list[str]:
    """The appendix's paragraphs, with this framework's scale and cut-offs."""
    scale = ", ".join(f"{point} {label}" for point, label in framework.scale.labels.items())
    paragraphs = [
        f"Each person scored each statement privately on the scale {scale}, or answered “don't know”. "
        "Nobody gave their name; each gave their organisation and sector.",
        "A principle's mean is the mean of its statements' means; its median is the median of each person's own "
        "average across the principle's statements. The level is the scale label nearest the mean (a tie goes up). "
        "“Don't know” answers are counted separately and left out of every average. The overall mean is the mean "
        "of the principles that have a score, and the report says how many those are.",
        "Agreement: rwg compares how widely answers vary with how widely they would vary if people answered at "
        "random (1 means everyone agreed, 0 no more agreement than chance); for a principle it combines its "
        "statements (James, Demaree and Wolf's rwg(J)). AD is the average distance, in scale points, of answers "
        "from their mean. " + rule_in_words(len(framework.scale.points)),
        "Krippendorff's alpha (ordinal and interval) measures how far people agree across all statements at once.",
        f"Sector views are shown only for sectors with at least {MIN_SECTOR_SIZE} people, so that no one's "
        "answers can be picked out.",
        "Agreed scores are what the room settled on in discussion; they sit beside the individual answers and "
        "never replace them.",
        priority_rule(framework),
    ]
    if with_exemplars:
        paragraphs.append(JUDGEMENT_CAVEAT)
    return paragraphs
