"""First page load after a server start: process start → /_stcore/health OK → page drawn in headless Chromium.

    .venv/bin/python bench/first_load.py [--repeats 3] [--pages home manage system progress join]
                                         [--start placeready-app | streamlit-run]

Cases, each page on a fresh server start:
  new+demo   a new SQLite file with PLACEREADY_LOAD_DEMO=true (the default): the first page that opens the
             database migrates it and stores the demo workshops
  existing   the same file on a second start: nothing to migrate or store

Home and join read no database, so for them both cases are the same start. Pages: home (/), manage, system
and progress (with the admin key; the places list, the demo's five places side by side, Riverbrook's
progress), join (the code form).

Each start runs `placeready-app --server.headless true --server.port P` (`--start streamlit-run`: `streamlit
run streamlit_app.py` with the same options, whose first page imports the pages and opens the database
itself), polls the health endpoint every 20 ms, then opens the page in a new browser context (a cold browser
cache) and waits until Streamlit has finished the script run with the page's heading drawn. The browser is
started once, before any server. Prints medians over the repeats, in seconds.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import host_speed  # beside this script
import psutil

ROOT = Path(__file__).resolve().parent.parent
ADMIN_KEY = "bench-admin-key-0123456789"
STARTS = {"placeready-app": [sys.executable, "-m", "assessment.pages.server"],
          "streamlit-run": [sys.executable, "-m", "streamlit", "run", "streamlit_app.py"]}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {  # name → (address, heading once drawn)
    "home": ("", "PlaceReady"),
    "manage": (f"manage?admin={ADMIN_KEY}", "Places and workshops"),
    "system": (f"system?admin={ADMIN_KEY}", "Places side by side"),
    "progress": (f"progress?admin={ADMIN_KEY}", "Progress over time"),
    "join": ("join", "Join a workshop"),
}
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
TIMEOUT_S = 120
CASES = ("new+demo", "existing")


@dataclass(frozen=True)
class Load:
    healthy: float  # process start → health OK
    drawn: float  # health OK → page drawn
    server_cpu: float  # CPU seconds the server used until the page was drawn: less swayed by other load

    @property
    def total(self) -> float:
        return self.healthy + self.drawn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(port: int, server: subprocess.Popen) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as reply:
                if reply.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("the server never answered its health check")


def load(browser, database: Path, page_name: str, start: list[str],  # type: ignore[no-untyped-def]
         log: IO[bytes]) -> Load:
    """Start a server on `database`, open one page and stop the server."""
    port = free_port()
    env = {**os.environ, "PLACEREADY_DATABASE_URL": f"sqlite:///{database}", "PLACEREADY_LOAD_DEMO": "true",
           "PLACEREADY_ADMIN_KEY": ADMIN_KEY}
    command = [*start, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, server)
        healthy = time.perf_counter()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        address, heading = PAGES[page_name]
        page.goto(f"http://127.0.0.1:{port}/{address}")
        page.get_by_role("heading", name=heading).first.wait_for(timeout=TIMEOUT_S * 1000)
        page.wait_for_selector(DONE, timeout=TIMEOUT_S * 1000)
        drawn = time.perf_counter()
        cpu = psutil.Process(server.pid).cpu_times()
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return Load(healthy=healthy - started, drawn=drawn - healthy, server_cpu=cpu.user + cpu.system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--start", default="placeready-app", choices=list(STARTS))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="placeready-first-load-"))
    log_path = folder / "servers.log"

    from playwright.sync_api import sync_playwright

    loads: dict[tuple[str, str], list[Load]] = {}
    with sync_playwright() as playwright, log_path.open("ab") as log:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for repeat in range(args.repeats):
            for page_name in args.pages:
                database = folder / f"{page_name}-{repeat}.db"
                for case in CASES:  # the second start finds the file the first one made
                    loads.setdefault((case, page_name), []).append(
                        load(browser, database, page_name, STARTS[args.start], log))
        browser.close()
    for database in folder.glob("*.db*"):  # the server log stays, for a look at what went wrong
        database.unlink()

    print(f"{args.start}: medians of {args.repeats} (seconds): process start → health OK, health OK → page drawn, "
          f"total, and the server's CPU time until drawn; server logs in {log_path}")
    print(f"{'case':<10} {'page':<9} {'health':>7} {'drawn':>7} {'total':>7} {'cpu':>6}   every total")
    for case in CASES:
        for page_name in args.pages:
            found = loads[(case, page_name)]
            median = {key: statistics.median(getattr(one, key) for one in found)
                      for key in ("healthy", "drawn", "total", "server_cpu")}
            every = ", ".join(f"{one.total:.2f}" for one in found)
            print(f"{case:<10} {page_name:<9} {median['healthy']:7.2f} {median['drawn']:7.2f} {median['total']:7.2f} "
                  f"{median['server_cpu']:6.2f}   {every}")


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
