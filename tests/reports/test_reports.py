"""The readiness report in PDF, Word and HTML, and the data exports: right numbers, alt text, safe text."""

from __future__ import annotations

import io
import re
import zlib
from datetime import date
from html.parser import HTMLParser

import pytest
from docx import Document
from openpyxl import load_workbook

from assessment.cli import main
from assessment.content.demo import load_demo
from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import builtin_framework
from assessment.engine.report import ActionItem, Agreed, build_report
from assessment.engine.responses import Answer, Responses, parse_responses_csv, responses_csv
from assessment.reports.docx import render_docx
from assessment.reports.html import render_html
from assessment.reports.render import render
from assessment.reports.spreadsheets import results_csv, results_xlsx
from assessment.services.demo import demo_responses
from tests.utils.pdf import read_pdf

SCRIPT = "<script>alert('hello')</script> we pool some budgets"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def ham():
    return builtin_framework("ham-2015")


@pytest.fixture(scope="module")
def responses(ham):
    answers = demo_responses(load_demo().workshops[0], "ham-2015").answers()
    answers[0] = Answer(**{**answers[0].__dict__, "comment": SCRIPT})
    answers[1] = Answer(**{**answers[1].__dict__, "comment": FORMULA})
    return Responses.from_answers(answers)


@pytest.fixture(scope="module")
def report(ham, responses):
    exemplars = [e for e in builtin_exemplars() if e.id in ("salford", "wigan")]
    return build_report(
        ham, responses, partnership="Riverbrook Health and Care Partnership", place="Riverbrook",
        workshop="Baseline workshop", held_on=date(2026, 3, 12), exemplars=exemplars,
        agreed={"funding": Agreed(score=2, note="Budgets stay separate for now.")},
        actions=[ActionItem(principle=ham.principles[6].name, text="Map every budget line", owner="Finance leads",
                            due="2026-06-30")],
        today=date(2026, 3, 13))


def test_the_summary_names_strongest_weakest_split_and_sector_differences(report):
    means = {p.name: p.mean for p in report.principles}
    overall = report.summary.mean
    # a strength stands a quarter of a point or more above the overall mean (as printed), agreed, never a priority
    for name, mean in report.summary.strongest:
        assert round(mean, 1) - round(overall, 1) >= 0.25 - 1e-9
        assert next(r for r in report.recommendations if r.name == name).kind == "sustain"
    assert [name for name, _ in report.summary.weakest] == sorted(means, key=means.get)[:3]
    assert report.summary.split == [p.name for p in report.principles if p.agreement.divided]
    assert report.summary.sector_differences[0].spread >= report.summary.sector_differences[-1].spread
    funding = next(p for p in report.principles if p.id == "funding")
    assert (funding.agreed_score, funding.agreed_label) == (2, "Emerging")
    assert [a.text for a in funding.actions] == ["Map every budget line"]
    assert SCRIPT in report.principles[0].comments


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alts: list[str | None] = []
        self.labelled: list[str | None] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if tag == "img":
            self.alts.append(attributes.get("alt"))
        if attributes.get("role") == "img":
            self.labelled.append(attributes.get("aria-label"))


def test_html_is_self_contained_with_labelled_charts_and_escaped_words(report, ham):
    html = render_html(report)
    assert "<script>alert('hello')</script>" not in html
    assert "&lt;script&gt;alert(&#39;hello&#39;)&lt;/script&gt;" in html
    # works offline and stays light: nothing fetched, no script at all, charts drawn as inline SVG
    assert re.search(r"<script|<link|\bsrc=\"?https?:", html) is None and html.count("<svg") == 2
    images = _Images()
    images.feed(html)
    assert images.labelled and all(images.labelled)
    assert all(images.alts)
    shown = html.replace("&#39;", "'")
    for heading in ["Contents", "Executive summary", "Recommendations", "Where the partnership stands",
                    "Improvement plan", "Appendix: method", "Sources"]:
        assert f">{heading}</h2>" in shown
    assert f">{ham.principles[0].name}</h3>" in shown  # each principle's plan
    assert 'href="#recommendations"' in html  # the contents link to the sections


def _pdf_alt_texts(pdf: bytes) -> tuple[int, list[bytes]]:
    """Figures in the PDF's structure tree and their /Alt texts (they sit in compressed object streams)."""
    figures, alts = 0, []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            body = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        figures += len(re.findall(rb"/S /Figure", body))
        alts += re.findall(rb"/Alt \((.*?)\)>>", body)
    return figures, alts


def test_pdf_is_tagged_a4_with_numbers_alt_text_and_comments_as_text(report, ham, tmp_path):
    pdf = render(report, "pdf")
    facts = read_pdf(pdf)
    assert facts.tagged and facts.a4
    text = facts.text
    assert report.title.replace("Readiness report: ", "") in text
    assert f"stands at {report.summary.mean:.1f} ({report.summary.level})" in text
    assert "<script>alert('hello')</script>" in text  # shown as the words typed
    assert re.search(r"Page 2 of \d+", text) and "Page 1 of" not in text  # the cover carries no footer
    figures, alts = _pdf_alt_texts(pdf)
    assert figures >= 2 and len(alts) >= figures and all(alt.startswith(b"Radar chart") for alt in alts)


def test_word_document_has_headings_tables_alt_text_and_comments(report):
    document = Document(io.BytesIO(render_docx(report)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert report.partnership in headings  # the cover's title
    for heading in ["Executive summary", "Recommendations", "Improvement plan", report.principles[0].name,
                    "Appendix: method, agreement statistics and the data"]:
        assert heading in headings
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(descriptions) == 2 and all(d.startswith("Radar chart") for d in descriptions)
    assert SCRIPT in [p.text for p in document.paragraphs]
    statistics = next(t for t in document.tables if t.rows[0].cells[0].text == "Principle"
                      and t.rows[0].cells[-1].text == "Agreed")
    assert statistics.rows[1].cells[1].text == f"{report.principles[0].mean:.1f}"
    assert document.sections[-1].footer.paragraphs[0].text.startswith(f"PlaceReady · {report.partnership}")


def test_people_s_formulas_reach_csv_and_excel_as_text(report, responses, ham):
    csv_text = responses_csv(responses)
    assert "'" + FORMULA.replace('"', '""') in csv_text
    back = parse_responses_csv(csv_text.encode(), ham, source="round trip")
    assert FORMULA in set(back.table["comment"].dropna())  # the apostrophe is removed on reading
    workbook = load_workbook(io.BytesIO(results_xlsx(report, responses)))
    assert set(workbook.sheetnames) >= {"Principles", "Statements", "By sector", "Exemplars", "Actions",
                                        "Comments", "Answers"}
    cells = [c for row in workbook["Comments"].iter_rows(min_row=2) for c in row if c.value == FORMULA]
    assert cells and all(c.data_type == "s" for c in cells)
    answers = [c for row in workbook["Answers"].iter_rows(min_row=2) for c in row if c.value == FORMULA]
    assert answers and all(c.data_type == "s" for c in answers)
    assert results_csv(report).splitlines()[0].startswith("framework,principle,name,mean")


def test_report_command_writes_each_format(tmp_path, responses):
    answers = tmp_path / "riverbrook.csv"
    answers.write_text(responses_csv(responses), encoding="utf-8")
    for fmt in ["pdf", "docx", "html", "pptx", "xlsx"]:
        output = tmp_path / f"report.{fmt}"
        assert main(["report", "--framework", "ham-2015", "--responses", str(answers), "--exemplar", "salford",
                     "-o", str(output)]) == 0
        assert output.stat().st_size > 10_000
    assert main(["report", "--framework", "ham-2015", "--responses", str(answers), "-o",
                 str(tmp_path / "report.txt")]) == 2


def test_branding_names_the_consultancy_and_refuses_a_logo_that_is_not_an_image(tmp_path, ham, responses):
    from assessment.errors import InputError
    from assessment.services.reports import branding as branding_from
    from assessment.settings import Settings

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    branding = branding_from(Settings(brand_name="Hartley Consulting", brand_colour="#330072",
                                               brand_logo=logo))
    assert branding.logo_data_uri.startswith("data:image/png;base64,")
    html = render_html(build_report(ham, responses, partnership="P", branding=branding))
    assert "--accent: #330072" in html and 'alt="Hartley Consulting logo"' in html
    fake = tmp_path / "logo.svg"
    fake.write_text("<svg onload='alert(1)'/>")
    with pytest.raises(InputError, match="use a PNG or JPEG"):
        branding_from(Settings(brand_logo=fake))


def test_report_export_and_import_commands_work_on_a_stored_workshop(tmp_path, capsys):
    import json as json_module

    from assessment.services import participation
    from assessment.services.database import open_database
    from assessment.settings import get_settings
    from tests.utils.workshops import join, new_workshop

    db = open_database(get_settings(), seed=False)
    created = new_workshop(db, builtin_framework("salford-behaviours"), partnership_name="Stored", place="Storeford",
                           held_on=date(2026, 5, 1), exemplar_ids=["salford"])
    participation.save_answer(db, participant_id=join(db, created), framework_id="salford-behaviours",
                              statement_id="one-team-1", value=4, comment="=1+1")
    code = created.join_code
    db.dispose()
    assert main(["report", "--framework", "salford-behaviours", "--workshop", code, "-o",
                 str(tmp_path / "stored.html")]) == 0
    assert "Stored" in (tmp_path / "stored.html").read_text()
    assert main(["report", "--framework", "ham-2015", "--workshop", code, "-o", str(tmp_path / "x.pdf")]) == 2
    assert "this workshop scored salford-behaviours" in capsys.readouterr().err
    assert main(["export", "--workshop", code, "-o", str(tmp_path / "stored.json")]) == 0
    assert json_module.loads((tmp_path / "stored.json").read_text())["participants"][0]["answers"][0]["comment"] == "=1+1"
    assert main(["import", str(tmp_path / "stored.json")]) == 0
    assert "imported as join code" in capsys.readouterr().out
    assert main(["export", "--workshop", "NOPE99", "-o", str(tmp_path / "none.json")]) == 2


def test_a_framework_with_no_summaries_or_exemplars_reports_in_every_format(tmp_path):
    """An uploaded framework carries only what docs/formats.md requires: no summaries, rubric or exemplars,
    and here a 0–4 scale with its own labels, with "$" and "<" in its words."""
    from assessment.content.framework import read_framework
    from assessment.reports.render import render
    from tests.conftest import DATA

    framework = read_framework(DATA / "frameworks" / "five-by-two.yaml")
    framework = framework.model_copy(update={"title": "Costs in $ <and> £"})
    answers = Responses.from_answers(
        Answer(participant=f"p{person}", statement=statement.id, score=(person + number) % 5, sector="Acute")
        for person in range(4) for number, statement in enumerate(framework.statements))
    report = build_report(framework, answers, partnership="Riverside", exemplars=builtin_exemplars())
    assert report.principles[0].summary is None
    assert report.exemplar_names == [] and report.principles[0].exemplars == []  # none is judged on it
    for fmt in ("pdf", "docx", "html"):
        (tmp_path / f"report.{fmt}").write_bytes(render(report, fmt))
    text = read_pdf((tmp_path / "report.pdf").read_bytes()).text
    assert "Costs in $ <and> £" in text and "Resident voice" in text
    assert "Costs in $ &lt;and&gt; £" in (tmp_path / "report.html").read_text()


def test_a_report_of_a_workshop_nobody_has_answered_renders_in_every_format(ham):
    from assessment.reports.render import REPORT_FORMATS

    empty = Responses.from_answers([])
    report = build_report(ham, empty, partnership="Empty", today=date(2026, 1, 1))
    assert report.executive_summary.agreement == "Too few people answered to tell whether the room agreed or was split."
    assert len(report.unscored) == 10 and report.plan == []
    for fmt in REPORT_FORMATS:
        assert render(report, fmt, responses=empty)
