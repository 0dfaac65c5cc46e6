"""A room in two camps, in words: who sits at each end, and what each would need to see to move.

The rule that finds the camps is in `assessment.engine.agreement` (docs/scoring.md, section 5); this module only
says what it found, for the summary, the recommendations and the improvement plan.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.content.framework import Framework, Principle
from assessment.engine.scoring import Camps
from assessment.numbers import counted, in_words


def levels(points: tuple[int, int], labels: Mapping[int, str]) -> str:
    """`(1, 1)` → "Not yet in place"; `(4, 5)` → "Maturing or Thriving"; `(1, 3)` → "Not yet in place to Developing"."""
    low, high = points
    if low == high:
        return labels[low]
    return f"{labels[low]} {'or' if high == low + 1 else 'to'} {labels[high]}"


def camps_in_words(camps: Camps, labels: Mapping[int, str]) -> str:
    """"12 people at Not yet in place or Emerging, 10 at Maturing or Thriving and 2 in between"."""
    between = f" and {in_words(camps.between)} in between" if camps.between else ""
    return (f"{counted(camps.low, 'person', 'people')} at {levels(camps.low_points, labels)}, "
            f"{in_words(camps.high)} at {levels(camps.high_points, labels)}{between}")


def settle_steps(framework: Framework, principle: Principle, camps: Camps) -> list[str]:
    """The first things to do about a room in two camps: hear what each camp would need to see, then agree a score.
    Each camp is shown the framework's own picture of the level the other camp gave, where it has one."""
    labels = framework.scale.labels
    toward_high, toward_low = camps.high_points[0], camps.low_points[1]

    def picture(point: int) -> str:
        rubric = principle.rubric.get(point)
        return f" — which this framework pictures as “{rubric.rstrip('.')}”" if rubric else ""

    return [
        (f"Settle the difference before choosing steps. Ask the {counted(camps.low, 'person', 'people')} at "
         f"{levels(camps.low_points, labels)} what they would need to see to put it at {labels[toward_high]}"
         f"{picture(toward_high)}; and ask the {in_words(camps.high)} at {levels(camps.high_points, labels)} what "
         f"they see that the others do not, and what would make them agree it is nearer {labels[toward_low]}"
         f"{picture(toward_low)}."),
        ("Bring that evidence to the board, vote again, and record the score the room agrees: the steps for its "
         "level follow from that score."),
    ]
