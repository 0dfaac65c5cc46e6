"""The agreement statistics and the plain agreed / split rule."""

from __future__ import annotations

import math

import pytest

from assessment.engine.agreement import Agreement, ad_cutoff, classify, rule_in_words, rwg, rwg_j
from assessment.engine.scoring import score
from tests.conftest import answers_from_matrix


def test_rwg_of_the_domain_notes_examples():
    assert rwg(0.5, 2.0) == pytest.approx(0.75)  # 3,4,4,4,5 on a five-point scale
    assert rwg(4.0, 2.0) == 0.0  # 1,5,1,5,3: -1 truncated to 0


def test_rwg_j_examples():
    assert rwg_j(0.35, 2, 2.0) == pytest.approx(0.9041, abs=1e-4)
    assert rwg_j(0.0, 3, 2.0) == 1.0
    assert rwg_j(2.0, 3, 2.0) == 0.0  # r = 1
    assert rwg_j(5.0, 3, 2.0) == 0.0  # r > 1, where the formula alone would go negative or blow up
    assert math.isnan(rwg_j(math.nan, 0, 2.0))


def test_uniform_variance_is_a_squared_minus_one_over_twelve(tiny):
    assert tiny.scale.uniform_variance == 2.0  # A = 5
    assert ad_cutoff(5) == pytest.approx(5 / 6)
    assert ad_cutoff(7) == pytest.approx(7 / 6)


@pytest.mark.parametrize(
    ("people", "outside", "ad", "expected"),
    [
        (2, 0.0, 0.0, Agreement.too_few),
        (12, 4 / 12, 0.5, Agreement.split_room),  # SCIROCCO: four of twelve outside -> split
        (12, 3 / 12, 0.5, Agreement.agreed),  # three of twelve outside -> agreement
        (12, 0.0, 0.84, Agreement.split_room),  # AD above 5/6
        (12, 0.0, 0.83, Agreement.agreed),
        (3, 1 / 3, 0.0, Agreement.split_room),
    ],
)
def test_classify_follows_the_documented_rule(people, outside, ad, expected):
    assert classify([people], [outside], [ad], 5) == [expected]


def test_a_room_split_between_two_camps_is_split_even_with_a_moderate_ad(tiny):
    # eight people at 3, four at 5: median 3, four of twelve are two points away
    result = score(tiny, answers_from_matrix([[3]] * 8 + [[5]] * 4, ["b1"]))
    beta = result.principle("beta")
    assert beta.outside_share == pytest.approx(4 / 12)
    assert beta.ad == pytest.approx(8 / 9)
    assert beta.agreement is Agreement.split_room


def test_the_rule_in_words_names_the_cutoff():
    assert "0.83 points" in rule_in_words(5)
