"""Participants' answers in long form, and reading them from the responses CSV (docs/formats.md)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from assessment.content.framework import Framework
from assessment.engine.formula import as_text, from_text
from assessment.errors import InputError, Problem
from assessment.numbers import number

REQUIRED_COLUMNS = ("participant", "statement", "score")
OPTIONAL_COLUMNS = ("organisation", "sector", "comment")
DONT_KNOW = "dk"
MAX_FIELD_CHARS = 5000
MAX_FILE_BYTES = 5 * 2**20

_INTEGER = re.compile(r"[+-]?\d+")


@dataclass(frozen=True)
class Answer:
    """One participant's answer to one statement. `score` None with `dont_know` False is a blank."""

    participant: str
    statement: str
    score: int | None = None
    dont_know: bool = False
    organisation: str | None = None
    sector: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class Responses:
    """All answers of one assessment, one row per (participant, statement).

    `table` columns: participant, statement, organisation, sector, comment (str or None),
    value (float, NaN unless a numeric score) and dont_know (bool).
    """

    table: pd.DataFrame

    @classmethod
    def from_answers(cls, answers: Iterable[Answer]) -> Responses:
        given = list(answers)
        return cls.from_columns(
            participant=[a.participant for a in given], statement=[a.statement for a in given],
            score=[a.score for a in given], dont_know=[a.dont_know for a in given],
            organisation=[a.organisation for a in given], sector=[a.sector for a in given],
            comment=[a.comment for a in given])

    @classmethod
    def from_columns(cls, *, participant: Sequence[str], statement: Sequence[str], score: Sequence[int | None],
                     dont_know: Sequence[bool], organisation: Sequence[str | None], sector: Sequence[str | None],
                     comment: Sequence[str | None]) -> Responses:
        """The table from one sequence per column, all of one length (stored answers arrive as columns; making
        an `Answer` of each first took a quarter of the places-side-by-side view)."""
        table = pd.DataFrame({
            "participant": pd.Series(participant, dtype=object), "statement": pd.Series(statement, dtype=object),
            "value": pd.Series([np.nan if value is None else float(value) for value in score], dtype="float64"),
            "dont_know": pd.Series(dont_know, dtype=bool), "organisation": pd.Series(list(organisation), dtype=object),
            "sector": pd.Series(list(sector), dtype=object), "comment": pd.Series(list(comment), dtype=object)})
        return cls(table)

    @property
    def participant_count(self) -> int:
        return int(self.table["participant"].nunique())

    def answers(self) -> list[Answer]:
        columns = [self.table[name].tolist() for name in
                   ("participant", "statement", "value", "dont_know", "organisation", "sector", "comment")]
        return [
            Answer(
                participant=participant,
                statement=statement,
                score=None if np.isnan(value) else int(value),
                dont_know=bool(dont_know),
                organisation=_text(organisation),
                sector=_text(sector),
                comment=_text(comment),
            )
            for participant, statement, value, dont_know, organisation, sector, comment in zip(*columns, strict=True)
        ]


def _text(value: str | float | None) -> str | None:
    """pandas keeps a missing text as NaN; callers want None."""
    return None if value is None or pd.isna(value) else str(value)


def responses_csv(responses: Responses) -> str:
    """The answers as a responses CSV (docs/formats.md) that `parse_responses_csv` reads back.

    Every text people gave — participant label, organisation, sector, comment — is spreadsheet-safe (see
    `assessment.engine.formula`).
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS])
    for a in responses.answers():
        score = DONT_KNOW if a.dont_know else "" if a.score is None else str(a.score)
        writer.writerow([as_text(a.participant), a.statement, score,
                         *(as_text(text) or "" for text in (a.organisation, a.sector, a.comment))])
    return out.getvalue()


def read_responses_csv(path: Path | str, framework: Framework) -> Responses:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), [Problem(f"cannot be read ({error.strerror})")]) from None
    return parse_responses_csv(raw, framework, source=str(path))


def parse_responses_csv(raw: bytes, framework: Framework, *, source: str) -> Responses:
    """Read a responses CSV all-or-nothing: any bad line rejects the whole file, naming every bad line."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(source, [Problem(f"the file is {number(len(raw) / 2**20)} MB; a responses file may be at most "
                                          f"{MAX_FILE_BYTES // 2**20} MB")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(source, [Problem("not UTF-8 text (save the file as CSV UTF-8)", line=line)]) from None

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InputError(source, [Problem(f"not readable as CSV: {error}", line=1)]) from None
    if header is None:
        raise InputError(source, [Problem("the file is empty; it needs a header row")])
    columns = {name.strip().lower(): index for index, name in reversed(list(enumerate(header)))}
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise InputError(
            source,
            [Problem(f"the header has no {', '.join(missing)} column (found: {', '.join(header) or 'nothing'})", line=1)],
        )

    statement_ids = {s.id for s in framework.statements}
    scale = framework.scale
    answers: list[Answer] = []
    first_line_of: dict[tuple[str, str], int] = {}
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(f"not readable as CSV: {error}", line=start))
            break
        line = start
        if not any(field.strip() for field in record):
            continue  # a blank line is not an answer
        cells = {name: record[index].strip() for name, index in columns.items() if index < len(record)}
        participant = from_text(cells.get("participant", ""))
        statement, score_text = cells.get("statement", ""), cells.get("score", "")
        line_problems = []
        if not participant:
            line_problems.append("participant is empty")
        if not statement:
            line_problems.append("statement is empty")
        elif statement not in statement_ids:
            line_problems.append(f"'{_clip(statement)}' is not a statement of {framework.id}")
        score: int | None = None
        dont_know = score_text.lower() == DONT_KNOW
        if score_text and not dont_know:
            if _INTEGER.fullmatch(score_text) and scale.min <= int(score_text) <= scale.max:
                score = int(score_text)
            else:
                line_problems.append(
                    f"score '{_clip(score_text)}' is not a whole number from {scale.min} to {scale.max}, "
                    f"'{DONT_KNOW}' or empty"
                )
        too_long = [name for name in OPTIONAL_COLUMNS if len(cells.get(name, "")) > MAX_FIELD_CHARS]
        if too_long:
            line_problems.append(f"{', '.join(too_long)} longer than {MAX_FIELD_CHARS} characters")
        if participant and statement:
            key = (participant, statement)
            if key in first_line_of:
                line_problems.append(
                    f"participant '{_clip(participant)}' answers '{_clip(statement)}' again (first on line {first_line_of[key]})"
                )
            else:
                first_line_of[key] = line
        if line_problems:
            problems.append(Problem("; ".join(line_problems), line=line))
            continue
        answers.append(
            Answer(
                participant=participant,
                statement=statement,
                score=score,
                dont_know=dont_know,
                organisation=from_text(cells.get("organisation", "")) or None,
                sector=from_text(cells.get("sector", "")) or None,
                comment=from_text(cells.get("comment", "")) or None,
            )
        )
    if problems:
        raise InputError(source, problems)
    return Responses.from_answers(answers)


def _clip(text: str, limit: int = 40) -> str:
    """Quote at most `limit` characters of someone's input back to them."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
