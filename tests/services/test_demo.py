"""The demo partnership: realistic, clearly made up, and shown working on first run."""

from __future__ import annotations

import pytest

from assessment.content.demo import load_demo
from assessment.content.framework import builtin_framework
from assessment.engine.scoring import score
from assessment.engine.sectors import STANDARD_SECTOR_GROUPS
from assessment.services.demo import demo_responses

SECTORS = set(STANDARD_SECTOR_GROUPS) - {"Integrated care board"}  # the sectors set-up offers


@pytest.fixture(scope="module")
def demo():
    return load_demo()


def test_the_demo_says_plainly_it_is_made_up(demo):
    assert "made up" in demo.fictional and "made-up" in demo.place


def test_about_thirty_people_from_every_sector_answer_both_frameworks(demo):
    baseline, follow_up = demo.by_id["baseline"], demo.by_id["follow-up"]
    assert 28 <= len(baseline.participants) <= 32
    assert {p.sector for p in baseline.participants} == SECTORS
    assert set(baseline.frameworks) == {"ham-2015", "salford-behaviours"}
    assert follow_up.date > baseline.date


def test_sectors_disagree_on_money_and_governance_more_than_on_population(demo):
    result = score(builtin_framework("ham-2015"), demo_responses(demo.workshops[0], "ham-2015"))

    def sector_range(principle: str) -> float:
        values = [v[principle] for v in result.by_sector.values() if v[principle] is not None]
        return max(values) - min(values)

    assert sector_range("funding") > sector_range("population") + 0.5
    assert sector_range("governance") > sector_range("population")
    assert result.principle("funding").dont_know > result.principle("population").dont_know


def test_the_follow_up_moves_on_governance(demo):
    framework = builtin_framework("ham-2015")
    before, after = (score(framework, demo_responses(demo.by_id[w], "ham-2015")) for w in ("baseline", "follow-up"))
    assert after.principle("governance").mean > before.principle("governance").mean + 0.3


def test_the_neighbourhood_workshop_scores_readiness_beside_hams_principles(demo):
    from assessment.engine.crosswalk import crosswalk

    workshop = demo.by_id["neighbourhood"]
    assert workshop.frameworks == ("ham-2015", "neighbourhood-health-2025") and workshop.date > "2026-09-17"
    assert {p.sector for p in workshop.participants} == SECTORS
    assert set(workshop.exemplars) == {"croydon", "somerset-symphony", "salford", "canterbury"}
    ham, neighbourhood = builtin_framework("ham-2015"), builtin_framework("neighbourhood-health-2025")
    walked = crosswalk(neighbourhood, ham, result=score(neighbourhood, demo_responses(workshop, neighbourhood.id)),
                       foundation_result=score(ham, demo_responses(workshop, ham.id)))
    gaps = {link.principle: link.standing.mean - link.foundation_mean for link in walked.links}
    # the story the demo tells: intermediate care ahead of the pooled money under it, population health behind
    assert gaps["intermediate-care"] >= 0.5 and gaps["population-health"] <= -0.5
    assert "principle 7, Agree the funding model" in walked.findings[0]
    commented = [c for p in workshop.participants for c in p.comments.values()]
    assert len(commented) == 8

def test_a_new_database_gets_the_demo_workshops_with_the_same_numbers(tmp_path, demo):
    from assessment.content.framework import builtin_frameworks
    from assessment.services import places, results, workshops
    from assessment.services.database import Database
    from assessment.services.demo import NEIGHBOURS, seed_demo
    from assessment.storage.db import make_engine, migrate
    from tests.utils.workshops import ADMIN

    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    db = Database(engine)
    assert migrate(engine) is True  # new: the app stores the demo
    with db.write() as session:
        seed_demo(session, builtin_frameworks(), demo)
    assert migrate(engine) is False  # not new any more: a restart leaves the data alone
    ham = builtin_framework("ham-2015")
    found = {p.label: p for p in places.places(db, actor=ADMIN)}
    assert set(found) == {f"{demo.name} ({demo.place})", *NEIGHBOURS}
    assert {p.system for p in found.values()} == {demo.system}
    riverbrook = found[f"{demo.name} ({demo.place})"]
    assert [w.title for w in riverbrook.workshops] == [w.title for w in demo.workshops]
    for stored, original in zip(riverbrook.workshops, demo.workshops, strict=True):
        assert not stored.scoring_open
        facts = workshops.by_join_code(db, code=stored.join_code)
        assert facts.revealed and list(facts.exemplar_ids) == list(original.exemplars or demo.exemplars)
        assert (score(ham, results.responses(db, actor=ADMIN, workshop_id=stored.id, framework_id=ham.id)).overall
                == score(ham, demo_responses(original, ham.id)).overall)
    engine.dispose()
