"""The app in Chromium through nginx running the shipped deploy/nginx.conf: over TLS and under its
Content-Security-Policy and other headers, joining and answering, charts, a download and an upload all work, and
the browser reports no violation of the policy; and after a whole session of private links, screen links, join and
resume codes, no key, token or resume code is in nginx's logs or the app's."""

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
        yield nginx, db, app
    finally:
        nginx.stop()
        app.stop()
        db.dispose()


def test_the_app_works_under_the_shipped_content_security_policy(browser, proxied):
    nginx, db, _ = proxied
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
    # plotly drew a chart (under the policy); on a busy machine the demo's first chart took over the default 5 s
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)

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


def test_no_key_token_or_resume_code_reaches_a_log(browser, proxied):
    nginx, db, app = proxied
    ham = builtin_framework("ham-2015")
    created = new_workshop(db, ham, sectors=["Acute hospital"], organisations=[])
    wrong_key = "a-wrong-key-that-is-also-secret-0123"
    laptop = browser.new_context(ignore_https_errors=True)
    facilitator = laptop.new_page()
    facilitator.goto(f"{nginx.url}/room?key={wrong_key}")
    wait_for_app(facilitator)
    facilitator.goto(f"{nginx.url}/room?key={created.facilitator_key}")
    wait_for_app(facilitator)
    assert facilitator.url == f"{nginx.url}/room"
    expect(facilitator.get_by_role("button", name="Next")).to_be_visible()
    [device] = [c for c in laptop.cookies() if c["name"] == "placeready_device"]
    assert device["httpOnly"] and device["secure"] and device["sameSite"] == "Lax"  # Secure: nginx says TLS
    facilitator.goto(f"{nginx.url}/manage?admin={ADMIN_KEY}")
    wait_for_app(facilitator)
    expect(facilitator.get_by_role("heading", name="Places and workshops")).to_be_visible()
    projector = laptop.new_page()
    projector.goto(f"{nginx.url}/screen?s={created.screen_key}")
    wait_for_app(projector)
    expect(projector.locator("p.join-code")).to_have_text(created.join_code)

    phones = browser.new_context(ignore_https_errors=True, viewport=PHONE)
    phone = phones.new_page()
    join(phone, nginx.url, created.join_code, "Acute hospital")
    choose(phone, ham.principles[0].statements[0].text, f"3 · {ham.scale.labels[3]}")
    resume_code = parse_qs(urlsplit(phone.url).query)["me"][0]
    phone.reload()  # the page and every script and style it loads again, each with the address as its Referer
    wait_for_app(phone)
    phone_device = next(c["value"] for c in phones.cookies() if c["name"] == "placeready_device")
    laptop.close()
    phones.close()

    logs = {"nginx": nginx.logs(), "app": app.log.read_text()}
    assert "GET /room " in logs["nginx"] and "GET /join " in logs["nginx"]  # the access log is written
    secrets = {"facilitator key": created.facilitator_key, "wrong key": wrong_key, "admin key": ADMIN_KEY,
               "screen link": created.screen_key, "resume code": resume_code, "device cookie": device["value"],
               "phone's device cookie": phone_device}
    assert [(what, where) for what, secret in secrets.items() for where, text in logs.items() if secret in text] == []
