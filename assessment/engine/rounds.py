"""A second vote on a principle after discussion, beside the first: did the room move, and did it come together?

Both rounds are scored by the same engine. The comparison reads the principle's mean, rwg(J), the share of
people within one point of the middle view (the complement of the share the split rule counts) and the
verdict, first round then second.
"""

from __future__ import annotations

from pydantic import BaseModel

from assessment.content.framework import Framework
from assessment.engine.agreement import Agreement
from assessment.engine.responses import Responses
from assessment.engine.scoring import PrincipleScore, score
from assessment.numbers import number, percent


class RoundFigures(BaseModel):
    people: int
    mean: float | None
    median: float | None
    rwg: float | None
    within_one_point: float | None  # share of people whose principle score is within 1 point of the median
    agreement: Agreement


class RoundComparison(BaseModel):
    framework_id: str
    principle_id: str
    name: str
    first: RoundFigures
    second: RoundFigures
    came_together: bool  # split (or too few) in the first round, agreed in the second
    in_words: str


def _figures(scored: PrincipleScore) -> RoundFigures:
    within = None if scored.outside_share is None else 1 - scored.outside_share
    return RoundFigures(people=scored.n, mean=scored.mean, median=scored.median, rwg=scored.rwg,
                        within_one_point=within, agreement=scored.agreement)


def compare_rounds(framework: Framework, principle_id: str, first: Responses, second: Responses) -> RoundComparison:
    """The principle's first-round and second-round figures side by side, and what changed, in words."""
    principle = next(p for p in framework.principles if p.id == principle_id)
    before = _figures(score(framework, first).principle(principle_id))
    after = _figures(score(framework, second).principle(principle_id))
    came_together = before.agreement is not Agreement.agreed and after.agreement is Agreement.agreed
    if after.people == 0:
        words = "Nobody has voted in the second round yet."
    else:
        verdict = (f"from {before.agreement} to {after.agreement}" if before.agreement != after.agreement
                   else f"{after.agreement} in both rounds")
        words = (f"The room went {verdict}. Within a point of the middle view: {percent(before.within_one_point)} "
                 f"then {percent(after.within_one_point)}; rwg {number(before.rwg, 2)} then {number(after.rwg, 2)}; "
                 f"mean {number(before.mean)} then {number(after.mean)} ({after.people} people voted again).")
    return RoundComparison(framework_id=framework.id, principle_id=principle_id, name=principle.name, first=before,
                           second=after, came_together=came_together, in_words=words)
