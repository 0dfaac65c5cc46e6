"""Profiles out of the database: every workshop of a place, and the latest profile of every place.

Workshops may have run different versions of a framework; each is then scored on the statements all
of them share (`assessment.engine.versions`), and an agreed score counts only for a principle whose
statements are all among those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Final, Literal

from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.engine.progress import Baseline, Snapshot, snapshot
from assessment.engine.responses import Responses
from assessment.engine.scoring import score
from assessment.engine.versions import CommonGround, common_ground
from assessment.errors import InputError, Problem
from assessment.services.access import Actor
from assessment.services.places import place_label, visible
from assessment.services.results import responses_from
from assessment.services.workshops import frameworks_of, pick
from assessment.storage import answers, consensus
from assessment.storage.db import Database
from assessment.storage.models import Partnership, Workshop


@dataclass(frozen=True)
class Progress:
    place: str
    snapshots: list[Snapshot]  # oldest first
    ground: CommonGround


@dataclass(frozen=True)
class SideBySide:
    profiles: dict[str, tuple[Snapshot, dict[str, float | None]]]  # place label → (snapshot, principle → score)
    ground: CommonGround


def scored_workshops(partnership: Partnership, framework_id: str) -> list[tuple[Workshop, Framework]]:
    """The place's workshops that scored this framework (archived ones left out), oldest first."""
    found = []
    for workshop in partnership.workshops:
        if workshop.archived:
            continue
        pinned = next((f for f in frameworks_of(workshop) if f.id == framework_id), None)
        if pinned is not None:
            found.append((workshop, pinned))
    return sorted(found, key=lambda pair: (pair[0].held_on, pair[0].id))


def snapshots_on(session: Session, scored: Sequence[tuple[Workshop, Framework]], on: Framework) -> list[Snapshot]:
    """Each workshop (run on its version) scored on the common framework `on`, reading all their answers and
    agreed scores in two queries."""
    workshop_ids = [workshop.id for workshop, _ in scored]
    current = answers.current_of(session, workshop_ids=workshop_ids, framework_id=on.id)  # workshop by workshop
    # One table sliced per workshop: making a table for each of forty workshops took a sixth of the system view.
    everyone = responses_from(current).table
    rows_of: dict[int, slice] = {}
    start = 0
    for workshop_id, rows in groupby(current, key=attrgetter("workshop_id")):
        end = start + sum(1 for _ in rows)
        rows_of[workshop_id] = slice(start, end)
        start = end
    agreed_by_workshop = consensus.current_of(session, workshop_ids=workshop_ids)
    found = []
    for workshop, version in scored:
        result = score(on, Responses(everyone.iloc[rows_of.get(workshop.id, slice(0, 0))]))
        own = {p.id: {s.id for s in p.statements} for p in version.principles}
        unchanged = {p.id for p in on.principles if own.get(p.id) == {s.id for s in p.statements}}
        agreed = {principle: record.score
                  for (fid, principle), record in agreed_by_workshop.get(workshop.id, {}).items()
                  if fid == on.id and principle in unchanged}
        found.append(snapshot(workshop.id, workshop.title, workshop.held_on, result, agreed, on.scale.labels))
    return found


def progress(db: Database, *, actor: Actor, partnership_id: int, framework_id: str) -> Progress | None:
    """The place's workshops on this framework, oldest first; None when there are none."""
    with db.read() as session:
        partnership = next((p for p in visible(session, actor=actor) if p.id == partnership_id), None)
        if partnership is None:
            raise InputError("Progress", [Problem("this place is not one you may see")])
        scored = scored_workshops(partnership, framework_id)
        if not scored:
            return None
        ground = common_ground([version for _, version in scored])
        if ground.framework is None:
            return Progress(place_label(partnership), [], ground)
        return Progress(place_label(partnership), snapshots_on(session, scored, ground.framework), ground)


def side_by_side(db: Database, *, actor: Actor, framework_id: str, system_id: int | None = None) -> SideBySide | None:
    """Each place the actor may see (in the system, when given) at its latest workshop on this framework;
    None when no place has one."""
    with db.read() as session:
        latest = {}
        for partnership in visible(session, actor=actor):
            if system_id is not None and partnership.system_id != system_id:
                continue
            scored = scored_workshops(partnership, framework_id)
            if scored:
                latest[place_label(partnership)] = scored[-1]
        if not latest:
            return None
        ground = common_ground([version for _, version in sorted(latest.values(), key=lambda p: p[0].held_on)])
        if ground.framework is None:
            return SideBySide({}, ground)
        found = snapshots_on(session, list(latest.values()), ground.framework)
        return SideBySide({place: (snap, {pid: p.score for pid, p in snap.principles.items()})
                           for place, snap in zip(latest, found, strict=True)}, ground)


PREVIOUS: Final = "previous"


def earlier_workshops(workshop: Workshop, framework_id: str) -> list[tuple[Workshop, Framework]]:
    """The same place's workshops on the framework held before this one (archived ones left out), oldest first."""
    return [(w, version) for w, version in scored_workshops(workshop.partnership, framework_id)
            if (w.held_on, w.id) < (workshop.held_on, workshop.id)]


def baseline_of(session: Session, *, workshop: Workshop, framework_id: str,
                chosen: int | Literal["previous"] | None) -> Baseline | None:
    """What a follow-up compares with: the place's latest earlier workshop on the framework, or the earlier
    workshop `chosen` by id; None for no comparison, or when there is nothing earlier. Both are scored on the
    statements their framework versions share."""
    if chosen is None:
        return None
    earlier = earlier_workshops(workshop, framework_id)
    if chosen == PREVIOUS:
        if not earlier:
            return None
        then, version = earlier[-1]
    else:
        found = next((pair for pair in earlier if pair[0].id == chosen), None)
        if found is None:
            raise InputError("Baseline", [Problem("choose an earlier workshop of the same place that scored this "
                                                  "framework (archived workshops are left out)")])
        then, version = found
    current = pick(frameworks_of(workshop), framework_id)
    ground = common_ground([version, current])
    if ground.framework is None:
        return None
    before, after = snapshots_on(session, [(then, version), (workshop, current)], ground.framework)
    return Baseline(title=then.title, held_on=then.held_on, note=ground.in_words, then=before, now=after)
