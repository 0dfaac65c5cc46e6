"""Progress over a place's workshops, and places side by side within a system."""

from __future__ import annotations

import datetime

from assessment.engine.progress import Basis, changes, snapshot
from assessment.engine.scoring import score
from assessment.engine.system import pairings, spreads
from tests.conftest import answers_from_matrix


def _result(tiny, value_rows):
    statements = [s.id for s in tiny.statements]
    return score(tiny, answers_from_matrix([row + [None] * (len(statements) - len(row)) for row in value_rows],
                                           statements))


def test_a_change_counts_only_when_it_is_larger_than_the_rooms_spread(tiny):
    alpha_statements = len(tiny.principles[0].statements)
    before = _result(tiny, [[2] * alpha_statements, [2] * alpha_statements, [1] * alpha_statements])
    after = _result(tiny, [[4] * alpha_statements, [5] * alpha_statements, [4] * alpha_statements])
    first = snapshot(1, "Baseline", datetime.date(2026, 1, 1), before, {})
    later = snapshot(2, "Six months on", datetime.date(2026, 7, 1), after, {tiny.principles[1].id: 3})
    assert later.principles[tiny.principles[1].id].basis is Basis.agreed
    found = {c.principle: c for c in changes(tiny, [later, first])}  # order given does not matter
    alpha = found[tiny.principles[0].id]
    assert alpha.first == before.principle(tiny.principles[0].id).mean
    assert alpha.change == after.principle(tiny.principles[0].id).mean - alpha.first
    assert alpha.beyond_spread is True and "a real change" in alpha.in_words
    beta = found[tiny.principles[1].id]
    assert beta.change is None and "Fewer than two" in beta.in_words  # scored only at the second workshop

    noisy = _result(tiny, [[1] * alpha_statements, [5] * alpha_statements, [3] * alpha_statements])
    calmer = _result(tiny, [[2] * alpha_statements, [5] * alpha_statements, [3] * alpha_statements])
    [small, *_] = changes(tiny, [snapshot(1, "a", datetime.date(2026, 1, 1), noisy, {}),
                                 snapshot(2, "b", datetime.date(2026, 2, 1), calmer, {})])
    assert small.beyond_spread is False and "could be disagreement" in small.in_words


def test_places_side_by_side_with_spreads_and_who_could_learn_from_whom(tiny):
    first, second = (p.id for p in tiny.principles[:2])
    profiles = {"Northbrook": {first: 4.0, second: 2.0}, "Southbrook": {first: 2.5, second: 2.4},
                "Westbrook": {first: 3.6, second: None}}
    by_principle = {s.principle: s for s in spreads(tiny, profiles)}
    assert (by_principle[first].lowest, by_principle[first].highest, by_principle[first].range) == (2.5, 4.0, 1.5)
    assert by_principle[second].places == 2
    found = pairings(tiny, profiles)
    assert [(p.learn_from, p.learner, p.principle) for p in found] == [("Northbrook", "Southbrook", first)]
