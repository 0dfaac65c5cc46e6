"""Per-person rows a board sees: every sector or organisation label in them stands for at least 3 people."""

from __future__ import annotations

from collections import Counter

import pytest

from assessment.engine.disclosure import OTHER, anonymised, shown_labels
from assessment.engine.responses import Answer, Responses
from assessment.engine.sectors import STANDARD_SECTOR_GROUPS


def _sizes(people: dict[str, int], shown: dict[str, str]) -> Counter[str]:
    sizes: Counter[str] = Counter()
    for given, count in people.items():
        sizes[shown[given]] += count
    return sizes


@pytest.mark.parametrize("people", [
    {"Local authority: adult social care": 3, "Acute hospital": 3, "Patients and public": 1},  # the board of seven
    {"Acute hospital": 3, "Community health": 1, "Mental health": 1, "Primary care": 5},
    {"A": 5, "B": 1, "C": 1, "D": 1}, {"A": 3, "B": 3, "C": 1}, {"A": 2, "B": 2}, {"A": 1, "B": 1},
    {"Acute hospital": 4, "Primary care": 4},
])
def test_every_label_shown_stands_for_three_people_or_the_whole_room_is_under_three(people):
    shown = shown_labels(people, STANDARD_SECTOR_GROUPS)
    sizes = _sizes(people, shown)
    if sum(people.values()) >= 3:
        assert min(sizes.values()) >= 3, (people, shown)
    else:
        assert set(shown.values()) == {OTHER}
    for given, count in people.items():  # a label big enough on its own is kept, unless needed to cover another
        if count >= 3 and shown[given] != given:
            assert shown[given] == OTHER or shown[given].endswith("(wider group)")


def test_a_small_sector_joins_its_wider_group_which_takes_in_the_groups_other_sectors():
    shown = shown_labels({"Acute hospital": 3, "Community health": 1, "Local authority: adult social care": 3},
                         STANDARD_SECTOR_GROUPS)
    assert shown == {"Acute hospital": "NHS providers (wider group)", "Community health": "NHS providers (wider group)",
                     "Local authority: adult social care": "Local authority: adult social care"}


def test_the_one_patient_representative_on_a_board_of_seven_cannot_be_picked_out():
    answers = [Answer(participant=f"p{i}", statement="s1", score=score, sector=sector, organisation=organisation)
               for i, (sector, organisation, score) in enumerate(
                   [("Local authority: adult social care", "Council", 3)] * 3
                   + [("Acute hospital", "Hospital trust", 4)] * 3
                   + [("Patients and public", "Healthwatch", 1)])]
    rows = anonymised(Responses.from_answers(answers), STANDARD_SECTOR_GROUPS).answers()
    for column in ("sector", "organisation"):
        counts = Counter(getattr(row, column) for row in rows)
        assert min(counts.values()) >= 3, counts
    shown = {label for row in rows for label in (row.sector, row.organisation)}
    assert not {"Patients and public", "Healthwatch"} & shown
    lone = next(row for row in rows if row.score == 1)
    assert lone.sector == OTHER and sum(row.sector == OTHER for row in rows) == 4
    assert [row.score for row in rows] == [3, 3, 3, 4, 4, 4, 1]  # the answers themselves are untouched
