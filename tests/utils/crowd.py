"""Simulated participants: each joins a workshop on a `Phone`, answers the statements of a few screens with a
think time between answers, and logs every answer with what the page said. An answer the page says was not
saved is given again a moment later, as a person told "try again" would.

`confirmed` is the phone's view (the run that carried the answer finished without an alert, the issue's "finished
without an alert"); `confirmed_but_not_stored` compares it with what the database holds.
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from dataclasses import dataclass, field

from assessment.content.framework import Framework
from assessment.services import participation
from assessment.services.database import Database
from tests.utils.stream_client import Phone, Screen

SECTORS = ["Acute hospital", "Primary care", "Mental health", "Local authority: adult social care",
           "Voluntary, community and social enterprise", "Patients and public"]
DONT_KNOW = "Don't know"


@dataclass
class Attempt:
    """One try at giving one answer."""

    statement: str  # the statement's text, the radio's label
    option: str  # as the radio shows it, e.g. "4 · Agree"
    sent_at: float  # time.monotonic()
    finished_at: float | None = None
    alerts: list[str] = field(default_factory=list)  # what the page said
    confirmed: bool = False  # the run finished without an alert
    shown: bool = False  # the run left the radio showing this option

    @property
    def value(self) -> int | None:
        return None if self.option == DONT_KNOW else int(self.option.split(" ", 1)[0])


@dataclass
class Participant:
    number: int
    phone: Phone
    attempts: list[Attempt] = field(default_factory=list)
    refused: list[tuple[float, float]] = field(default_factory=list)  # (began, ended): runs showing no page
    failure: str | None = None  # why the script stopped early, if it did
    arrived_at: float = 0.0  # time.monotonic() when the join page was asked for
    join_drawn_at: float | None = None  # when the join form was drawn
    scoring_at: float | None = None  # when the first screen to score was drawn, after "Start scoring"
    timer_reruns: list[float] = field(default_factory=list)  # seconds each fragment rerun on its timer took


async def take_part(url: str, join_code: str, number: int, *, screens: int, think: float, arrive: float,
                    tls: ssl.SSLContext | None = None, retry_after: float = 1.0,
                    timers: bool = False) -> Participant:
    """Arrive within `arrive` seconds, join, and answer `screens` screens (each answer after a think time);
    `timers`: rerun the page's self-refreshing parts on their timers meanwhile, as a phone's browser does."""
    rng = random.Random(number)
    me = Participant(number, Phone(url, tls=tls))
    await asyncio.sleep(rng.uniform(0, arrive))
    stop = asyncio.Event()
    following = None
    try:
        me.arrived_at = time.monotonic()
        screen = await me.phone.open("join", f"code={join_code}")
        me.join_drawn_at = time.monotonic()
        if timers:
            following = asyncio.create_task(me.phone.follow_timers(stop))
        done, given = 0, set[str]()
        while done < screens and not any(text.startswith("Thank you") for text in screen.texts):
            if ("selectbox", "Your sector") in screen.widgets:
                screen = await me.phone.run({screen.widgets[("selectbox", "Your sector")]:
                                             ("string_value", SECTORS[number % len(SECTORS)])},
                                            trigger=screen.widgets[("button", "Start scoring")])
                me.scoring_at = time.monotonic()
            elif unanswered := [label for label in screen.radios if label not in given]:
                await asyncio.sleep(rng.expovariate(1 / think))
                screen = await _answer(me, screen, unanswered[0], rng)
                if me.attempts[-1].confirmed:
                    given.add(unanswered[0])
                else:
                    await asyncio.sleep(retry_after)
            elif next_button := screen.widgets.get(("button", "Next"), screen.widgets.get(("button", "Finish"))):
                await asyncio.sleep(rng.uniform(0.2, 0.6))
                screen = await me.phone.run(trigger=next_button)
                # the screen reached, from the address: a press lost with a dying server (the frontend resends
                # the run without the click) or refused by the page leaves the same screen, to press again
                done = int(me.phone.query_value("step") or done)
            else:  # only a message, as during a database outage: look again in a moment
                await asyncio.sleep(retry_after)
                started = time.monotonic()
                screen = await me.phone.run()
                if screen.alerts and not screen.radios:  # no page, only a message (not a note on an earlier save)
                    me.refused.append((started, time.monotonic()))
        stop.set()
        if following:
            me.timer_reruns = await following
    except Exception as error:
        me.failure = f"participant {number}: {type(error).__name__}: {error}"
    finally:
        stop.set()
        await me.phone.close()
    return me


async def _answer(me: Participant, screen: Screen, label: str, rng: random.Random) -> Screen:
    radio = screen.radios[label]
    earlier = next((a.option for a in reversed(me.attempts) if a.statement == label), None)
    option = earlier or radio.options[rng.randrange(len(radio.options) - 1)]  # a try again gives the same answer
    attempt = Attempt(label, option, sent_at=time.monotonic())
    me.attempts.append(attempt)
    after = await me.phone.run({radio.id: ("string_value", option)})
    attempt.finished_at, attempt.alerts = time.monotonic(), after.alerts
    attempt.confirmed = not after.alerts
    attempt.shown = after.selected.get(label) == option
    return after


def confirmed_but_not_stored(db: Database, framework: Framework, join_code: str,
                             crowd: list[Participant]) -> list[tuple[Participant, Attempt]]:
    """Every answer a phone saw confirmed whose statement the database holds a different answer for (or none)."""
    ids = {statement.text: statement.id for statement in framework.statements}
    missing = []
    for person in crowd:
        confirmed = {a.statement: a for a in person.attempts if a.confirmed}  # the last confirmed per statement
        resume = person.phone.query_value("me")
        joined = participation.resume(db, join_code=join_code, resume_code=resume) if resume else None
        stored = participation.my_answers(db, participant_id=joined.participant_id) if joined else {}
        for label, attempt in confirmed.items():
            answer = stored.get((framework.id, ids[label]))
            if answer is None or (answer.value, answer.dont_know) != (attempt.value, attempt.value is None):
                missing.append((person, attempt))
    return missing
