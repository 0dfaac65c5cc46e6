"""Hosted mode in headless Chromium: sign-in through an OpenID Connect provider on loopback, and a member of
one organisation cannot reach another's partnership by any page or query parameter."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from assessment.content.framework import builtin_framework
from assessment.services import organisations, participation, privacy, workshops
from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import SCREENSHOTS, LiveApp, wait_for_app
from tests.utils.browser import LAPTOP, settle
from tests.utils.workshops import ADMIN, join, new_workshop

pytestmark = pytest.mark.browser

ADMIN_KEY = "an-admin-key-that-must-open-nothing"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """Two organisations, each with a place and a workshop; the app in sign-in mode against a mock provider."""
    from oidc_provider_mock import User, run_server_in_thread

    folder = tmp_path_factory.mktemp("hosted")
    database_url = f"sqlite:///{folder / 'hosted.db'}"
    db = Database.from_url(database_url)
    migrate(db.engine)
    ham = builtin_framework("ham-2015")
    keys = {}
    for organisation, email, role, place in [("Alpha Consulting", "alice@example.com", "facilitator", "Alphaton"),
                                             ("Beta ICS", "bob@example.com", "owner", "Betaford")]:
        owner = organisations.create_organisation(db, actor=ADMIN, name=organisation, owner_email=email)
        organisations.set_member(db, actor=ADMIN, organisation_id=owner, email=email, role=role)
        created = new_workshop(db, ham, partnership_name=f"{place} Partnership", place=place,
                               held_on=date(2026, 10, 1), organisation_id=owner, sectors=["Acute hospital"])
        for value in (2, 3, 4):
            participation.save_answer(db, participant_id=join(db, created, sector="Acute hospital"),
                                      framework_id=ham.id, statement_id=ham.statements[0].id, value=value)
        workshops.set_revealed(db, actor=ADMIN, workshop_id=created.id, revealed=True)
        keys[place] = created.facilitator_key
    users = [User(sub=email, claims={"email": email, "name": email.split("@")[0].title()})
             for email in ("alice@example.com", "bob@example.com")]
    with run_server_in_thread(user_claims=users) as provider:
        issuer = f"http://localhost:{provider.server_port}"
        secrets = folder / "secrets.toml"
        secrets.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "a-cookie-secret-for-the-sign-in-tests-0123456789"
client_id = "placeready"
client_secret = "a-client-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
""", encoding="utf-8")
        app = LiveApp({"PLACEREADY_DATABASE_URL": database_url, "PLACEREADY_SIGN_IN": "true",
                       "PLACEREADY_ADMIN_KEY": ADMIN_KEY}, args=["--secrets.files", str(secrets)])
        app.db, app.issuer, app.keys = db, issuer, keys
        try:
            yield app
        finally:
            app.stop()
            db.dispose()


def _sign_in(page: Page, app, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{app.url}/manage")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{app.issuer}/**")
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app.url}/**")
    wait_for_app(page)  # Streamlit brings a signed-in person back to the home page
    page.goto(f"{app.url}/manage")
    wait_for_app(page)


def test_private_pages_ask_for_sign_in_and_the_admin_key_opens_nothing(browser, hosted):
    page = browser.new_page(viewport=LAPTOP)
    for path in ["manage", "progress", "system", f"manage?admin={ADMIN_KEY}", f"room?key={hosted.keys['Betaford']}",
                 f"agree?key={hosted.keys['Betaford']}", f"compare?key={hosted.keys['Betaford']}", "setup"]:
        page.goto(f"{hosted.url}/{path}")
        wait_for_app(page)
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()
        assert page.get_by_text("Betaford").count() == 0, path
    page.screenshot(path=SCREENSHOTS / "hosted-sign-in.png")
    page.close()


def test_a_member_sees_only_their_organisations_partnership(browser, hosted):
    page = browser.new_page(viewport=LAPTOP)
    _sign_in(page, hosted, "alice@example.com")
    expect(page.get_by_role("heading", name="Places and workshops")).to_be_visible()
    expect(page.get_by_role("heading", name="Alphaton Partnership (Alphaton)")).to_be_visible()
    assert page.get_by_text("Betaford").count() == 0
    assert page.get_by_text("Members of").count() == 0  # a facilitator does not manage members

    for path in ["progress", "system", f"progress?place=Betaford&admin={ADMIN_KEY}"]:
        page.goto(f"{hosted.url}/{path}")
        wait_for_app(page)
        expect(page.get_by_test_id("stTable").first).to_be_visible()
        shown = page.get_by_test_id("stMain").aria_snapshot()
        assert "Alphaton" in shown and "Betaford" not in shown, path
    page.get_by_role("combobox").first.click()
    page.get_by_role("combobox").first.fill("Beta")
    assert page.get_by_role("option", name="Betaford").count() == 0

    # the other organisation's facilitator link opens nothing; their own opens their room
    for view in ["room", "agree", "compare"]:
        page.goto(f"{hosted.url}/{view}?key={hosted.keys['Betaford']}")
        wait_for_app(page)
        expect(page.get_by_text("does not open any workshop you facilitate")).to_be_visible()
        assert page.get_by_text("Betaford").count() == 0, view
    page.goto(f"{hosted.url}/room?key={hosted.keys['Alphaton']}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Alphaton Partnership: Baseline")).to_be_visible()

    # a change is recorded against the signed-in person
    page.get_by_role("link", name="Agree scores and actions").click()
    settle(page)
    page.get_by_role("radiogroup", name="Agreed score").locator("label", has_text="3 · Developing").click()
    page.get_by_role("button", name="Save agreed score").click()
    settle(page)
    entry = privacy.audit_log(hosted.db, actor=ADMIN, limit=1)[0]
    assert (entry.actor, entry.action, entry.detail["score"]) == ("alice@example.com", "agreed score", 3)
    page.close()


def test_an_owner_adds_a_member_who_then_sees_only_that_organisation(browser, hosted):
    page = browser.new_page(viewport=LAPTOP)
    _sign_in(page, hosted, "bob@example.com")
    expect(page.get_by_role("heading", name="Members of Beta ICS")).to_be_visible()
    assert page.get_by_text("Alpha Consulting").count() == 0
    page.screenshot(path=SCREENSHOTS / "hosted-owner-places.png", full_page=True)
    form = page.get_by_test_id("stForm").filter(has_text="E-mail address")
    form.get_by_label("E-mail address").fill("Carol@Example.com")
    form.get_by_role("button", name="Save member").click()  # the first role offered is viewer
    settle(page)
    expect(page.get_by_role("cell", name="carol@example.com")).to_be_visible()
    entry = privacy.audit_log(hosted.db, actor=ADMIN, limit=1)[0]
    assert (entry.actor, entry.action, entry.detail["email"], entry.detail["role"]) == (
        "bob@example.com", "member role", "carol@example.com", "viewer")
    page.close()
