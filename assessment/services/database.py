"""Opening the configured database, the same way for the app and the command line.

On opening, the schema is migrated; a new database gets the demo workshops (unless switched off or
hosted with sign-in); and the retention rule, when set, erases personal data that is due.
"""

from __future__ import annotations

import datetime

from assessment.content.framework import builtin_frameworks
from assessment.services.access import Actor
from assessment.services.demo import seed_demo
from assessment.services.privacy import apply_retention
from assessment.settings import Settings
from assessment.storage.db import Database, migrate

__all__ = ["Database", "open_database"]  # the faces hold a Database only through this module

RETENTION_RULE = Actor.system("retention rule")


def open_database(settings: Settings, *, seed: bool = True) -> Database:
    """The database of `settings.database_url`, brought up to date; `seed=False` never stores the demo."""
    db = Database.from_url(settings.database_url, pool_size=settings.database_pool_size,
                           connect_timeout=settings.database_connect_timeout,
                           statement_timeout=settings.database_statement_timeout)
    if migrate(db.engine) and seed and settings.load_demo and not settings.sign_in:
        with db.write() as session:
            seed_demo(session, builtin_frameworks())
    if settings.retention_days:
        apply_retention(db, actor=RETENTION_RULE, days=settings.retention_days, today=datetime.date.today())
    return db
