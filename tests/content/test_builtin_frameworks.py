"""The three built-in frameworks: complete, well-formed content a board can score quickly."""

from __future__ import annotations

import re

import pytest

from assessment.content.foundations import foundation_problems
from assessment.content.framework import Wording, builtin_framework, builtin_framework_ids, builtin_frameworks

HAM_ORDER = ["population", "partners", "vision", "governance", "leadership",
             "conflict", "funding", "team", "systems", "measures"]
SALFORD_ORDER = ["one-team", "place", "best-for-service", "collective-responsibility", "transparency",
                 "open-communication", "sharing-learning", "positive-outlook", "good-faith", "best-value"]
NEIGHBOURHOOD_ORDER = ["population-health", "general-practice", "community-services", "neighbourhood-teams",
                       "intermediate-care", "urgent-care"]
NHS_MATURITY = {1: "Not yet in place", 2: "Emerging", 3: "Developing", 4: "Maturing", 5: "Thriving"}
UNDERSTOOD_ABBREVIATIONS = {"GP", "NHS", "A&E"}
ALL = ["ham-2015", "salford-behaviours", "neighbourhood-health-2025"]
# The exemplar steps each framework credits at least: its next steps lean on what places did, not on our
# imagination alone (neighbourhood health has fewer principles, and fewer exemplars judged on it).
CREDITED = {"ham-2015": 30, "salford-behaviours": 30, "neighbourhood-health-2025": 12}


def test_the_builtin_frameworks_are_ham_salford_and_neighbourhood_health():
    assert builtin_framework_ids() == ["ham-2015", "neighbourhood-health-2025", "salford-behaviours"]


@pytest.mark.parametrize(("framework_id", "order"), [("ham-2015", HAM_ORDER), ("salford-behaviours", SALFORD_ORDER)])
def test_ten_principles_in_order_on_the_nhs_maturity_scale(framework_id, order):
    framework = builtin_framework(framework_id)
    assert [p.id for p in framework.principles] == order
    assert framework.scale.labels == NHS_MATURITY
    assert framework.description and framework.attribution
    assert framework.source.title and framework.source.publisher and framework.source.year


def test_only_hams_first_two_principle_names_are_verbatim():
    framework = builtin_framework("ham-2015")
    assert framework.principles[0].name == "Define the population group and the system's boundaries"
    assert framework.principles[1].name == "Identify the right partners and services"
    assert [p.name_wording for p in framework.principles] == [Wording.verbatim] * 2 + [Wording.paraphrase] * 8
    assert framework.source.year == 2015 and framework.source.publisher == "The King's Fund"


def test_neighbourhood_health_has_the_six_core_components_in_nhs_englands_order_and_names():
    framework = builtin_framework("neighbourhood-health-2025")
    assert [p.id for p in framework.principles] == NEIGHBOURHOOD_ORDER
    assert [p.name for p in framework.principles] == [
        "Population health management", "Modern general practice", "Standardised community health services",
        "Neighbourhood multidisciplinary teams", "Integrated intermediate care", "Urgent neighbourhood services"]
    # reports disagree on the third name's wording ("standardised" / "standardising"), so it is marked ours
    assert [p.name_wording for p in framework.principles] == [Wording.verbatim] * 2 + [Wording.paraphrase] \
        + [Wording.verbatim] * 3
    assert framework.scale.labels == NHS_MATURITY
    assert framework.source.publisher == "NHS England"
    assert framework.source.url.startswith("https://www.england.nhs.uk/")
    # whose words are whose, and the later national framework we could not trace is said so, not guessed at
    assert "names are NHS England's" in framework.attribution and "our judgement" in framework.attribution
    assert "March 2026" in framework.attribution and "could not read it" in framework.attribution


@pytest.mark.parametrize("framework_id", ALL)
def test_every_principle_has_summary_basis_rubric_prompts_and_three_or_four_statements(framework_id):
    framework = builtin_framework(framework_id)
    for principle in framework.principles:
        assert principle.summary and principle.basis, principle.id
        assert principle.basis_sources, principle.id
        assert set(principle.rubric) == {1, 2, 3, 4, 5}, principle.id
        assert 2 <= len(principle.prompts) <= 4, principle.id
        assert 3 <= len(principle.statements) <= 4, principle.id
        assert all(s.id.startswith(f"{principle.id}-") for s in principle.statements)


@pytest.mark.parametrize("framework_id", ALL)
def test_statements_are_short_positive_and_free_of_jargon(framework_id):
    for statement in builtin_framework(framework_id).statements:
        words = statement.text.split()
        assert len(words) <= 22, statement.id
        assert not re.search(r"\b(not|never|no)\b|n't\b", statement.text, re.I), statement.id
        abbreviations = set(re.findall(r"\b[A-Z][A-Z&]+\b", statement.text)) - UNDERSTOOD_ABBREVIATIONS
        assert not abbreviations, (statement.id, abbreviations)
        assert statement.wording is Wording.own


MIN_STEP_CHARACTERS = 40  # shorter than this and a step names a topic, not something to do


@pytest.mark.parametrize("framework_id", ALL)
def test_every_level_below_the_top_has_two_to_four_concrete_steps_up(framework_id):
    framework = builtin_framework(framework_id)
    seen: set[str] = set()
    for principle in framework.principles:
        assert set(principle.next_steps) == {1, 2, 3, 4}, principle.id
        for level, steps in principle.next_steps.items():
            assert 2 <= len(steps) <= 4, (principle.id, level)
            for step in steps:
                assert len(step.step) >= MIN_STEP_CHARACTERS, (principle.id, level, step.step)
                assert step.step not in seen, step.step  # each step is written for its own place in the ladder
                seen.add(step.step)


@pytest.mark.parametrize("framework_id", ALL)
def test_every_exemplar_step_names_a_real_exemplar_and_one_of_its_sources(framework_id):
    from assessment.content.exemplar import builtin_exemplars

    exemplars = {e.id: e for e in builtin_exemplars()}
    credited = 0
    for principle in builtin_framework(framework_id).principles:
        for level, steps in principle.next_steps.items():
            for step in steps:
                if step.exemplar is None:
                    continue
                credited += 1
                assert step.exemplar in exemplars, (principle.id, level, step.exemplar)
                assert step.source in {s.id for s in exemplars[step.exemplar].sources}, (principle.id, level, step.source)
    assert credited >= CREDITED[framework_id]


def test_every_neighbourhood_component_rests_on_real_ham_principles_and_says_why():
    frameworks = {f.id: f for f in builtin_frameworks()}
    assert all(foundation_problems(f, frameworks) == [] for f in frameworks.values())
    ham_ids = {p.id for p in frameworks["ham-2015"].principles}
    named = set()
    for principle in frameworks["neighbourhood-health-2025"].principles:
        assert list(principle.rests_on) == ["ham-2015"], principle.id
        foundations = principle.rests_on["ham-2015"]
        assert 3 <= len(foundations) <= 4, principle.id
        assert all(f.principle in ham_ids and f.why and len(f.why) >= 40 for f in foundations), principle.id
        named |= {f.principle for f in foundations}
    assert named == ham_ids  # every one of Ham's principles carries at least one component
    assert not any(p.rests_on for f in ("ham-2015", "salford-behaviours") for p in frameworks[f].principles)


PUBLISHERS = ("https://www.england.nhs.uk/", "https://www.gov.uk/", "https://www.kingsfund.org.uk/",
              "https://www.nhsconfed.org/", "https://www.nwlondonicb.nhs.uk/")


def test_neighbourhood_sources_are_complete_cited_and_at_their_publishers_addresses():
    framework = builtin_framework("neighbourhood-health-2025")
    sources = [framework.source, *framework.sources]
    for source in sources:
        assert source.id and source.title and source.publisher and source.year >= 2015, source.id
        assert source.url and source.url.startswith(PUBLISHERS), source.url  # never a mirror
    cited = {framework.source.id} | {i for p in framework.principles for i in p.basis_sources} | {"ham-2015"}
    assert "10 Year Health Plan (July 2025)" in framework.description  # what dhsc-10-year-plan supports
    assert {s.id for s in sources} == cited | {"dhsc-10-year-plan"}  # each source supports something
    assert builtin_framework("ham-2015").source.url == framework.cited(("ham-2015",))[0].url


@pytest.mark.parametrize("framework_id", ALL)
def test_every_framework_opens_its_reports_with_todays_policy_frame(framework_id):
    framework = builtin_framework(framework_id)
    own = {s.id for s in (framework.source, *framework.sources)}
    assert len(framework.policy) >= 3
    assert all(note.sources and set(note.sources) <= own for note in framework.policy)
    assert any("10 Year Health Plan" in note.text for note in framework.policy)
