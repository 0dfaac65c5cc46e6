"""Profiles out of the database: every workshop of a place, and the latest profile of every place."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assessment import crud
from assessment.framework import Framework
from assessment.models import Partnership, Workshop
from assessment.progress import Snapshot, snapshot
from assessment.scoring import score


def _scored(partnership: Partnership, framework_id: str) -> list[tuple[Workshop, Framework]]:
    """The place's workshops that scored this framework (archived ones left out), oldest first."""
    found = []
    for workshop in partnership.workshops:
        if workshop.archived:
            continue
        pinned = next((f for f in crud.workshop_frameworks(workshop) if f.id == framework_id), None)
        if pinned is not None:
            found.append((workshop, pinned))
    return sorted(found, key=lambda pair: (pair[0].held_on, pair[0].id))


def _snapshot(session: Session, workshop: Workshop, framework: Framework) -> Snapshot:
    result = score(framework, crud.responses(session, workshop_id=workshop.id, framework_id=framework.id))
    agreed = {principle: record.score for (fid, principle), record in
              crud.current_consensus(session, workshop_id=workshop.id).items() if fid == framework.id}
    return snapshot(workshop.id, workshop.title, workshop.held_on, result, agreed)


def snapshots(session: Session, *, partnership: Partnership, framework_id: str) -> list[Snapshot]:
    """The place's workshops that scored this framework (archived ones left out), oldest first."""
    return [_snapshot(session, workshop, pinned) for workshop, pinned in _scored(partnership, framework_id)]


def place_label(partnership: Partnership) -> str:
    return partnership.name if partnership.name == partnership.place else f"{partnership.name} ({partnership.place})"


def latest_profiles(session: Session, *, framework_id: str, system_id: int | None = None
                    ) -> dict[str, tuple[Snapshot, dict[str, float | None]]]:
    """Each place's latest workshop on this framework: place label → (snapshot, principle → score)."""
    profiles = {}
    for partnership in crud.partnerships(session):
        if system_id is not None and partnership.system_id != system_id:
            continue
        scored = _scored(partnership, framework_id)
        if scored:
            latest = _snapshot(session, *scored[-1])
            profiles[place_label(partnership)] = (latest, {pid: p.score for pid, p in latest.principles.items()})
    return profiles
