"""The cross-walk joined to the combined report: a workshop that scored Ham's principles and neighbourhood health
gets a section reading each component beside the room's scores for the principles it rests on, saying what the
neighbourhood health report alone says."""

from __future__ import annotations

import datetime

import pytest

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework
from assessment.engine.combined import build_combined_report
from assessment.engine.crosswalk_section import as_section, cross_walks, resting_on
from assessment.engine.report import build_report
from assessment.services.demo import demo_responses
from tests.utils.reports import neighbourhood_report

HAM, SALFORD = builtin_framework("ham-2015"), builtin_framework("salford-behaviours")
NEIGHBOURHOOD = builtin_framework("neighbourhood-health-2025")


@pytest.fixture(scope="module")
def parts():
    """Riverbrook's neighbourhood workshop, which scored Ham's principles first and neighbourhood health second."""
    workshop = load_demo().by_id["neighbourhood"]
    ham = build_report(HAM, demo_responses(workshop, HAM.id), partnership="Riverbrook", workshop=workshop.title,
                       held_on=datetime.date.fromisoformat(workshop.date), today=datetime.date(2026, 11, 20))
    return [(HAM, ham), (NEIGHBOURHOOD, neighbourhood_report())]


def test_only_a_framework_resting_on_another_the_workshop_scored_gets_a_cross_walk():
    assert len(cross_walks([HAM, NEIGHBOURHOOD])) == 1
    assert cross_walks([HAM, SALFORD]) == []  # neither rests on anything
    assert cross_walks([NEIGHBOURHOOD]) == []  # Ham's principles were not scored, so there is nothing to read across


def test_the_combined_report_reads_each_component_beside_the_principles_it_rests_on(parts):
    combined = build_combined_report(parts, cross_walks=cross_walks([HAM, NEIGHBOURHOOD]))
    [section] = combined.cross_sections
    walked = parts[1][1].crosswalks[0]
    assert section.title == "What “Neighbourhood health readiness: the six core components” rests on"
    assert section.paragraphs[:len(walked.findings)] == walked.findings  # the findings first, as in the part alone
    assert walked.findings and section.paragraphs[len(walked.findings)] == walked.note
    assert section.header == ["Principle", "The room", "Rests on (the room's score)", "Their average"]
    lowest = ("the lowest-scored foundation is principle 7, Agree the funding model and how money flows (2.3, "
              "Emerging); 3 of the 6 components rest on it")
    assert walked.findings[0].startswith(lowest[0].upper() + lowest[1:])
    headline = f"Read across the two frameworks, {lowest}"
    assert section.headline.startswith(headline)  # and the summary says so, after each framework's clearest
    assert [s for s in combined.summary if s.startswith(headline)] == [section.headline]
    after = combined.summary[combined.summary.index(section.headline) + 1]
    assert after.startswith("Overall it stands at")  # after both frameworks' clearest findings
    assert [row[0] for row in section.rows] == [link.name for link in walked.links]
    intermediate = next(row for row in section.rows if row[0] == "Integrated intermediate care")
    assert intermediate[1] == "3.2 (Developing)" and intermediate[3] == "2.6"
    assert "7. Agree the funding model and how money flows (2.3, Emerging)" in intermediate[2]
    assert all(f"{f.number}. {f.name} (" in row[2] for row, link in zip(section.rows, walked.links, strict=True)
               for f in link.foundations)


def test_no_section_without_the_rooms_scores_for_both(parts):
    ham, (framework, report) = parts
    unscored = report.model_copy(update={"crosswalks": [c.model_copy(update={"scored": False})
                                                        for c in report.crosswalks]})
    assert resting_on(NEIGHBOURHOOD.id, HAM.id)([ham, (framework, unscored)]) is None
    assert resting_on(NEIGHBOURHOOD.id, SALFORD.id)(parts) is None


def test_an_average_over_only_some_foundations_says_how_many(parts):
    walked = parts[1][1].crosswalks[0]
    link = walked.links[0].model_copy(update={"foundation_mean": 2.5, "agreed_foundations": 2})
    row = as_section(walked.model_copy(update={"links": [link]})).rows[0]
    assert row[3] == f"2.5 (2 of {len(link.foundations)} agreed)"
