"""Bring your own framework, in headless Chromium: uploads through the library page, hostile ones refused,
and a whole workshop — set-up, phones, reveal, agreed score, report — on a framework that is not built in."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from assessment.content.framework import read_framework
from assessment.engine.responses import Answer, Responses
from assessment.engine.scoring import score
from assessment.services import library
from assessment.services.database import Database
from assessment.storage.models import FrameworkVersion
from tests.conftest import DATA, SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import LAPTOP, PHONE, choose, join, private_link, settle, show_section
from tests.utils.pdf import read_pdf
from tests.utils.workshops import ADMIN, new_workshop

pytestmark = pytest.mark.browser

ADMIN_KEY = "library-admin-key-0123456789"
FIVE_BY_TWO = DATA / "frameworks" / "five-by-two.yaml"
HOSTILE = '<img src=x onerror="window.pwned=1"> <b>bold</b> [link](https://evil.example) $x$'

@pytest.fixture(scope="module")
def library_app(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('library') / 'library.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": database_url, "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
    app.db = Database.from_url(database_url)
    yield app
    app.stop()
    app.db.dispose()

def _stored(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalar(select(func.count(FrameworkVersion.id))) or 0

def _library(windows, app) -> Page:  # type: ignore[no-untyped-def]
    page = windows.new_page(viewport=LAPTOP)
    page.goto(f"{app.url}/frameworks?admin={ADMIN_KEY}")
    wait_for_app(page)
    return page

def _upload(page: Page, path) -> None:  # type: ignore[no-untyped-def]
    form = page.get_by_test_id("stForm").filter(has_text="Framework YAML")
    form.locator("input[type=file]").set_input_files(str(path))
    expect(form.get_by_text(path.name)).to_be_visible()  # uploaded, not just chosen
    form.get_by_role("button", name="Check and add to the library").click()
    settle(page)

def test_hostile_uploads_are_refused_with_nothing_stored(windows, library_app, tmp_path):
    files = {
        "tag.yaml": (b"id: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "the tag !!python/object/apply"),
        "bomb.yaml": ((b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       b"c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"), "anchors and aliases"),
        "deep.yaml": (b"id: " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
        "builtin-id.yaml": (FIVE_BY_TWO.read_bytes().replace(b"id: riverside-maturity", b"id: ham-2015"),
                            "is a built-in framework's id"),
    }
    page = _library(windows, library_app)
    for name, (raw, expected) in files.items():
        path = tmp_path / name
        path.write_bytes(raw)
        _upload(page, path)
        error = page.get_by_test_id("stAlertContentError")
        expect(error).to_contain_text(f"{name} was not added; nothing was stored")
        expect(error).to_contain_text(expected)
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (50 * 2**20))
    page.get_by_test_id("stForm").filter(has_text="Framework YAML").locator("input[type=file]").set_input_files(str(huge))
    expect(page.get_by_text("File must be 5.0MB or smaller.")).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    assert _stored(library_app.db) == 0
    page.close()

def _hostile_framework(tmp_path):  # type: ignore[no-untyped-def]
    """The 0–4 framework with HTML and Markdown in every text field."""
    content = yaml.safe_load(FIVE_BY_TWO.read_text())
    content.update(id="hostile-text", title=f"Title {HOSTILE}", description=f"Description {HOSTILE}",
                   attribution=f"Attribution {HOSTILE}")
    content["source"].update(title=f"Source {HOSTILE}", publisher=f"Publisher {HOSTILE}")
    content["scale"]["labels"] = {point: f"L{point} <i>x</i>" for point in range(5)}
    for number, principle in enumerate(content["principles"]):
        principle.update(name=f"P{number} {HOSTILE}", summary=f"Summary {HOSTILE}", prompts=[f"Prompt {HOSTILE}"],
                         rubric={point: f"Rubric {point} {HOSTILE}" for point in range(5)})
        for statement in principle["statements"]:
            statement.update(text=f"{statement['id']} {HOSTILE}", help=f"Help {HOSTILE}")
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path

def test_html_in_every_text_field_shows_as_plain_text(windows, library_app, tmp_path):
    page = _library(windows, library_app)
    _upload(page, _hostile_framework(tmp_path))
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("as version 1")
    chooser = page.get_by_role("combobox", name=re.compile("^Framework"))
    chooser.click()
    chooser.fill("Title")  # typing opens the list; a click alone did not, right after the upload's rerun
    page.get_by_role("option", name=re.compile("^Title <img")).click()
    settle(page)
    page.get_by_text("1. P0 <img", exact=False).click()
    settle(page)
    for shown in [f"Title {HOSTILE}", f"Description {HOSTILE}", f"voice-1 {HOSTILE}", f"Summary {HOSTILE}",
                  f"Prompt {HOSTILE}", f"Rubric 2 {HOSTILE}"]:
        expect(page.get_by_text(shown, exact=True).first).to_be_visible()
    main = page.get_by_test_id("stMain")
    found = main.locator("img[src='x'], b, a:not([href^='http']):not([href^='#'])")
    assert found.count() == 0, found.evaluate_all("els => els.map(e => e.outerHTML)")
    # Streamlit links a bare web address to itself; no link goes anywhere other than what it shows
    links = [(link.get_attribute("href"), link.text_content()) for link in main.locator("a[href^=http][href*=evil]").all()]
    assert all(href.rstrip("/") == text.rstrip("/") for href, text in links), [x for x in links if x[0].rstrip("/") != x[1].rstrip("/")]
    assert page.evaluate("window.pwned") is None

    # a participant sees the same words, as typed, on the scoring screen
    framework = next(e.framework for e in library.latest(library_app.db, actor=ADMIN) if e.framework.id == "hostile-text")
    code = new_workshop(library_app.db, framework, partnership_name="Hostile", place="Hostile",
                        title=f"Workshop {HOSTILE}", held_on=datetime.date(2026, 6, 1), sectors=["Acute hospital"],
                        organisations=[]).join_code
    phone = windows.new_page(viewport=PHONE)
    join(phone, library_app.url, code, "Acute hospital")
    expect(phone.get_by_role("heading", name=f"P0 {HOSTILE}")).to_be_visible()
    expect(phone.get_by_role("radiogroup", name=f"voice-1 {HOSTILE}")).to_be_visible()
    expect(phone.get_by_text("L2 <i>x</i>").first).to_be_visible()
    assert phone.get_by_test_id("stMain").locator("img[src='x'], b, i, a:not([href^='http']):not([href^='#'])").count() == 0
    assert phone.evaluate("window.pwned") is None
    page.close()
    phone.close()

def _choose_only(page: Page, label: str, option: str) -> None:
    """Empty a multiselect and pick one option."""
    box = page.get_by_role("combobox", name=re.compile(label))
    box.click()
    for _ in range(4):
        box.press("Backspace")
    box.fill(option)
    page.get_by_role("option", name=re.compile(option)).click()
    box.press("Escape")

def test_a_whole_workshop_on_an_uploaded_framework(windows, library_app, tmp_path):
    framework = read_framework(FIVE_BY_TWO)
    page = _library(windows, library_app)
    _upload(page, FIVE_BY_TWO)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Added Riverside maturity matrix as version 1")
    again = tmp_path / "again.yaml"
    again.write_bytes(FIVE_BY_TWO.read_bytes())
    _upload(page, again)
    expect(page.get_by_test_id("stAlertContentInfo")).to_contain_text("already holds exactly this framework")

    # set up a workshop on it, in the same browser session
    page.get_by_role("link", name="Set up a workshop").click()
    settle(page)
    page.get_by_label("Partnership name").fill("Riverside Partnership")
    page.get_by_label("Place", exact=True).fill("Riverside")
    page.get_by_label("Workshop title").fill("Maturity check")
    _choose_only(page, "Frameworks to score", "Riverside maturity matrix")
    page.get_by_role("button", name="Create workshop").click()
    settle(page)
    expect(page.get_by_text("Workshop created")).to_be_visible()
    facilitator_link = private_link(page)
    join_code = re.search(r"Join code (\w+)", page.get_by_text("Workshop created").inner_text()).group(1)

    labels = {point: f"{point} · {label}" for point, label in framework.scale.labels.items()}
    plans = {"Acute hospital": [0, 1, 2, 3, 4, 4, 3, 2, 1, 0], "Primary care": [1, 1, 2, 2, 3, 3, 4, 4, 0, 0],
             "Patients and public": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}
    for sector, values in plans.items():
        phone = windows.new_page(viewport=PHONE)
        join(phone, library_app.url, join_code, sector)
        answers = iter(values)
        for number, principle in enumerate(framework.principles):
            expect(phone.get_by_role("heading", name=principle.name)).to_be_visible()
            for statement in principle.statements:
                choose(phone, statement.text, labels[next(answers)])
            phone.get_by_role("button", name="Finish" if number == len(framework.principles) - 1 else "Next").click()
            settle(phone)
        expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
        phone.close()

    page.goto(facilitator_link)
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue").nth(2)).to_have_text("3", timeout=10_000)  # finished
    page.get_by_role("button", name="Reveal results").click()
    settle(page)
    show_section(page, "Results")
    expected = score(framework, Responses.from_answers(
        Answer(participant=sector, statement=statement.id, sector=sector, score=value)
        for sector, values in plans.items() for statement, value in zip(framework.statements, values, strict=True)))
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
    radar = page.evaluate("document.querySelectorAll('.js-plotly-plot')[0].data[0].r")
    assert radar[:-1] == pytest.approx([p.mean for p in expected.principles])
    agreement = page.locator("[data-testid='stTable']").nth(1)  # radar, agreement
    rows = [row.locator("td").all_inner_texts() for row in agreement.locator("tbody tr").all()]
    assert [row[:4] for row in rows] == [[p.name, f"{p.mean:.1f}", f"{p.median:.1f}", p.level]
                                         for p in expected.principles]
    page.screenshot(path=SCREENSHOTS / "room-uploaded-framework.png", full_page=True)

    # agree a score on the 0–4 scale and take the report away
    page.get_by_role("link", name="Agree scores and actions").click()
    settle(page)
    page.get_by_role("radiogroup", name="Agreed score").locator("label", has_text=labels[3]).click()
    page.get_by_role("button", name="Save agreed score").click()
    settle(page)
    expect(page.get_by_role("cell", name=labels[3])).to_be_visible()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Report (PDF)").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    text = read_pdf(pdf.read_bytes()).text
    assert "Riverside maturity matrix" in text and "Riverside Partnership" in text
    overall = expected.overall
    assert f"{overall.mean:.1f} ({overall.level})" in text
    for principle in framework.principles:
        assert principle.name in text
    page.close()
