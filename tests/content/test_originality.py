"""The content is in our own words: no run of eight words is shared with a source we read (tests/utils/originality.py
keeps the sources' fingerprints, never their text)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assessment.content.exemplar import Exemplar, builtin_exemplars
from assessment.content.framework import Framework, builtin_framework, builtin_framework_ids
from tests.utils.originality import WORDS_IN_A_ROW, load, runs

NEIGHBOURHOOD = "neighbourhood-health-2025"


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, object]]:
    return load()


def framework_texts(framework: Framework) -> Iterator[tuple[str, str]]:
    """Every piece of our own wording in a framework, with where it is (names the source gave are left out)."""
    yield "description", framework.description or ""
    yield "attribution", framework.attribution or ""
    yield from (("policy", note.text) for note in framework.policy)
    for p in framework.principles:
        yield f"{p.id}.summary", p.summary or ""
        yield f"{p.id}.policy", p.policy.text if p.policy else ""
        yield f"{p.id}.basis", p.basis or ""
        yield from ((f"{p.id}.rubric.{level}", text) for level, text in p.rubric.items())
        yield from ((f"{p.id}.prompts", text) for text in p.prompts)
        yield from ((f"{s.id}", f"{s.text} {s.help or ''}") for s in p.statements)
        yield from ((f"{p.id}.next_steps.{level}", step.step)
                    for level, steps in p.next_steps.items() for step in steps)
        yield from ((f"{p.id}.rests_on", f.why or "") for foundations in p.rests_on.values() for f in foundations)


def exemplar_texts(exemplar: Exemplar) -> Iterator[tuple[str, str]]:
    yield "summary", exemplar.summary
    yield from ((name, fact.text) for name, fact in (("population", exemplar.population),
                                                     ("partners", exemplar.partners), ("model", exemplar.model)))
    yield from ((f"timeline.{e.date}", e.event) for e in exemplar.timeline)
    yield "caveats", exemplar.caveats or ""
    for framework_id, judgements in exemplar.assessments.items():
        for principle_id, j in judgements.items():
            where = f"{framework_id}.{principle_id}"
            yield from ((where, text) for text in (j.evidence, j.practice, j.not_assessed) if text)


def copied(texts: Iterator[tuple[str, str]], sources: dict[str, dict[str, object]]) -> list[tuple[str, str, str]]:
    """(where, the shared words, the source) for every run of words our text shares with a source."""
    return [(where, run, key) for where, text in texts for run, print_ in runs(text, quotations=False)
            for key, source in sources.items() if print_ in source["fingerprints"]]  # type: ignore[operator]


@pytest.mark.parametrize("framework_id", builtin_framework_ids())
def test_no_framework_shares_a_phrase_with_a_source(framework_id, sources):
    assert copied(framework_texts(builtin_framework(framework_id)), sources) == []


def test_no_exemplar_profile_shares_a_phrase_with_a_source(sources):
    assert [found for e in builtin_exemplars() for found in copied(exemplar_texts(e), sources)] == []


def test_a_phrase_lifted_from_a_source_is_caught_whatever_its_case_and_punctuation(sources):
    lifted = ("As NHS England put it, the Guidelines are deliberately SHORT and permissive — about how "
              "neighbourhood health should be implemented.")
    found = copied(iter([("probe", lifted)]), sources)
    assert {key for _, _, key in found} == {f"{NEIGHBOURHOOD}--nhse-guidelines-2025"}
    assert len(found) >= 5 and all(len(run.split()) == WORDS_IN_A_ROW for _, run, _ in found)
    assert copied(iter([("probe", "The guidelines are short, and permissive about how to do it.")]), sources) == []


def test_every_source_of_the_neighbourhood_content_is_fingerprinted(sources):
    framework = builtin_framework(NEIGHBOURHOOD)
    wanted = {f"{NEIGHBOURHOOD}--{s.id}" for s in (framework.source, *framework.sources) if s.id != "ham-2015"}
    wanted |= {f"{e.id}--{source}" for e in builtin_exemplars()
               for j in e.assessments.get(NEIGHBOURHOOD, {}).values() if j.assessed for source in j.sources
               if source != "bmj-open-2016"}  # read for the Ham judgements, before fingerprints were kept
    assert wanted <= set(sources)
    assert all(len(sources[key]["fingerprints"]) >= 40 for key in wanted)  # type: ignore[arg-type]
