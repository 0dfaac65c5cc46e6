"""The middleware in front of Streamlit (pages/custody.py), called as an ASGI app: the device cookie on every page
and only pages, HttpOnly and SameSite=Lax always and Secure over TLS (a proxy's word for it believed only from this
computer or a trusted network); private links swapped for a session and taken out of the address; and the admin
key made at start never written to a log."""

from __future__ import annotations

import asyncio
from http.cookies import SimpleCookie

from assessment.content.framework import builtin_framework
from assessment.pages import custody, state
from assessment.services import sessions
from tests.utils.workshops import new_workshop


async def _page(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """What Streamlit's server answers: a page, or a script."""
    kind = b"text/html; charset=utf-8" if scope["path"].rsplit("/", 1)[-1].count(".") == 0 else b"text/javascript"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", kind)]})
    await send({"type": "http.response.body", "body": b""})


def _get(path: str, *, headers: dict[str, str] | None = None, client: str = "127.0.0.1",
         scheme: str = "http") -> tuple[int, dict[str, str], SimpleCookie]:
    """(status, headers, cookies set) of a GET through the middleware."""
    target, _, query = path.partition("?")
    scope = {"type": "http", "method": "GET", "path": target, "query_string": query.encode(), "scheme": scheme,
             "client": (client, 50000), "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(custody.Custody(_page)(scope, receive, send))
    start = sent[0]
    answered = {k.decode(): v.decode() for k, v in start["headers"] if k.lower() != b"set-cookie"}
    cookies = SimpleCookie()
    for name, value in start["headers"]:
        if name.lower() == b"set-cookie":
            cookies.load(value.decode())
    return start["status"], answered, cookies


def test_every_page_carries_the_device_cookie_httponly_and_samesite_and_no_script_does():
    status, _, cookies = _get("/join")
    device = cookies[custody.DEVICE_COOKIE]
    assert status == 200 and custody.device_id({custody.DEVICE_COOKIE: device.value}) == device.value
    assert device["httponly"] and device["samesite"] == "Lax" and not device["secure"]  # plain http here
    assert int(device["max-age"]) == custody.DEVICE_LIFETIME and device["path"] == "/"
    assert custody.DEVICE_COOKIE not in _get("/static/js/main.js")[2]
    kept = _get("/room", headers={"Cookie": f"{custody.DEVICE_COOKIE}={device.value}"})[2]
    assert kept[custody.DEVICE_COOKIE].value == device.value  # renewed, not replaced
    forged = _get("/room", headers={"Cookie": f"{custody.DEVICE_COOKIE}=x; other=1"})[2]
    assert custody.device_id({custody.DEVICE_COOKIE: forged[custody.DEVICE_COOKIE].value})  # a new, well-formed one
    beside = _get("/room", headers={"Cookie": f'a b=1; "odd; {custody.DEVICE_COOKIE}={device.value}'})[2]
    assert beside[custody.DEVICE_COOKIE].value == device.value  # another site's bad cookie does not hide it


def test_the_cookie_is_secure_over_tls_and_behind_a_proxy_that_says_so_only_when_the_proxy_is_trusted():
    assert _get("/join", scheme="https")[2][custody.DEVICE_COOKIE]["secure"]
    tls = {"X-Forwarded-Proto": "https"}
    assert _get("/join", headers=tls, client="127.0.0.1")[2][custody.DEVICE_COOKIE]["secure"]
    assert not _get("/join", headers=tls, client="198.51.100.7")[2][custody.DEVICE_COOKIE]["secure"]


def test_a_private_link_becomes_a_session_of_this_browser_and_leaves_the_address():
    created = new_workshop(state.database(), builtin_framework("ham-2015"))
    status, answered, cookies = _get(f"/room?key={created.facilitator_key}&step=2")
    assert status == 303 and answered["location"] == "/room?step=2"
    assert answered["cache-control"] == "no-store" and answered["referrer-policy"] == "no-referrer"
    device = cookies[custody.DEVICE_COOKIE].value
    assert sessions.held(state.database(), holder=device, admin_key=None).facilitating.keys() == {created.id}
    assert _get("/room?key=not-a-key")[1]["location"] == "/room?link=refused"
    assert _get(f"/manage?admin={custody.admin_key()}x")[1]["location"] == "/manage?link=refused"
    status, answered, cookies = _get(f"/manage?admin={custody.admin_key()}")
    assert answered["location"] == "/manage"
    assert sessions.held(state.database(), holder=cookies[custody.DEVICE_COOKIE].value,
                         admin_key=custody.admin_key()).admin is not None


def test_the_admin_key_made_at_start_is_never_written_to_a_log(capsys, monkeypatch):
    from assessment.settings import get_settings

    monkeypatch.delenv("PLACEREADY_ADMIN_KEY", raising=False)
    get_settings.cache_clear()
    custody.admin_key.cache_clear()
    try:
        key = custody.admin_key()  # pytest's captured output is not a terminal, as a server's log is not
        printed = capsys.readouterr().out
        assert key not in printed and "PLACEREADY_ADMIN_KEY is not set" in printed
    finally:
        custody.admin_key.cache_clear()
        get_settings.cache_clear()
