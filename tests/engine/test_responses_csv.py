"""Reading the responses CSV (docs/formats.md): what is accepted, and how bad files are refused."""

from __future__ import annotations

import pytest

from assessment.engine.responses import parse_responses_csv, read_responses_csv
from assessment.errors import InputError
from tests.conftest import DATA

BAD = DATA / "bad_responses"


def test_bom_crlf_any_column_order_extra_columns_and_multiline_comments(tiny):
    responses = read_responses_csv(DATA / "good_responses.csv", tiny)
    answers = responses.answers()
    assert [(a.participant, a.statement, a.score, a.dont_know) for a in answers] == [
        ("p1", "a1", 3, False),
        ("p1", "a2", None, True),
        ("p2", "a1", 5, False),
        ("p2", "a2", None, False),
    ]
    assert answers[0].comment == "a comment\r\nover two lines"
    assert answers[0].sector == "acute"
    assert answers[2].comment == '=HYPERLINK("http://x")'  # kept as text; exports neutralise it
    assert responses.participant_count == 2


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("missing_score_column.csv", ["line 1", "no score column"]),
        ("unknown_statement.csv", ["line 3", "'zzz' is not a statement of tiny"]),
        ("score_not_on_scale.csv", ["line 2: score '6'", "line 4: score '3.5'", "line 5: score 'three'",
                                    "line 6: score '0'", "4 problems"]),
        ("repeated_answer.csv", ["line 4", "answers 'a1' again (first on line 2)"]),
        ("empty_ids.csv", ["line 2: participant is empty", "line 3: statement is empty"]),
        ("not_utf8.csv", ["line 2", "not UTF-8"]),
        ("empty.csv", ["the file is empty"]),
        ("unclosed_quote.csv", ["line 2", "not readable as CSV"]),
        ("several_problems.csv", ["line 3: 'zzz'", "line 4: score '9'", "line 5: participant 'p1' answers",
                                  "3 problems"]),
    ],
)
def test_bad_files_are_refused_whole_with_every_bad_line_named(tiny, file, expected):
    with pytest.raises(InputError) as caught:
        read_responses_csv(BAD / file, tiny)
    message = str(caught.value)
    assert message.startswith(str(BAD / file))
    for fragment in expected:
        assert fragment in message


def test_line_numbers_count_physical_lines_after_a_multiline_field(tiny):
    raw = b'participant,statement,score,comment\np1,a1,3,"one\ntwo\nthree"\np2,a1,x,\n'
    with pytest.raises(InputError) as caught:
        parse_responses_csv(raw, tiny, source="upload.csv")
    assert [p.line for p in caught.value.problems] == [5]


def test_long_hostile_values_are_clipped_when_quoted_back(tiny):
    raw = b"participant,statement,score\np1," + b"<script>" * 100 + b",3\n"
    with pytest.raises(InputError) as caught:
        parse_responses_csv(raw, tiny, source="upload.csv")
    assert len(str(caught.value)) < 200


def test_dont_know_in_any_case_and_blank_scores(tiny):
    raw = b"participant,statement,score\np1,a1,Dk\np2,a1,\np3,a1, 4 \n"
    answers = parse_responses_csv(raw, tiny, source="x.csv").answers()
    assert [(a.score, a.dont_know) for a in answers] == [(None, True), (None, False), (4, False)]


def test_written_csv_reads_back_the_same(tiny):
    from assessment.engine.responses import responses_csv

    original = read_responses_csv(DATA / "good_responses.csv", tiny)
    again = parse_responses_csv(responses_csv(original).encode(), tiny, source="again.csv")
    assert again.answers() == original.answers()
