"""The shipped deploy/nginx.conf, run by Debian's nginx in front of the shipped number of app processes (two) on one
PostgreSQL, as deploy/docker-compose.yml runs them on a machine: TLS and
security headers, rate limits that a room behind one NAT stays under, and participants who lose nothing and
carry on within seconds when each server in turn is killed mid-workshop."""

from __future__ import annotations

import http.client
import re
import time
from http.cookies import SimpleCookie

import pytest

from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import LiveApp, fresh_postgres_database
from tests.utils.deployment import Nginx, shipped_app_processes
from tests.utils.faults import kill_each_server

# Timings are the point (so run alone), and one worker takes the fault tests in turn (so that they do not
# wait on each other), starting this module's servers and nginx once.
pytestmark = [pytest.mark.alone, pytest.mark.xdist_group("faults")]

SCREENS = 4  # principle screens each participant answers: about 20 s of answering, through both kills
RECOVERY_SECONDS = 5.0  # the bound: a phone cut off by a server's death is working again within 5 s


@pytest.fixture(scope="module")
def hosted(nginx_installed, tmp_path_factory):
    """The shipped app processes on a fresh PostgreSQL database, behind nginx; yields (nginx, servers, database)."""
    folder = tmp_path_factory.mktemp("hosted")
    with fresh_postgres_database(folder) as url:
        db = Database.from_url(url)
        migrate(db.engine)
        servers = [LiveApp({"PLACEREADY_DATABASE_URL": url}, wait=False) for _ in shipped_app_processes()]
        nginx = Nginx(folder / "nginx", [server.port for server in servers])
        try:
            for server in servers:
                server.wait_until_healthy()
            nginx.start()
            yield nginx, servers, db
        finally:
            nginx.stop()
            for server in servers:
                server.stop()
            db.dispose()


def _get(nginx: Nginx, path: str, *, tls: bool = True, source: str = "127.0.0.1") -> http.client.HTTPResponse:
    """One request from `source` (any 127.x.y.z: a different client address for nginx)."""
    if tls:
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", nginx.https_port, context=nginx.tls(), source_address=(source, 0), timeout=30)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", nginx.http_port, source_address=(source, 0), timeout=30)
    connection.request("GET", path)
    reply = connection.getresponse()
    reply.read()
    connection.close()
    return reply


def test_plain_http_is_sent_to_https(hosted):
    nginx, _, _ = hosted
    reply = _get(nginx, "/join?code=ABC123", tls=False)
    assert reply.status == 301 and reply.getheader("Location") == "https://127.0.0.1/join?code=ABC123"


def test_pages_carry_the_security_headers_and_secure_cookies(hosted):
    nginx, _, _ = hosted
    reply = _get(nginx, "/join")
    assert reply.status == 200
    assert reply.getheader("Strict-Transport-Security").startswith("max-age=")
    assert reply.getheader("X-Content-Type-Options") == "nosniff"
    assert reply.getheader("Referrer-Policy") == "same-origin"
    policy = dict(part.strip().split(" ", 1) for part in reply.getheader("Content-Security-Policy").split(";"))
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "nginx/" not in (reply.getheader("Server") or "")
    cookies = SimpleCookie()
    for header in reply.headers.get_all("Set-Cookie"):
        cookies.load(header)
    for name in ("placeready_browser", "placeready_device"):  # nginx's stickiness; the app's device (over TLS)
        assert cookies[name]["secure"] and cookies[name]["httponly"] and cookies[name]["samesite"].lower() == "lax"


def test_streamlits_scripts_come_from_an_app_server_once_then_from_nginx_compressed(hosted):
    nginx, _, _ = hosted
    connection = http.client.HTTPSConnection("127.0.0.1", nginx.https_port, context=nginx.tls(), timeout=30)
    connection.request("GET", "/join")
    page = connection.getresponse().read().decode()
    script = re.search(r'src="\.(/static/js/[^"]+\.js)"', page)[1]
    replies = []
    for _ in range(3):
        connection.request("GET", script, headers={"Accept-Encoding": "gzip"})
        reply = connection.getresponse()
        replies.append((reply.status, reply.getheader("Content-Encoding"), reply.getheader("Cache-Control"),
                        len(reply.read())))
    connection.close()
    assert all(status == 200 and encoding == "gzip" and "immutable" in caching for status, encoding, caching, _ in replies)
    deadline = time.monotonic() + 5  # nginx writes a request's log line just after its answer has gone
    while len(upstreams := nginx.upstreams(script)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(upstreams) == 3 and upstreams[0].startswith("127.0.0.1:") and upstreams[1:] == ["-", "-"]


def test_streamlits_agent_api_is_not_served(hosted):
    nginx, _, _ = hosted
    assert _get(nginx, "/_stcore/agent/openapi.json").status == 404


@pytest.mark.parametrize(("path", "source"), [("/join?code=ABC123", "127.0.10.1"), ("/setup", "127.0.11.1"),
                                              ("/_stcore/stream", "127.0.12.1")])
def test_a_room_behind_one_address_gets_in_but_a_flood_from_it_is_refused(hosted, path, source):
    nginx, _, _ = hosted
    room = [_get(nginx, path, source=source).status for _ in range(150)]
    assert 429 not in room  # 150 phones behind one NAT open the page (or reconnect) at once
    flood = [_get(nginx, path, source=source).status for _ in range(100)]
    assert flood.count(429) >= 50  # more, faster than a few a second, are turned away


def test_no_confirmed_answer_is_lost_and_phones_carry_on_when_each_server_is_killed_in_turn(hosted):
    nginx, servers, db = hosted
    result = kill_each_server(db, nginx, servers, participants=24, screens=SCREENS, first_kill=6.0,
                              between=3.0)
    crowd = result.crowd
    assert crowd.failures == []
    assert len(result.first_server) == 2  # phones all from one address are spread over both servers
    confirmed = [a for a in crowd.attempts if a.confirmed]
    statements = sum(len(principle.statements) for principle in crowd.framework.principles[:SCREENS])
    assert len(confirmed) == 24 * statements and all(a.shown for a in confirmed)  # everyone answered everything
    assert crowd.lost == []
    for kill in result.kills:
        assert kill.back_after, f"the kill of :{kill.port} cut off no phone"
        assert max(kill.back_after) <= RECOVERY_SECONDS, (kill.port, sorted(kill.back_after))
    assert "no live upstreams" not in nginx.error_log()
