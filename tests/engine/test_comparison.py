"""A partnership beside exemplars: gaps largest first, unknowns kept apart from zeros."""

from __future__ import annotations

import pytest

from assessment.content.exemplar import read_exemplar
from assessment.engine.comparison import GapKind, compare
from tests.conftest import DATA


@pytest.fixture
def northtown(tiny):
    return read_exemplar(DATA / "exemplars" / "northtown.yaml", [tiny])


def test_gaps_largest_first_with_what_the_exemplar_did(tiny, northtown):
    gaps = compare(tiny, {"alpha": 2.5, "beta": 3.0, "gamma": 1.0}, [northtown])
    assert [(g.principle, g.kind) for g in gaps] == [
        ("alpha", GapKind.behind), ("beta", GapKind.ahead), ("gamma", GapKind.not_assessed),
    ]
    alpha = gaps[0]
    assert alpha.gap == 2.5
    assert alpha.practice == "They pooled every budget."
    assert alpha.sources[0].citation().startswith("“Northtown report”, Northtown Council, 2021.")
    assert gaps[1].gap == -1.0


def test_an_unassessed_principle_is_a_gap_in_knowledge_not_a_zero(tiny, northtown):
    gamma = next(g for g in compare(tiny, {"gamma": 1.0}, [northtown]) if g.principle == "gamma")
    assert gamma.exemplar_score is None and gamma.gap is None
    assert gamma.not_assessed_reason == "The sources say nothing about this."


def test_missing_partnership_scores_and_level_scores(tiny, northtown):
    gaps = {g.principle: g for g in compare(tiny, {"alpha": None, "beta": 2.2}, [northtown])}
    assert gaps["alpha"].kind is GapKind.no_score
    assert gaps["beta"].kind is GapKind.level  # 2 vs 2.2 is within a quarter point


def test_several_exemplars_are_interleaved_by_gap_size(tiny, northtown):
    twin = northtown.model_copy(update={"id": "twin", "name": "Twin"})
    gaps = compare(tiny, {"alpha": 4.0, "beta": 1.0}, [northtown, twin])
    behind = [(g.exemplar, g.principle, g.gap) for g in gaps if g.kind is GapKind.behind]
    assert behind == [("northtown", "alpha", 1.0), ("twin", "alpha", 1.0),
                      ("northtown", "beta", 1.0), ("twin", "beta", 1.0)]
