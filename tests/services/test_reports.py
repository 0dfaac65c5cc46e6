"""Reports of stored workshops: a follow-up finds its baseline (or the one chosen), archived workshops are left
out, and the progress and places-side-by-side views become documents — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.cover import Branding
from assessment.engine.responses import Responses
from assessment.errors import InputError
from assessment.services import places, reports, workshops
from assessment.services.access import Actor, Refused
from assessment.services.transfer import import_responses
from tests.utils.reports import riverbrook
from tests.utils.workshops import ADMIN

HAM = builtin_framework("ham-2015")


def _first_people(answers: Responses, people: int = 8) -> Responses:
    kept = answers.table["participant"].drop_duplicates()[:people]
    return Responses(answers.table[answers.table["participant"].isin(kept)].reset_index(drop=True))


def _place(db, name: str = "Riverbrook") -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Three workshops of one place, oldest first, from eight people of the demo's baseline and follow-up."""
    then, now = (_first_people(answers) for answers in riverbrook())
    found = {}
    for title, held_on, answers in [("Baseline", date(2026, 3, 12), then), ("Middle", date(2026, 6, 1), then),
                                    ("Follow-up", date(2026, 9, 17), now)]:
        found[title] = import_responses(db, actor=ADMIN, partnership_name=name, place=name, title=title,
                                        held_on=held_on, answered=[(HAM, answers)]).id
    return found


def _report(db, workshop_id: int, **choice):  # type: ignore[no-untyped-def]
    return reports.workshop_report(db, actor=ADMIN, workshop_id=workshop_id, framework_id=HAM.id, exemplars=[],
                                   brand=Branding(), **choice)


def test_a_follow_up_compares_with_the_places_previous_workshop_unless_another_is_chosen(db):
    ids = _place(db)
    assert _report(db, ids["Follow-up"]).baseline.title == "Middle"
    assert _report(db, ids["Follow-up"], baseline=ids["Baseline"]).baseline.title == "Baseline"
    assert _report(db, ids["Follow-up"], baseline=None).baseline is None
    assert _report(db, ids["Baseline"]).baseline is None  # nothing earlier
    assert list(reports.baseline_choices(db, actor=ADMIN, workshop_id=ids["Follow-up"], framework_id=HAM.id).values()
                ) == ["Middle (2026-06-01)", "Baseline (2026-03-12)"]
    workshops.change_workshop(db, actor=ADMIN, workshop_id=ids["Middle"], title="Middle", scoring_open=False,
                              archived=True)
    assert _report(db, ids["Follow-up"]).baseline.title == "Baseline"  # archived workshops are left out
    with pytest.raises(InputError, match="choose an earlier workshop of the same place"):
        _report(db, ids["Follow-up"], baseline=ids["Middle"])
    with pytest.raises(InputError, match="choose an earlier workshop"):
        _report(db, ids["Baseline"], baseline=ids["Follow-up"])  # a baseline comes before


def test_a_workshop_of_another_place_is_never_a_baseline(db):
    ids = _place(db)
    other = _place(db, "Eastmere")
    with pytest.raises(InputError, match="of the same place"):
        _report(db, ids["Follow-up"], baseline=other["Baseline"])
    with pytest.raises(Refused):
        reports.workshop_report(db, actor=Actor("stranger"), workshop_id=ids["Follow-up"], framework_id=HAM.id,
                                exemplars=[])


def test_progress_and_system_views_become_reports(db):
    ids = _place(db)
    _place(db, "Eastmere")
    known = {p.label: p.id for p in places.places(db, actor=ADMIN)}
    for place_id in known.values():
        places.place_in_system(db, actor=ADMIN, partnership_id=place_id, system_name="Lune and Dale")
    progress = reports.progress_report(db, actor=ADMIN, partnership_id=known["Riverbrook"], framework_id=HAM.id,
                                       brand=Branding(), today=date(2026, 9, 18))
    assert progress.workshops[0] == "Baseline (12 March 2026)" and len(progress.workshops) == 3
    assert reports.progress_report(db, actor=ADMIN, partnership_id=known["Riverbrook"],
                                   framework_id="salford-behaviours", brand=Branding()) is None
    [system_id] = places.systems(db, actor=ADMIN)
    system = reports.system_report(db, actor=ADMIN, framework_id=HAM.id, system_id=system_id, system="Lune and Dale",
                                   brand=Branding())
    assert set(system.places) == {"Riverbrook", "Eastmere"} and system.cover.subject == "Lune and Dale"
    follow_up = _report(db, ids["Follow-up"])
    assert system.places["Riverbrook"] == {p.id: p.mean for p in follow_up.principles}  # its latest workshop
    with pytest.raises(InputError):
        reports.progress_report(db, actor=Actor("stranger"), partnership_id=known["Riverbrook"], framework_id=HAM.id,
                                brand=Branding())


NEIGHBOURHOOD = builtin_framework("neighbourhood-health-2025")


def _neighbourhood_workshop(db, frameworks=(HAM, NEIGHBOURHOOD), place="Riverbrook") -> int:  # type: ignore[no-untyped-def]
    """The demo's neighbourhood health workshop, stored with the answers to `frameworks`."""
    from assessment.content.demo import load_demo
    from assessment.services.demo import demo_responses

    workshop = load_demo().by_id["neighbourhood"]
    return import_responses(db, actor=ADMIN, partnership_name=place, place=place, title="Neighbourhood health",
                            held_on=date(2026, 11, 19),
                            answered=[(f, demo_responses(workshop, f.id)) for f in frameworks]).id


def test_a_workshop_scoring_neighbourhood_health_and_ham_reports_what_each_component_rests_on(db):
    from assessment.services import results

    neighbourhood = NEIGHBOURHOOD
    both = _neighbourhood_workshop(db)
    alone = _neighbourhood_workshop(db, (NEIGHBOURHOOD,), place="Eastmere")
    walked, = results.crosswalks(db, actor=ADMIN, workshop_id=both, framework_id=neighbourhood.id)
    assert walked.scored and walked.foundations_id == HAM.id and len(walked.links) == 6
    report = reports.workshop_report(db, actor=ADMIN, workshop_id=both, framework_id=neighbourhood.id,
                                     exemplars=[], brand=Branding())
    assert report.crosswalks == [walked]  # the report says what the results page says
    unscored, = results.crosswalks(db, actor=ADMIN, workshop_id=alone, framework_id=neighbourhood.id)
    assert not unscored.scored and unscored.findings == [] and unscored.links[0].foundations[0].standing is None
    # Ham's principles rest on nothing, so its report has no such part
    assert reports.workshop_report(db, actor=ADMIN, workshop_id=both, framework_id=HAM.id, exemplars=[],
                                   brand=Branding()).crosswalks == []
    with pytest.raises(Refused):
        results.crosswalks(db, actor=Actor("stranger"), workshop_id=both, framework_id=neighbourhood.id)


def test_the_combined_report_of_ham_and_neighbourhood_health_reads_across_them(db):
    neighbourhood = NEIGHBOURHOOD
    both = _neighbourhood_workshop(db)
    combined = reports.combined_report(db, actor=ADMIN, workshop_id=both, exemplars=[], brand=Branding())
    [section] = combined.cross_sections
    walked, = reports.workshop_report(db, actor=ADMIN, workshop_id=both, framework_id=neighbourhood.id,
                                      exemplars=[], brand=Branding()).crosswalks
    assert section.title == f"What “{neighbourhood.title}” rests on"
    assert section.paragraphs[:len(walked.findings)] == walked.findings  # what the framework's own report says
    assert [row[0] for row in section.rows] == [link.name for link in walked.links]
    assert section.headline in combined.summary
    with pytest.raises(Refused):
        reports.combined_report(db, actor=Actor("stranger"), workshop_id=both, exemplars=[], brand=Branding())
