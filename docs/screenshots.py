"""Every picture the guides show, taken from the running app with the demo data, and the manifest that says so.

    .venv/bin/python docs/screenshots.py [--only NAME ...] [--out FOLDER]

Starts PlaceReady (`placeready-app`) on a new SQLite database with the demo partnership, sets up a live follow-up
workshop of Riverbrook's with the demo's thirty people's answers (comments waiting and shown, an agreed score, a
second vote, actions), opens it in Debian's Chromium at the sizes people use — the projector at 1920×1080, the
control view and the other desk pages at 1366×768, phones at 390×844 and 320×640 — and writes each picture as a
palette PNG under `docs/images/` with `manifest.json` (file → what it shows, its size, viewport and SHA-256).
`tests/test_docs.py` checks that every picture a guide links is in the manifest with that hash and every picture
in the manifest is linked; `tests/browser/test_guide_pictures.py` takes a few of them again, so a change to the
app that breaks a picture's page or what it waits for fails the build.

Each picture waits for what it shows to be on the page before it is taken, and is taken at the viewport's size
(no full-page pictures: a guide shows what a person sees).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from assessment.content.demo import load_demo  # noqa: E402
from assessment.content.framework import builtin_framework, builtin_frameworks  # noqa: E402
from assessment.engine.agenda import Part, Stage, Step, spotlight_key, vote_on  # noqa: E402
from assessment.services import (  # noqa: E402
    comments,
    consensus,
    participation,
    presenter,
    results,
    second_votes,
    workshops,
)
from assessment.services.access import Actor  # noqa: E402
from assessment.services.database import Database  # noqa: E402
from assessment.storage import participants  # noqa: E402
from assessment.storage import workshops as stored_workshops  # noqa: E402
from assessment.storage.answers import NewAnswer  # noqa: E402
from tests.conftest import CHROMIUM, LiveApp, wait_for_app  # noqa: E402
from tests.utils.browser import settle  # noqa: E402

IMAGES = ROOT / "docs" / "images"
MANIFEST = "manifest.json"
MAX_BYTES = 200_000
PROJECTOR = {"width": 1920, "height": 1080}
DESK = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
ADMIN_KEY = "guide-pictures-admin-key-0123456789"
MAKER = Actor.system("guide pictures")


@dataclass
class Room:
    """The live workshop the pictures show, and the app serving it."""

    url: str
    db: Database
    workshop_id: int
    join_code: str
    facilitator_key: str
    screen_key: str
    split: tuple[str, str]  # (framework, principle) the room is most divided on: its second vote


@dataclass(frozen=True)
class Shot:
    name: str  # the file, without .png
    viewport: dict[str, int]
    shows: str  # in words, for the manifest (and a guide's alt text)
    take: Callable[[Page, Room], None]  # opens the page and waits until what it shows is drawn


def _room(url: str, db: Database) -> Room:
    """A live workshop of Riverbrook's with the demo baseline's thirty people and answers (the demo stores its own
    workshops closed), some comments waiting for the facilitator and the rest shown, results revealed and one
    agreed score."""
    demo = load_demo()
    frameworks = [builtin_framework(i) for i in ("ham-2015", "salford-behaviours")]  # as the demo baseline
    people = demo.workshops[0].participants
    created = workshops.create_workshop(
        db, actor=MAKER, partnership_name=demo.name, place=demo.place, title="Partnership board workshop",
        held_on=date(2026, 10, 8), frameworks=frameworks, exemplar_ids=list(demo.exemplars),
        sectors=sorted({p.sector for p in people}), organisations=sorted({p.organisation for p in people}))
    with db.write() as session:
        workshop = stored_workshops.get(session, workshop_id=created.id)
        given = []
        for person in people:
            pid = participation.enrol(session, workshop=workshop, organisation=person.organisation,
                                      sector=person.sector).participant_id
            given += [NewAnswer(participant_id=pid, framework_id=f.id, statement_id=statement,
                                value=None if value == "dk" else value, dont_know=value == "dk",
                                comment=person.comments.get(statement))
                      for f in frameworks for statement, value in person.answers.get(f.id, {}).items()]
        participation.record_all(session, workshop=workshop, given=given)
    waiting = comments.comments(db, actor=MAKER, workshop_id=created.id)
    comments.moderate(db, actor=MAKER, workshop_id=created.id, keys=[c.key for c in waiting[3:]], state="released")
    workshops.set_revealed(db, actor=MAKER, workshop_id=created.id, revealed=True)
    first = frameworks[0]
    scored = results.scores(db, actor=MAKER, workshop_id=created.id, framework_id=first.id)
    widest = max(first.principles, key=lambda p: scored.principle(p.id).ad or 0)  # the room's most divided
    consensus.record_agreed(db, actor=MAKER, workshop_id=created.id, framework_id=first.id,
                            principle_id=first.principles[0].id, score=3, note="Agreed for adults' services.")
    consensus.add_action(db, actor=MAKER, workshop_id=created.id, framework_id=first.id, principle_id=widest.id,
                         text="Agree a pooled budget for intermediate care", owner="Directors of finance",
                         due_on=date(2027, 3, 31))
    return Room(url, db, created.id, created.join_code, created.facilitator_key, created.screen_key,
                (first.id, widest.id))


def _second_vote(room: Room) -> None:
    """Twenty people vote again on the split principle, closer together; the result is shown."""
    framework_id, principle_id = room.split
    second_votes.open_vote(room.db, actor=MAKER, workshop_id=room.workshop_id, framework_id=framework_id,
                           principle_id=principle_id)
    statements = next(p for f in builtin_frameworks() if f.id == framework_id
                      for p in f.principles if p.id == principle_id).statements
    rng = random.Random(27)
    with room.db.read() as session:
        people = [p.id for p in participants.of_workshop(session, workshop_id=room.workshop_id)]
    for pid in people[:20]:
        for statement in statements:
            participation.save_answer(room.db, participant_id=pid, framework_id=framework_id,
                                      statement_id=statement.id, value=rng.choice([2, 3, 3]), round=2)
    second_votes.close_vote(room.db, actor=MAKER, workshop_id=room.workshop_id)
    second_votes.reveal(room.db, actor=MAKER, workshop_id=room.workshop_id, framework_id=framework_id,
                        principle_id=principle_id)


def _at(room: Room, step: Step) -> None:
    presenter.go_to(room.db, actor=MAKER, workshop_id=room.workshop_id, step=step)


def _open(page: Page, address: str) -> None:
    """Open a page and wait until its script has run (each picture then waits for what it shows)."""
    page.goto(address)
    wait_for_app(page)


def _projector(step: Callable[[Room], Step], heading: str | None = None) -> Callable[[Page, Room], None]:
    """The projector at a step, once its heading (the split principle's name when none is given) is drawn."""
    def take(page: Page, room: Room) -> None:
        _at(room, step(room))
        _open(page, f"{room.url}/screen?s={room.screen_key}")
        expect(page.get_by_role("heading", name=heading or _split_name(room)).first).to_be_visible()
        page.wait_for_timeout(800)  # charts finish their first draw

    return take


def _top(page: Page, heading: str) -> None:
    """Scroll the page until `heading` is at the top of the screen."""
    page.get_by_role("heading", name=heading).first.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)


def _control(step: Callable[[Room], Step], *, section: str | None = None,
             heading: str | None = None) -> Callable[[Page, Room], None]:
    """The control view at a step, showing one of its sections, scrolled to `heading` when one is given."""
    def take(page: Page, room: Room) -> None:
        _at(room, step(room))
        _open(page, f"{room.url}/room?key={room.facilitator_key}")  # the key becomes this browser's session
        expect(page.get_by_text("Now:", exact=False).first).to_be_visible()
        if section:
            page.get_by_text(section, exact=True).first.click()
            settle(page)
        if heading:
            _top(page, heading)
        page.wait_for_timeout(500)

    return take


def _split_name(room: Room) -> str:
    return next(p.name for f in builtin_frameworks() if f.id == room.split[0]
                for p in f.principles if p.id == room.split[1])


def _split_principle(room: Room) -> Step:
    return Step(Stage.principles, spotlight_key(*room.split))


def _sectors(room: Room) -> Step:
    return Step(Stage.principles, spotlight_key(room.split[0], room.split[1], Part.views))


def _phone_scoring(page: Page, room: Room) -> None:
    _open(page, f"{room.url}/join?code={room.join_code}")
    sector = page.get_by_role("combobox", name="Your sector")
    # in the middle of the screen first: at its foot the list opens out of sight (tests/utils/browser.py)
    sector.evaluate("element => element.scrollIntoView({block: 'center'})")
    sector.click()
    page.get_by_role("option").first.click()
    page.get_by_role("button", name="Start scoring").click()
    settle(page)
    statement = page.get_by_role("radiogroup").first
    statement.locator("label").nth(2).click()
    settle(page)
    expect(page.get_by_text("Saved", exact=False).first).to_be_visible()
    page.evaluate("() => { for (const e of document.querySelectorAll('*')) if (e.scrollTop) e.scrollTop = 0; }")
    page.wait_for_timeout(300)


def _phone_join(page: Page, room: Room) -> None:
    _open(page, f"{room.url}/join?code={room.join_code}")
    expect(page.get_by_role("button", name="Start scoring")).to_be_visible()


def _admin_page(path: str, heading: str, *, place: str | None = None) -> Callable[[Page, Room], None]:
    """A page of whoever runs PlaceReady (the admin link), at `place` when given, its first chart in the middle of
    the screen once drawn."""
    def take(page: Page, room: Room) -> None:
        _open(page, f"{room.url}/{path}?admin={ADMIN_KEY}")
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        if place:
            page.get_by_role("combobox", name="Place").click()
            page.get_by_role("option", name=re.compile(f"^{place}")).first.click()
            settle(page)
        chart = page.locator(".js-plotly-plot .main-svg").first
        expect(chart).to_be_visible(timeout=15_000)
        chart.evaluate("element => element.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(800)

    return take


def _setup(page: Page, room: Room) -> None:
    _open(page, f"{room.url}/setup")
    expect(page.get_by_label("Partnership name")).to_be_visible()
    expect(page.get_by_text("Frameworks to score")).to_be_visible()


def _agree(page: Page, room: Room) -> None:
    _open(page, f"{room.url}/room?key={room.facilitator_key}")
    _open(page, f"{room.url}/agree")
    expect(page.get_by_role("button", name="Board pack (PowerPoint)")).to_be_visible()
    _top(page, "One report of every framework")


def _guide(page: Page, room: Room) -> None:
    _open(page, f"{room.url}/guide?doc=running-a-workshop&section=during-the-workshop")
    expect(page.get_by_role("heading", name="During the workshop")).to_be_visible()


SHOTS = [
    Shot("projector-join", PROJECTOR, "The projector while people join: the code, the QR code and the count",
         _projector(lambda room: Step(Stage.joining), "Join on your phone")),
    Shot("projector-principle", PROJECTOR, "The projector on one principle: how the room's answers fall",
         _projector(_split_principle)),
    Shot("projector-sectors", PROJECTOR, "The projector: how sectors see a principle, and the comments shown",
         _projector(_sectors, "How sectors see it")),
    Shot("projector-overview", PROJECTOR, "The projector: where the room stands on a framework",
         _projector(lambda room: Step(Stage.overview, builtin_frameworks()[0].id), "Where we stand")),
    Shot("projector-second-vote", PROJECTOR, "The projector: a second vote's result beside the first",
         _projector(lambda room: vote_on(*room.split), "Second vote")),
    Shot("control-join", DESK, "The control view while people join, at 1366×768",
         _control(lambda room: Step(Stage.joining))),
    Shot("control-principle", DESK, "The control view on a principle, comments waiting beside the navigation",
         _control(_sectors)),
    Shot("control-devices", DESK, "The control view's screens and devices: the projector's link, a new "
         "facilitator link", _control(lambda room: Step(Stage.joining), section="Screens and devices", heading="The projector")),
    Shot("setup", DESK, "Setting up a workshop", _setup),
    Shot("phone-join", PHONE, "Joining on a phone at 390×844: organisation and sector, never a name", _phone_join),
    Shot("phone-scoring", PHONE, "Scoring on a phone at 390×844", _phone_scoring),
    Shot("phone-scoring-320", SMALL_PHONE, "Scoring on a small phone, 320 px wide", _phone_scoring),
    Shot("agree-reports", DESK, "The Agree page's downloads: the readiness report and the board pack", _agree),
    Shot("progress", DESK, "Progress over time for one place", _admin_page("progress", "Progress over time", place="Riverbrook")),
    Shot("places-side-by-side", DESK, "Places side by side in one system",
         _admin_page("system", "Places side by side")),
    Shot("guide-page", DESK, "A guide's section in the app (How this works)", _guide),
]


def _palette_png(picture: bytes) -> bytes:
    """The picture as a palette PNG (256 colours), small enough for the repository."""
    from PIL import Image

    image = Image.open(io.BytesIO(picture)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True)
    return out.getvalue()


def make(out: Path = IMAGES, only: list[str] | None = None, browser: Browser | None = None) -> dict[str, dict[str, object]]:
    """Take the pictures (all, or those named), write them to `out`, and return their manifest entries. `browser`:
    a Chromium already running (the tests'), or None to start Debian's."""
    chosen = [shot for shot in SHOTS if only is None or shot.name in only]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'pictures.db'}"
        app = LiveApp({"PLACEREADY_DATABASE_URL": url, "PLACEREADY_LOAD_DEMO": "true",
                       "PLACEREADY_ADMIN_KEY": ADMIN_KEY})
        try:
            room = _room(app.url, Database.from_url(url))
            _second_vote(room)
            if browser is not None:
                return _take(browser, room, chosen, out)
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
                try:
                    return _take(chromium, room, chosen, out)
                finally:
                    chromium.close()
        finally:
            app.stop()


def _take(browser: Browser, room: Room, chosen: list[Shot], out: Path) -> dict[str, dict[str, object]]:
    made: dict[str, dict[str, object]] = {}
    for shot in chosen:
        context = browser.new_context(viewport=shot.viewport)
        try:
            page = context.new_page()
            shot.take(page, room)
            picture = _palette_png(page.screenshot())
        finally:
            context.close()
        file = f"{shot.name}.png"
        (out / file).write_bytes(picture)
        made[file] = {"shows": shot.shows, "viewport": f"{shot.viewport['width']}×{shot.viewport['height']}",
                      "bytes": len(picture), "sha256": hashlib.sha256(picture).hexdigest()}
        print(f"{file}: {len(picture) // 1000} KB", flush=True)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="the pictures to take again (default: all)")
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args()
    made = make(args.out, args.only)
    manifest_file = args.out / MANIFEST
    manifest = json.loads(manifest_file.read_text()) if args.only and manifest_file.exists() else {}
    manifest.update(made)
    manifest_file.write_text(json.dumps(dict(sorted(manifest.items())), indent=2, ensure_ascii=False) + "\n")
    too_big = [name for name, entry in made.items() if int(entry["bytes"]) > MAX_BYTES]  # type: ignore[call-overload]
    if too_big:
        sys.exit(f"over {MAX_BYTES // 1000} KB: {', '.join(too_big)}")


if __name__ == "__main__":
    main()
