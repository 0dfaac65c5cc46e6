"""Names shortened for chart axes: whole words where they keep more than half, never only "…"."""

from __future__ import annotations

import pytest

from assessment.labels import shortened


@pytest.mark.parametrize(("name", "width", "shown"), [
    ("Eastmere", 28, "Eastmere"),
    ("Riverbrook Health and Care Partnership (North)", 28, "Riverbrook Health and Care…"),
    ("Northumbria-Tyne-and-Wear-Integrated-Partnership", 32, "Northumbria-Tyne-and-Wear-…"),
    ("A" * 40, 28, "A" * 27 + "…"),
    ("Riverbrook " + "B" * 40, 28, "Riverbrook " + "B" * 16 + "…"),
])
def test_a_long_name_is_cut_at_a_word_when_that_keeps_enough_of_it(name, width, shown):
    assert shortened(name, width) == shown
    assert len(shortened(name, width)) <= width
