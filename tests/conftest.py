"""Shared fixtures: small frameworks, answers built from compact tables, and the app's paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from assessment.content.framework import Framework, read_framework
from assessment.engine.responses import Answer, Responses

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def required(name: str) -> bool:
    """CI sets PLACEREADY_REQUIRE_<NAME>=1 so that a missing browser or database fails, not skips."""
    return os.environ.get(f"PLACEREADY_REQUIRE_{name.upper()}") == "1"


@pytest.fixture(scope="session")
def tiny() -> Framework:
    return read_framework(DATA / "frameworks" / "tiny.yaml")


def answers_from_matrix(
    rows: list[list[float | str | None]], statements: list[str], sectors: list[str] | None = None
) -> Responses:
    """Rows are participants, columns statements; a number, "dk", or None/NaN for a blank."""
    answers = []
    for index, row in enumerate(rows):
        for statement, value in zip(statements, row, strict=True):
            blank = value is None or (isinstance(value, float) and np.isnan(value))
            answers.append(
                Answer(
                    participant=f"p{index + 1}",
                    statement=statement,
                    score=None if blank or value == "dk" else int(value),
                    dont_know=value == "dk",
                    sector=sectors[index] if sectors else None,
                )
            )
    return Responses.from_answers(answers)


@pytest.fixture(autouse=True, scope="session")
def _database_in_a_temporary_folder(tmp_path_factory):
    """Pages run in-process under AppTest: keep their database out of the working tree, and start it
    empty (tests that want the demo workshops ask for them)."""
    from assessment.settings import get_settings

    os.environ["PLACEREADY_DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('app') / 'pages.db'}"
    os.environ["PLACEREADY_LOAD_DEMO"] = "false"
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def pytest_collection_modifyitems(config, items):
    """The fault tests first, then the tests of one process, then the browser tests, the long ones (minutes each)
    first among them. Under xdist the fault tests (one group, so one worker) then run while the other worker takes
    the tests of one process, which may run beside them; browser tests may not (`_timed_tests_run_alone`), and
    before, they had come first and a worker waited for the other's browser tests to end before the fault tests
    could begin. The long browser tests go to the two workers first and the short ones fill in after, so the
    workers end together rather than one waiting while the other walks a whole workshop."""
    def turn(item: pytest.Item) -> tuple[int, bool]:
        kind = 0 if item.get_closest_marker("alone") else 2 if item.get_closest_marker("browser") else 1
        return kind, item.get_closest_marker("long") is None

    items.sort(key=turn)  # stable: in file order within each turn


@pytest.fixture(autouse=True)
def _timed_tests_run_alone(request, tmp_path_factory):
    """In parallel runs (pytest-xdist) a test marked `alone` holds a lock of all the workers' exclusively, and a
    browser test holds it shared: a fault test's timings are then not swayed by browsers and servers beside it
    (a test of one process beside it leaves it a core)."""
    alone, browser = (request.node.get_closest_marker(name) is not None for name in ("alone", "browser"))
    if not hasattr(request.config, "workerinput") or not (alone or browser):
        yield
        return
    import fcntl

    with (tmp_path_factory.getbasetemp().parent / "tests-alone.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        yield


@pytest.fixture(autouse=True)
def _no_wrong_tries_carried_over():
    """Wrong codes are counted per address in this process's memory; under AppTest every test shares one."""
    from assessment.services import attempts

    attempts.forget_all()


@pytest.fixture(autouse=True, scope="session")
def _skip_streamlit_component_scan():
    """AppTest scans every installed distribution for v2 components on each run (about 95% of its
    cost here); PlaceReady uses none, so the scan is skipped."""
    from streamlit.components.v2.component_manager import BidiComponentManager

    original = BidiComponentManager.discover_and_register_components
    BidiComponentManager.discover_and_register_components = lambda self, *args, **kwargs: None
    yield
    BidiComponentManager.discover_and_register_components = original


CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "out" / "screenshots"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveApp:
    """The app as it ships (`placeready-app`) in a subprocess on a free port, for tests that use a real browser or
    kill servers.

    `wait=False` returns once started; `wait_until_healthy()` then waits (so several servers start together).
    """

    def __init__(self, env: dict[str, str] | None = None, args: list[str] | None = None, *, wait: bool = True):
        import sys

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = SCREENSHOTS.parent / f"streamlit-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w")
        self._command = [sys.executable, "-m", "assessment.pages.server",
                         "--server.port", str(self.port), "--server.address", "127.0.0.1",
                         "--server.headless", "true", *(args or [])]
        self._env = {**os.environ, **(env or {})}
        self.start(wait=wait)

    def start(self, *, wait: bool = True) -> None:
        """Start the server (again, on the same port and log, after `kill()`)."""
        import subprocess

        self.process = subprocess.Popen(self._command, cwd=ROOT, stdout=self._log_file, stderr=subprocess.STDOUT,
                                        env=self._env)
        if wait:
            self.wait_until_healthy()

    def wait_until_healthy(self, timeout: float = 60) -> None:
        import time
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit did not become healthy:\n{self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill does: nothing is flushed or closed."""
        import signal

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        self._log_file.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'app.db'}"
    app = LiveApp({"PLACEREADY_DATABASE_URL": database_url})
    app.database_url = database_url
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if required("browser"):
            pytest.fail(f"{CHROMIUM} is missing and PLACEREADY_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def _window_opener(browser):
    """A blank page in the browser context that every test's windows share (see `Windows`)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def windows(_window_opener):
    """New pages for a browser test: `windows.new_page(viewport=PHONE)`; closed when the test ends."""
    from tests.utils.browser import Windows

    opened = Windows(_window_opener)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def nginx_installed() -> Path:
    """nginx as Debian installs it; CI sets PLACEREADY_REQUIRE_NGINX=1 so that its absence fails, not skips."""
    from tests.utils.deployment import nginx_program

    program = nginx_program()
    if program is None:
        if required("nginx"):
            pytest.fail("nginx is not installed and PLACEREADY_REQUIRE_NGINX=1")
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    return program


@pytest.fixture(scope="session")
def postgres_installed() -> Path:
    """PostgreSQL's server programs (initdb, pg_ctl), for a database a test may stop and start."""
    from tests.utils.deployment import postgres_programs

    folder = postgres_programs()
    if folder is None:
        if required("postgres"):
            pytest.fail("PostgreSQL's initdb and pg_ctl are not installed and PLACEREADY_REQUIRE_POSTGRES=1")
        pytest.skip("PostgreSQL's server programs are not installed (Debian: apt-get install postgresql)")
    return folder


# Notes in the page when a person last acted (a press, a key, a changed field) and when a script run last
# started and finished, so that `settle` waits for the rerun an action set off and no longer than that.
RUN_WATCH = """() => {
  if (window.__placeready) return;
  const seen = window.__placeready = {acted: -1, started: -1, finished: -1};
  for (const type of ['pointerdown', 'keydown', 'input', 'change'])
    document.addEventListener(type, () => { seen.acted = performance.now(); }, true);
  new MutationObserver(() => {
    const state = document.querySelector("[data-testid='stApp']")?.getAttribute('data-test-script-state');
    if (state === 'running' || state === 'rerunRequested') seen.started = performance.now();
    else if (state === 'notRunning') seen.finished = performance.now();
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
}"""


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script for this page, and watch its runs from now on."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    if not getattr(page, "placeready_watched", False):
        page.add_init_script(script=f"({RUN_WATCH})()")  # again after a reload or a new address
        page.placeready_watched = True
    page.evaluate(RUN_WATCH)


POSTGRES_URL = os.environ.get("PLACEREADY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_reachable() -> bool:
    import socket

    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_URL)
    try:
        with socket.create_connection((url.host or "127.0.0.1", url.port or 5432), timeout=2):
            return True
    except OSError:
        return False


@contextmanager
def fresh_postgres_database(tmp_path: Path) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test; its URL. Dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if not _postgres_reachable():
        if required("postgres"):
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable and PLACEREADY_REQUIRE_POSTGRES=1")
        pytest.skip(f"no PostgreSQL server at {POSTGRES_URL}")
    name = f"placeready_test_{os.getpid()}_{tmp_path.name[-12:].lower().replace('-', '_')}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(engine):
    """The services' handle on the `engine` fixture's database."""
    from assessment.services.database import Database

    return Database(engine)


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite file migrated once per test process, for `engine` to copy: Alembic's run took about 0.3 s, paid
    again by each of the hundreds of tests of one process on SQLite."""
    import sqlite3

    from assessment.storage.db import make_engine, migrate

    path = tmp_path_factory.mktemp("migrated") / "migrated.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    with sqlite3.connect(path) as connection:  # everything in the main file, none left in a write-ahead log
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A freshly migrated database: a SQLite file (a copy of one migrated once, `_migrated_sqlite`), or a new
    PostgreSQL database dropped afterwards."""
    import shutil

    from assessment.storage.db import make_engine, migrate

    if request.param == "sqlite":
        shutil.copyfile(request.getfixturevalue("_migrated_sqlite"), tmp_path / "test.db")
        engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        yield engine
        engine.dispose()
        return
    with fresh_postgres_database(tmp_path) as url:
        engine = make_engine(url)
        migrate(engine)
        yield engine
        engine.dispose()
