"""Control belongs to a browser, not an address: the device cookie, and private links exchanged for it.

A Streamlit script cannot set a cookie, so this ASGI middleware sits in front of Streamlit's own server (the
`st.App` of streamlit_app.py, which `placeready-app` and `streamlit run streamlit_app.py` both serve). On plain
HTTP requests it does two things:

- every page it serves carries the browser's device cookie, `placeready_device`: a random 192-bit id, HttpOnly,
  SameSite=Lax, Secure when the page came over TLS, renewed for 30 days at each page load. Pages read it through
  `st.context.cookies` (the websocket's upgrade request carries it) to learn what this browser controls
  (`services.sessions`); it says nothing about the person and opens nothing until a private link is opened in it;
- an address holding a private link's key (`?key=`: a facilitator link or a one-time device link) or the admin
  key (`?admin=`) is exchanged — through the one limiter of wrong codes (`services.attempts`) — for a session of
  this browser, and answered with a redirect to the same address without the key. The address bar, history and
  Referers hold no credential after that; a key sent over the websocket instead opens nothing.
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import logging
import re
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assessment.errors import InputError, Unavailable
from assessment.services import attempts, codes, sessions
from assessment.services.database import Database, open_database
from assessment.settings import get_settings

PAGES_SCRIPT = Path(__file__).with_name("entry.py")  # the script Streamlit runs for every page view
DEVICE_COOKIE = "placeready_device"
DEVICE_LIFETIME = 30 * 24 * 3600  # seconds; renewed at every page load
KEY, ADMIN = "key", "admin"  # the query parameters that carry private links
OUTCOME = "link"  # what became of a link, for the page to say: refused, wait or unavailable
NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/")
_DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{32}")
_log = logging.getLogger(__name__)


def device_id(cookies: Mapping[str, str]) -> str | None:
    """This browser's device id from its cookies, when it has a well-formed one."""
    value = cookies.get(DEVICE_COOKIE)
    return value if isinstance(value, str) and _DEVICE_ID.fullmatch(value) else None


def new_device_id() -> str:
    return secrets.token_urlsafe(24)


def device_name(user_agent: str) -> str:
    """A name for a browser in the list of a workshop's devices: its browser and system."""
    browser = next((name for name in ("Edg", "Firefox", "Chrome", "Safari") if name in user_agent), "A browser")
    system = next((name for name in ("iPad", "iPhone", "Android", "Windows", "Mac OS", "Linux") if name in user_agent),
                  "")
    return f"{'Edge' if browser == 'Edg' else browser}{' on ' + system if system else ''}"


def _trusted(address: str | None) -> bool:
    """A proxy whose X-Forwarded-… headers are believed: this computer, or one of the trusted networks."""
    if address is None:
        return True
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return parsed.is_loopback or any(parsed in network for network in get_settings().proxy_networks)


def client_address(direct: str | None, forwarded_for: str) -> str:
    """The address a browser reaches PlaceReady from: behind a trusted proxy, the last address it added to
    X-Forwarded-For; the header is believed from nobody else."""
    if _trusted(direct):
        return forwarded_for.rsplit(",", 1)[-1].strip() or direct or "this computer"
    return direct or "this computer"


@functools.cache
def admin_key() -> str:
    """The key for the places, progress and system pages: the configured one, or one made for this run — which is
    shown only on a terminal, never written to a log."""
    configured = get_settings().admin_key
    if configured:
        return configured
    key = codes.new_key()
    if get_settings().sign_in:
        pass  # with sign-in the admin link opens nothing: nothing to show
    elif sys.stdout.isatty():
        print(f"PlaceReady: open the places, progress and system pages at /manage?admin={key} (a new key each start; "
              "set PLACEREADY_ADMIN_KEY to keep one). This line is shown on a terminal only.", flush=True)
    else:
        print("PlaceReady: PLACEREADY_ADMIN_KEY is not set, so the admin pages are closed (a key made at start is "
              "shown on a terminal only, never in a log).", flush=True)
    return key


@functools.cache
def database() -> Database:
    """The one database of this process (the pages' `state.database()` is this one)."""
    return open_database(get_settings())


def exchange(query: Mapping[str, str], *, device: str, address: str, user_agent: str,
             db: Database | None = None) -> str | None:
    """Open the private link in `query` as a session of this browser; None when it opened, otherwise what the
    page should say (`refused`, `wait`, `unavailable`)."""
    name = device_name(user_agent)
    try:
        db = db or database()
        if key := query.get(KEY):
            opened = attempts.checked(lambda: sessions.open_with_key(db, key=key, holder=device, device=name),
                                      session=device, address=address)
        else:
            def admin() -> bool | None:
                given, current = query.get(ADMIN, "").strip().encode(), admin_key().encode()
                return True if not get_settings().sign_in and hmac.compare_digest(given, current) else None

            opened = attempts.checked(admin, session=device, address=address)
            if opened:
                sessions.open_admin(db, holder=device, device=name, admin_key=admin_key())
    except attempts.TooManyTries:
        return "wait"
    except (Unavailable, InputError) as problem:  # the database is away, or a setting is wrong: the page says which
        _log.warning("a private link was not opened: %s", type(problem).__name__)
        return "unavailable"
    return None if opened is not None else "refused"


class Custody:
    """The ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(NOT_PAGES):
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        device = device_id(_cookies(headers.get("cookie", ""))) or new_device_id()
        direct = scope["client"][0] if scope.get("client") else None
        secure = scope.get("scheme") == "https" or (
            _trusted(direct) and headers.get("x-forwarded-proto", "").lower() == "https")
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        if KEY in query or ADMIN in query:
            outcome = await run_in_threadpool(
                exchange, query, device=device, address=client_address(direct, headers.get("x-forwarded-for", "")),
                user_agent=headers.get("user-agent", ""))
            kept = {name: value for name, value in query.items() if name not in (KEY, ADMIN, OUTCOME)}
            if outcome:
                kept[OUTCOME] = outcome
            location = scope["path"] + (f"?{urlencode(kept)}" if kept else "")
            await _redirect(send, location, _device_cookie(device, secure))
            return

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                response = MutableHeaders(scope=message)
                if response.get("content-type", "").startswith("text/html"):
                    response.append("set-cookie", _device_cookie(device, secure))
            await send(message)

        await self.app(scope, receive, with_cookie)


def _cookies(header: str) -> dict[str, str]:
    """The cookies a request carries, read leniently: another site's malformed cookie on the same host must not
    hide this one (http.cookies stops at the first it cannot read)."""
    pairs = (part.strip().partition("=") for part in header.split(";"))
    return {name: value.strip('"') for name, _, value in pairs if name}


def _device_cookie(device: str, secure: bool) -> str:
    return (f"{DEVICE_COOKIE}={device}; Path=/; Max-Age={DEVICE_LIFETIME}; HttpOnly; SameSite=Lax"
            + ("; Secure" if secure else ""))


async def _redirect(send: Send, location: str, cookie: str) -> None:
    headers: list[tuple[bytes, Any]] = [
        (b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1")),
        (b"cache-control", b"no-store"), (b"referrer-policy", b"no-referrer"), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
