"""A made-up room of 24 people on Ham's principles, with what a report must say as it is: a principle the room is in
two camps about (funding: 12 at the bottom, 12 at the top), one the whole room puts low (a dedicated team), one most
people could not judge (shared measures: two thirds "don't know"), two groups of sectors two points apart
(governance), a sector too small to show (two people from a housing association) and a group figure resting on one
person. Used by the report tests, and by bench/report_pages.py to look at every page and slide."""

from __future__ import annotations

import datetime

from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import builtin_framework
from assessment.engine.combined import CombinedReport, build_combined_report
from assessment.engine.method import Origin
from assessment.engine.plan import ActionItem
from assessment.engine.report import Report, build_report
from assessment.engine.responses import Answer, Responses

SECTORS = (["Acute hospital"] * 6 + ["Mental health"] * 2 + ["Primary care"] * 4
           + ["Local authority: adult social care"] * 5 + ["Voluntary, community and social enterprise"] * 3
           + ["Patients and public"] * 2 + ["Housing association"] * 2)
PEOPLE = len(SECTORS)  # 24
NHS = {"Acute hospital", "Mental health"}
COUNCIL = {"Local authority: adult social care"}
COMMENTS = {(0, "funding-1"): "Budgets are still held separately; nothing is pooled in practice.",
            (1, "funding-1"): "We have a pooled budget under the section 75 agreement and the BCF plan.",
            (5, "team-1"): "There is no team whose job is the partnership."}


def _score(person: int, principle: str, statement: int) -> int | str:
    """One person's answer to one statement: a number on the 1–5 scale or "dk"."""
    sector = SECTORS[person]
    if principle == "funding":  # two camps: the even-numbered half at the bottom, the rest at 4 or 5
        return 1 if person % 2 == 0 else 4 + (person // 2) % 2
    if principle == "team":  # the whole room puts it low
        return 1 if (person + statement) % 5 == 0 else 2
    if principle == "measures":  # two thirds could not judge it
        return "dk" if person < 16 else 2 + (person + statement) % 2
    if principle == "governance":  # NHS providers high, local government low
        return 4 if sector in NHS else 2 if sector in COUNCIL else 3
    if principle == "vision":  # the clear strength
        return 4 if (person + statement) % 4 else 3 + (person % 3 == 0) * 2
    base = {"population": 3, "partners": 3, "leadership": 3, "conflict": 2, "systems": 3}[principle]
    return base + ((person + statement) % 3 == 0) - ((person * statement) % 4 == 1)


def _behaviour(person: int, principle: str, statement: int) -> int | str:
    """The Salford behaviours: middling, with the council and the NHS apart on open communication."""
    if principle == "open-communication":
        return 4 if SECTORS[person] in COUNCIL else 2 if SECTORS[person] in NHS else 3
    return 3 + ((person + statement) % 3 == 0) - ((person + len(principle)) % 4 == 0)


def room_of_24(framework_id: str = "ham-2015") -> Responses:
    framework = builtin_framework(framework_id)
    answer = _score if framework_id == "ham-2015" else _behaviour
    answers = []
    for person in range(PEOPLE):
        for principle in framework.principles:
            for index, statement in enumerate(principle.statements):
                value = answer(person, principle.id, index)
                answers.append(Answer(participant=f"person-{person + 1}", statement=statement.id,
                                      organisation=f"Organisation {person % 9 + 1}", sector=SECTORS[person],
                                      score=None if value == "dk" else int(value), dont_know=value == "dk",
                                      comment=COMMENTS.get((person, statement.id))))
    return Responses.from_answers(answers)


def room_of_24_combined() -> CombinedReport:
    """The same room on both built-in frameworks, as one report."""
    parts = [(builtin_framework(framework_id), room_of_24_report(framework_id)) for framework_id in
             ("ham-2015", "salford-behaviours")]
    return build_combined_report(parts)


def room_of_24_report(framework_id: str = "ham-2015", **changes: object) -> Report:
    framework = builtin_framework(framework_id)
    ham = builtin_framework("ham-2015")
    arguments = {"partnership": "Eastmere Health and Care Partnership", "place": "Eastmere",
                 "workshop": "Board development workshop", "held_on": datetime.date(2026, 5, 14),
                 "exemplars": [e for e in builtin_exemplars() if e.id in ("salford", "wigan", "canterbury")],
                 "actions": [ActionItem(principle=ham.principles[7].name, text="Name a programme director and a "
                                     "small core team for the partnership", owner="Chief executives' group",
                                     due="2026-07-31")],
                 "origin": Origin.live, "today": datetime.date(2026, 5, 15)}
    return build_report(framework, room_of_24(framework_id), **(arguments | changes))
