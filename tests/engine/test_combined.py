"""One report for a workshop that scored both built-in frameworks: one summary, one list of recommendations, a
part per framework whose numbers are that framework's own report's, and a place for sections read across them."""

from __future__ import annotations

import pytest

from assessment.content.framework import builtin_framework
from assessment.engine.combined import KIND_ORDER, CrossSection, build_combined_report
from assessment.engine.findings import Kind
from tests.utils.rooms import room_of_24_combined, room_of_24_report


@pytest.fixture(scope="module")
def combined():
    return room_of_24_combined()


def test_one_summary_speaks_of_both_frameworks_and_leads_with_their_clearest_findings(combined):
    opening, *rest = combined.summary
    assert opening.startswith("At “Board development workshop”, Eastmere Health and Care Partnership scored two "
                              "frameworks: “Ten design principles for place-based systems of care” and “The ten "
                              "Salford behaviours for working as one system”, 24 people in all.")
    assert any(s.startswith("The priorities for the next three months: on “Ten design principles for place-based "
                            "systems of care”, “Build a dedicated team with the right skills”") and
               "; on “The ten Salford behaviours for working as one system”, " in s for s in rest)
    assert rest[0].startswith("On “Ten design principles for place-based systems of care”, the clearest finding is "
                              "that the room agrees that ")
    assert any(s.startswith("Overall it stands at 2.9 (Developing) on “Ten design principles") for s in rest)
    assert rest[-1].startswith("For the board, in the next three months: settle the difference on “Agree the "
                               "funding model and how money flows”")


def test_one_list_of_recommendations_ranks_every_frameworks_by_kind_then_its_own_order(combined):
    kinds = [r.recommendation.kind for r in combined.recommendations + combined.later]
    assert kinds == sorted(kinds, key=KIND_ORDER.index)
    assert [r.rank for r in combined.recommendations + combined.later] == list(range(1, len(kinds) + 1))
    assert {r.framework_id for r in combined.recommendations if r.recommendation.kind is Kind.priority} == {
        "ham-2015", "salford-behaviours"}
    assert all(r.recommendation.horizon != "next 12 months" for r in combined.recommendations)


def test_each_part_is_its_frameworks_own_report_and_the_method_and_sources_are_given_once(combined):
    ham = room_of_24_report()
    assert combined.parts[0].model_dump(exclude={"cover"}) == ham.model_dump(exclude={"cover"})
    assert combined.framework_ids == ["ham-2015", "salford-behaviours"]
    assert len(combined.method) == len(set(combined.method)) < sum(len(p.method) for p in combined.parts)
    assert len({c.url for c in combined.sources}) == len(combined.sources)
    assert ("Frameworks", ("Ten design principles for place-based systems of care and The ten Salford behaviours for "
                           "working as one system")) in combined.cover.details


def test_a_cross_walk_adds_a_section_read_across_the_frameworks():
    def crosswalk(parts):  # what a neighbourhood framework's cross-walk to Ham would give
        ham = next(report for framework, report in parts if framework.id == "ham-2015")
        team = next(p for p in ham.principles if p.id == "team")
        return CrossSection(title="Neighbourhood teams and the Ham principles they rest on",
                            paragraphs=[("This component rests on principle 8: your room scored it "
                                         f"{team.mean:.1f}.")], header=["Component", "Rests on", "Your room"],
                            rows=[["Neighbourhood teams", team.name, f"{team.mean:.1f}"]])

    parts = [(builtin_framework(i), room_of_24_report(i)) for i in ("ham-2015", "salford-behaviours")]
    combined = build_combined_report(parts, cross_walks=[crosswalk, lambda parts: None])
    [section] = combined.cross_sections
    assert section.rows == [["Neighbourhood teams", "Build a dedicated team with the right skills", "1.8"]]
