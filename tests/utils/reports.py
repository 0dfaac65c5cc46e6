"""The demo partnership's reports, built as a consultant would: Riverbrook's follow-up against its baseline."""

from __future__ import annotations

import datetime

from assessment.content.demo import load_demo
from assessment.content.exemplar import builtin_exemplars
from assessment.content.framework import builtin_framework
from assessment.engine.crosswalk import crosswalk
from assessment.engine.progress import Baseline, snapshot
from assessment.engine.report import Report, build_report
from assessment.engine.responses import Responses
from assessment.engine.scoring import score
from assessment.services.demo import demo_responses

MADE_ON = datetime.date(2026, 9, 18)


def riverbrook(framework_id: str = "ham-2015") -> tuple[Responses, Responses]:
    """The baseline's and the follow-up's answers."""
    demo = load_demo()
    baseline, follow_up = demo.by_id["baseline"], demo.by_id["follow-up"]
    return demo_responses(baseline, framework_id), demo_responses(follow_up, framework_id)


def follow_up_report(framework_id: str = "ham-2015", **changes: object) -> Report:
    """Riverbrook's follow-up report against its baseline, with its three exemplars; `changes` override any
    argument of `build_report`."""
    demo = load_demo()
    framework = builtin_framework(framework_id)
    then_answers, now_answers = riverbrook(framework_id)
    first, second = demo.by_id["baseline"], demo.by_id["follow-up"]
    then = snapshot(1, first.title, datetime.date.fromisoformat(first.date), score(framework, then_answers), {})
    now = snapshot(2, second.title, datetime.date.fromisoformat(second.date), score(framework, now_answers), {})
    arguments = {"partnership": demo.name, "place": demo.place, "workshop": second.title, "held_on": now.held_on,
                 "exemplars": [e for e in builtin_exemplars() if e.id in demo.exemplars],
                 "baseline": Baseline(title=first.title, held_on=then.held_on, then=then, now=now), "today": MADE_ON}
    return build_report(framework, now_answers, **(arguments | changes))


def neighbourhood_report(**changes: object) -> Report:
    """Riverbrook's neighbourhood health readiness report, with what each component rests on in Ham's principles
    as the room scored them at the same workshop."""
    demo = load_demo()
    workshop = demo.by_id["neighbourhood"]
    framework, ham = builtin_framework("neighbourhood-health-2025"), builtin_framework("ham-2015")
    answers = demo_responses(workshop, framework.id)
    arguments = {"partnership": demo.name, "place": demo.place, "workshop": workshop.title,
                 "held_on": datetime.date.fromisoformat(workshop.date),
                 "exemplars": [e for e in builtin_exemplars() if e.id in (workshop.exemplars or ())],
                 "today": datetime.date(2026, 11, 20)}
    report = build_report(framework, answers, **(arguments | changes))
    walked = crosswalk(framework, ham, result=score(framework, answers),
                       foundation_result=score(ham, demo_responses(workshop, ham.id)))
    return report.model_copy(update={"crosswalks": [walked]})
