"""What a phone costs a server, in script runs: joining draws the first screen in the run "Start scoring" begins,
and an answer reruns only its statement (a run of the whole page was most of a server's work under load)."""

from __future__ import annotations

import asyncio

import pytest

from assessment.content.framework import builtin_framework
from assessment.services import participation
from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import LiveApp
from tests.utils.stream_client import Phone
from tests.utils.workshops import new_workshop


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('runs') / 'app.db'}"
    db = Database.from_url(url)
    migrate(db.engine)
    app = LiveApp({"PLACEREADY_DATABASE_URL": url})
    created = new_workshop(db, builtin_framework("ham-2015"), partnership_name="Runsby", sectors=["Acute"],
                           organisations=[])
    yield app, db, created
    app.stop()
    db.dispose()


def test_start_scoring_joins_and_draws_the_first_screen_in_one_run_and_an_answer_reruns_its_statement(served):
    app, db, created = served

    async def join_and_answer() -> tuple[int, int, list[str], str]:
        phone = Phone(app.url)
        screen = await phone.open("join", f"code={created.join_code}")
        before = phone.runs_begun
        screen = await phone.run({screen.widgets[("selectbox", "Your sector")]: ("string_value", "Acute")},
                                 trigger=screen.widgets[("button", "Start scoring")])
        joining = phone.runs_begun - before
        label, radio = next(iter(screen.radios.items()))
        before = phone.runs_begun
        screen = await phone.run({radio.id: ("string_value", radio.options[3])})
        answering = phone.runs_begun - before
        await phone.close()
        assert screen.selected[label] == radio.options[3] and not screen.alerts
        return joining, answering, list(screen.radios), phone.query_value("me") or ""

    joining, answering, statements, resume = asyncio.run(join_and_answer())
    assert joining == 1, "joining took a second whole-page run"
    assert answering == 1
    framework = builtin_framework("ham-2015")
    assert statements == [s.text for s in framework.principles[0].statements]  # the first screen, drawn in that run
    me = participation.resume(db, join_code=created.join_code, resume_code=resume)
    assert me is not None
    assert len(participation.my_answers(db, participant_id=me.participant_id)) == 1
