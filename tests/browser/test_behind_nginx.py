"""The app in Chromium through nginx running the shipped deploy/nginx.conf: over TLS and under its
Content-Security-Policy and other headers, joining and answering, charts, a download and an upload all work, and
the browser reports no violation of the policy."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from assessment.content.framework import builtin_framework
from assessment.services import participation
from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import DATA, LiveApp, wait_for_app
from tests.utils.browser import PHONE, choose, join, settle
from tests.utils.deployment import Nginx
from tests.utils.workshops import new_workshop

pytestmark = pytest.mark.browser

ADMIN_KEY = "behind-nginx-admin-key-0123456"


@pytest.fixture(scope="module")
def proxied(nginx_installed, tmp_path_factory):
    """One app server (on SQLite) behind nginx, standing for both of the shipped upstream servers."""
    folder = tmp_path_factory.mktemp("proxied")
    database_url = f"sqlite:///{folder / 'app.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": database_url, "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
    nginx = Nginx(folder / "nginx", [app.port, app.port])
    db = Database.from_url(database_url)
    migrate(db.engine)
    try:
        nginx.start()
        yield nginx, db
    finally:
        nginx.stop()
        app.stop()
        db.dispose()


def test_the_app_works_under_the_shipped_content_security_policy(browser, proxied):
    nginx, db = proxied
    context = browser.new_context(ignore_https_errors=True, viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)

    ham = builtin_framework("ham-2015")
    created = new_workshop(db, ham, sectors=["Acute hospital"], organisations=[])
    join(page, nginx.url, created.join_code, "Acute hospital")
    statement = ham.principles[0].statements[0]
    choose(page, statement.text, f"3 · {ham.scale.labels[3]}")  # over the websocket, through nginx
    resume_code = parse_qs(urlsplit(page.url).query)["me"][0]
    me = participation.resume(db, join_code=created.join_code, resume_code=resume_code)
    assert participation.my_answers(db, participant_id=me.participant_id)[(ham.id, statement.id)].value == 3

    page.goto(f"{nginx.url}/demo")
    wait_for_app(page)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()  # plotly drew a chart

    page.goto(f"{nginx.url}/frameworks?admin={ADMIN_KEY}")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Template (YAML)").click()
    assert download.value.path().read_text().lstrip().startswith("#")
    form = page.get_by_test_id("stForm").filter(has_text="Framework YAML")
    form.locator("input[type=file]").set_input_files(str(DATA / "frameworks" / "tiny.yaml"))
    expect(form.get_by_text("tiny.yaml")).to_be_visible()
    form.get_by_role("button", name="Check and add to the library").click()
    settle(page)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("as version 1")

    assert refused == []
    # and the policy is in force: a script put into the page is refused, and the browser says so
    ran = page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.head.appendChild(script);
        return !!window.injected }""")
    assert not ran
    for _ in range(50):  # the console message arrives a moment after
        if refused:
            break
        page.wait_for_timeout(100)
    assert refused and "script-src" in refused[0]
    context.close()
