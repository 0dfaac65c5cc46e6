"""`placeready-app`: the server says it is healthy only once the database is ready and the pages imported."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request

from assessment.services.access import Actor
from assessment.services.database import open_database
from assessment.services.places import places
from assessment.settings import Settings
from tests.conftest import ROOT, LiveApp


def test_a_new_database_holds_the_demo_before_the_server_reports_healthy(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_LOAD_DEMO": "true"})
    try:  # no page has been opened: the start itself migrated the file and stored the demo
        stored = places(open_database(Settings(database_url=url), seed=False), actor=Actor.local_admin())
        assert len(stored) >= 2 and all(place.workshops for place in stored)
    finally:
        app.stop()


def test_a_bad_setting_does_not_stop_the_server_starting(tmp_path):
    """The first page says what is wrong with the setting (tests/test_settings.py); the start does not crash."""
    app = LiveApp({"PLACEREADY_DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
                   "PLACEREADY_RETENTION_DAYS": "five"})
    try:
        with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=5) as reply:
            assert reply.read() == b"ok"
        assert app.process.poll() is None
    finally:
        app.stop()


def test_what_the_start_loads_is_set_aside_from_the_garbage_collector_which_then_runs(tmp_path):
    """Full collections walked every object the pages had imported, 125-165 ms each in the places view; while
    loading, the collector waits, and it must run again after (or cycles made by page views would never be freed)."""
    after = subprocess.run(
        [sys.executable, "-c", ("import gc; from assessment.pages.server import prepare; prepare(); "
                                "print(gc.get_freeze_count(), gc.isenabled())")],
        env=os.environ | {"PLACEREADY_DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}"},
        capture_output=True, text=True, check=True, timeout=120)
    frozen, enabled = after.stdout.split()[-2:]
    assert int(frozen) > 100_000 and enabled == "True"


def test_the_shipped_settings_watch_no_source_files():
    """Watching polled every imported module's file for each session: most of the server's work before the first
    page was drawn."""
    watcher = subprocess.run(
        [sys.executable, "-c", ("from streamlit import config; "
                                "print(config.get_option('server.fileWatcherType'))")],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    assert watcher.stdout.split()[-1] == "none"
