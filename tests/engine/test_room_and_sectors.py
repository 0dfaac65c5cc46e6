"""What the room view computes: answer counts, the most split statements, sectors kept anonymous."""

from __future__ import annotations

from assessment.engine.room import answer_distribution, most_split
from assessment.engine.scoring import score
from assessment.engine.sectors import MIN_SECTOR_SIZE, sector_series, sector_sizes
from tests.conftest import answers_from_matrix


def test_answer_distribution_counts_each_level_and_dont_know(tiny):
    statements = [s.id for s in tiny.statements]
    rows = [[1, 5, "dk"] + [None] * (len(statements) - 3), [1, 4, 2] + [None] * (len(statements) - 3)]
    table = answer_distribution(tiny, answers_from_matrix(rows, statements))
    first, second, third = (table.iloc[i] for i in range(3))
    labels = [f"{p} {tiny.scale.labels[p]}" for p in tiny.scale.points]
    assert list(table.columns) == ["Statement", *labels, "Don't know"]
    assert first[labels[0]] == 2 and sum(first[labels]) == 2 and first["Don't know"] == 0
    assert second[labels[-1]] == 1 and second[labels[-2]] == 1
    assert third["Don't know"] == 1 and third[labels[1]] == 1


def test_most_split_puts_the_widest_spread_first(tiny):
    statements = [s.id for s in tiny.statements][:3]
    rows = [[3, 1, 3], [3, 5, 4], [3, 3, None]]
    result = score(tiny, answers_from_matrix([r + [None] * (len(tiny.statements) - 3) for r in rows],
                                             [s.id for s in tiny.statements]))
    order = [s.id for s in most_split(result)]
    assert order[:2] == [statements[1], statements[2]] and order[-1] == statements[0]


def test_sectors_with_too_few_people_are_left_out(tiny):
    statements = [s.id for s in tiny.statements]
    sectors = ["acute"] * MIN_SECTOR_SIZE + ["council"] * (MIN_SECTOR_SIZE - 1)
    rows = [[3] * len(statements) for _ in sectors]
    responses = answers_from_matrix(rows, statements, sectors)
    assert sector_sizes(responses) == {"acute": MIN_SECTOR_SIZE, "council": MIN_SECTOR_SIZE - 1}
    shown, hidden = sector_series(score(tiny, responses), responses)
    assert [s.name for s in shown] == [f"acute ({MIN_SECTOR_SIZE})"] and hidden == ["council"]


def test_a_small_room_sees_wider_groups_only_where_each_has_three_people(tiny):
    from assessment.engine.sectors import LensLevel, sector_lens

    statements = [s.id for s in tiny.statements]
    # acute 2, community 2, primary care 3, council 1: single sectors are too small
    sectors = ["Acute hospital"] * 2 + ["Community health"] * 2 + ["Primary care"] * 3 + \
        ["Local authority: adult social care"]
    rows = [[1 + i % 5] * len(statements) for i in range(len(sectors))]
    responses = answers_from_matrix(rows, statements, sectors)
    lens = sector_lens(tiny, responses, score(tiny, responses))
    assert lens.level is LensLevel.groups
    assert [s.name for s in lens.series] == ["NHS providers (4)", "Primary care (3)"]
    assert lens.left_out == ["Local government (1)"] and "wider groups" in lens.in_words
    # a workshop's own grouping (it replaces the standard one) puts the council with primary care
    own = sector_lens(tiny, responses, score(tiny, responses),
                      {"Acute hospital": "Hospital and community", "Community health": "Hospital and community",
                       "Primary care": "GPs and council", "Local authority: adult social care": "GPs and council"})
    assert own.level is LensLevel.groups and own.left_out == []
    assert [s.name for s in own.series] == ["GPs and council (4)", "Hospital and community (4)"]
    # with only one group big enough, there is no lens, and the room is told why
    few = answers_from_matrix(rows[:4], statements, sectors[:4])
    none = sector_lens(tiny, few, score(tiny, few))
    assert none.level is LensLevel.none and none.series == [] and "at least two" in none.in_words


def test_every_sector_of_three_or_more_is_shown_as_itself(tiny):
    from assessment.engine.sectors import LensLevel, sector_lens

    statements = [s.id for s in tiny.statements]
    sectors = ["Acute hospital"] * 3 + ["Primary care"] * 3
    responses = answers_from_matrix([[3] * len(statements)] * 6, statements, sectors)
    lens = sector_lens(tiny, responses, score(tiny, responses))
    assert lens.level is LensLevel.sectors and lens.in_words is None and len(lens.series) == 2
