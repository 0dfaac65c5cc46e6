"""The demo partnership: a fictional place with a baseline workshop, a follow-up six months on and a neighbourhood
health readiness workshop two months after that.

The answers live in `seeds/demo/riverbrook.yaml`, written once by `seeds/demo/make_riverbrook.py`
so that anyone can read them, and loaded here.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from assessment.content import REPOSITORY_DIR
from assessment.content.framework import Content, FrameworkId, IsoDate, ItemId, Name, Text
from assessment.content.yaml_document import parse_yaml, validate_document

DEMO_FILE = REPOSITORY_DIR / "seeds" / "demo" / "riverbrook.yaml"

Score = int | Literal["dk"]


class DemoParticipant(Content):
    id: ItemId
    organisation: Name
    sector: Name
    answers: dict[FrameworkId, dict[ItemId, Score]]
    comments: dict[ItemId, Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=dict, description="Statement id -> the participant's comment on it."
    )


class DemoWorkshop(Content):
    id: ItemId
    title: Name
    date: IsoDate
    frameworks: tuple[FrameworkId, ...]
    exemplars: tuple[FrameworkId, ...] | None = Field(
        None, description="Exemplars this workshop compares with, where not the partnership's.")
    participants: tuple[DemoParticipant, ...]


class DemoPartnership(Content):
    name: Name
    place: Name
    fictional: Text = Field(description="Says plainly that the place is made up.")
    population: Text
    partners: tuple[Name, ...]
    system: Name = Field(description="The larger system the place belongs to.")
    exemplars: tuple[FrameworkId, ...] = Field(description="Exemplars the workshops compare with.")
    workshops: tuple[DemoWorkshop, ...] = Field(min_length=1)

    @cached_property
    def by_id(self) -> dict[str, DemoWorkshop]:
        return {w.id: w for w in self.workshops}


def load_demo(path: Path = DEMO_FILE) -> DemoPartnership:
    return validate_document(parse_yaml(path.read_bytes(), source=str(path)), DemoPartnership)
