"""Profiles over places: the side-by-side view reads every place's answers in one query and must score each
place as if it had been read alone."""

from __future__ import annotations

import random

from assessment.content.framework import builtin_framework
from assessment.services import participation, results
from assessment.services.history import side_by_side
from tests.utils.workshops import ADMIN, join, new_workshop

PLACES = ["Ashby", "Bramley", "Croft"]


def test_each_place_side_by_side_scores_as_its_own_workshop_does(db):
    ham = builtin_framework("ham-2015")
    created = {place: new_workshop(db, ham, partnership_name=place, place=place) for place in PLACES}
    new_workshop(db, ham, partnership_name="Dunmore", place="Dunmore")  # joined by nobody
    rng = random.Random(3)
    for _ in range(4):  # people join the places in turn, so one place's participants are not numbered together
        for place in PLACES:
            person = join(db, created[place], sector=rng.choice(["Acute", "Primary care"]))
            for statement in rng.sample(list(ham.statements), 8):
                participation.save_answer(db, participant_id=person, framework_id=ham.id, statement_id=statement.id,
                                          value=rng.randint(1, 4))

    side = side_by_side(db, actor=ADMIN, framework_id=ham.id)

    assert set(side.profiles) == {*PLACES, "Dunmore"}
    for place in PLACES:
        alone = results.scores(db, actor=ADMIN, workshop_id=created[place].id, framework_id=ham.id)
        assert side.profiles[place][1] == {p.id: p.mean for p in alone.principles}
    assert set(side.profiles["Dunmore"][1].values()) == {None}
