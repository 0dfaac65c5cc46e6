"""Workshops: setting one up, opening it by code or key, revealing, closing, renaming, archiving, deleting."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from assessment.content.framework import Framework
from assessment.errors import InputError, Problem
from assessment.services import codes, entries, library
from assessment.services.access import Actor, Refused, Role
from assessment.services.allowances import Allowance
from assessment.settings import get_settings
from assessment.storage import audit, partnerships
from assessment.storage import workshops as stored
from assessment.storage.db import Database
from assessment.storage.models import Workshop


@dataclass(frozen=True)
class WorkshopFacts:
    """What the pages need of a workshop, read once per run (never an ORM object)."""

    id: int
    title: str
    held_on: date
    partnership_id: int
    partnership: str
    place: str
    organisation_id: int | None
    join_code: str
    revealed: bool
    scoring_open: bool
    archived: bool
    personal_data_erased: bool
    exemplar_ids: tuple[str, ...]
    sectors: tuple[str, ...]
    organisations: tuple[str, ...]
    frameworks: tuple[Framework, ...]
    sector_groups: dict[str, str] | None  # None: the standard groups
    auto_release_comments: bool  # comments reach the room as they are saved, not when the facilitator releases them

    def framework(self, framework_id: str) -> Framework:
        return pick(self.frameworks, framework_id)


@dataclass(frozen=True)
class Earlier:
    """A workshop a new one can follow up, with what a follow-up carries over from it."""

    id: int
    label: str  # "Baseline workshop, 12 Mar 2026 (Riverbrook Partnership)"
    partnership: str
    place: str
    framework_ids: tuple[str, ...]
    exemplar_ids: tuple[str, ...]
    sectors: tuple[str, ...]
    organisations: tuple[str, ...]
    sector_groups: dict[str, str] | None


@dataclass(frozen=True)
class NewWorkshop:
    id: int
    join_code: str
    facilitator_key: str  # shown once; only its hash is stored
    screen_key: str  # the projector's link


def frameworks_of(workshop: Workshop) -> tuple[Framework, ...]:
    """The frameworks exactly as they were when the workshop was set up."""
    return tuple(library.pinned(version) for version in stored.pinned_versions(workshop))


def pick(frameworks: Sequence[Framework], framework_id: str) -> Framework:
    """The workshop's framework with this id; an `InputError` naming those it has otherwise."""
    found = next((f for f in frameworks if f.id == framework_id), None)
    if found is None:
        raise InputError("--framework", [Problem(f"this workshop scored {', '.join(f.id for f in frameworks)}",
                                                 location=framework_id)])
    return found


def facts(workshop: Workshop) -> WorkshopFacts:
    partnership = workshop.partnership
    return _facts(workshop, partnership.id, partnership.name, partnership.place, partnership.organisation_id,
                  frameworks_of(workshop))


def facts_of_row(row: Any, frameworks: tuple[Framework, ...]) -> WorkshopFacts:
    """`facts` of a row of `stored.row_of_participant` and the frameworks of its digests."""
    return _facts(row, row.partnership_id, row.partnership, row.place, row.organisation_id, frameworks)


def _facts(workshop: Any, partnership_id: int, partnership: str, place: str, organisation_id: int | None,
           frameworks: tuple[Framework, ...]) -> WorkshopFacts:
    """From a `Workshop`, or a row with its columns' names."""
    return WorkshopFacts(
        id=workshop.id, title=workshop.title, held_on=workshop.held_on, partnership_id=partnership_id,
        partnership=partnership, place=place, organisation_id=organisation_id,
        join_code=workshop.join_code, revealed=workshop.revealed, scoring_open=workshop.scoring_open,
        archived=workshop.archived, personal_data_erased=workshop.personal_data_erased,
        exemplar_ids=tuple(workshop.exemplar_ids), sectors=tuple(workshop.sectors),
        organisations=tuple(workshop.organisations), frameworks=frameworks,
        sector_groups=dict(workshop.sector_groups) if workshop.sector_groups is not None else None,
        auto_release_comments=workshop.auto_release_comments)


def may_set_up(actor: Actor, organisation_id: int | None) -> bool:
    """With sign-in, an organisation's facilitators set up its workshops; without, anyone may (unless the host
    turned open set-up off: then only the admin)."""
    if organisation_id is None:
        return actor.everything or (not get_settings().sign_in and get_settings().open_set_up)
    return actor.may(Role.facilitator, organisation_id=organisation_id)


def may_set_up_any(actor: Actor) -> bool:
    """May set up a workshop of some organisation (or, without sign-in, at all)."""
    return may_set_up(actor, None) or bool(actor.organisations(Role.facilitator))


@dataclass(frozen=True)
class Caller:
    """Where a set-up without sign-in comes from: its browser session and network address."""

    session: str
    address: str


def _open_set_ups() -> Allowance:
    cap = f"{get_settings().workshops_per_hour}/hour"
    return Allowance("set-ups", {"session": cap, "address": cap})


def _too_many(made: int, wait_seconds: float) -> InputError:
    wait = max(1, math.ceil(wait_seconds / 60))
    return InputError("Workshop set-up", [Problem(
        f"{made} workshops were set up from here in the last hour, the most this PlaceReady allows; the next can "
        f"be set up in {wait} minute{'s' if wait != 1 else ''}. Nothing was stored.")])


def _within_hourly_cap(session: Session, *, actor: Actor, organisation_id: int | None, caller: Caller | None) -> None:
    """An organisation's set-ups in any hour, counted in the database; without sign-in, each browser session's
    and each address's (one visitor used to fill the one bucket everyone shared)."""
    if actor.everything:
        return
    cap = get_settings().workshops_per_hour
    if organisation_id is None:
        if caller is None:
            raise Refused("Setting up a workshop without saying where from", Role.facilitator)
        allowance = _open_set_ups()
        if wait := allowance.wait(session=caller.session, address=caller.address):
            raise _too_many(cap, wait)
        allowance.use(session=caller.session, address=caller.address)
        return
    made = stored.created_since(session, since=datetime.now(UTC) - timedelta(hours=1), organisation_id=organisation_id)
    if len(made) >= cap:
        raise _too_many(len(made), (made[0] + timedelta(hours=1) - datetime.now(UTC)).total_seconds())


def follow_up_choices(db: Database, *, actor: Actor) -> list[Earlier]:
    """The workshops a new one may follow up: those the actor facilitates, newest first."""
    with db.read() as session:
        everyone = actor.everything
        found = stored.listed(session, organisation_ids=None if everyone else actor.organisations(Role.facilitator),
                              workshop_ids=sorted(actor.facilitating))
        return [Earlier(w.id, f"{w.title}, {w.held_on:%d %b %Y} ({w.partnership.name})", w.partnership.name,
                        w.partnership.place, tuple(f.id for f in frameworks_of(w)), tuple(w.exemplar_ids),
                        tuple(w.sectors), tuple(w.organisations),
                        dict(w.sector_groups) if w.sector_groups is not None else None)
                for w in found if actor.may(Role.facilitator, organisation_id=w.partnership.organisation_id,
                                            workshop_id=w.id)]


def create_workshop(db: Database, *, actor: Actor, partnership_name: str, place: str, title: str, held_on: date,
                    frameworks: Sequence[Framework], exemplar_ids: Sequence[str] = (), sectors: Sequence[str] = (),
                    organisations: Sequence[str] = (), organisation_id: int | None = None,
                    sector_groups: Mapping[str, str] | None = None, paced: bool = False,
                    follows_id: int | None = None, caller: Caller | None = None) -> NewWorkshop:
    """A new workshop of the partnership with this name and place (made on first use). `sector_groups` maps
    sectors to the wider groups a small room is shown in (None: the standard groups); `paced`: the facilitator
    opens one principle at a time on every phone; `follows_id`: the workshop it follows up (whose actions it
    reviews), one the actor facilitates; `caller` is where a set-up without sign-in comes from (its hourly cap is
    counted per browser session and per address)."""
    with db.write() as session:
        return create(session, actor=actor, partnership_name=partnership_name, place=place, title=title,
                      held_on=held_on, frameworks=frameworks, exemplar_ids=exemplar_ids, sectors=sectors,
                      organisations=organisations, organisation_id=organisation_id, sector_groups=sector_groups,
                      paced=paced, follows_id=follows_id, caller=caller)


def create(session: Session, *, actor: Actor, partnership_name: str, place: str, title: str, held_on: date,
           frameworks: Sequence[Framework], exemplar_ids: Sequence[str] = (), sectors: Sequence[str] = (),
           organisations: Sequence[str] = (), organisation_id: int | None = None,
           sector_groups: Mapping[str, str] | None = None, paced: bool = False,
           follows_id: int | None = None, caller: Caller | None = None) -> NewWorkshop:
    """`create_workshop` inside a caller's transaction (imports add answers in the same one)."""
    if not may_set_up(actor, organisation_id):
        raise Refused("Setting up a workshop", Role.facilitator)
    if follows_id is not None:
        authorised(session, actor=actor, workshop_id=follows_id, needed=Role.facilitator,
                   what="Following up a workshop")
    problems = []
    name = entries.clean(partnership_name, field="Partnership name", limit=entries.MAX_NAME)
    where = entries.clean(place, field="Place", limit=entries.MAX_NAME)
    heading = entries.clean(title, field="Workshop title", limit=entries.MAX_NAME)
    if not name:
        problems.append(Problem("required", location="Partnership name"))
    if not where:
        problems.append(Problem("required", location="Place"))
    if not frameworks:
        problems.append(Problem("choose at least one", location="Frameworks"))
    if problems or not name or not where:  # a missing name or place is among the problems
        raise InputError("Workshop set-up", problems)
    _within_hourly_cap(session, actor=actor, organisation_id=organisation_id, caller=caller)
    partnership = (partnerships.named(session, name=name, place=where, organisation_id=organisation_id)
                   or partnerships.insert(session, name=name, place=where, organisation_id=organisation_id))
    join_code = codes.new_code(codes.JOIN_CODE_LENGTH)
    while stored.join_code_taken(session, join_code=join_code):
        join_code = codes.new_code(codes.JOIN_CODE_LENGTH)
    facilitator_key, screen_key = codes.new_key(), codes.new_key()
    workshop = stored.insert(
        session, partnership_id=partnership.id, title=heading or f"Workshop {held_on.isoformat()}", held_on=held_on,
        join_code=join_code, facilitator_key_sha256=codes.digest(facilitator_key), screen_key=screen_key,
        sectors=entries.unique(sectors, field="Sectors"), organisations=entries.unique(organisations, field="Organisations"),
        exemplar_ids=list(dict.fromkeys(exemplar_ids)),
        framework_version_ids=[library.pin(session, framework=f).id for f in frameworks])
    if paced or follows_id is not None:
        stored.change(session, workshop_id=workshop.id, paced=paced, follows_id=follows_id)
    if sector_groups is not None:
        stored.change(session, workshop_id=workshop.id, sector_groups={
            entries.clean(sector, field="Sector", limit=100): entries.clean(group, field="Group", limit=100)
            for sector, group in sector_groups.items() if sector.strip() and group.strip()})
    return NewWorkshop(workshop.id, join_code, facilitator_key, screen_key)


def by_join_code(db: Database, *, code: str) -> WorkshopFacts | None:
    """What a participant may know of the workshop with this join code (no secrets)."""
    with db.read() as session:
        workshop = stored.by_join_code(session, join_code=codes.normalise_code(code))
        return facts(workshop) if workshop else None


def opened_by_key(db: Database, *, key: str) -> int | None:
    """The id of the workshop whose facilitator link holds this key."""
    with db.read() as session:
        workshop = stored.by_facilitator_key(session, key_sha256=codes.digest(key.strip()))
        return workshop.id if workshop else None


def screen_key_of(db: Database, *, actor: Actor, workshop_id: int) -> str:
    """The key of the workshop's screen link (for its facilitators: the control view shows the link)."""
    with db.read() as session:
        return authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator,
                          what="Showing the screen link").screen_key


def authorised(session: Session, *, actor: Actor, workshop_id: int, needed: Role, what: str) -> Workshop:
    """The workshop, once the actor is known to hold `needed` on it; otherwise `Refused`."""
    workshop = stored.get(session, workshop_id=workshop_id)
    if workshop is None:
        raise InputError(what, [Problem("this workshop no longer exists")])
    actor.require(needed, organisation_id=workshop.partnership.organisation_id, workshop_id=workshop.id, what=what)
    return workshop


def workshop_for(db: Database, *, actor: Actor, workshop_id: int, needed: Role = Role.facilitator) -> WorkshopFacts:
    """A workshop the actor facilitates (or, with `needed=Role.viewer`, may read)."""
    with db.read() as session:
        return facts(authorised(session, actor=actor, workshop_id=workshop_id, needed=needed, what="Opening the workshop"))


def set_revealed(db: Database, *, actor: Actor, workshop_id: int, revealed: bool) -> None:
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Revealing results")
        stored.change(session, workshop_id=workshop_id, revealed=revealed)


def set_scoring_open(db: Database, *, actor: Actor, workshop_id: int, scoring_open: bool) -> None:
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Opening or closing scoring")
        stored.change(session, workshop_id=workshop_id, scoring_open=scoring_open)


def change_workshop(db: Database, *, actor: Actor, workshop_id: int, title: str, scoring_open: bool,
                    archived: bool) -> None:
    """Rename a workshop, open or close its scoring and archive it, all at once or not at all."""
    with db.write() as session:
        authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.facilitator, what="Changing the workshop")
        cleaned = entries.clean(title, field="Title", limit=entries.MAX_NAME)
        if not cleaned:
            raise InputError("Rename", [Problem("the title cannot be empty")])
        stored.change(session, workshop_id=workshop_id, title=cleaned, scoring_open=scoring_open, archived=archived)


def delete_workshop(db: Database, *, actor: Actor, workshop_id: int, typed_code: str) -> None:
    """Remove a workshop for good with every answer, agreed score and action in it (owners only), what its
    audit entries copied of them, and its partnership when no other workshop is left in it.

    `typed_code` is the join code as the person typed it to confirm; a mismatch deletes nothing.
    """
    with db.write() as session:
        workshop = authorised(session, actor=actor, workshop_id=workshop_id, needed=Role.owner, what="Deleting a workshop")
        if codes.normalise_code(typed_code) != workshop.join_code:
            raise InputError("Delete", [Problem("the join code does not match; nothing was deleted")])
        partnership_id = workshop.partnership_id
        audit.scrub(session, workshop_id=workshop_id, replacement="(workshop deleted)")
        audit.insert(session, actor=actor.name, action="workshop deleted", workshop_id=workshop_id, detail={})
        stored.delete_whole(session, workshop_id=workshop_id)
        partnerships.delete_if_empty(session, partnership_id=partnership_id)
