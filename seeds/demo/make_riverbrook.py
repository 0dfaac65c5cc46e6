"""Writes riverbrook.yaml: the demo partnership's answers, made once and checked in.

Riverbrook is made up. Its answers follow patterns real partnership workshops show: sectors
disagree most about money and governance, people far from a topic answer "don't know", and the
follow-up six months on moves on governance, conflict and measures but not on pooled money. Two
months later the board scores its readiness for neighbourhood health beside Ham's principles again:
intermediate care runs ahead of the pooled money it rests on, population health management trails
the shared measures, and general practice and the voluntary sector see neighbourhood teams differently.

    python seeds/demo/make_riverbrook.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

from assessment.content.framework import Framework, builtin_framework

HERE = Path(__file__).resolve().parent

# The sectors are those set-up offers, so the demo's sector lens and groups work as a real workshop's would.
PEOPLE = [  # (short code for participant ids, sector, organisation, how many)
    ("acu", "Acute hospital", "Riverbrook Hospitals NHS Foundation Trust", 5),
    ("com", "Community health", "Riverbrook Community Health NHS Trust", 4),
    ("pri", "Primary care", "Riverbrook GP practices (north and south networks)", 5),
    ("men", "Mental health", "Lunedale Mental Health NHS Foundation Trust", 3),
    ("loc", "Local authority: adult social care", "Riverbrook Borough Council (adult social care)", 5),
    ("VCS", "Voluntary, community and social enterprise", "Riverbrook Voluntary Action and member charities", 4),
    ("pub", "Local authority: public health", "Riverbrook Borough Council (public health)", 2),
    ("pat", "Patients and public", "Healthwatch Riverbrook and patient representatives", 2),
]

# Where the room sits on each principle at baseline, and how far it moves by the follow-up.
BASELINE = {
    "ham-2015": {"population": 3.1, "partners": 2.9, "vision": 2.8, "governance": 2.3, "leadership": 2.6,
                 "conflict": 1.8, "funding": 2.0, "team": 2.1, "systems": 2.4, "measures": 1.9},
    "salford-behaviours": {"one-team": 2.2, "place": 2.8, "best-for-service": 2.5, "collective-responsibility": 2.0,
                           "transparency": 2.3, "open-communication": 2.9, "sharing-learning": 2.6,
                           "positive-outlook": 3.2, "good-faith": 3.0, "best-value": 1.8},
}
FOLLOW_UP_CHANGE = {"governance": 0.7, "conflict": 0.6, "measures": 0.5, "vision": 0.3, "team": 0.3,
                    "open-communication": 0.4, "transparency": 0.3, "collective-responsibility": 0.2}
# The neighbourhood health workshop (its own random stream, so the first two workshops stay as they were):
# where the room sits on each component, and how far Ham's principles have moved on since the follow-up.
NEIGHBOURHOOD = {"population-health": 2.0, "general-practice": 2.7, "community-services": 2.3,
                 "neighbourhood-teams": 2.6, "intermediate-care": 3.1, "urgent-care": 2.4}
NEIGHBOURHOOD_CHANGE = 1.15  # of FOLLOW_UP_CHANGE, for Ham's principles

# How each sector sees things differently (scale points), where it does.
SECTOR_VIEW = {
    "Acute hospital": {"funding": 1.1, "governance": 0.7, "leadership": 0.4, "best-value": 0.8, "one-team": 0.5},
    "Local authority: adult social care": {"funding": 0.6, "governance": 0.6, "population": 0.4, "place": 0.5},
    "Primary care": {"funding": -0.9, "governance": -0.6, "partners": -0.5, "systems": -0.4, "best-value": -0.7},
    "Voluntary, community and social enterprise": {"funding": -1.2, "governance": -0.9, "partners": -0.6, "best-value": -0.9, "one-team": -0.6},
    "Patients and public": {"governance": -1.0, "vision": -0.5, "open-communication": -0.6},
    "Mental health": {"funding": -0.5, "partners": -0.3},
}
SECTOR_VIEW_NEIGHBOURHOOD = {
    "Primary care": {"general-practice": 0.7, "neighbourhood-teams": 0.9, "urgent-care": 0.3},
    "Voluntary, community and social enterprise": {"neighbourhood-teams": -1.3, "population-health": -0.4},
    "Patients and public": {"general-practice": -1.1, "community-services": -0.5},
    "Community health": {"community-services": 0.6, "neighbourhood-teams": 0.4},
    "Local authority: adult social care": {"intermediate-care": 0.5, "neighbourhood-teams": -0.3},
    "Acute hospital": {"urgent-care": -0.6, "intermediate-care": -0.3},
}
# Where people far from a topic say "don't know" (share of answers).
DONT_KNOW = {
    "Patients and public": {"funding": 0.5, "team": 0.4, "measures": 0.35, "systems": 0.3, "best-value": 0.45},
    "Voluntary, community and social enterprise": {"funding": 0.3, "team": 0.25, "measures": 0.2, "best-value": 0.25},
    "Primary care": {"systems": 0.2, "team": 0.15},
    "Local authority: public health": {"funding": 0.15},
}
DONT_KNOW_NEIGHBOURHOOD = {
    "Patients and public": {"population-health": 0.45, "community-services": 0.3, "intermediate-care": 0.3},
    "Voluntary, community and social enterprise": {"population-health": 0.3, "intermediate-care": 0.2},
    "Acute hospital": {"general-practice": 0.2, "community-services": 0.15},
    "Mental health": {"intermediate-care": 0.25},
}

COMMENTS = {
    "baseline": [
        ("Acute hospital", "funding", "The pooled fund exists on paper; in practice each of us still guards our own budget."),
        ("Voluntary, community and social enterprise", "funding", "Voluntary sector grants are renewed a year at a time, so we can't plan with anyone."),
        ("Primary care", "governance", "Decisions get made at the board, then unpicked in each organisation's own committee."),
        ("Patients and public", "governance", "We're invited to the board, but papers arrive the night before."),
        ("Local authority: adult social care", "population", "We agree the whole borough is our population; the acute trust's catchment is wider."),
        ("Mental health", "partners", "Mental health is on the list of partners but rarely on the agenda."),
        ("Community health", "conflict", "When the discharge row blew up last winter nobody knew who should settle it."),
        ("Primary care", "best-value", "A saving at the hospital became extra work in general practice with no money following."),
    ],
    "follow-up": [
        ("Primary care", "governance", "The new joint committee's decisions have stuck so far."),
        ("Voluntary, community and social enterprise", "funding", "Still annual grants. Nothing has changed for us on money."),
        ("Acute hospital", "conflict", "We used the escalation route twice; it worked once."),
        ("Patients and public", "governance", "Papers now come a week ahead and we have a pre-meeting."),
        ("Local authority: public health", "measures", "The shared outcomes dashboard is live, though few people look at it yet."),
    ],
    "neighbourhood": [
        ("Voluntary, community and social enterprise", "neighbourhood-teams", "We're invited to the huddles in the north; in the south nobody has asked us yet."),
        ("Primary care", "general-practice", "Same-day access is fine. Seeing the same GP is the hard part for our frail patients."),
        ("Community health", "community-services", "District nursing hours differ between the two networks, and GPs notice."),
        ("Local authority: adult social care", "intermediate-care", "The joint discharge team works, but it runs on two budgets and two sets of rules."),
        ("Patients and public", "general-practice", "Ringing at 8am is still how most people get an appointment."),
        ("Acute hospital", "urgent-care", "The urgent response team stops at 8pm, so evenings still come to us."),
        ("Local authority: public health", "population-health", "We have the data; the teams have no time yet to use the lists."),
        ("Local authority: adult social care", "funding", "The pooled fund covers discharge, and little else."),
    ],
}


Centre = Callable[[str, str, str], float]  # (framework id, principle id, sector) -> where a person starts


def _answers(rng: np.random.Generator, frameworks: list[Framework], sector: str, centre: Centre,
             dont_know: dict[str, dict[str, float]], offset: dict[str, float]) -> dict[str, dict[str, int | str]]:
    """One person's answers: each statement near the principle's centre, some "don't know", a few skipped."""
    answers: dict[str, dict[str, int | str]] = {}
    for framework in frameworks:
        mine: dict[str, int | str] = {}
        for principle in framework.principles:
            middle = centre(framework.id, principle.id, sector)
            for statement in principle.statements:
                if rng.random() < dont_know.get(sector, {}).get(principle.id, 0.02):
                    mine[statement.id] = "dk"
                elif rng.random() < 0.01:
                    continue  # skipped
                else:
                    raw = middle + offset[statement.id] + rng.normal(0, 0.55)
                    mine[statement.id] = int(np.clip(np.floor(raw + 0.5), 1, 5))
        answers[framework.id] = mine
    return answers


def _workshop(workshop_id: str, title: str, date: str, frameworks: list[Framework], participants: list[dict],
              **more: object) -> dict:
    """The workshop with each of its comments given to the first person of the commenting sector."""
    for sector, principle_id, text in COMMENTS[workshop_id]:
        person = next(p for p in participants if p["sector"] == sector)
        framework = next(f for f in frameworks if principle_id in {p.id for p in f.principles})
        statement = next(p for p in framework.principles if p.id == principle_id).statements[0].id
        person["comments"][statement] = text
    return {"id": workshop_id, "title": title, "date": date, "frameworks": [f.id for f in frameworks], **more,
            "participants": participants}


def make() -> dict:
    rng = np.random.default_rng(20260312)
    frameworks = [builtin_framework(i) for i in BASELINE]
    people = [(f"{code}-{n + 1}", sector, organisation)
              for code, sector, organisation, count in PEOPLE for n in range(count)]
    person_effect = {pid: rng.normal(0, 0.35) for pid, _, _ in people}
    statement_offset = {s.id: rng.normal(0, 0.3) for f in frameworks for s in f.statements}
    workshops = []
    for workshop_id, title, date, change in (
        ("baseline", "Baseline workshop", "2026-03-12", 0.0),
        ("follow-up", "Follow-up workshop, six months on", "2026-09-17", 1.0),
    ):
        present = people if workshop_id == "baseline" else [p for p in people if rng.random() > 0.12]
        participants = []
        for pid, sector, organisation in present:
            def centre(framework_id: str, principle_id: str, sector: str, pid: str = pid, change: float = change) -> float:
                return (BASELINE[framework_id][principle_id] + change * FOLLOW_UP_CHANGE.get(principle_id, 0.05)
                        + SECTOR_VIEW.get(sector, {}).get(principle_id, 0.0) + person_effect[pid])
            participants.append({"id": pid, "organisation": organisation, "sector": sector,
                                 "answers": _answers(rng, frameworks, sector, centre, DONT_KNOW, statement_offset),
                                 "comments": {}})
        workshops.append(_workshop(workshop_id, title, date, frameworks, participants))
    workshops.append(_neighbourhood_workshop(people, person_effect, statement_offset))
    return {
        "name": "Riverbrook Health and Care Partnership",
        "place": "Riverbrook (a made-up place)",
        "fictional": "Riverbrook, its organisations and its people are made up for demonstration. "
                     "Any likeness to a real place is chance.",
        "population": "About 280,000 residents of a mixed urban and rural borough (made up).",
        "partners": [organisation for _, _, organisation, _ in PEOPLE],
        "system": "Lune and Dale Integrated Care System (made up)",
        "exemplars": ["salford", "canterbury", "wigan"],
        "workshops": workshops,
    }


def _neighbourhood_workshop(people: list[tuple[str, str, str]], person_effect: dict[str, float],
                            statement_offset: dict[str, float]) -> dict:
    """The board scores neighbourhood health readiness beside Ham's principles, so each component shows the room's
    scores for the principles it rests on; compared with the exemplars judged on neighbourhood health."""
    rng = np.random.default_rng(20261119)
    ham, neighbourhood = builtin_framework("ham-2015"), builtin_framework("neighbourhood-health-2025")
    offset = statement_offset | {s.id: rng.normal(0, 0.3) for s in neighbourhood.statements}
    dont_know = {sector: DONT_KNOW.get(sector, {}) | DONT_KNOW_NEIGHBOURHOOD.get(sector, {})
                 for sector in DONT_KNOW.keys() | DONT_KNOW_NEIGHBOURHOOD.keys()}
    participants = []
    for pid, sector, organisation in [p for p in people if rng.random() > 0.1]:
        def centre(framework_id: str, principle_id: str, sector: str, pid: str = pid) -> float:
            if framework_id == ham.id:
                middle = (BASELINE[ham.id][principle_id] + NEIGHBOURHOOD_CHANGE * FOLLOW_UP_CHANGE.get(principle_id, 0.05)
                          + SECTOR_VIEW.get(sector, {}).get(principle_id, 0.0))
            else:
                middle = NEIGHBOURHOOD[principle_id] + SECTOR_VIEW_NEIGHBOURHOOD.get(sector, {}).get(principle_id, 0.0)
            return middle + person_effect[pid]
        participants.append({"id": pid, "organisation": organisation, "sector": sector,
                             "answers": _answers(rng, [ham, neighbourhood], sector, centre, dont_know, offset),
                             "comments": {}})
    return _workshop("neighbourhood", "Neighbourhood health readiness workshop", "2026-11-19", [ham, neighbourhood],
                     participants, exemplars=["croydon", "somerset-symphony", "salford", "canterbury"])


if __name__ == "__main__":
    header = ("# yaml-language-server: $schema=none\n"
              "# Made by make_riverbrook.py: a fictional partnership for demonstration.\n")
    text = yaml.safe_dump(make(), sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    (HERE / "riverbrook.yaml").write_text(header + text)
