"""The made-up room of 24 (tests/utils/rooms.py), read as a chair reads the report: the summary leads with the
clearest findings, a room in two camps gets no level, and every sector figure rests on three people."""

from __future__ import annotations

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.agreement import Agreement
from assessment.engine.findings import Kind
from assessment.engine.room import room_results
from assessment.engine.sectors import LensLevel
from tests.utils.rooms import room_of_24, room_of_24_report

FUNDING = "Agree the funding model and how money flows"


@pytest.fixture(scope="module")
def report():
    return room_of_24_report()


def test_the_summary_leads_with_the_clearest_findings_in_sentences_a_chair_reads_aloud(report):
    clearest = report.executive_summary.clearest
    assert clearest[0] == ("The clearest finding: the room agrees that “Build a dedicated team with the right skills” "
                           "stands low, at Emerging. All 24 people scored it Emerging or below (mean 1.8).")
    assert clearest[1].startswith("At the other end, the room agrees that “Agree a shared vision and objectives” is its "
                                  "clearest strength.")
    assert clearest[2].startswith(f"The room is in two camps on “{FUNDING}”: 12 people at Not yet in place, 12 at "
                                  "Maturing or Thriving.")
    assert clearest[3] == ("Most people could not judge “Use a single set of measures”: 67% of its answers were "
                           "“don't know”.")
    sentences = " ".join(report.executive_summary.sentences)
    assert "The three priorities" in sentences and "3 priorities" not in sentences and "1 principle" not in sentences
    assert report.executive_summary.so_what == (
        f"For the board, in the next three months: settle the difference on “{FUNDING}” before planning for it; give "
        "each of the three priorities an owner and a date; and ask for the evidence on “Use a single set of "
        "measures” to be brought to the board.")


def test_a_room_in_two_camps_has_no_level_rubric_or_steps_and_settles_first(report):
    funding = next(p for p in report.principles if p.id == "funding")
    assert funding.agreement is Agreement.two_camps and funding.level is None and funding.standing is None
    assert funding.rubric is None and funding.next_steps == [] and funding.people_at == [12, 0, 0, 6, 6]
    assert funding.camps_in_words == "12 people at Not yet in place, 12 at Maturing or Thriving"
    recommendation = funding.recommendation
    assert recommendation.kind is Kind.settle and recommendation.level is None
    assert recommendation.what[0].startswith("Settle the difference before choosing steps. Ask the 12 people at Not "
                                             "yet in place what they would need to see to put it at Maturing")
    every_word = " ".join([*report.executive_summary.sentences, *report.key_findings, *recommendation.why,
                           *funding.why, *(r.headline for r in report.recommendations)])
    assert "Developing at 2.8" not in every_word and "2.8, which is" not in every_word
    ranked = [r.kind for r in report.recommendations]
    assert ranked.index(Kind.settle) == ranked.count(Kind.priority)  # right after the priorities


def test_strengths_need_a_margin_and_are_never_a_problem(report):
    strongest = [name for name, _ in report.executive_summary.strongest]
    assert strongest[0] == "Agree a shared vision and objectives"
    problems = {r.name for r in report.recommendations if r.kind is not Kind.sustain}
    problems |= {d.principle for d in report.summary.sector_differences if d.spread >= 1}
    assert not problems & set(strongest)


def test_every_sector_figure_rests_on_three_people_and_what_is_left_out_is_named(report):
    assert report.sector_note.startswith("Some sectors have fewer than 3 people, so sectors are shown in wider groups.")
    assert "Not shown, being under 3 people: Housing association (2)." in report.sector_note
    council = next(s for s in report.sectors if s.name.startswith("Local government"))
    assert council.withheld == ["measures"] and council.scores["measures"] is None  # one person of five scored it
    assert "Left out, being under 3 people: Housing association (2)." in report.executive_summary.agreement


def test_the_report_shows_sectors_exactly_as_the_room_saw_them():
    ham = builtin_framework("ham-2015")
    groups = {"Acute hospital": "Hospitals", "Mental health": "Hospitals", "Primary care": "Community",
              "Local authority: adult social care": "Community", "Housing association": "Community",
              "Voluntary, community and social enterprise": "Voluntary", "Patients and public": "Voluntary"}
    room = room_results(ham, room_of_24(), groups)
    report = room_of_24_report(groups=groups)
    assert room.lens.level is LensLevel.groups
    assert [s.name for s in report.sectors] == [s.name for s in room.lens.series] == [
        "Community (11)", "Hospitals (8)", "Voluntary (5)"]
    assert report.sector_note == room.lens.in_words


def test_the_projector_and_the_results_table_say_two_camps_where_a_level_would_be():
    from assessment.content.exemplar import builtin_exemplars
    from assessment.engine.scoring import score, shown_level
    from assessment.engine.spotlight import spotlight

    ham = builtin_framework("ham-2015")
    answers = room_of_24()
    result = score(ham, answers)
    room = room_results(ham, answers)
    spot = spotlight(ham, "funding", responses=answers, result=result, lens=room.lens, comments=[],
                     exemplars=builtin_exemplars(), agreed=None, second_round=None)
    assert spot.agreement_in_words == ("The room is in two camps: 12 people at Not yet in place, 12 at Maturing or "
                                       "Thriving.")
    assert shown_level(spot.level, spot.agreement) == "no single level: two camps"
    team = result.principle("team")
    assert shown_level(team.level, team.agreement) == "Emerging"
