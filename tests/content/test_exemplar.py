"""Exemplar profiles: every score with evidence, sources and confidence, or an honest 'not assessed'."""

from __future__ import annotations

import json

import pytest

from assessment.content.exemplar import (
    SCHEMA_FILE,
    Confidence,
    builtin_exemplars,
    exemplar_ids,
    json_schema,
    read_exemplar,
)
from assessment.content.framework import builtin_frameworks
from assessment.errors import InputError
from tests.conftest import DATA

REQUIRED_EXEMPLARS = {"salford", "canterbury", "northumberland", "somerset-symphony", "croydon",
                      "surrey-heartlands", "wigan"}


def test_a_valid_profile_loads_against_its_framework(tiny):
    exemplar = read_exemplar(DATA / "exemplars" / "northtown.yaml", [tiny])
    assert exemplar.judgement("tiny", "alpha").score == 5
    assert exemplar.judgement("tiny", "gamma").assessed is False
    assert exemplar.coverage(tiny) == (2, (3 + 1) / 2)
    assert [s.title for s in exemplar.cited(("review", "report"))] == ["Independent review", "Northtown report"]


def test_broken_profiles_are_refused_naming_every_problem(tiny):
    with pytest.raises(InputError) as caught:
        read_exemplar(DATA / "exemplars" / "bad_judgements.yaml", [tiny])
    message = str(caught.value)
    for fragment in [
        "assessments.tiny.beta.evidence: required for a score",
        "assessments.tiny.beta.sources: a score needs at least one source",
    ]:
        assert fragment in message
    # once each judgement is well-formed, the cross-checks speak
    text = (DATA / "exemplars" / "bad_judgements.yaml").read_text()
    text = text.replace("      practice: No evidence given.\n      sources: []",
                        "      evidence: Some.\n      practice: No evidence given.\n      sources: [report]")
    path = DATA.parent / "bad_judgements_fixed.tmp.yaml"
    try:
        path.write_text(text)
        with pytest.raises(InputError) as caught:
            read_exemplar(path, [tiny])
    finally:
        path.unlink()
    message = str(caught.value)
    for fragment in [
        "sources: the source id 'report' is used 2 times",
        "partners.sources: no source in this file has the id 'missing-source'",
        "line 15, assessments.tiny.alpha.score: 7 is off the scale 1–5",
        "assessments.tiny.delta: 'delta' is not a principle of tiny",
        "assessments.nonesuch: no framework has the id 'nonesuch'",
        "tiny: every principle needs a score or not_assessed; missing gamma",
    ]:
        assert fragment in message


def test_not_assessed_cannot_carry_a_score(tiny):
    text = (DATA / "exemplars" / "northtown.yaml").read_text().replace(
        "      not_assessed: The sources say nothing about this.",
        "      not_assessed: The sources say nothing about this.\n      score: 3")
    from assessment.content.exemplar import Exemplar
    from assessment.content.yaml_document import parse_yaml, validate_document

    with pytest.raises(InputError, match="a principle marked not_assessed has no score"):
        validate_document(parse_yaml(text, source="x.yaml"), Exemplar, context={"frameworks": {"tiny": tiny}})


def test_the_required_exemplars_are_all_there():
    assert set(exemplar_ids()) >= REQUIRED_EXEMPLARS


def test_every_builtin_exemplar_validates_and_covers_every_principle_of_both_frameworks():
    frameworks = builtin_frameworks()
    for exemplar in builtin_exemplars(frameworks):
        for framework in frameworks:
            for principle in framework.principles:
                judgement = exemplar.judgement(framework.id, principle.id)
                assert judgement is not None, (exemplar.id, principle.id)
                if judgement.assessed:
                    assert judgement.score in framework.scale.points
                    assert judgement.evidence and judgement.practice
                    assert judgement.sources and isinstance(judgement.confidence, Confidence)
                    assert exemplar.cited(judgement.sources), (exemplar.id, principle.id)
                else:
                    assert len(judgement.not_assessed) > 10, (exemplar.id, principle.id)


def test_profiles_are_balanced_not_all_top_marks():
    for exemplar in builtin_exemplars():
        scores = [j.score for judgements in exemplar.assessments.values() for j in judgements.values()
                  if j.assessed]
        assert scores and min(scores) <= 3, exemplar.id  # every profile names a weakness


def test_checked_in_exemplar_schema_is_generated_from_the_models():
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()
