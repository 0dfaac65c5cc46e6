"""Progress and system views in Chromium over five places with three workshops each, and importing a CSV."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework, builtin_frameworks
from assessment.engine.progress import changes
from assessment.engine.responses import responses_csv
from assessment.services import consensus, places
from assessment.services.database import Database
from assessment.services.demo import demo_responses, make_places
from assessment.services.history import progress, side_by_side
from assessment.storage.db import migrate
from tests.conftest import LiveApp, wait_for_app
from tests.utils.browser import axe_all_clear
from tests.utils.workshops import ADMIN

pytestmark = pytest.mark.browser

ADMIN_KEY = "a-test-admin-key-0123456789"


@pytest.fixture(scope="module")
def places_app(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('places') / 'places.db'}"
    db = Database.from_url(database_url)
    migrate(db.engine)
    with db.write() as session:
        make_places(session, places=5, workshops_each=3, frameworks=builtin_frameworks(), people=6)
    # an agreed score on the latest workshop of the first place takes the place of its room mean
    place = places.places(db, actor=ADMIN)[0]
    consensus.record_agreed(db, actor=ADMIN, workshop_id=place.workshops[-1].id, framework_id="ham-2015",
                            principle_id="population", score=5, note=None)
    app = LiveApp({"PLACEREADY_DATABASE_URL": database_url, "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
    app.db = db
    yield app
    app.stop()
    db.dispose()


def _cells(page, table_index: int) -> list[list[str]]:
    table = page.get_by_test_id("stTable").nth(table_index)
    expect(table.locator("tbody tr").first).to_be_visible(timeout=20_000)
    return [row.locator("td, th").all_inner_texts() for row in table.locator("tbody tr").all()]


def test_admin_pages_refuse_without_the_key(windows, places_app):
    page = windows.new_page()
    for path in ["manage", "progress", "system"]:
        page.goto(f"{places_app.url}/{path}")
        wait_for_app(page)
        expect(page.get_by_text("This page is for whoever runs this PlaceReady")).to_be_visible()
    page.goto(f"{places_app.url}/manage?admin=wrong-key-0000000000")
    wait_for_app(page)
    expect(page.get_by_text("This page is for whoever runs this PlaceReady")).to_be_visible()
    page.close()


def test_progress_view_matches_the_engine(windows, places_app):
    ham = builtin_framework("ham-2015")
    place = places.places(places_app.db, actor=ADMIN)[0]
    series = progress(places_app.db, actor=ADMIN, partnership_id=place.id, framework_id=ham.id).snapshots
    page = windows.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{places_app.url}/progress?admin={ADMIN_KEY}")
    wait_for_app(page)
    rows = _cells(page, 0)
    assert len(series) == 3 and len(rows) == len(ham.principles)
    for principle, row in zip(ham.principles, rows, strict=True):
        expected = [f"{s.principles[principle.id].score:.1f}" for s in series]
        if principle.id == "population":
            expected[-1] = "5.0 *"  # the agreed score, marked
        assert row == [principle.name, *expected]
    biggest = changes(ham, series)[0]
    expect(page.get_by_text(f"{biggest.name}: {biggest.in_words}", exact=False).first).to_be_visible()
    page.close()


def test_system_view_matches_the_engine(windows, places_app):
    ham = builtin_framework("ham-2015")
    latest = side_by_side(places_app.db, actor=ADMIN, framework_id=ham.id).profiles
    for place in places.places(places_app.db, actor=ADMIN):  # the latest profile is the last of the place's series
        last = progress(places_app.db, actor=ADMIN, partnership_id=place.id, framework_id=ham.id).snapshots[-1]
        assert latest[place.label][0] == last
    page = windows.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{places_app.url}/system?admin={ADMIN_KEY}")
    wait_for_app(page)
    expect(page.get_by_text("5 places, each at its latest workshop")).to_be_visible()
    rows = _cells(page, 0)
    assert [row[0] for row in rows] == list(latest)
    for row, (place, (_, scores)) in zip(rows, latest.items(), strict=True):
        assert row[1:] == [f"{scores[p.id]:.1f}" for p in ham.principles], place
    assert page.locator("[data-testid='stPlotlyChart']").count() == 1 + 5  # heat map and a radar per place
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length === 6")
    drawn = page.evaluate("[...document.querySelectorAll('.js-plotly-plot')].slice(1)"
                          ".map(plot => [plot.layout.title.text, plot.data[0].r])")
    drawn = [[re.sub("</?b>", "", title), values] for title, values in drawn]  # Streamlit bolds titles
    assert drawn == [[place, [scores[p.id] for p in ham.principles] + [scores[ham.principles[0].id]]]
                     for place, (_, scores) in latest.items()]
    page.close()


def test_importing_a_csv_checks_it_whole_before_saving(windows, places_app, tmp_path):
    ham = builtin_framework("ham-2015")
    good = tmp_path / "survey.csv"
    good.write_text(responses_csv(demo_responses(load_demo().workshops[0], ham.id)), encoding="utf-8")
    bad = tmp_path / "broken.csv"
    lines = good.read_text().splitlines()
    lines[3] = lines[3].replace(",3,", ",9,", 1) if ",3," in lines[3] else lines[3].replace(",", ",9,", 2)
    lines[5] = "p99,nonesuch-1,2,,,"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = len(places.places(places_app.db, actor=ADMIN))

    page = windows.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{places_app.url}/manage?admin={ADMIN_KEY}")
    wait_for_app(page)
    form = page.get_by_test_id("stForm").filter(has_text="Responses CSV")
    form.get_by_label("Partnership name").fill("Surveyed Place")
    form.get_by_label("Place").fill("Surveyford")
    form.locator("input[type=file]").set_input_files(str(bad))
    page.wait_for_timeout(500)
    form.get_by_role("button", name="Check the file").click()
    page.wait_for_timeout(300)
    wait_for_app(page)
    error = page.get_by_test_id("stAlertContentError").filter(has_text="broken.csv was not imported")
    expect(error).to_be_visible()
    expect(error).to_contain_text("line 6: 'nonesuch-1' is not a statement of ham-2015")
    assert len(places.places(places_app.db, actor=ADMIN)) == before

    form.locator("input[type=file]").set_input_files(str(good))
    page.wait_for_timeout(500)
    form.get_by_role("button", name="Check the file").click()
    page.wait_for_timeout(300)
    wait_for_app(page)
    expect(page.get_by_text("The file is good: 30 people")).to_be_visible()
    page.get_by_role("button", name="Import as a new workshop").click()
    page.wait_for_timeout(300)
    wait_for_app(page)
    expect(page.get_by_text("Imported as workshop")).to_be_visible()
    imported = next(p for p in places.places(places_app.db, actor=ADMIN) if p.label.startswith("Surveyed Place"))
    assert imported.workshops[0].people == 30

    # whoever runs PlaceReady can facilitate the imported workshop without its facilitator link
    page.goto(f"{places_app.url}/manage?admin={ADMIN_KEY}")
    wait_for_app(page)
    page.get_by_text("Manage Surveyed Place (Surveyford)").click()
    page.get_by_role("button", name="Facilitate this workshop").click()
    page.wait_for_url("**/room*")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Surveyed Place: Imported answers")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Joined")).to_contain_text("30")
    page.close()


@pytest.mark.parametrize("path", ["manage", "progress", "system", "frameworks", "privacy"])
def test_admin_pages_pass_automated_wcag_checks(windows, places_app, path):
    page = windows.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{places_app.url}/{path}?admin={ADMIN_KEY}")
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.locator("[data-testid='stException']").count() == 0
    axe_all_clear(page)
    page.close()
