"""One rounding rule: numbers as printed, differences from the printed numbers, no signed zero, small counts in
words."""

from __future__ import annotations

import pytest

from assessment.numbers import counted, difference, in_words, number, printed, signed, tally


@pytest.mark.parametrize(("value", "shown"), [(2.46, "2.5"), (-0.04, "0.0"), (-0.4, "-0.4"), (None, "—")])
def test_a_number_prints_to_one_place_and_never_as_minus_zero(value, shown):
    assert number(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(0.4, "+0.4"), (-0.04, "0.0"), (0.04, "0.0"), (-1.25, "-1.2")])
def test_a_difference_has_a_sign_unless_it_prints_as_nothing(value, shown):
    assert signed(value) == shown


def test_a_difference_is_worked_out_from_the_numbers_as_printed():
    # 1.84 → 2.26 prints as 1.8 → 2.3: the change reads +0.5, not the +0.4 of the unrounded means
    assert difference(2.26, 1.84) == 0.5 and signed(difference(2.26, 1.84)) == "+0.5"
    assert difference(None, 1.0) is None and printed(2.46) == 2.5


def test_small_counts_are_words_and_plurals_agree():
    assert [in_words(n) for n in (0, 1, 9, 10, 24)] == ["no", "one", "nine", "10", "24"]
    assert counted(1, "principle") == "one principle" and counted(3, "person", "people") == "three people"
    assert counted(12, "person", "people") == "12 people"


def test_the_rooms_screens_print_counts_in_figures_with_their_nouns():
    assert tally(1, "agreed score") == "1 agreed score" and tally(2, "agreed score") == "2 agreed scores"
    assert tally(0, "person", "people") == "0 people" and tally(1, "person", "people") == "1 person"
