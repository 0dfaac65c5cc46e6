"""The scoring engine against hand-worked examples and published reference values (docs/scoring.md)."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from assessment.content.framework import read_framework
from assessment.engine.agreement import Agreement
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score
from tests.conftest import DATA, answers_from_matrix

NAN = float("nan")


def test_hand_worked_principle_with_two_statements(tiny):
    # Five people score a1 and a2. By hand:
    # a1 = 3,4,4,4,5: mean 4, median 4, s² = 0.5, rwg = 1 - 0.5/2 = 0.75, AD = (1+0+0+0+1)/5 = 0.4
    # a2 = 4,4,5,4,4: mean 4.2, s² = 0.2, rwg = 0.9, AD = (0.2*4 + 0.8)/5 = 0.32
    # principle: mean (4 + 4.2)/2 = 4.1; rwg(J): J=2, s̄² = 0.35, r = 0.175,
    #   2(0.825) / (2(0.825) + 0.175) = 0.9041 (the domain notes' test vector); AD = 0.36
    # person scores 3.5, 4, 4.5, 4, 4.5 -> median 4
    result = score(tiny, answers_from_matrix([[3, 4], [4, 4], [4, 5], [4, 4], [5, 4]], ["a1", "a2"]))
    a1, a2 = result.statements[0], result.statements[1]
    assert (a1.mean, a1.median, a1.n) == (4.0, 4.0, 5)
    assert a1.rwg == pytest.approx(0.75)
    assert a1.ad == pytest.approx(0.4)
    assert a2.mean == pytest.approx(4.2)
    assert a2.rwg == pytest.approx(0.9)
    assert a2.ad == pytest.approx(0.32)
    alpha = result.principle("alpha")
    assert alpha.mean == pytest.approx(4.1)
    assert alpha.median == 4.0
    assert alpha.n == 5
    assert alpha.rwg == pytest.approx(0.9041, abs=1e-4)
    assert alpha.ad == pytest.approx(0.36)
    assert alpha.level == "Maturing"
    assert alpha.agreement is Agreement.agreed
    assert result.participants == 5


def test_rwg_is_truncated_at_zero_when_the_room_is_more_spread_than_random(tiny):
    # 1,5,1,5,3: s² = 4 > σ²_EU = 2, so rwg = 1 - 2 = -1, reported as 0
    result = score(tiny, answers_from_matrix([[1], [5], [1], [5], [3]], ["b1"]))
    assert result.statements[2].rwg == 0.0
    beta = result.principle("beta")
    assert beta.rwg == 0.0  # rwg(J) with r = 2 ≥ 1 is 0
    assert beta.agreement is Agreement.split_room


def test_half_goes_up_and_even_counts_take_the_mean_of_the_middle_two(tiny):
    result = score(tiny, answers_from_matrix([[2], [3]], ["b1"]))
    beta = result.principle("beta")
    assert beta.mean == 2.5
    assert beta.median == 2.5
    assert beta.level == "Developing"  # 2.5 -> 3
    assert result.statements[2].median == 2.5


@pytest.mark.parametrize(
    ("value", "label"),
    [(1.0, "Not yet in place"), (1.44, "Not yet in place"), (1.46, "Emerging"), (1.5, "Emerging"),
     (2.449, "Emerging"), (2.46, "Developing"), (3.5, "Maturing"), (4.5, "Thriving"), (7 / 3 + 1 / 6, "Developing"),
     (None, None)],
)
def test_level_is_the_label_of_the_mean_as_printed_with_ties_going_up(tiny, value, label):
    # 2.46 prints as 2.5, so it is Developing, as the printed number says; 7/3 + 1/6 is 2.5 in exact arithmetic
    # but 2.4999999999999996 in floating point, and prints as 2.5
    assert tiny.scale.level(value) == label


def test_dont_know_and_blank_answers(tiny):
    # b1: two don't-knows, one blank, two numbers -> dont_know = 2 / (2 + 2) = 0.5; n = 2
    result = score(tiny, answers_from_matrix([["dk"], ["dk"], [None], [2], [4]], ["b1"]))
    b1 = result.statements[2]
    assert b1.n == 2
    assert b1.mean == 3.0
    assert b1.dont_know == 0.5
    assert result.principle("beta").dont_know == 0.5
    assert result.participants == 5  # the blank-only participant still counts


def test_statement_nobody_answered_is_null_not_zero(tiny):
    result = score(tiny, answers_from_matrix([[3], [4]], ["a1"]))
    g1 = next(s for s in result.statements if s.id == "g1")
    assert (g1.mean, g1.median, g1.n, g1.rwg, g1.ad, g1.dont_know) == (None, None, 0, None, None, None)
    gamma = result.principle("gamma")
    assert (gamma.mean, gamma.level, gamma.n, gamma.rwg) == (None, None, 0, None)
    # a2 has no answers either, so alpha's mean is a1's mean alone
    assert result.principle("alpha").mean == 3.5
    assert result.overall.mean == 3.5


def test_principle_answered_only_with_dont_know(tiny):
    result = score(tiny, answers_from_matrix([["dk", 3], ["dk", 4], ["dk", 4]], ["b1", "a1"]))
    beta = result.principle("beta")
    assert (beta.mean, beta.median, beta.n, beta.rwg, beta.ad, beta.level) == (None, None, 0, None, None, None)
    assert beta.dont_know == 1.0
    assert beta.agreement is Agreement.too_few
    assert result.overall.mean == pytest.approx(11 / 3)  # the mean of the principle means that exist


def test_single_answers_give_no_spread(tiny):
    result = score(tiny, answers_from_matrix([[4]], ["b1"]))
    b1 = result.statements[2]
    assert (b1.mean, b1.n, b1.rwg, b1.ad) == (4.0, 1, None, None)
    assert result.principle("beta").rwg is None  # J = 0
    assert result.overall.alpha_ordinal is None


def test_principle_median_is_over_participants_principle_scores(tiny):
    # person scores for alpha: (1+2)/2 = 1.5, (5+5)/2 = 5, only a1 = 4 -> median 4
    result = score(tiny, answers_from_matrix([[1, 2], [5, 5], [4, None]], ["a1", "a2"]))
    alpha = result.principle("alpha")
    assert alpha.n == 3
    assert alpha.median == 4.0
    # mean of statement means: a1 (1+5+4)/3 = 10/3, a2 (2+5)/2 = 3.5
    assert alpha.mean == pytest.approx((10 / 3 + 3.5) / 2)


def test_by_sector_uses_each_sectors_participants_alone(tiny):
    rows = [[2, 2], [2, 4], [5, 5], ["dk", "dk"]]
    sectors = ["acute", "acute", "VCSE", "public health"]
    result = score(tiny, answers_from_matrix(rows, ["a1", "a2"], sectors))
    assert result.by_sector["acute"]["alpha"] == pytest.approx((2 + 3) / 2)
    assert result.by_sector["VCSE"]["alpha"] == 5.0
    assert result.by_sector["public health"] == {"alpha": None, "beta": None, "gamma": None}
    assert list(result.by_sector) == sorted(result.by_sector)


def test_a_participant_counts_in_the_first_sector_they_gave(tiny):
    answers = [
        Answer("p1", "a1", 2, sector="acute"),
        Answer("p1", "a2", 2, sector="primary care"),
        Answer("p2", "a1", 4, sector="primary care"),
    ]
    result = score(tiny, Responses.from_answers(answers))
    assert result.by_sector["acute"]["alpha"] == 2.0
    assert result.by_sector["primary care"]["alpha"] == 4.0


def test_order_of_answers_does_not_matter(tiny):
    responses = answers_from_matrix([[3, 4, 1], [4, 4, 2], [4, 5, "dk"], [1, 2, 5]], ["a1", "a2", "b1"],
                                    ["acute", "VCSE", "acute", "VCSE"])
    shuffled = Responses(responses.table.sample(frac=1, random_state=7).reset_index(drop=True))
    assert score(tiny, shuffled) == score(tiny, responses)


def test_answers_to_statements_outside_the_framework_are_ignored(tiny):
    answers = [Answer("p1", "a1", 3), Answer("p2", "a1", 5), Answer("p2", "zzz", 1)]
    result = score(tiny, Responses.from_answers(answers))
    assert result.statements[0].mean == 4.0
    assert result.overall.mean == 4.0


# Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", 4 coders x 12 units.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]
# The Wikipedia example, 3 coders x 15 units.
WIKIPEDIA = [
    [NAN, NAN, NAN, NAN, NAN, 3, 4, 1, 2, 1, 1, 3, 3, NAN, 3],
    [1, NAN, 2, 1, 3, 3, 4, 3, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
    [NAN, NAN, 2, 1, 3, 4, 4, NAN, 2, 1, 1, 3, 3, NAN, 4],
]


def test_krippendorff_alpha_matches_the_published_2011_example():
    framework = read_framework(DATA / "frameworks" / "twelve.yaml")
    units = [f"u{i}" for i in range(1, 13)]
    result = score(framework, answers_from_matrix(KRIPPENDORFF_2011, units))
    assert round(result.overall.alpha_ordinal, 3) == 0.815
    assert round(result.overall.alpha_interval, 3) == 0.849


def test_krippendorff_alpha_interval_matches_the_wikipedia_example():
    framework = read_framework(DATA / "frameworks" / "twelve.yaml")
    units = [f"u{i}" for i in range(1, 16)]
    result = score(framework, answers_from_matrix(WIKIPEDIA, units))
    assert round(result.overall.alpha_interval, 6) == 0.810845


def test_alpha_is_null_when_everyone_gives_the_same_answer(tiny):
    result = score(tiny, answers_from_matrix([[3, 3], [3, 3], [3, 3]], ["a1", "a2"]))
    assert result.overall.alpha_ordinal is None
    assert result.overall.alpha_interval is None
    assert result.principle("alpha").rwg == 1.0


def test_no_answers_at_all(tiny):
    result = score(tiny, Responses.from_answers([]))
    assert result.participants == 0
    assert result.overall.mean is None and result.overall.level is None
    assert all(p.mean is None and p.n == 0 for p in result.principles)
    assert result.by_sector == {}


def test_large_random_workshop_agrees_with_a_plain_python_reading_of_the_contract(tiny):
    rng = np.random.default_rng(3)
    rows = rng.choice([1, 2, 3, 4, 5, "dk", None], size=(60, 2), p=[.1, .2, .3, .2, .1, .05, .05]).tolist()
    result = score(tiny, answers_from_matrix(rows, ["a1", "a2"]))
    for column, statement in enumerate(["a1", "a2"]):
        xs = [int(r[column]) for r in rows if r[column] not in ("dk", None)]
        mean = sum(xs) / len(xs)
        variance = sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)
        got = result.statements[column]
        assert got.id == statement
        assert got.mean == pytest.approx(mean)
        assert got.rwg == pytest.approx(max(0.0, 1 - variance / 2))
        assert got.ad == pytest.approx(sum(abs(x - mean) for x in xs) / len(xs))
        assert got.n == len(xs)
        assert got.median == statistics.median(xs)
    person = [[int(v) for v in row if v not in ("dk", None)] for row in rows]
    person_scores = [sum(p) / len(p) for p in person if p]
    alpha = result.principle("alpha")
    assert alpha.median == pytest.approx(statistics.median(person_scores))
    assert alpha.n == len(person_scores)
    assert not math.isnan(alpha.rwg)
