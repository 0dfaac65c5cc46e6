"""The running order: stages, one step per principle, moving on and back, the timer, and a workshop's own minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assessment.engine.agenda import (
    SUGGESTED_MINUTES,
    Stage,
    Step,
    checked_agenda,
    minutes,
    moved,
    steps,
    timer,
)
from assessment.errors import InputError


def test_the_suggested_running_order_is_ninety_minutes():
    assert sum(SUGGESTED_MINUTES.values()) == 90
    assert list(SUGGESTED_MINUTES) == list(Stage)


def test_each_principle_is_a_step_and_moving_stays_in_bounds(tiny):
    order = steps([tiny])
    principle_steps = [s for s in order if s.stage is Stage.principles]
    assert [s.principle_id for s in principle_steps] == [p.id for p in tiny.principles]
    assert len(order) == len(Stage) - 1 + len(tiny.principles)
    start = Step(Stage.join)
    assert moved(start, [tiny], -1) == start
    assert moved(start, [tiny], 3) == principle_steps[0]
    assert moved(order[-1], [tiny], 1) == order[-1] == Step(Stage.close)
    assert moved(principle_steps[-1], [tiny], 1) == Step(Stage.second_vote)


def test_the_timer_counts_against_the_workshops_own_minutes():
    started = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    agenda = checked_agenda({"scoring": 20, "join": 3})
    assert minutes(agenda)[Stage.scoring] == 20 and minutes(agenda)[Stage.overview] == SUGGESTED_MINUTES[Stage.overview]
    running = timer(Stage.scoring, started, started + timedelta(minutes=21, seconds=5), agenda)
    assert running.over and running.in_words == "21:05 of 20 min — over time"
    assert timer(Stage.join, None, started, agenda).elapsed_seconds == 0
    with pytest.raises(InputError, match="Individual scoring: give whole minutes from 0 to 180"):
        checked_agenda({"scoring": 500})
