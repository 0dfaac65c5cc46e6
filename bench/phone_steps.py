"""What each thing a phone does costs the server: its processor time, one phone at a time on an idle server.

The load benchmark (`ws_load.py`) says how long answers wait in a crowd; this says what the crowd is made of. Each
of N phones in turn loads the join page, presses "Start scoring", answers every statement of two screens, presses
Next, and has its follow-the-room look rerun on its timer, and the server's processor time is read around each
step (from /proc, through psutil). Printed: the median and mean of each step in milliseconds of server processor
time, and a phone's whole part in a `ws_load.py` run (a join, 12 answers, 3 Nexts and its looks) per answer.

    .venv/bin/python bench/phone_steps.py --phones 30
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import host_speed  # beside this script
import psutil
from ws_load import start_server  # beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.content.framework import builtin_framework  # noqa: E402
from assessment.services import workshops  # noqa: E402
from assessment.services.access import Actor  # noqa: E402
from assessment.services.database import Database  # noqa: E402
from assessment.storage.db import migrate  # noqa: E402
from tests.utils.crowd import SECTORS  # noqa: E402
from tests.utils.stream_client import Phone  # noqa: E402

SETTLE = 0.15  # seconds for the server to finish a run's last messages before its processor time is read


async def one_phone(url: str, join_code: str, number: int, server: psutil.Process,
                    costs: dict[str, list[float]]) -> None:
    def cpu() -> float:
        return sum(server.cpu_times()[:2]) * 1000

    async def step(name: str, action):  # type: ignore[no-untyped-def]
        before = cpu()
        screen = await action
        await asyncio.sleep(SETTLE)
        costs[name].append(cpu() - before)
        return screen

    phone = Phone(url)
    try:
        screen = await step("join page (load, new session, first run)", phone.open("join", f"code={join_code}"))
        screen = await step("Start scoring (join, first screen)", phone.run(
            {screen.widgets[("selectbox", "Your sector")]: ("string_value", SECTORS[number % len(SECTORS)])},
            trigger=screen.widgets[("button", "Start scoring")]))
        for _ in range(2):
            for label, radio in screen.radios.items():
                screen = await step("an answer", phone.run({radio.id: ("string_value", radio.options[number % 4])}))
                assert not screen.alerts, screen.alerts
                del label
            screen = await step("Next (whole page)", phone.run(trigger=screen.widgets[("button", "Next")]))
        for fragment in list(phone.auto_reruns):
            await step("a look at the room (timer)", phone.run(fragment=fragment))
    finally:
        await phone.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--port", type=int, default=8775)
    options = parser.parse_args()
    database_url = f"sqlite:///{tempfile.mkdtemp()}/steps.db"
    db = Database.from_url(database_url)
    migrate(db.engine)
    created = workshops.create_workshop(db, actor=Actor.system("bench"), partnership_name="Steps", place="Bench",
                                        title="Steps", held_on=date.today(),
                                        frameworks=[builtin_framework("ham-2015")], sectors=SECTORS)
    server = start_server(database_url, options.port)
    costs: dict[str, list[float]] = defaultdict(list)
    try:
        url = f"http://127.0.0.1:{options.port}"
        for number in range(options.phones):
            asyncio.run(one_phone(url, created.join_code, number, psutil.Process(server.pid), costs))
    finally:
        server.terminate()
        server.wait(timeout=10)
        db.dispose()
    warm = {name: values[len(values) // 5:] or values for name, values in costs.items()}  # the first fifth warms up
    print(f"server processor time per step, ms ({options.phones} phones one at a time, the first fifth left out):")
    for name, values in warm.items():
        print(f"  {name:45s} median {statistics.median(values):6.1f}  mean {statistics.fmean(values):6.1f}"
              f"  ({len(values)} steps)")
    mean = {name: statistics.fmean(values) for name, values in warm.items()}
    answers = 12  # as ws_load.py: 3 screens of 4 statements
    looks = 120 / 10  # a self-paced phone looks every 10 s for the two minutes of a run
    whole = (mean["join page (load, new session, first run)"] + mean["Start scoring (join, first screen)"]
             + answers * mean["an answer"] + 3 * mean["Next (whole page)"]
             + looks * mean.get("a look at the room (timer)", 0.0))
    print(f"  a ws_load.py phone (a join, {answers} answers, 3 Nexts, {looks:.0f} looks): {whole:.0f} ms, "
          f"{whole / answers:.1f} ms per answer")


if __name__ == "__main__":
    host_speed.report("before")
    main()
    host_speed.report("after")
