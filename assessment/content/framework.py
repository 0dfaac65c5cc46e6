"""Frameworks: principles, the statements people score, the scale, and where the wording comes from.

The YAML format is fixed in docs/formats.md; the fields beyond it (summary, basis, rubric,
prompts, help, wording) are what good content needs. The JSON Schema published beside
the built-in frameworks is generated from these models.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
    model_validator,
)

from assessment.content import REPOSITORY_DIR
from assessment.content.yaml_document import PATTERN_HINTS, parse_yaml, validate_document
from assessment.errors import ContentProblems, InputError, Problem
from assessment.numbers import printed

BUILTIN_DIR = REPOSITORY_DIR / "principles"
SCHEMA_FILE = BUILTIN_DIR / "framework.schema.json"

FRAMEWORK_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ITEM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
URL_PATTERN = r"^https?://\S+$"
PATTERN_HINTS.update(
    {
        FRAMEWORK_ID_PATTERN: "use lowercase letters, digits and hyphens only, e.g. my-framework",
        ITEM_ID_PATTERN: "use letters, digits, dots, hyphens and underscores only, e.g. population-1",
        DATE_PATTERN: "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
        URL_PATTERN: "should be a web address starting http:// or https://",
    }
)

FrameworkId = Annotated[str, StringConstraints(pattern=FRAMEWORK_ID_PATTERN, max_length=64)]
ItemId = Annotated[str, StringConstraints(pattern=ITEM_ID_PATTERN, max_length=64)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=3000)]
def _date_text(value: object) -> object:
    """YAML reads 2015-11-12 as a date and 2015 as a number; both are fine as dates here."""
    if isinstance(value, datetime.date | int) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    return value


IsoDate = Annotated[str, BeforeValidator(_date_text), StringConstraints(pattern=DATE_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=500)]


class Content(BaseModel):
    """Content read from YAML: unknown keys are mistakes, and nothing changes once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ADDED_LATER: ClassVar[tuple[str, ...]] = ()  # optional fields added after content was first stored

    @model_serializer(mode="wrap")
    def _without_empty_later_fields(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A field added later is left out of a dump while empty, so content that does not use it is stored exactly
        as before it existed: the stored copy, and the digest it is found by, stay the same."""
        dumped = handler(self)
        for name in self.ADDED_LATER:
            if not getattr(self, name):
                dumped.pop(name, None)
        return dumped


class Wording(StrEnum):
    """Whose words a piece of text is."""

    verbatim = "verbatim"  # exactly as the source has it
    paraphrase = "paraphrase"  # the source's idea, in our words
    own = "own"  # ours alone


def cited_as(*, authors: tuple[str, ...] = (), title: str, publisher: str, when: str | None) -> str:
    """Authors, “title”, publisher, date: how a source is named wherever it is cited (its link goes beside)."""
    by = f"{', '.join(authors)}, " if authors else ""
    return f"{by}“{title}”, {publisher}{', ' + when if when else ''}."


class Source(Content):
    """A publication the content rests on."""

    id: ItemId | None = Field(None, description="Lets principles cite this source.")
    title: Name
    publisher: Name
    year: int = Field(ge=1900, le=2100)
    date: IsoDate | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    authors: tuple[Name, ...] = ()
    url: Url | None = None
    note: Text | None = None

    @property
    def named(self) -> str:
        return cited_as(authors=self.authors, title=self.title, publisher=self.publisher, when=self.date or str(self.year))

    def citation(self) -> str:
        """Title, publisher, date and link, as a reader would want them."""
        return f"{self.named} {self.url}" if self.url else self.named


class Scale(Content):
    """The points people score on, with a label for every point."""

    min: int = Field(ge=0, le=100)
    max: int = Field(ge=1, le=100)
    labels: dict[int, Name] = Field(description="One label per scale point, min to max.")

    @model_validator(mode="after")
    def _labels_cover_every_point(self) -> Scale:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        if self.min >= self.max:
            problems.append((("max",), f"must be greater than min ({self.min})"))
        elif self.max - self.min > 10:
            problems.append((("max",), "a scale may have at most 11 points"))
        else:
            wanted = set(self.points)
            missing = sorted(wanted - self.labels.keys())
            extra = sorted(self.labels.keys() - wanted)
            if missing:
                problems.append((("labels",), f"no label for {_listed(missing)}"))
            if extra:
                problems.append((("labels",), f"{_listed(extra)} outside the scale {self.min}–{self.max}"))
        if problems:
            raise ContentProblems(problems)
        return self

    @property
    def points(self) -> range:
        return range(self.min, self.max + 1)

    @property
    def uniform_variance(self) -> float:
        """σ²_EU = (A² − 1) / 12, the variance if everyone answered at random (James et al. 1984)."""
        size = self.max - self.min + 1
        return (size * size - 1) / 12

    def point(self, value: float | None) -> int | None:
        """The scale point nearest to `value` as printed, to one decimal place; a tie goes up (2.46 prints as 2.5,
        so it is 3). Deciding from the printed number means a report never says "2.5, which is Emerging"."""
        if value is None or math.isnan(value):
            return None
        shown = printed(value)
        assert shown is not None
        return min(max(math.floor(shown + 0.5), self.min), self.max)

    def level(self, value: float | None) -> str | None:
        """The label of the scale point nearest to `value`."""
        point = self.point(value)
        return None if point is None else self.labels[point]


class Statement(Content):
    """One thing a participant scores."""

    id: ItemId = Field(description="Unique across the whole framework.")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    help: Text | None = Field(None, description="Optional help for someone unsure what counts.")
    wording: Wording = Wording.own


def _step_from_text(value: object) -> object:
    """A step may be written as a bare sentence; it is then a step no exemplar is named for."""
    return {"step": value} if isinstance(value, str) else value


class NextStep(Content):
    """A step a partnership at one level takes to reach the next; where an exemplar place took it, which one
    and the source that says so."""

    step: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    exemplar: FrameworkId | None = Field(None, description="The id of an exemplar place that took this step.")
    source: ItemId | None = Field(None, description="The id of the exemplar's source that says so.")

    @model_validator(mode="after")
    def _exemplar_with_its_source(self) -> NextStep:
        if (self.exemplar is None) != (self.source is None):
            missing = "source" if self.source is None else "exemplar"
            raise ContentProblems([((missing,), "an exemplar's step names both the exemplar and its source")])
        return self


Step = Annotated[NextStep, BeforeValidator(_step_from_text, json_schema_input_type=str | NextStep)]


class Foundation(Content):
    """A principle of another framework that this one rests on, and why."""

    principle: ItemId = Field(description="The id of the principle in the other framework.")
    why: Text | None = Field(None, description="How this principle depends on it, in a sentence.")


class PolicyNote(Content):
    """How the framework meets today's policy: one point, in PlaceReady's words, with the sources it rests on."""

    text: Text
    sources: tuple[ItemId, ...] = Field(min_length=1, description="Ids of the framework's sources it rests on.")


class Principle(Content):
    """A principle (or behaviour): one point of the radar."""

    id: ItemId = Field(description="Unique within the framework.")
    name: Name
    name_wording: Wording = Field(Wording.own, description="Whose words the name is.")
    summary: Text | None = Field(None, description="What it means and why it matters, plainly.")
    basis: Text | None = Field(None, description="What the sources say it means in practice.")
    basis_sources: tuple[ItemId, ...] = Field((), description="Ids of the sources `basis` rests on.")
    policy: PolicyNote | None = Field(None, description="What the principle means in today's policy frame.")
    rubric: dict[int, Text] = Field(
        default_factory=dict, description="What each scale level looks like for this principle."
    )
    prompts: tuple[Text, ...] = Field((), description="Questions for the room's discussion.")
    next_steps: dict[int, tuple[Step, ...]] = Field(
        default_factory=dict, description="For a level below the top of the scale, up to four steps a partnership "
        "at that level takes to reach the next: a sentence, or {step, exemplar, source}.")
    rests_on: dict[FrameworkId, tuple[Foundation, ...]] = Field(
        default_factory=dict, description="Principles of other frameworks (by framework id) this one depends on, "
        "e.g. the Ham principles a neighbourhood health component needs in place.")
    statements: tuple[Statement, ...] = Field(min_length=1, max_length=50)
    ADDED_LATER = ("policy", "rests_on")


class Framework(Content):
    """A framework: the principles a partnership scores itself against."""

    id: FrameworkId
    title: Name
    version: int = Field(ge=1, description="Bump when statements change meaning.")
    description: Text | None = None
    attribution: Text | None = Field(None, description="Which wording is the source's and which ours.")
    source: Source
    sources: tuple[Source, ...] = ()
    policy: tuple[PolicyNote, ...] = Field((), description="The policy context a report opens its framework with.")
    scale: Scale
    principles: tuple[Principle, ...] = Field(min_length=1, max_length=40)
    ADDED_LATER = ("policy",)

    @model_validator(mode="after")
    def _ids_and_references_hold(self) -> Framework:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        source_ids = [s.id for s in (self.source, *self.sources) if s.id]
        for index, source in enumerate(self.sources):
            if source.id is None:
                problems.append((("sources", index, "id"), "required, so principles can cite it"))
        for source_id, count in Counter(source_ids).items():
            if count > 1:
                problems.append((("sources",), f"the source id '{source_id}' is used {count} times"))
        for index, note in enumerate(self.policy):
            problems.extend((("policy", index, "sources"), f"no source has the id '{cited}'")
                            for cited in note.sources if cited not in source_ids)
        seen_principles: dict[str, int] = {}
        seen_statements: dict[str, tuple[int, int]] = {}
        for p_index, principle in enumerate(self.principles):
            here = ("principles", p_index)
            if principle.id in seen_principles:
                problems.append(
                    ((*here, "id"), f"'{principle.id}' is already the id of principles[{seen_principles[principle.id]}]")
                )
            seen_principles.setdefault(principle.id, p_index)
            problems.extend(((*here, "basis_sources"), f"no source has the id '{cited}'")
                            for cited in principle.basis_sources if cited not in source_ids)
            problems.extend(((*here, "policy", "sources"), f"no source has the id '{cited}'")
                            for cited in (principle.policy.sources if principle.policy else ()) if cited not in source_ids)
            if principle.rubric and set(principle.rubric) != set(self.scale.points):
                problems.append(
                    ((*here, "rubric"), f"needs one entry for each scale point {self.scale.min}–{self.scale.max}")
                )
            problems.extend(_next_steps_problems(principle, self.scale, here))
            if self.id in principle.rests_on:
                problems.append(((*here, "rests_on", self.id), "a principle cannot rest on its own framework"))
            for s_index, statement in enumerate(principle.statements):
                if statement.id in seen_statements:
                    first_p, first_s = seen_statements[statement.id]
                    problems.append(
                        (
                            (*here, "statements", s_index, "id"),
                            f"'{statement.id}' is already the id of principles[{first_p}].statements[{first_s}]",
                        )
                    )
                seen_statements.setdefault(statement.id, (p_index, s_index))
        if problems:
            raise ContentProblems(problems)
        return self

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for p in self.principles for s in p.statements)

    @cached_property
    def principle_of(self) -> dict[str, Principle]:
        """Statement id -> the principle it belongs to."""
        return {s.id: p for p in self.principles for s in p.statements}

    def cited(self, source_ids: tuple[str, ...]) -> list[Source]:
        by_id = {s.id: s for s in (self.source, *self.sources) if s.id}
        return [by_id[i] for i in source_ids if i in by_id]


MAX_STEPS = 4  # a longer list stops being a next step and becomes a plan


def _next_steps_problems(principle: Principle, scale: Scale,
                         here: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    """Steps lead from a level to the one above, so there are none for the top level or for points off the scale;
    how many steps and how long each is are left to the author (the built-in frameworks' tests hold theirs)."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for level, steps in principle.next_steps.items():
        where = (*here, "next_steps", level)
        if level not in scale.points or level == scale.max:
            problems.append((where, (f"steps are for the levels {scale.min}–{scale.max - 1}, below the top of the "
                                     "scale")))
        elif not 1 <= len(steps) <= MAX_STEPS:
            problems.append((where, f"give 1 to {MAX_STEPS} steps"))
    return problems


def _listed(points: list[int]) -> str:
    return ", ".join(str(p) for p in points)


def read_framework(path: Path | str) -> Framework:
    """Load and validate a framework YAML file; every problem is reported with its line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), [Problem(f"cannot be read ({error.strerror})")]) from None
    return parse_framework(raw, source=str(path))


def parse_framework(text: str | bytes, *, source: str) -> Framework:
    """Validate framework YAML given as text (an upload, say)."""
    return validate_document(parse_yaml(text, source=source), Framework)


def builtin_framework_ids() -> list[str]:
    return sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))


@lru_cache
def builtin_framework(framework_id: str) -> Framework:
    """A built-in framework, read once per process (frameworks are immutable; reading one takes ~30 ms)."""
    if framework_id not in builtin_framework_ids():
        raise InputError(
            "--framework",
            [
                Problem(
                    f"'{framework_id}' is neither a YAML file nor a built-in framework "
                    f"({', '.join(builtin_framework_ids())})"
                )
            ],
        )
    return read_framework(BUILTIN_DIR / f"{framework_id}.yaml")


def load_framework(id_or_path: str) -> Framework:
    """A built-in framework by id, or a framework file by path."""
    if id_or_path.endswith((".yaml", ".yml")) or Path(id_or_path).is_file():
        return read_framework(id_or_path)
    return builtin_framework(id_or_path)


def builtin_frameworks() -> list[Framework]:
    return [builtin_framework(framework_id) for framework_id in builtin_framework_ids()]


def json_schema() -> dict:
    """The JSON Schema of the framework format, for editors and for other tools."""
    schema = Framework.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "PlaceReady framework"
    return schema
