"""The running order: stages, a principle in three steps, a paced round's step per principle, a follow-up's review,
a second vote that returns to its principle, moving on and back, the timer, and a workshop's own minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assessment.engine.agenda import (
    SUGGESTED_MINUTES,
    Part,
    Stage,
    Step,
    checked_agenda,
    label,
    minutes,
    moved,
    place_in,
    spotlight_key,
    steps,
    timer,
    vote_on,
)
from assessment.errors import InputError


def test_the_suggested_running_order_is_ninety_minutes_with_or_without_a_review():
    assert sum(SUGGESTED_MINUTES.values()) == 90 == sum(minutes(None, reviewing=True).values())
    assert list(SUGGESTED_MINUTES) == list(Stage)
    assert minutes(None, reviewing=True)[Stage.review] == 5


def test_each_principle_is_three_steps_and_moving_stays_in_bounds(tiny):
    order = steps([tiny])
    principle_steps = [s for s in order if s.stage is Stage.principles]
    assert [(s.principle_id, s.part) for s in principle_steps] == [(p.id, part) for p in tiny.principles
                                                                   for part in Part]
    assert Step(Stage.review) not in order  # only at a follow-up
    assert len(order) == len(Stage) - 2 + 3 * len(tiny.principles)
    start = Step(Stage.joining)
    assert moved(start, [tiny], -1) == start
    assert moved(start, [tiny], 3) == principle_steps[0] == Step(Stage.principles, f"{tiny.id}/{tiny.principles[0].id}")
    assert moved(order[-1], [tiny], 1) == order[-1] == Step(Stage.close)
    assert moved(principle_steps[-1], [tiny], 1) == Step(Stage.second_vote)
    assert label(principle_steps[1], [tiny]).endswith(f"{tiny.principles[0].name} — how sectors see it, and what "
                                                      "people said")


def test_a_paced_round_opens_each_principle_and_a_follow_up_reviews_the_last_actions_first(tiny):
    order = steps([tiny], paced=True, reviewing=True)
    assert order[:2] == [Step(Stage.joining), Step(Stage.review)]
    scoring = [s for s in order if s.stage is Stage.scoring]
    assert [s.principle_id for s in scoring] == [p.id for p in tiny.principles]
    assert label(scoring[0], [tiny]) == f"Scoring now: {tiny.principles[0].name}"
    # a workshop that is paced once scoring has begun carries on from the first principle
    assert place_in(Step(Stage.scoring), order) == order.index(scoring[0])


def test_a_second_vote_stands_at_its_principle_and_the_room_returns_there_after_it(tiny):
    principle = tiny.principles[1]
    vote = vote_on(tiny.id, principle.id)
    order = steps([tiny])
    at_the_principle = Step(Stage.principles, spotlight_key(tiny.id, principle.id))
    assert place_in(vote, order) == order.index(at_the_principle)
    assert moved(vote, [tiny], 1) == moved(vote, [tiny], -1) == at_the_principle
    assert label(vote, [tiny]) == f"Second vote: {principle.name}"


def test_the_timer_counts_against_the_workshops_own_minutes():
    started = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    agenda = checked_agenda({"scoring": 20, "join": 3})
    assert minutes(agenda)[Stage.scoring] == 20 and minutes(agenda)[Stage.overview] == SUGGESTED_MINUTES[Stage.overview]
    running = timer(Stage.scoring, started, started + timedelta(minutes=21, seconds=5), agenda)
    assert running.over and running.in_words == "21:05 of 20 min — over time"
    assert timer(Stage.joining, None, started, agenda).elapsed_seconds == 0
    with pytest.raises(InputError, match="Individual scoring: give whole minutes from 0 to 180"):
        checked_agenda({"scoring": 500})
