"""A second vote beside the first: the change in the room's agreement, in figures and words."""

from __future__ import annotations

import pytest

from assessment.engine.rounds import compare_rounds
from tests.conftest import answers_from_matrix


def test_a_split_room_that_comes_together_says_so(tiny):
    principle = tiny.principles[0]
    statements = [s.id for s in principle.statements]
    first = answers_from_matrix([[1] * len(statements), [5] * len(statements), [1] * len(statements),
                                 [5] * len(statements), [3] * len(statements)], statements)
    second = answers_from_matrix([[3] * len(statements), [4] * len(statements), [3] * len(statements),
                                  [3] * len(statements), [3] * len(statements)], statements)
    change = compare_rounds(tiny, principle.id, first, second)
    assert (str(change.first.agreement), str(change.second.agreement)) == ("split", "agreed")
    assert change.came_together
    assert change.first.within_one_point == pytest.approx(0.2) and change.second.within_one_point == 1.0
    assert change.second.rwg > change.first.rwg
    assert change.in_words.startswith("The room went from split to agreed. Within a point of the middle view: 20% "
                                      "then 100%")
    assert compare_rounds(tiny, principle.id, first, answers_from_matrix([], statements)).in_words == (
        "Nobody has voted in the second round yet.")
