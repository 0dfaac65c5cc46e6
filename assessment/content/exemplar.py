"""Exemplar profiles: places that have gone further, judged by us from published evidence.

No exemplar has ever published scores against these principles. Every score here is our
judgement, so it must carry the evidence behind it, the sources it rests on and how confident
we are; where the sources are silent the principle is marked not assessed, with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import Field, ValidationInfo, model_validator

from assessment.content import REPOSITORY_DIR
from assessment.content.framework import (
    Content,
    Framework,
    FrameworkId,
    IsoDate,
    ItemId,
    Name,
    Text,
    Url,
    builtin_frameworks,
    cited_as,
)
from assessment.content.yaml_document import parse_yaml, validate_document
from assessment.errors import ContentProblems

EXEMPLAR_DIR = REPOSITORY_DIR / "seeds" / "exemplars"
SCHEMA_FILE = REPOSITORY_DIR / "seeds" / "exemplar.schema.json"

JUDGEMENT_CAVEAT = (
    "No exemplar has published scores against these principles. Each exemplar score is the "
    "PlaceReady editors' judgement from the published evidence shown with it, with a confidence; "
    "where the sources are silent we say so rather than guess."
)


class Confidence(StrEnum):
    """How firmly the evidence supports a score."""

    strong = "strong"  # several sources, or an independent evaluation, directly about this
    moderate = "moderate"  # one good source directly about this
    weak = "weak"  # indirect, or inferred from related evidence

    @property
    def weight(self) -> int:
        return {"strong": 3, "moderate": 2, "weak": 1}[self.value]


class ExemplarSource(Content):
    id: ItemId
    title: Name
    publisher: Name
    date: IsoDate | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD, as known.")
    url: Url | None = None
    note: Text | None = None

    @property
    def named(self) -> str:
        return cited_as(title=self.title, publisher=self.publisher, when=self.date)

    def citation(self) -> str:
        return f"{self.named} {self.url}" if self.url else self.named


class Fact(Content):
    """A fact about the place, with the sources it comes from."""

    text: Text
    sources: tuple[ItemId, ...] = Field(min_length=1)


class Event(Content):
    date: IsoDate
    event: Text
    sources: tuple[ItemId, ...] = Field(min_length=1)


class Judgement(Content):
    """Our score for one principle with its evidence, or the reason we did not score it."""

    score: int | None = None
    confidence: Confidence | None = None
    evidence: Text | None = Field(None, description="Why this score, in our words, with figures and dates.")
    practice: Text | None = Field(None, description="What the exemplar did: a prompt for discussion.")
    sources: tuple[ItemId, ...] = ()
    not_assessed: Text | None = Field(None, description="Why there is no score: what the sources lack.")

    @model_validator(mode="after")
    def _scored_with_evidence_or_not_assessed(self) -> Judgement:
        scored = {"score": self.score, "confidence": self.confidence, "evidence": self.evidence,
                  "practice": self.practice}
        if self.not_assessed is not None:
            given = [key for key, value in scored.items() if value is not None] + (["sources"] if self.sources else [])
            if given:
                raise ContentProblems([((key,), "a principle marked not_assessed has no score or evidence")
                                       for key in given])
            return self
        problems = [((key,), "required for a score (or mark the principle not_assessed with a reason)")
                    for key, value in scored.items() if value is None]
        if not self.sources:
            problems.append((("sources",), "a score needs at least one source"))
        if problems:
            raise ContentProblems(problems)
        return self

    @property
    def assessed(self) -> bool:
        return self.not_assessed is None


class Exemplar(Content):
    """A place's profile: who and what it is, and our sourced judgement on every principle."""

    id: FrameworkId
    name: Name
    place: Name
    summary: Text
    population: Fact
    partners: Fact
    model: Fact
    period: Name = Field(description="The period the judgements describe.")
    timeline: tuple[Event, ...] = ()
    sources: tuple[ExemplarSource, ...] = Field(min_length=1)
    caveats: Text | None = None
    assessments: dict[FrameworkId, dict[ItemId, Judgement]]

    @model_validator(mode="after")
    def _sources_and_principles_hold(self, info: ValidationInfo) -> Exemplar:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for source_id, count in Counter(s.id for s in self.sources).items():
            if count > 1:
                problems.append((("sources",), f"the source id '{source_id}' is used {count} times"))
        known = {s.id for s in self.sources}
        cited: list[tuple[tuple[str | int, ...], tuple[str, ...]]] = [
            (("population", "sources"), self.population.sources),
            (("partners", "sources"), self.partners.sources),
            (("model", "sources"), self.model.sources),
            *((("timeline", i, "sources"), e.sources) for i, e in enumerate(self.timeline)),
            *(((("assessments", f, p, "sources")), j.sources)
              for f, judgements in self.assessments.items() for p, j in judgements.items()),
        ]
        for path, ids in cited:
            problems.extend((path, f"no source in this file has the id '{i}'") for i in ids if i not in known)
        frameworks: Mapping[str, Framework] = (info.context or {}).get("frameworks", {})
        for framework_id, judgements in self.assessments.items():
            framework = frameworks.get(framework_id)
            if framework is None:
                if frameworks:
                    problems.append(((("assessments", framework_id)), f"no framework has the id '{framework_id}'"))
                continue
            principle_ids = [p.id for p in framework.principles]
            for principle_id, judgement in judgements.items():
                here = ("assessments", framework_id, principle_id)
                if principle_id not in principle_ids:
                    problems.append((here, f"'{principle_id}' is not a principle of {framework_id}"))
                elif judgement.score is not None and judgement.score not in framework.scale.points:
                    off = f"{judgement.score} is off the scale {framework.scale.min}–{framework.scale.max}"
                    problems.append(((*here, "score"), off))
        for framework_id, framework in frameworks.items():
            missing = [p.id for p in framework.principles if p.id not in self.assessments.get(framework_id, {})]
            if missing:
                problems.append(((("assessments", framework_id) if framework_id in self.assessments
                                  else ("assessments",)),
                                 (f"{framework_id}: every principle needs a score or not_assessed; "
                                  f"missing {', '.join(missing)}")))
        if problems:
            raise ContentProblems(problems)
        return self

    def judgement(self, framework_id: str, principle_id: str) -> Judgement | None:
        return self.assessments.get(framework_id, {}).get(principle_id)

    def cited(self, source_ids: tuple[str, ...]) -> list[ExemplarSource]:
        by_id = {s.id: s for s in self.sources}
        return [by_id[i] for i in source_ids if i in by_id]

    def coverage(self, framework: Framework) -> tuple[int, float | None]:
        """How many of the framework's principles are scored, and their mean confidence weight (1–3)."""
        judgements = [self.judgement(framework.id, p.id) for p in framework.principles]
        weights = [j.confidence.weight for j in judgements if j and j.assessed and j.confidence]
        return len(weights), (mean(weights) if weights else None)


def _frameworks_context(frameworks: list[Framework] | None) -> dict[str, Any]:
    return {"frameworks": {f.id: f for f in (builtin_frameworks() if frameworks is None else frameworks)}}


def read_exemplar(path: Path | str, frameworks: list[Framework] | None = None) -> Exemplar:
    """Load one profile, checked against the frameworks (the built-in ones unless given)."""
    path = Path(path)
    document = parse_yaml(path.read_bytes(), source=str(path))
    return validate_document(document, Exemplar, context=_frameworks_context(frameworks))


def exemplar_ids() -> list[str]:
    return sorted(path.stem for path in EXEMPLAR_DIR.glob("*.yaml"))


def profiled_on(exemplars: Sequence[Exemplar], framework: Framework) -> list[Exemplar]:
    """The exemplars judged on at least one principle of this framework. Profiles are written against
    the built-in frameworks, so on an uploaded framework there are none."""
    return [e for e in exemplars if any(j.assessed for j in e.assessments.get(framework.id, {}).values())]


def builtin_exemplars(frameworks: list[Framework] | None = None) -> list[Exemplar]:
    """The exemplar profiles, checked against the given frameworks (the built-in ones, read once, if none)."""
    if frameworks is None:
        return list(_builtin_exemplars())
    return [read_exemplar(EXEMPLAR_DIR / f"{i}.yaml", frameworks) for i in exemplar_ids()]


@lru_cache
def _builtin_exemplars() -> tuple[Exemplar, ...]:
    return tuple(read_exemplar(EXEMPLAR_DIR / f"{i}.yaml") for i in exemplar_ids())


@lru_cache
def exemplar_library() -> dict[str, Exemplar]:
    """The built-in profiles by id, read once per process (they never change while it runs), for naming the
    exemplar behind a framework's next steps and citing its source."""
    return {e.id: e for e in builtin_exemplars()}


def json_schema() -> dict:
    schema = Exemplar.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "PlaceReady exemplar profile"
    return schema
