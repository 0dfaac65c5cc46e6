"""PostgreSQL stopped for five seconds mid-workshop and started again, under participants answering: nothing the
phones saw confirmed is lost, answers given meanwhile are plainly refused and left unselected, saves work again
within 2 s of the database's return, and the server logs a line per failure, never a traceback."""

from __future__ import annotations

import pytest

from assessment.services.database import Database
from assessment.storage.db import migrate
from tests.conftest import LiveApp
from tests.utils.deployment import PrivatePostgres
from tests.utils.faults import stop_the_database

# Timings are the point (so run alone), and one worker takes the fault tests in turn.
pytestmark = [pytest.mark.alone, pytest.mark.xdist_group("faults")]

BACK_WITHIN_SECONDS = 2.0  # the bound: saves work again within 2 s of the database's return


@pytest.fixture
def postgres(postgres_installed):
    server = PrivatePostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def test_a_database_outage_loses_nothing_confirmed_refuses_plainly_and_recovers_at_once(postgres):
    url = postgres.new_database("placeready")
    db = Database.from_url(url)
    migrate(db.engine)
    app = LiveApp({"PLACEREADY_DATABASE_URL": url})
    try:
        logged_before = len(app.log.read_text())
        outage = stop_the_database(db, postgres, [app.url], participants=20, screens=3,
                                   stop_after=6.0, outage=5.0)
        log = app.log.read_text()[logged_before:]
    finally:
        app.stop()
        db.dispose()
    crowd = outage.crowd
    assert crowd.failures == []
    assert crowd.lost == []
    assert all(a.shown for a in crowd.attempts if a.confirmed)
    # answers given while the database was away: the phone said so, in words, and did not show them as chosen
    assert outage.not_saved, "no answer was given during the outage"
    for attempt in outage.not_saved:
        assert any("not saved" in alert.lower() or "nothing was saved" in alert for alert in attempt.alerts)
        assert not attempt.shown
    assert outage.first_save_after_return() <= BACK_WITHIN_SECONDS
    assert outage.failing_until() <= BACK_WITHIN_SECONDS
    assert "database unavailable" in log and "Traceback" not in log
