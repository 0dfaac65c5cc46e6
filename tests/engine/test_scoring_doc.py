"""docs/scoring.md's worked example and rooms, read out of the document and checked against the engine.

Every figure the document prints after "=" in its worked example is compared with the engine's value,
rounded as printed: edit the document or the engine, and this fails until they agree again.
"""

from __future__ import annotations

import re

import pytest

from assessment.content.framework import Framework
from assessment.engine.agreement import ad_cutoff
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score
from assessment.engine.sectors import sector_series
from assessment.numbers import number, signed
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "scoring.md").read_text().replace("\u2212", "-")  # the typographic minus, as a minus
FRAMEWORK = Framework.model_validate({
    "id": "worked-example", "title": "Worked example", "version": 1,
    "source": {"title": "PlaceReady documentation", "publisher": "PlaceReady", "year": 2026},
    "scale": {"min": 1, "max": 5, "labels": {1: "Not yet in place", 2: "Emerging", 3: "Developing", 4: "Maturing",
                                             5: "Thriving"}},
    "principles": [{"id": "shared-vision", "name": "Shared vision", "statements": [
        {"id": "sv-1", "text": "First statement."}, {"id": "sv-2", "text": "Second statement."}]}]})


def _section(title: str) -> str:
    return DOC.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def _table(text: str, first_header: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header}"))
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[start + 2:]]


def _worked_answers() -> Responses:
    """The participants table of section 7, as answers."""
    answers = []
    for name, sector, *values, _ in _table(_section("7. Worked example"), "Participant"):
        for statement, value in zip(("sv-1", "sv-2"), values, strict=True):
            answers.append(Answer(participant=name, statement=statement, sector=sector,
                                  score=int(value) if value.isdigit() else None, dont_know=value == "dk"))
    return Responses.from_answers(answers)


def _printed(block: str) -> dict[str, str]:
    """`name = … = 3.60` lines of a code block: the name and the last figure printed."""
    found = {}
    for line in block.splitlines():
        match = re.match(r"\s*([A-Za-z()]+)\s*=.*=\s*(-?\d+\.\d+)\b", line) or \
            re.match(r"\s*([A-Za-z()]+)\s*=\s*(-?\d+\.\d+)\b", line)
        if match:
            found.setdefault(match.group(1), match.group(2))
    return found


def test_the_worked_example_prints_the_engines_numbers():
    section = _section("7. Worked example")
    blocks = re.findall(r"```\n(.*?)```", section, re.S)
    result = score(FRAMEWORK, _worked_answers())
    statements = blocks[0].split("Statement 2:")
    for block, statement in zip(statements, result.statements, strict=True):
        printed = _printed(block)
        assert printed["mean"] == number(statement.mean, 2)
        assert printed["rwg"] == number(statement.rwg, 2)
        assert printed["AD"] == number(statement.ad, 2)
        assert printed["dk"] == number(statement.dont_know, 2)
    principle = result.principle("shared-vision")
    printed = _printed(blocks[1])
    assert printed["median"] == number(principle.median, 2)
    assert printed["mean"] == number(principle.mean, 2) and f'level "{principle.level}"' in blocks[1]
    assert printed["AD"] == number(principle.ad, 2) and printed["dk"] == number(principle.dont_know, 2)
    assert f"= {number(principle.rwg, 2)}" in blocks[1].split("rwg(J) =")[1].splitlines()[0]
    assert f"Verdict:\n**{principle.agreement}**" in section.replace("Verdict: ", "Verdict:\n")
    overall = result.overall
    assert f"alpha_interval = 1 - 1.875 / 1.679 = {number(overall.alpha_interval, 2)}" in blocks[2]
    assert f"= {number(overall.alpha_ordinal, 2)}" in blocks[2].split("alpha_ordinal")[1]
    shown, hidden = sector_series(result, _worked_answers())
    acute = result.by_sector["acute"]["shared-vision"]
    assert [s.name for s in shown] == ["acute (3)"] and hidden == ["local authority"]
    assert f"principle mean {number(acute, 2)}" in section


@pytest.mark.parametrize("row", _table(_section("5. Agreed, split or too few"), "Room"), ids=lambda r: r[0])
def test_each_room_gets_the_verdict_the_document_gives(row):
    room, answers, median, _, ad, verdict = row
    values = [int(v) for v in answers.split(",")]
    rows = [Answer(participant=f"{room}{i}", statement="sv-1", score=v) for i, v in enumerate(values)]
    principle = score(FRAMEWORK, Responses.from_answers(rows)).principle("shared-vision")
    assert float(median) == principle.median
    assert ad == number(principle.ad, 2)
    assert verdict.strip("*").split("*")[0] == str(principle.agreement)
    assert f"A / 6 is {number(ad_cutoff(5), 2)} on a 1–5 scale" in DOC


def _answers(text: str) -> list[int]:
    """"1 ×10, 2 ×2" or "1, 2, 3": the answers a line of the document lists."""
    found = []
    for part in text.split(","):
        value, _, times = part.strip().partition(" ×")
        found += [int(value)] * (int(times) if times else 1)
    return found


def _one_statement_room(values: list[int], prefix: str = "p") -> Responses:
    return Responses.from_answers(Answer(participant=f"{prefix}{i}", statement="sv-1", score=v)
                                  for i, v in enumerate(values))


def test_the_two_camps_example_is_what_the_engine_finds():
    from assessment.engine.camps import camps_in_words

    section = _section("5. Agreed, split or too few")
    block = section.split("Room E answers:", 1)[1].split("```", 1)[0]
    principle = score(FRAMEWORK, _one_statement_room(_answers(block.splitlines()[0].split("n =")[0]))).principle(
        "shared-vision")
    assert principle.agreement == "two camps" and principle.level is None
    assert f"= {number(principle.mean, 2)}" in block.split("avg")[1].splitlines()[0]
    assert f"mean {number(principle.mean)}: the level of the mean would be Developing" in block
    assert f"AD = {number(principle.ad, 2)} > 0.83" in block
    camps = principle.camps
    assert f"the {camps.low} at 1" in block and f"the {camps.high} at 4 or 5" in block
    assert f"the room is in two camps: {camps_in_words(camps, FRAMEWORK.scale.labels)}\"" in section.replace(
        "\n", " ")


def test_the_level_follows_the_mean_as_printed():
    section = _section("3. Principle numbers")
    assert 'a mean of 2.46 prints as 2.5 and is "Developing"' in section.replace("\n  ", " ")
    assert FRAMEWORK.scale.level(2.46) == "Developing" and FRAMEWORK.scale.level(2.44) == "Emerging"


def test_a_sector_figure_resting_on_two_people_is_left_blank():
    answers = _worked_answers()
    table = answers.table
    table.loc[(table["participant"] == "P4") & (table["statement"] == "sv-1"), "value"] = float("nan")
    shown, hidden = sector_series(score(FRAMEWORK, Responses(table)), Responses(table))
    assert [s.name for s in shown] == ["acute (3)"] and shown[0].withheld == ["shared-vision"]
    assert shown[0].scores["shared-vision"] is None and hidden == ["local authority"]
    assert 'acute\'s figure would be blank, marked "fewer than 3"' in _section("7. Worked example").replace(
        "\n", " ")


@pytest.mark.parametrize("name", ["Shared vision", "System leadership"])
def test_each_progress_example_prints_the_engines_interval(name):
    import datetime

    from assessment.engine.progress import changes, snapshot

    section = _section("8. Change over time and across framework versions")
    block = section.split(f'"{name}"', 1)[1].split("```", 2)[1]
    first_line = block.splitlines()[1]
    then, now = (_answers(part.split("answers:")[1]) for part in re.split(r"\s{2,}(?=follow-up)", first_line))
    snapshots = [snapshot(i, title, datetime.date(2026, i, 1), score(FRAMEWORK, _one_statement_room(values, title)), {})
                 for i, (title, values) in enumerate((("then", then), ("now", now)), start=1)]
    [change] = changes(FRAMEWORK, snapshots)
    before, after = (s.principles["shared-vision"] for s in snapshots)
    assert f"baseline: mean {number(before.score, 2)}, sd {number(before.sd, 3)}, n {before.people}" in block
    assert f"follow-up: mean {number(after.score, 2)}, sd {number(after.sd, 3)}, n {after.people}" in block
    assert f"change   = {number(after.score)} - {number(before.score)} = {change.change:+.1f}" in block
    interval = change.interval
    assert f"= {number(interval.freedom)}" in block.split("df")[1].splitlines()[0]
    assert f"= {signed(interval.low, 2)} to {signed(interval.high, 2)}" in block
    verdict = {"clear": "a clear rise", "could be chance": "could be chance"}[str(change.verdict)]
    assert f"→ {verdict}" in block
