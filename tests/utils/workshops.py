"""Building workshops for tests through the services, as the app does."""

from __future__ import annotations

from datetime import date

from assessment.content.framework import Framework
from assessment.services import participation, workshops
from assessment.services.access import Actor
from assessment.services.database import Database
from assessment.services.workshops import NewWorkshop

ADMIN = Actor.system("tests")


def new_workshop(db: Database, framework: Framework, *, actor: Actor = ADMIN, **overrides: object) -> NewWorkshop:
    """Riverbrook's baseline workshop on one framework (any field can be overridden)."""
    fields = {"partnership_name": "Riverbrook Partnership", "place": "Riverbrook", "title": "Baseline",
              "held_on": date(2026, 3, 12), "frameworks": [framework], "exemplar_ids": ["salford", "wigan"],
              "sectors": ["Acute", "Primary care"], "organisations": ["Riverbrook Hospitals"]}
    return workshops.create_workshop(db, actor=actor, **(fields | overrides))


def join(db: Database, created: NewWorkshop, *, sector: str | None = None, organisation: str | None = None) -> int:
    """A participant's id, joined to the workshop."""
    return participation.join(db, join_code=created.join_code, organisation=organisation, sector=sector).participant_id
