"""What a hostile browser sends to a running server, over Streamlit's websocket (as a phone's frontend would) and
in addresses: no page is a code oracle — 30 wrong codes, then the real one, and the real one is refused on every
page that looks a code up — private links open nothing over the websocket, and widget values of the wrong kind are
refused with one line in the log and no traceback."""

from __future__ import annotations

import asyncio
import urllib.request

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import participation
from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import LiveApp
from tests.utils.stream_client import Phone
from tests.utils.workshops import new_workshop

ADMIN_KEY = "hostile-messages-admin-key-0123"
WRONG = [f"WRONG{n:02d}" for n in range(30)]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A live server and its database; (server, database, the workshop made on it)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'app.db'}"
    db = Database.from_url(url)
    migrate(db.engine)
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
    created = new_workshop(db, builtin_framework("ham-2015"), partnership_name="Oraclebrook", sectors=["Acute"],
                           organisations=[])
    yield app, db, created
    app.stop()
    db.dispose()


def _phone(app: LiveApp, address: str) -> Phone:
    """A browser at its own network address (the server believes X-Forwarded-For from this computer), so that
    each page's test starts with the address's wrong tries unused."""
    return Phone(app.url, headers={"X-Forwarded-For": address})


def _said(screen) -> str:  # type: ignore[no-untyped-def]
    return " ".join(screen.alerts + screen.texts)


async def _thirty_wrong_then_the_real_one(phone: Phone, page: str, query: str, real: str) -> str:
    screen = await phone.open(page, query.format(WRONG[0]))
    for wrong in WRONG[1:]:
        screen = await phone.visit(query.format(wrong))
    assert "too many wrong codes" in _said(screen).lower()
    screen = await phone.visit(query.format(real))
    await phone.close()
    return _said(screen)


def test_thirty_wrong_join_codes_then_the_real_one_and_the_real_one_is_refused(served):
    app, _, created = served
    said = asyncio.run(_thirty_wrong_then_the_real_one(_phone(app, "203.0.113.1"), "join", "code={}",
                                                       created.join_code))
    assert "Oraclebrook" not in said and "too many wrong codes" in said.lower()


def test_thirty_wrong_resume_codes_then_the_real_one_and_the_real_one_is_refused(served):
    app, db, created = served
    me = participation.join(db, join_code=created.join_code, organisation=None, sector="Acute")
    said = asyncio.run(_thirty_wrong_then_the_real_one(
        _phone(app, "203.0.113.2"), "join", f"code={created.join_code}&me={{}}", me.resume_code))
    assert "Your answers were not opened" in said and "statements answered" not in said


def test_thirty_wrong_screen_links_then_the_real_one_and_the_real_one_is_refused(served):
    app, _, created = served
    said = asyncio.run(_thirty_wrong_then_the_real_one(_phone(app, "203.0.113.3"), "screen", "s={}",
                                                       created.screen_key))
    assert "The screen was not opened" in said and "Oraclebrook" not in said


def test_the_join_code_opens_no_projector_screen(served):
    app, _, created = served

    async def screen_by_code() -> str:
        phone = _phone(app, "203.0.113.4")
        said = _said(await phone.open("screen", f"code={created.join_code}"))
        await phone.close()
        return said

    said = asyncio.run(screen_by_code())
    assert "Oraclebrook" not in said and "screen link" in said


def _opened(app: LiveApp, path: str, address: str) -> str:
    """Where the server sends a browser that opens `path`: the address its redirect names."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    request = urllib.request.Request(f"{app.url}{path}", headers={"X-Forwarded-For": address})
    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 303
        return redirect.headers["Location"]
    raise AssertionError("no redirect")


@pytest.mark.parametrize(("path", "parameter", "address"), [("/room", "key", "203.0.113.5"),
                                                            ("/manage", "admin", "203.0.113.6")])
def test_thirty_wrong_private_links_then_the_real_one_and_the_real_one_is_refused(served, path, parameter, address):
    app, _, created = served
    real = created.facilitator_key if parameter == "key" else ADMIN_KEY
    assert _opened(app, f"{path}?{parameter}=not-it", "203.0.113.99") == f"{path}?link=refused"
    for number in range(30):
        _opened(app, f"{path}?{parameter}=wrong-{number}", address)
    assert _opened(app, f"{path}?{parameter}={real}", address) == f"{path}?link=wait"  # not even looked up
    assert _opened(app, f"{path}?{parameter}={real}&x=1", "203.0.113.98") == f"{path}?x=1"  # opened, key gone


def test_a_private_link_sent_over_the_websocket_opens_nothing(served):
    app, _, created = served

    async def room_by_websocket() -> tuple[str, str]:
        phone = _phone(app, "203.0.113.7")
        await phone.open("join")  # a page load sets the device cookie; the key comes over the websocket
        phone.page = "room"
        said = _said(await phone.visit(f"key={created.facilitator_key}"))
        await phone.close()
        return said, phone.query

    said, query = asyncio.run(room_by_websocket())
    assert "for the workshop's facilitator" in said and "key=" not in query


def test_widget_values_of_the_wrong_kind_are_refused_with_one_line_and_no_traceback(served):
    app, db, created = served
    logged = len(app.log.read_text())

    async def hostile() -> tuple[list[str], str]:
        phone = _phone(app, "203.0.113.8")
        screen = await phone.open("join", f"code={created.join_code}")
        screen = await phone.run({screen.widgets[("selectbox", "Your sector")]: ("string_value", "Acute")},
                                 trigger=screen.widgets[("button", "Start scoring")])
        label, radio = next(iter(screen.radios.items()))
        comment = next(widget for (kind, _), widget in screen.widgets.items() if kind == "text_area")
        said = []
        for widget, value in [(radio.id, ("double_value", 2.5)), (radio.id, ("int_value", 3)),
                              (radio.id, ("string_value", "banana")), (comment, ("int_value", 5)),
                              (comment, ("double_value", 1.5))]:
            phone._states.clear()  # each message alone, as a hand-made one is
            screen = await phone.run({widget: value})
            said.append(_said(screen))
            assert screen.radios, f"the page was not drawn after {value}"
        phone._states.clear()
        screen = await phone.run({radio.id: ("string_value", radio.options[2])})  # and a real answer still saves
        assert not screen.alerts and screen.selected[label] == radio.options[2]
        await phone.close()
        return said, phone.query_value("me") or ""

    said, resume_code = asyncio.run(hostile())
    assert "score must be one of" in said[2]  # a choice not offered: refused as not an answer
    log = app.log.read_text()[logged:]
    assert "Traceback" not in log and "Error" not in log.replace("InputError", "")
    assert log.count("dropped 1 widget value(s) of the wrong kind") == 4
    assert log.count("refused an answer") == 1
    me = participation.resume(db, join_code=created.join_code, resume_code=resume_code)
    [(value, comment)] = [(a.value, a.comment) for a in participation.my_answers(db, participant_id=me.participant_id
                                                                                 ).values()]
    assert (value, comment) == (3, None)  # only the real answer was stored


def test_a_real_answer_after_the_frontends_empty_radios_is_kept(served):
    """The frontend sends each radio nothing is chosen in as a state without a value, and Streamlit, reading it
    back in a run that draws no radio (the phone's follow-the-room fragment, on its timer), takes the radio's kind
    to be none. A person's answer after that is of the radio's own kind and must be kept."""
    app, db, created = served
    logged = len(app.log.read_text())

    async def answer_after_empty_radios() -> str:
        phone = _phone(app, "203.0.113.9")
        screen = await phone.open("join", f"code={created.join_code}")
        screen = await phone.run({screen.widgets[("selectbox", "Your sector")]: ("string_value", "Acute")},
                                 trigger=screen.widgets[("button", "Start scoring")])
        radios = list(screen.radios.values())
        await phone.run({radio.id: (None, None) for radio in radios})
        await phone.run(fragment=next(iter(phone.auto_reruns)))  # the fragment's timer
        screen = await phone.run({radios[1].id: ("string_value", radios[1].options[3])})
        assert not screen.alerts
        await phone.close()
        return phone.query_value("me") or ""

    resume_code = asyncio.run(answer_after_empty_radios())
    assert "of the wrong kind" not in app.log.read_text()[logged:]
    me = participation.resume(db, join_code=created.join_code, resume_code=resume_code)
    assert [a.value for a in participation.my_answers(db, participant_id=me.participant_id).values()] == [4]
