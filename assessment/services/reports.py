"""Reports of stored workshops, of a place's progress and of places side by side, and who they are branded as."""

from __future__ import annotations

import base64
import datetime
from collections.abc import Sequence
from typing import Literal

from assessment.content.exemplar import Exemplar
from assessment.engine.combined import CombinedReport, build_combined_report
from assessment.engine.cover import Branding
from assessment.engine.crosswalk_section import cross_walks
from assessment.engine.follow_through import ReviewedAction
from assessment.engine.method import Origin
from assessment.engine.progress_report import ProgressReport, build_progress_report
from assessment.engine.report import ActionItem, Agreed, Report, build_report
from assessment.engine.system_report import SystemReport, build_system_report
from assessment.errors import InputError, Problem
from assessment.services import history
from assessment.services.access import Actor, Role
from assessment.services.comments import released_only
from assessment.services.consensus import actions_in, agreed_in, reviews_for
from assessment.services.results import crosswalks_in, workshop_responses
from assessment.services.second_votes import comparisons_in
from assessment.services.transfer import IMPORTED
from assessment.services.workshops import authorised, frameworks_of, pick
from assessment.settings import Settings
from assessment.storage import audit, participants
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
                    exemplars: Sequence[Exemplar], brand: Branding | None = None,
                    baseline: int | Literal["previous"] | None = history.PREVIOUS) -> Report:
    """The report of a stored workshop: its answers, agreed scores, notes and actions (viewers and up), compared
    with `baseline` — by default the place's previous workshop on the framework, or a chosen one, or none."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Making a report")
        framework = pick(frameworks_of(workshop), framework_id)
        names = {p.id: p.name for p in framework.principles}
        agreed = {principle: Agreed(score=a.score, note=a.note)
                  for (fid, principle), a in agreed_in(session, workshop_id=workshop_id).items() if fid == framework.id}
        actions = [ActionItem(principle=names.get(a.principle_id, a.principle_id), text=a.text, owner=a.owner,
                              due=a.due_on.isoformat() if a.due_on else None, status=a.status)
                   for a in actions_in(session, workshop_id=workshop_id) if a.framework_id == framework.id]
        reviewed = [ReviewedAction(principle=names.get(r.action.principle_id, r.action.principle_id),
                                   text=r.action.text, owner=r.action.owner,
                                   due=r.action.due_on.isoformat() if r.action.due_on else None,
                                   from_workshop=r.from_workshop, outcome=r.outcome, note=r.note)
                    for r in reviews_for(session, workshop=workshop) if r.action.framework_id == framework.id]
        votes = {principle: change for (fid, principle), change in comparisons_in(session, workshop=workshop).items()
                 if fid == framework.id and change.second.people}
        responses = released_only(session, workshop=workshop, framework_id=framework.id,
                                  responses=workshop_responses(session, workshop_id=workshop_id,
                                                               framework_id=framework.id))
        imported = audit.recorded(session, workshop_id=workshop_id, action=IMPORTED)
        report = build_report(
            framework, responses, partnership=workshop.partnership.name, place=workshop.partnership.place,
            workshop=workshop.title, held_on=workshop.held_on, exemplars=exemplars, agreed=agreed, actions=actions,
            second_votes=votes, reviewed_actions=reviewed, branding=brand, groups=workshop.sector_groups,
            origin=Origin.imported if imported else Origin.live,
            on_paper=0 if imported else participants.on_paper(session, workshop_id=workshop_id),
            baseline=history.baseline_of(session, workshop=workshop, framework_id=framework.id, chosen=baseline))
        return report.model_copy(update={"crosswalks": crosswalks_in(session, workshop=workshop,
                                                                     framework=framework)})


def combined_report(db: Database, *, actor: Actor, workshop_id: int, exemplars: Sequence[Exemplar],
                    brand: Branding | None = None,
                    baseline: int | Literal["previous"] | None = history.PREVIOUS) -> CombinedReport:
    """One report of every framework the workshop scored: one summary, one list of recommendations, a part per
    framework, and a section for each framework resting on another the workshop scored (the neighbourhood health
    components on Ham's principles)."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Making a report")
        frameworks = frameworks_of(workshop)
    parts = [(framework, workshop_report(db, actor=actor, workshop_id=workshop_id, framework_id=framework.id,
                                         exemplars=exemplars, brand=brand, baseline=baseline))
             for framework in frameworks]
    return build_combined_report(parts, cross_walks=cross_walks(frameworks))


def baseline_choices(db: Database, *, actor: Actor, workshop_id: int, framework_id: str) -> dict[int, str]:
    """The workshops a report of this one may compare with: the same place's earlier ones on the framework,
    archived ones left out, newest first (id → "title (date)"). Whoever may report on a workshop may compare it
    with its place's own history: the report shows only the earlier workshop's principle scores and spreads."""
    with db.read() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.viewer,
                              what="Making a report")
        earlier = history.earlier_workshops(workshop, framework_id)
        return {w.id: f"{w.title} ({w.held_on.isoformat()})" for w, _ in reversed(earlier)}


def progress_report(db: Database, *, actor: Actor, partnership_id: int, framework_id: str, brand: Branding,
                    today: datetime.date | None = None) -> ProgressReport | None:
    """The Progress page as a document; None when the place has no workshop on the framework."""
    found = history.progress(db, actor=actor, partnership_id=partnership_id, framework_id=framework_id)
    if found is None or found.ground.framework is None:
        return None
    return build_progress_report(found.ground.framework, place=found.place, snapshots=found.snapshots,
                                 note=found.ground.in_words, branding=brand, today=today or datetime.date.today())


def system_report(db: Database, *, actor: Actor, framework_id: str, system_id: int | None, system: str,
                  brand: Branding, today: datetime.date | None = None) -> SystemReport | None:
    """The places-side-by-side page as a document (every place the actor may see when `system_id` is None);
    None when no place has a workshop on the framework."""
    found = history.side_by_side(db, actor=actor, framework_id=framework_id, system_id=system_id)
    if found is None or found.ground.framework is None:
        return None
    return build_system_report(found.ground.framework, system=system,
                               profiles={place: scores for place, (_, scores) in found.profiles.items()},
                               note=found.ground.in_words, branding=brand, today=today or datetime.date.today())
