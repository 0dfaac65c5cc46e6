"""Profiles out of the database: every workshop of a place, and the latest profile of every place."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assessment import crud
from assessment.models import Partnership
from assessment.progress import Snapshot, snapshot
from assessment.scoring import score


def snapshots(session: Session, *, partnership: Partnership, framework_id: str) -> list[Snapshot]:
    """The place's workshops that scored this framework (archived ones left out), oldest first."""
    found = []
    for workshop in partnership.workshops:
        if workshop.archived:
            continue
        pinned = next((f for f in crud.workshop_frameworks(workshop) if f.id == framework_id), None)
        if pinned is None:
            continue
        result = score(pinned, crud.responses(session, workshop_id=workshop.id, framework_id=framework_id))
        agreed = {principle: record.score for (fid, principle), record in
                  crud.current_consensus(session, workshop_id=workshop.id).items() if fid == framework_id}
        found.append(snapshot(workshop.id, workshop.title, workshop.held_on, result, agreed))
    return sorted(found, key=lambda s: (s.held_on, s.workshop_id))


def place_label(partnership: Partnership) -> str:
    return partnership.name if partnership.name == partnership.place else f"{partnership.name} ({partnership.place})"


def latest_profiles(session: Session, *, framework_id: str, system_id: int | None = None
                    ) -> dict[str, tuple[Snapshot, dict[str, float | None]]]:
    """Each place's latest workshop on this framework: place label → (snapshot, principle → score)."""
    profiles = {}
    for partnership in crud.partnerships(session):
        if system_id is not None and partnership.system_id != system_id:
            continue
        series = snapshots(session, partnership=partnership, framework_id=framework_id)
        if series:
            latest = series[-1]
            profiles[place_label(partnership)] = (latest, {pid: p.score for pid, p in latest.principles.items()})
    return profiles
