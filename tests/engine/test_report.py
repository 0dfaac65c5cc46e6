"""The report model: the words a board reads, each standing on its figures and its base."""

from __future__ import annotations

import datetime
import re

import pytest

from assessment import __version__
from assessment.content.framework import builtin_framework
from assessment.engine.cover import Branding
from assessment.engine.findings import Horizon, Kind
from assessment.engine.progress import snapshot
from assessment.engine.progress_report import build_progress_report
from assessment.engine.report import build_report
from assessment.engine.responses import Responses
from assessment.engine.scoring import score
from assessment.engine.system_report import build_system_report
from tests.utils.reports import MADE_ON, follow_up_report, riverbrook


@pytest.fixture(scope="module")
def follow_up():
    return follow_up_report()


def test_a_follow_up_report_compares_with_its_baseline_in_the_summary_and_per_principle(follow_up):
    summary = follow_up.executive_summary
    assert summary.since_baseline.startswith("Compared with the baseline workshop (12 March 2026)")
    assert follow_up.baseline.title == "Baseline workshop" and len(follow_up.baseline.changes) == 10
    conflict = next(c for c in follow_up.baseline.changes if c.principle == "conflict")
    assert conflict.real and "(95% interval +0.3 to +0.7): a clear rise" in conflict.in_words
    assert "“Plan for conflicts and agree how to resolve them” (+0.5)" in summary.since_baseline
    funding = next(c for c in follow_up.baseline.changes if c.principle == "funding")
    assert not funding.real and "this could be chance; the room, split at the first workshop, now agrees" in (
        funding.in_words)
    section = next(p for p in follow_up.principles if p.id == "funding")
    assert section.change == funding and any(w.startswith("Since the baseline: up 0.1") for w in section.why)
    assert ("Baseline", "Baseline workshop, 12 March 2026") in follow_up.cover.details


def test_the_room_is_never_said_to_agree_without_the_sectors_that_do_not(follow_up):
    # Riverbrook's follow-up: no principle split, but its wider groups (as the room saw them: some single sectors
    # are under three people) 1.6 points apart on funding.
    assert follow_up.summary.split == []
    words = follow_up.executive_summary.agreement
    assert words.startswith("The room as a whole agreed on every principle. But sectors see two principles "
                            "differently")
    assert ("“Agree the funding model and how money flows” (NHS providers 2.9, Voluntary sector and public 1.3)"
            in words)
    funding = next(r for r in follow_up.recommendations if r.principle == "funding")
    assert funding.kind is Kind.priority and "sectors 1.6 points apart" in funding.headline
    assert [s.name.rsplit(" (", 1)[0] for s in follow_up.sectors] == [
        "Local government", "NHS providers", "Primary care", "Voluntary sector and public"]
    assert follow_up.sector_note.startswith("Some sectors have fewer than 3 people, so sectors are shown in wider")


def test_priorities_come_first_with_steps_for_the_next_level_and_the_rooms_actions():
    from assessment.engine.report import ActionItem, Agreed

    ham = builtin_framework("ham-2015")
    report = follow_up_report(agreed={"funding": Agreed(score=2, note=None)},
                              actions=[ActionItem(principle=ham.principles[6].name, text="Map every budget line",
                                                  owner="Finance leads", due="2026-12-31")])
    first = report.recommendations[:3]
    assert [r.kind for r in first] == [Kind.priority] * 3 and all(r.horizon is Horizon.now for r in first)
    funding = next(r for r in report.recommendations if r.principle == "funding")
    assert funding.level == "2 Emerging → 3 Developing"
    assert [a.text for a in funding.actions] == ["Map every budget line"]
    section = next(p for p in report.plan if p.id == "funding")
    assert (section.standing, section.next_level) == ("2 Emerging", "3 Developing")
    assert [s.text for s in section.next_steps] == [s.step for s in ham.principles[6].next_steps[2]]
    assert report.first_recommendations + report.later_recommendations == report.recommendations


def test_two_principles_scored_of_ten_are_said_to_be_two_and_never_both_strongest_and_weakest():
    ham = builtin_framework("ham-2015")
    _, answers = riverbrook()
    kept = {s.id for p in ham.principles[:2] for s in p.statements}
    two = Responses(answers.table[answers.table["statement"].isin(kept)].reset_index(drop=True))
    report = build_report(ham, two, partnership="Twoprinciple", today=MADE_ON)
    assert "the mean of the two of 10 principles that had answers; the other eight could not be scored" in (
        report.executive_summary.standing)
    assert report.executive_summary.clearest[-1] == ("Eight principles had too few answers to say where they "
                                                     "stand; they are listed at the end.")
    strongest = {name for name, _ in report.summary.strongest}
    weakest = {name for name, _ in report.summary.weakest}
    assert len(strongest) <= 1 and 1 <= len(weakest) <= 2 and not strongest & weakest
    assert report.summary.scored == 2 and len(report.plan) == 2
    assert [u.name for u in report.unscored] == [p.name for p in ham.principles[2:]]
    assert all(r.kind is Kind.find_out for r in report.recommendations if r.name in {u.name for u in report.unscored})


def test_the_method_states_its_rules_with_numbers_never_a_raw_placeholder(follow_up):
    text = " ".join(follow_up.method)
    assert "0.83 points from the room's average" in text  # Burke & Dunlap's cut-off on a 1–5 scale
    assert re.search(r"\{[^}]*\}", text) is None
    assert "Priorities follow one stated rule" in text


def test_the_cover_says_who_prepared_it_and_what_version_of_what_it_rests_on():
    report = follow_up_report(branding=Branding(name="Hartley Consulting"))
    cover = report.cover
    assert cover.subject == "Riverbrook Health and Care Partnership" and cover.prepared_by == "Hartley Consulting"
    assert cover.version == f"PlaceReady {__version__}; ham-2015 version 1; made 2026-09-18"
    assert dict(cover.details)["Held on"] == "17 September 2026"


def test_progress_and_system_reports_say_what_changed_and_how_far_apart_places_are():
    ham = builtin_framework("ham-2015")
    then_answers, now_answers = riverbrook()
    snapshots = [snapshot(1, "Baseline", datetime.date(2026, 3, 12), score(ham, then_answers), {"funding": 2}),
                 snapshot(2, "Follow-up", datetime.date(2026, 9, 17), score(ham, now_answers), {})]
    progress = build_progress_report(ham, place="Riverbrook", snapshots=snapshots, note=None, branding=Branding(),
                                     today=MADE_ON)
    assert progress.workshops == ["Baseline (12 March 2026)", "Follow-up (17 September 2026)"]
    funding = next(r for r in progress.rows if r.name == ham.principles[6].name)
    assert funding.cells[0].agreed and funding.cells[0].score == 2.0 and not funding.cells[1].agreed
    assert progress.summary[1].startswith("Between the first and the latest, five of 10 principles changed clearly")
    places = {"Riverbrook": {p.id: s.principles[p.id].score for p in ham.principles for s in snapshots[1:]},
              "Eastmere": {p.id: 1.5 for p in ham.principles}}
    system = build_system_report(ham, system="Lune and Dale", profiles=places, note=None, branding=Branding(),
                                 today=MADE_ON)
    assert system.summary[0].startswith("2 places in Lune and Dale")
    assert system.pairings and system.pairings[0].learner == "Eastmere"


def test_a_priority_is_never_also_called_a_strength_and_one_sector_is_not_compared_with_itself():
    from assessment.content.framework import read_framework
    from assessment.engine.responses import Answer
    from tests.conftest import DATA

    framework = read_framework(DATA / "frameworks" / "five-by-two.yaml")
    answers = Responses.from_answers(
        Answer(participant=f"p{person}", statement=statement.id, score=(person + number) % 5, sector="Acute")
        for person in range(4) for number, statement in enumerate(framework.statements))
    report = build_report(framework, answers, partnership="Riverside", today=MADE_ON)
    summary = report.executive_summary
    priorities = [r.name for r in report.recommendations if r.kind is Kind.priority]
    assert priorities and not any(name in summary.strengths for name in priorities)
    assert "Sectors could not be compared: that needs at least two sectors or groups of 3 people" in summary.agreement
    assert "No two sectors" not in summary.agreement
    assert report.unscored == [] and report.unscored_note is None
