"""Reports of stored workshops, and who they are branded as."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from assessment.content.exemplar import Exemplar
from assessment.engine.report import ActionItem, Agreed, Branding, Report, build_report
from assessment.errors import InputError, Problem
from assessment.services.access import Actor, Role
from assessment.services.consensus import actions_in, agreed_in
from assessment.services.results import workshop_responses
from assessment.services.workshops import authorised, frameworks_of, pick
from assessment.settings import Settings
from assessment.storage.db import Database

MAX_LOGO_BYTES = 2**20


def branding(settings: Settings) -> Branding:
    """The report's name, colour and logo from the settings; a logo that is not a small PNG or JPEG is refused."""
    logo = None
    if settings.brand_logo is not None:
        path = settings.brand_logo
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise InputError("PLACEREADY_BRAND_LOGO", [Problem(f"cannot read {path}: {error.strerror}")]) from None
        kind = "png" if raw.startswith(b"\x89PNG") else "jpeg" if raw.startswith(b"\xff\xd8") else None
        if kind is None or len(raw) > MAX_LOGO_BYTES:
            raise InputError("PLACEREADY_BRAND_LOGO", [Problem(f"{path}: use a PNG or JPEG file of at most 1 MB")])
        logo = f"data:image/{kind};base64," + base64.b64encode(raw).decode()
    return Branding(name=settings.brand_name, colour=settings.brand_colour, logo_data_uri=logo)


def workshop_report(db: Database, *, actor: Actor, workshop_id: int, framework_id: str,
                    exemplars: Sequence[Exemplar], brand: Branding | None = None) -> Report:
    """The report of a stored workshop: its answers, agreed scores, notes and actions (viewers and up)."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Making a report")
        framework = pick(frameworks_of(workshop), framework_id)
        names = {p.id: p.name for p in framework.principles}
        agreed = {principle: Agreed(score=a.score, note=a.note)
                  for (fid, principle), a in agreed_in(session, workshop_id=workshop_id).items() if fid == framework.id}
        actions = [ActionItem(principle=names.get(a.principle_id, a.principle_id), text=a.text, owner=a.owner,
                              due=a.due_on.isoformat() if a.due_on else None)
                   for a in actions_in(session, workshop_id=workshop_id) if a.framework_id == framework.id]
        return build_report(
            framework, workshop_responses(session, workshop_id=workshop_id, framework_id=framework.id),
            partnership=workshop.partnership.name, place=workshop.partnership.place, workshop=workshop.title,
            held_on=workshop.held_on, exemplars=exemplars, agreed=agreed, actions=actions, branding=brand)
