"""Whose report it is and who made it: the cover every report and board pack opens with.

A report's version names what its numbers rest on — the PlaceReady release that computed them, the framework
and its version, and the day it was made — so two copies with the same version from the same answers are the
same report, and a reader can tell a re-run after a framework change from the original.
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel

from assessment import __version__
from assessment.content.framework import Framework


class Branding(BaseModel):
    """Who the report is from: a consultancy's or partnership's name, accent colour and logo."""

    name: str = "PlaceReady"
    colour: str = "#005EB8"
    logo_data_uri: str | None = None


class Cover(BaseModel):
    kind: str  # what the document is: "Readiness report", "Progress over time", "Places side by side"
    subject: str  # whose it is: the partnership, the place or the system
    details: list[tuple[str, str]]  # (label, value) in the order a reader looks for them
    prepared_by: str
    version: str
    made: datetime.date
    made_on: str  # the same day in words


def long_date(day: datetime.date) -> str:
    """12 March 2026: a date no reader in England misreads."""
    return f"{day.day} {day:%B %Y}"


def cover(*, kind: str, subject: str, details: list[tuple[str, str | None]], framework: Framework,
          branding: Branding, today: datetime.date) -> Cover:
    """The cover, leaving out details that are not known (a CSV has no workshop title or date)."""
    version = f"PlaceReady {__version__}; {framework.id} version {framework.version}; made {today.isoformat()}"
    shown = [(label, value) for label, value in details if value]
    shown += [("Framework", framework.title), ("Prepared by", branding.name), ("Version", version)]
    return Cover(kind=kind, subject=subject, details=shown, prepared_by=branding.name, version=version, made=today,
                 made_on=long_date(today))
