"""The priority rule (docs/recommendations.md), worked case by case, and the next steps it draws on."""

from __future__ import annotations

import datetime

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.agreement import Agreement
from assessment.engine.findings import (
    Evidence,
    ExemplarLead,
    Horizon,
    Kind,
    SectorGap,
    prioritise,
    rule_in_words,
)
from assessment.engine.next_steps import next_steps_for, standing
from assessment.engine.progress import Change, Verdict
from assessment.engine.scoring import Camps


@pytest.fixture(scope="module")
def ham():
    return builtin_framework("ham-2015")


CAMPS = Camps(low=9, high=9, between=2, low_points=(1, 2), high_points=(4, 5), low_mean=1.4, high_mean=4.3)


def evidence(principle: str, mean: float | None, *, n: int = 20, split: bool = False, camps: bool = False,
             dont_know: float = 0.0, agreed: int | None = None, sector_gap: float | None = None,
             lead: float | None = None, change: float | None = None, beyond: bool = False) -> Evidence:
    """One principle's evidence on the 1–5 Ham scale, with only the signals a case needs."""
    ham = builtin_framework("ham-2015")
    return Evidence(
        principle=principle, name=principle.title(), mean=mean, n=n,
        agreement=Agreement.two_camps if camps else Agreement.split_room if split else Agreement.agreed if n >= 3
        else Agreement.too_few, camps=CAMPS if camps else None,
        outside_share=0.4 if split or camps else 0.1, ad=0.9 if split or camps else 0.5, dont_know=dont_know,
        level=standing(ham, mean=mean, agreed=agreed) if not camps or agreed is not None else None,
        agreed=agreed is not None,
        sector_gap=SectorGap(highest="acute", high=3.0 + sector_gap, lowest="VCSE", low=3.0) if sector_gap else None,
        exemplar_lead=ExemplarLead(exemplar="Salford Together", score=5, gap=lead, practice="Pooled budgets.")
        if lead else None,
        change=Change(principle=principle, name=principle, first=mean, last=mean, change=change, interval=None,
                      verdict=Verdict.clear if beyond else Verdict.chance, in_words="moved.")
        if change is not None else None)


def by_id(priorities):  # type: ignore[no-untyped-def]
    return {p.principle: p for p in priorities}


def test_a_principle_most_people_cannot_judge_is_one_to_find_out_about_not_a_weakness(ham):
    # "leadership" has the lowest mean in the room, but 60% of answers were "don't know": the few who scored it
    # cannot speak for the partnership, so it is not ranked as a weakness; finding out comes first.
    found = by_id(prioritise(ham, [evidence("population", 2.4), evidence("leadership", 1.2, dont_know=0.6),
                                   evidence("funding", 2.0)]))
    leadership = found["leadership"]
    assert (leadership.kind, leadership.points, leadership.horizon) == (Kind.find_out, None, Horizon.now)
    assert "60% of answers were “don't know”" in leadership.reasons[0]
    assert "don't know" in leadership.first_steps[0]
    assert found["funding"].kind is Kind.priority  # the weakest of what could be judged
    few = by_id(prioritise(ham, [evidence("vision", 1.0, n=2)]))["vision"]
    assert few.kind is Kind.find_out and "Only 2 people scored it" in few.reasons[0]


def test_points_add_up_as_the_rule_says(ham):
    # Emerging (3) + split (2) + sectors 2.5 apart (2) + exemplar 1.5 ahead (1) + 30% don't know (1) = 9
    [funding] = prioritise(ham, [evidence("funding", 2.2, split=True, sector_gap=2.5, lead=1.5, dont_know=0.3)])
    assert funding.points == 9
    assert funding.headline == "Emerging at 2.2; the room split"
    assert any("acute 5.5, VCSE 3.0, 2.5 points apart" in r for r in funding.reasons)
    assert funding.first_steps[0].startswith("Hear from both ends of the split")
    assert "Ask the VCSE and acute members" in funding.first_steps[1]
    # Maturing (1) + sectors 1.2 apart (1) = 2: not enough for a priority however it ranks
    [governance] = prioritise(ham, [evidence("governance", 4.1, sector_gap=1.2)])
    assert (governance.points, governance.kind, governance.horizon) == (2, Kind.sustain, Horizon.later)


def test_the_first_three_are_priorities_the_next_three_for_six_months_the_rest_for_the_year(ham):
    means = {"population": 1.2, "partners": 1.4, "vision": 1.6, "governance": 1.8, "leadership": 2.0,
             "conflict": 2.2, "funding": 2.4, "team": 3.0, "systems": 4.0, "measures": 5.0}
    ranked = prioritise(ham, [evidence(pid, mean) for pid, mean in means.items()])
    assert [p.principle for p in ranked] == list(means)  # lower mean first among equal points
    assert [p.horizon for p in ranked] == [Horizon.now] * 3 + [Horizon.soon] * 3 + [Horizon.later] * 4
    assert [p.kind for p in ranked][:7] == [Kind.priority] * 3 + [Kind.build] * 4
    assert ranked[-1].points == 0 and ranked[-1].kind is Kind.sustain  # Thriving and nothing else


def test_the_agreed_score_sets_the_level_the_room_stands_at(ham):
    [agreed] = prioritise(ham, [evidence("team", 2.2, agreed=4)])
    assert agreed.points == 1 and agreed.reasons[0] == ("The room agreed 4 (Maturing); the mean of its answers was "
                                                        "2.2.")
    assert standing(ham, mean=2.5, agreed=None) == 3  # a tie goes up, as the level does
    assert standing(ham, mean=None, agreed=None) is None


def test_movement_since_the_baseline_counts_only_when_it_is_clear(ham):
    fell = by_id(prioritise(ham, [evidence("funding", 3.0, change=-0.9, beyond=True),
                                  evidence("team", 3.0, change=-0.9, beyond=False),
                                  evidence("vision", 3.0, change=0.9, beyond=True)]))
    assert fell["funding"].points == 2 + 2 and "down 0.9 since the baseline" in fell["funding"].headline
    assert fell["team"].points == 2  # could be chance, so no points
    assert fell["vision"].points == 2 - 1  # progress under way


def test_the_rule_in_words_gives_this_scales_numbers(ham):
    words = rule_in_words(ham)
    assert "4 at Not yet in place, 3 at Emerging, 2 at Developing, 1 at Maturing, 0 at Thriving" in words
    assert "50% or more" in words and "next 3 months" in words and "{" not in words


def test_next_steps_for_a_level_name_the_exemplar_and_cite_its_source(ham):
    steps = next_steps_for(ham, "population", 1)
    assert 2 <= len(steps) <= 4
    credited = [s for s in steps if s.exemplar]
    assert credited and credited[0].exemplar == "Salford Together"
    assert "Why is the focus on older people?" in credited[0].source
    assert next_steps_for(ham, "population", 5) == []  # the top of the scale has nowhere further to go
    assert next_steps_for(ham, "population", None) == []


def test_a_framework_without_next_steps_gives_none(tiny):
    assert next_steps_for(tiny, "alpha", 2) == []


def test_progress_in_words_says_unchanged_rather_than_up_nothing(tiny):
    from assessment.engine.progress import changes, snapshot
    from assessment.engine.scoring import score
    from tests.conftest import answers_from_matrix

    ids = [s.id for s in tiny.statements]
    result = score(tiny, answers_from_matrix([[3, 3, 3, 3], [3, 4, 3, 3], [2, 3, 3, 3]], ids))
    same = [snapshot(i, "w", datetime.date(2026, i, 1), result, {}) for i in (1, 2)]
    alpha = next(c for c in changes(tiny, same) if c.principle == "alpha")
    assert alpha.in_words == "unchanged."


def test_a_room_in_two_camps_settles_first_with_no_level_and_each_camp_asked_what_it_would_need(ham):
    found = by_id(prioritise(ham, [evidence("funding", 2.8, camps=True, lead=2.0), evidence("team", 2.0)]))
    funding = found["funding"]
    assert (funding.kind, funding.points, funding.horizon) == (Kind.settle, None, Horizon.now)
    assert ("The room is in two camps: nine people at Not yet in place or Emerging, nine at Maturing or Thriving "
            "and two in between") in funding.reasons[0]
    assert "describes nobody in the room" in funding.reasons[0]
    steps = funding.first_steps[0]
    assert "what they would need to see to put it at Maturing" in steps
    assert f"“{ham.principles[6].rubric[4].rstrip('.')}”" in steps and f"“{ham.principles[6].rubric[2].rstrip('.')}”" in steps
    assert list(found) == ["team", "funding"]  # the priority first, then what to settle
    # once the room agrees a score, that score leads, and the two camps count as a split
    [agreed] = prioritise(ham, [evidence("funding", 2.8, camps=True, agreed=2)])
    assert agreed.kind is Kind.priority and agreed.points == 3 + 2
    assert any("The room was in two camps before it agreed a score" in r for r in agreed.reasons)
