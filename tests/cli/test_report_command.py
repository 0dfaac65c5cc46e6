"""`placeready report` for stored workshops, places and systems: the files the app gives, named as it names
them, and a plain message with exit status 2 for anything wrong."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from pptx import Presentation

from assessment.cli import main
from assessment.content.framework import builtin_framework
from assessment.reports.names import slug, workshop_file_name
from tests.utils.pdf import read_pdf

HAM = builtin_framework("ham-2015")


@pytest.fixture(scope="module")
def stored():
    """Two workshops of "Clibrook & Co" in the system "Cli ICS", in the database the command line reads."""
    from assessment.services import places
    from assessment.services.database import open_database
    from assessment.services.transfer import import_responses
    from assessment.settings import get_settings
    from tests.utils.reports import riverbrook
    from tests.utils.workshops import ADMIN

    db = open_database(get_settings(), seed=False)
    then, now = riverbrook()
    codes = []
    for title, held_on, answers in [("Baseline", date(2026, 3, 12), then), ("Follow-up", date(2026, 9, 17), now)]:
        created = import_responses(db, actor=ADMIN, partnership_name="Clibrook & Co", place="Clibrook & Co",
                                   title=title, held_on=held_on, answered=[(HAM, answers)], exemplar_ids=["salford"])
        codes.append(created.join_code)
    place = next(p for p in places.places(db, actor=ADMIN) if p.label == "Clibrook & Co")
    places.place_in_system(db, actor=ADMIN, partnership_id=place.id, system_name="Cli ICS")
    db.dispose()
    return codes


def test_a_follow_up_report_and_board_pack_compare_with_the_baseline(stored, tmp_path):
    baseline, follow_up = stored
    assert main(["report", "--framework", "ham-2015", "--workshop", follow_up, "-o", str(tmp_path / "r.pdf")]) == 0
    assert "Compared with the baseline workshop (12 March 2026)" in read_pdf((tmp_path / "r.pdf").read_bytes()).text
    assert main(["report", "--framework", "ham-2015", "--workshop", follow_up, "--baseline", baseline,
                 "-o", str(tmp_path / "pack.pptx")]) == 0
    titles = [s.shapes.title.text for s in Presentation(str(tmp_path / "pack.pptx")).slides]
    assert "Since the baseline" in titles and 10 <= len(titles) <= 15


def test_without_a_file_name_the_report_takes_the_name_the_app_gives(stored, tmp_path, capsys):
    _, follow_up = stored
    assert main(["report", "--framework", "ham-2015", "--workshop", follow_up, "--format", "docx",
                 "-o", str(tmp_path)]) == 0
    expected = workshop_file_name(partnership="Clibrook & Co", workshop="Follow-up", held_on="2026-09-17",
                                  framework_id="ham-2015", what="readiness-report", extension="docx")
    assert expected == "clibrook-co_follow-up_2026-09-17_ham-2015_readiness-report.docx"
    assert (tmp_path / expected).exists() and expected in capsys.readouterr().out


def test_progress_and_system_reports_as_pdf_and_word(stored, tmp_path):
    assert main(["report", "--framework", "ham-2015", "--progress", "clibrook", "-o", str(tmp_path)]) == 0
    [progress] = tmp_path.glob("clibrook-co_progress_ham-2015_*.pdf")
    assert "Progress over time" in read_pdf(progress.read_bytes()).text
    assert main(["report", "--framework", "ham-2015", "--system", "cli ics", "-o", str(tmp_path / "s.docx")]) == 0
    document = Document(io.BytesIO((tmp_path / "s.docx").read_bytes()))
    assert [p.text for p in document.paragraphs][:2] == ["Places side by side", "Cli ICS"]
    assert "Clibrook & Co" in [row.cells[0].text for table in document.tables for row in table.rows]
    assert slug("Cli ICS") == "cli-ics"


@pytest.mark.parametrize(("arguments", "message"), [
    (["--progress", "Nowhere"], "no place has this id or name"),
    (["--system", "Nowhere ICS"], "no system has this name"),
    (["--progress", "clibrook", "-o", "x.pptx"], "say pdf, docx or html"),
    (["--workshop", "NOPE99"], "no workshop in the database has the join code 'NOPE99'"),
    (["--responses", "x.csv", "--baseline", "NOPE99"], "a baseline is chosen for a stored workshop"),
    (["--progress", "clibrook", "--system", "Cli ICS"], "give one of --responses"),
    (["--workshop", "PLACEHOLDER", "--baseline", "NOPE99"], "--baseline: 1 problem"),
    (["--workshop", "PLACEHOLDER", "-o", "/nonexistent/folder/r.pdf"], "cannot write"),
])
def test_bad_input_exits_2_with_a_message_and_no_traceback(stored, arguments, message, capsys):
    arguments = [stored[1] if a == "PLACEHOLDER" else a for a in arguments]
    assert main(["report", "--framework", "ham-2015", *arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_a_workshop_of_both_frameworks_gives_one_combined_report_without_framework(tmp_path, capsys):
    from assessment.services.database import open_database
    from assessment.services.transfer import import_responses
    from assessment.settings import get_settings
    from tests.utils.rooms import room_of_24
    from tests.utils.workshops import ADMIN

    db = open_database(get_settings(), seed=False)
    created = import_responses(db, actor=ADMIN, partnership_name="Bothbrook", place="Bothbrook", title="Both",
                               held_on=date(2026, 5, 14), answered=[(HAM, room_of_24()),
                                                                    (builtin_framework("salford-behaviours"),
                                                                     room_of_24("salford-behaviours"))])
    db.dispose()
    assert main(["report", "--workshop", created.join_code, "-o", str(tmp_path / "report.pdf")]) == 0
    text = " ".join(read_pdf((tmp_path / "report.pdf").read_bytes()).text.split())
    assert "Part 1: Ten design principles" in text and "Part 2: The ten Salford behaviours" in text
    assert "imported from a file of answers collected elsewhere" in text  # the method, true to the data
    assert main(["report", "--workshop", created.join_code, "-o", str(tmp_path / "pack.pptx")]) == 2
    assert "a board pack or results cover one framework, so give --framework" in capsys.readouterr().err
    assert main(["report", "--responses", "x.csv", "-o", str(tmp_path / "r.pdf")]) == 2


def test_a_workshop_of_ham_and_neighbourhood_health_gets_the_cross_walk_in_its_combined_report(tmp_path):
    from assessment.content.demo import load_demo
    from assessment.services.database import open_database
    from assessment.services.demo import demo_responses
    from assessment.services.transfer import import_responses
    from assessment.settings import get_settings
    from tests.utils.workshops import ADMIN

    neighbourhood = builtin_framework("neighbourhood-health-2025")
    workshop = load_demo().by_id["neighbourhood"]
    db = open_database(get_settings(), seed=False)
    created = import_responses(db, actor=ADMIN, partnership_name="Hoodbrook", place="Hoodbrook", title="Hoods",
                               held_on=date(2026, 11, 19), answered=[(f, demo_responses(workshop, f.id))
                                                                     for f in (HAM, neighbourhood)])
    db.dispose()
    assert main(["report", "--workshop", created.join_code, "-o", str(tmp_path / "both.html")]) == 0
    page = (tmp_path / "both.html").read_text()
    assert f'<h2 class="part" id="across-1">What “{neighbourhood.title}” rests on</h2>' in page
    assert "Read across the two frameworks, the lowest-scored foundation is principle 7" in page  # the summary
    for framework_id, rests_on in (("neighbourhood-health-2025", True), ("ham-2015", False)):
        target = tmp_path / f"{framework_id}.html"
        assert main(["report", "--workshop", created.join_code, "--framework", framework_id, "-o", str(target)]) == 0
        assert ('id="crosswalk">What it rests on: Ten design principles' in target.read_text()) is rests_on


def test_the_raw_answers_come_from_the_command_line_clearly_named(stored, tmp_path, monkeypatch, capsys):
    from assessment.engine.responses import read_responses_csv
    from tests.utils.reports import riverbrook

    _, follow_up = stored
    monkeypatch.chdir(tmp_path)
    assert main(["answers", "--workshop", follow_up, "--framework", "ham-2015"]) == 0
    [written] = tmp_path.glob("*.csv")
    assert written.name == "clibrook-co_follow-up_2026-09-17_ham-2015_raw-answers-personal-level-data.csv"
    assert "personal-level data" in capsys.readouterr().out
    raw, given = read_responses_csv(written, HAM), riverbrook()[1]
    assert sorted(raw.table["sector"].dropna().unique()) == sorted(given.table["sector"].dropna().unique())
