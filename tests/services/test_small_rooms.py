"""A board of seven — three from the council, three from the hospital and one patient representative — stays
anonymous in every file a board sees (CSV, Excel, JSON), while the raw per-person answers are a separate file for
the workshop's facilitators and owners only."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date

import pytest
from openpyxl import load_workbook

from assessment.content.framework import builtin_framework
from assessment.engine.disclosure import OTHER
from assessment.engine.responses import parse_responses_csv, responses_csv
from assessment.reports.render import render
from assessment.services import organisations, participation, reports, results, transfer
from assessment.services.access import Refused
from tests.utils.workshops import ADMIN, join, new_workshop

ROOM = [("Local authority: adult social care", "Lune Council")] * 3 + [("Acute hospital", "Lune Hospitals")] * 3 \
    + [("Patients and public", "Lune Healthwatch")]
LONE = {"Patients and public", "Lune Healthwatch"}


@pytest.fixture
def board(db):
    """The board of seven, in an organisation with a facilitator and a viewer; (db, workshop id, framework)."""
    ham = builtin_framework("ham-2015")
    lune = organisations.create_organisation(db, actor=ADMIN, name="Lune ICS", owner_email="owner@lune.nhs.uk")
    organisations.set_member(db, actor=ADMIN, organisation_id=lune, email="fac@lune.nhs.uk", role="facilitator")
    organisations.set_member(db, actor=ADMIN, organisation_id=lune, email="viewer@lune.nhs.uk", role="viewer")
    created = new_workshop(db, ham, organisation_id=lune, held_on=date(2026, 4, 1),
                           sectors=sorted({s for s, _ in ROOM}), organisations=sorted({o for _, o in ROOM}))
    for number, (sector, organisation) in enumerate(ROOM):
        person = join(db, created, sector=sector, organisation=organisation)
        for statement in ham.statements[:4]:
            participation.save_answer(db, participant_id=person, framework_id=ham.id, statement_id=statement.id,
                                      value=1 if sector == "Patients and public" else 3 + number % 2,
                                      comment=f"Seen by {number}")
    return db, created.id, ham


def _labels(rows: list[tuple[str | None, str | None]]) -> None:
    """Every sector and organisation label in per-person rows stands for at least 3 of the 7."""
    for column in zip(*rows, strict=True):
        counts = Counter(column)
        assert min(counts.values()) >= 3 and not LONE & set(counts), counts


def test_the_answers_csv_the_excel_answers_sheet_and_the_json_single_nobody_out(board):
    db, workshop_id, ham = board
    viewer = organisations.actor_for(db, email="viewer@lune.nhs.uk")
    shown = results.responses(db, actor=viewer, workshop_id=workshop_id, framework_id=ham.id)
    csv_rows = parse_responses_csv(responses_csv(shown).encode(), ham, source="answers.csv").answers()
    _labels([(a.sector, a.organisation) for a in csv_rows if a.statement == ham.statements[0].id])
    assert sum(a.sector == OTHER for a in csv_rows if a.statement == ham.statements[0].id) == 4

    report = reports.workshop_report(db, actor=viewer, workshop_id=workshop_id, framework_id=ham.id, exemplars=[])
    sheet = load_workbook(io.BytesIO(render(report, "xlsx", responses=shown)))["Answers"]
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    first = [dict(zip(header, row, strict=True)) for row in rows
             if row[header.index("statement")] == ham.statements[0].id]
    assert len(first) == 7
    _labels([(row["sector"], row["organisation"]) for row in first])

    people = json.loads(transfer.export_workshop(db, actor=viewer, workshop_id=workshop_id))["participants"]
    _labels([(p["sector"], p["organisation"]) for p in people])
    assert [p["answers"][0]["value"] for p in people].count(1) == 1  # the answers themselves are all there


def test_the_raw_answers_are_for_the_workshops_facilitators_and_owners_only(board):
    db, workshop_id, ham = board
    for email in ("fac@lune.nhs.uk", "owner@lune.nhs.uk"):
        raw = results.responses(db, actor=organisations.actor_for(db, email=email), workshop_id=workshop_id,
                                framework_id=ham.id, personal=True)
        assert set(raw.table["sector"]) | set(raw.table["organisation"]) >= LONE
        whole = json.loads(transfer.export_workshop(db, actor=organisations.actor_for(db, email=email),
                                                    workshop_id=workshop_id, personal=True))
        assert {p["sector"] for p in whole["participants"]} >= {"Patients and public"}
    viewer = organisations.actor_for(db, email="viewer@lune.nhs.uk")
    with pytest.raises(Refused):
        results.responses(db, actor=viewer, workshop_id=workshop_id, framework_id=ham.id, personal=True)
    with pytest.raises(Refused):
        transfer.export_workshop(db, actor=viewer, workshop_id=workshop_id, personal=True)
