"""What the commands share: the configured database, a stored workshop by its join code, the chosen exemplars."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from assessment.content.exemplar import Exemplar, builtin_exemplars, exemplar_ids
from assessment.errors import InputError, Problem
from assessment.services.access import Actor
from assessment.services.database import Database
from assessment.services.workshops import WorkshopFacts


def chosen_exemplars(ids: Sequence[str]) -> list[Exemplar]:
    unknown = [i for i in ids if i not in exemplar_ids()]
    if unknown:
        raise InputError("--exemplar", [Problem(f"no exemplar has the id '{i}' (see: placeready exemplars)")
                                        for i in unknown])
    return [e for e in builtin_exemplars() if e.id in ids]


COMMAND_LINE = Actor.system("command line")


@contextmanager
def database() -> Iterator[Database]:
    """The configured database (PLACEREADY_DATABASE_URL, as the app reads it), migrated first; never seeded."""
    from assessment.services.database import open_database
    from assessment.settings import get_settings

    db = open_database(get_settings(), seed=False)
    try:
        yield db
    finally:
        db.dispose()


def stored_workshop(db: Database, code: str, *, option: str = "--workshop") -> WorkshopFacts:
    """The workshop with this join code in the configured database (`option` names where the code was given)."""
    from assessment.services import workshops

    workshop = workshops.by_join_code(db, code=code)
    if workshop is None:
        raise InputError(option, [Problem(f"no workshop in the database has the join code '{code}'")])
    return workshop
