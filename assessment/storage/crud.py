"""Reading and writing workshops, participants, answers, consensus scores and actions.

Every function takes the session first and everything else by keyword. Codes and keys handed to
people are random; only their SHA-256 is stored, so a copy of the database cannot open a workshop.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from assessment.errors import InputError, Problem
from assessment.content.framework import Framework
from assessment.storage.models import (
    Action,
    AnswerRecord,
    AuditEntry,
    ConsensusRecord,
    FrameworkVersion,
    Membership,
    Organisation,
    Participant,
    Partnership,
    System,
    Workshop,
    WorkshopFramework,
    utcnow,
)
from assessment.engine.responses import Answer, Responses

LOCAL_ACTOR = "facilitator link"  # who made a change when PlaceReady runs without sign-in

# Letters and digits that cannot be mistaken for each other when read off a projector.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
RESUME_CODE_LENGTH = 8
MAX_TEXT = 2000


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """What a person typed, as a code: case, spaces and hyphens do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _clean_text(value: str | None, *, field: str, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise InputError("Your entry", [Problem(f"keep it under {limit} characters (this is {len(value)})", location=field)])
    return value or None


# --- frameworks ---------------------------------------------------------------------------------


def pin_framework(session: Session, *, framework: Framework) -> FrameworkVersion:
    """The stored copy of exactly this framework content, made on first use."""
    content = framework.model_dump(mode="json")
    digest = _sha256(json.dumps(content, sort_keys=True, ensure_ascii=False))
    pinned = session.scalar(select(FrameworkVersion).where(FrameworkVersion.content_sha256 == digest))
    if pinned is None:
        pinned = FrameworkVersion(framework_id=framework.id, version=framework.version,
                                  content_sha256=digest, content=content)
        session.add(pinned)
        session.flush()
    return pinned


_PINNED: dict[str, Framework] = {}  # content hash → framework; pinned content never changes


def pinned_framework(pinned: FrameworkVersion) -> Framework:
    if pinned.content_sha256 not in _PINNED:
        _PINNED[pinned.content_sha256] = Framework.model_validate(pinned.content)
    return _PINNED[pinned.content_sha256]


def workshop_frameworks(workshop: Workshop) -> list[Framework]:
    """The frameworks as they were when the workshop was set up."""
    return [pinned_framework(link.framework_version) for link in workshop.frameworks]


# --- workshops ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewWorkshop:
    workshop: Workshop
    facilitator_key: str  # shown once; only its hash is stored


def create_workshop(
    session: Session,
    *,
    partnership_name: str,
    place: str,
    title: str,
    held_on: date,
    frameworks: Sequence[Framework],
    exemplar_ids: Sequence[str] = (),
    sectors: Sequence[str] = (),
    organisations: Sequence[str] = (),
    owned_by: int | None = None,
) -> NewWorkshop:
    """A new workshop of the partnership with this name and place (made on first use) in the owning
    organisation (None when PlaceReady runs without sign-in)."""
    problems = []
    name = _clean_text(partnership_name, field="Partnership name", limit=200)
    where = _clean_text(place, field="Place", limit=200)
    heading = _clean_text(title, field="Workshop title", limit=200)
    if not name:
        problems.append(Problem("required", location="Partnership name"))
    if not where:
        problems.append(Problem("required", location="Place"))
    if not frameworks:
        problems.append(Problem("choose at least one", location="Frameworks"))
    if problems:
        raise InputError("Workshop set-up", problems)
    partnership = session.scalar(select(Partnership).where(
        Partnership.name == name, Partnership.place == where,
        Partnership.organisation_id.is_(None) if owned_by is None else Partnership.organisation_id == owned_by))
    if partnership is None:
        partnership = Partnership(name=name, place=where, organisation_id=owned_by)
        session.add(partnership)
    join_code = _code(JOIN_CODE_LENGTH)
    while session.scalar(select(Workshop.id).where(Workshop.join_code == join_code)) is not None:
        join_code = _code(JOIN_CODE_LENGTH)
    facilitator_key = secrets.token_urlsafe(24)
    workshop = Workshop(
        partnership=partnership,
        title=heading or f"Workshop {held_on.isoformat()}",
        held_on=held_on,
        join_code=join_code,
        facilitator_key_sha256=_sha256(facilitator_key),
        sectors=_unique_texts(sectors, field="Sectors"),
        organisations=_unique_texts(organisations, field="Organisations"),
        exemplar_ids=list(dict.fromkeys(exemplar_ids)),
    )
    session.add(workshop)
    session.flush()
    for position, framework in enumerate(frameworks):
        pinned = pin_framework(session, framework=framework)
        session.add(WorkshopFramework(workshop_id=workshop.id, framework_version_id=pinned.id, position=position))
    session.flush()
    session.refresh(workshop)
    return NewWorkshop(workshop, facilitator_key)


def _unique_texts(values: Sequence[str], *, field: str) -> list[str]:
    cleaned = [_clean_text(v, field=field, limit=200) for v in values]
    return list(dict.fromkeys(v for v in cleaned if v))


def workshop_by_join_code(session: Session, *, code: str) -> Workshop | None:
    return session.scalar(select(Workshop).where(Workshop.join_code == normalise_code(code)))


def workshop_by_facilitator_key(session: Session, *, key: str) -> Workshop | None:
    return session.scalar(select(Workshop).where(Workshop.facilitator_key_sha256 == _sha256(key.strip())))


def set_scoring_open(session: Session, *, workshop: Workshop, scoring_open: bool) -> None:
    workshop.scoring_open = scoring_open
    session.add(workshop)


def set_revealed(session: Session, *, workshop: Workshop, revealed: bool) -> None:
    workshop.revealed = revealed
    session.add(workshop)


# --- participants and answers -------------------------------------------------------------------


@dataclass(frozen=True)
class NewParticipant:
    participant: Participant
    resume_code: str  # shown to the participant; only its hash is stored


def join_workshop(session: Session, *, workshop: Workshop, organisation: str | None, sector: str | None
                  ) -> NewParticipant:
    if not workshop.scoring_open:
        raise InputError("Joining", [Problem("this workshop has closed scoring; ask the facilitator")])
    resume_code = _code(RESUME_CODE_LENGTH)
    participant = Participant(
        workshop_id=workshop.id,
        resume_code_sha256=_sha256(f"{workshop.id}:{resume_code}"),
        organisation=_clean_text(organisation, field="Organisation", limit=200),
        sector=_clean_text(sector, field="Sector", limit=100),
    )
    session.add(participant)
    session.flush()
    return NewParticipant(participant, resume_code)


def participants(session: Session, *, workshop_id: int) -> list[Participant]:
    return list(session.scalars(select(Participant).where(Participant.workshop_id == workshop_id)
                                .order_by(Participant.id)))


def participant_by_resume_code(session: Session, *, workshop: Workshop, code: str) -> Participant | None:
    digest = _sha256(f"{workshop.id}:{normalise_code(code)}")
    return session.scalar(select(Participant).where(Participant.workshop_id == workshop.id,
                                                    Participant.resume_code_sha256 == digest))


def save_answer(
    session: Session,
    *,
    participant_id: int,
    framework_id: str,
    statement_id: str,
    value: int | None,
    dont_know: bool = False,
    comment: str | None = None,
) -> AnswerRecord | None:
    """Record an answer or a change to one; refused once the facilitator has closed scoring.

    Returns the current record, or None when a blank was "saved" for a statement never answered.
    """
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise InputError("Your answer", [Problem("this participant is not known; join the workshop again")])
    workshop = session.get(Workshop, participant.workshop_id)
    if not workshop.scoring_open:
        raise InputError("Your answer", [Problem("Scoring has closed, so answers can no longer change")])
    framework = next((f for f in workshop_frameworks(workshop) if f.id == framework_id), None)
    if framework is None or statement_id not in {s.id for s in framework.statements}:
        raise InputError("Your answer", [Problem("not a statement of this workshop", location=f"{framework_id}/{statement_id}")])
    if value is not None and (dont_know or value not in framework.scale.points):
        raise InputError("Your answer", [Problem(f"score must be one of {list(framework.scale.points)}", location=statement_id)])
    comment = _clean_text(comment, field="Comment")
    current = session.scalar(
        select(AnswerRecord)
        .where(AnswerRecord.participant_id == participant_id, AnswerRecord.framework_id == framework_id,
               AnswerRecord.statement_id == statement_id)
        .order_by(AnswerRecord.id.desc()).limit(1))
    unchanged = (current.value, current.dont_know, current.comment) if current else (None, False, None)
    if (value, dont_know, comment) == unchanged:
        return current  # nothing new to keep: a repeated save, or a blank that was never answered
    record = AnswerRecord(participant_id=participant_id, framework_id=framework_id, statement_id=statement_id,
                          value=value, dont_know=dont_know, comment=comment)
    session.add(record)
    session.flush()
    return record


def mark_finished(session: Session, *, participant_id: int) -> None:
    participant = session.get(Participant, participant_id)
    if participant is not None and participant.finished_at is None:
        participant.finished_at = utcnow()


def _current_answer_ids(workshop_id: int):  # type: ignore[no-untyped-def]
    return (
        select(func.max(AnswerRecord.id))
        .join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(Participant.workshop_id == workshop_id)
        .group_by(AnswerRecord.participant_id, AnswerRecord.framework_id, AnswerRecord.statement_id)
    )


@dataclass(frozen=True)
class CurrentAnswer:
    participant_id: int
    organisation: str | None
    sector: str | None
    framework_id: str
    statement_id: str
    value: int | None
    dont_know: bool
    comment: str | None


def current_answers(session: Session, *, workshop_id: int, participant_id: int | None = None,
                    framework_id: str | None = None) -> list[CurrentAnswer]:
    # Plain columns rather than ORM objects: the system view reads tens of thousands of answers per rerun.
    query = (
        select(AnswerRecord.participant_id, Participant.organisation, Participant.sector, AnswerRecord.framework_id,
               AnswerRecord.statement_id, AnswerRecord.value, AnswerRecord.dont_know, AnswerRecord.comment)
        .join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(AnswerRecord.id.in_(_current_answer_ids(workshop_id)))
        .order_by(AnswerRecord.participant_id, AnswerRecord.id)
    )
    if participant_id is not None:
        query = query.where(AnswerRecord.participant_id == participant_id)
    if framework_id is not None:
        query = query.where(AnswerRecord.framework_id == framework_id)
    return [CurrentAnswer(*row) for row in session.execute(query)]


def answer_history_count(session: Session, *, workshop_id: int) -> int:
    """Every save ever made in the workshop, changes included."""
    return session.scalar(
        select(func.count(AnswerRecord.id)).join(Participant, Participant.id == AnswerRecord.participant_id)
        .where(Participant.workshop_id == workshop_id)
    ) or 0


def responses(session: Session, *, workshop_id: int, framework_id: str) -> Responses:
    """The workshop's current answers to one framework, ready for the scoring engine."""
    return Responses.from_answers(
        Answer(participant=f"p{a.participant_id}", statement=a.statement_id, score=a.value,
               dont_know=a.dont_know, organisation=a.organisation, sector=a.sector, comment=a.comment)
        for a in current_answers(session, workshop_id=workshop_id, framework_id=framework_id)
    )


@dataclass(frozen=True)
class Attendance:
    joined: int
    finished: int
    by_sector: dict[str, tuple[int, int]]  # sector → (joined, finished)


def attendance(session: Session, *, workshop_id: int) -> Attendance:
    rows = session.execute(
        select(Participant.sector, func.count(Participant.id), func.count(Participant.finished_at))
        .where(Participant.workshop_id == workshop_id)
        .group_by(Participant.sector)
    ).all()
    by_sector = {(sector or "Not given"): (joined, finished) for sector, joined, finished in rows}
    return Attendance(sum(j for j, _ in by_sector.values()), sum(f for _, f in by_sector.values()),
                      dict(sorted(by_sector.items())))


# --- consensus and actions ----------------------------------------------------------------------


def record_consensus(session: Session, *, workshop_id: int, framework_id: str, principle_id: str,
                     score: int | None, note: str | None, actor: str = LOCAL_ACTOR) -> ConsensusRecord:
    record = ConsensusRecord(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id,
                             score=score, note=_clean_text(note, field="Note", limit=5000))
    session.add(record)
    audit(session, actor=actor, action="agreed score", workshop_id=workshop_id,
          detail={"framework": framework_id, "principle": principle_id, "score": score})
    session.flush()
    return record


def current_consensus(session: Session, *, workshop_id: int) -> dict[tuple[str, str], ConsensusRecord]:
    newest = (
        select(func.max(ConsensusRecord.id))
        .where(ConsensusRecord.workshop_id == workshop_id)
        .group_by(ConsensusRecord.framework_id, ConsensusRecord.principle_id)
    )
    records = session.scalars(select(ConsensusRecord).where(ConsensusRecord.id.in_(newest)))
    return {(r.framework_id, r.principle_id): r for r in records}


def add_action(session: Session, *, workshop_id: int, framework_id: str, principle_id: str, text: str,
               owner: str, due_on: date | None, actor: str = LOCAL_ACTOR) -> Action:
    problems = []
    what = _clean_text(text, field="Action")
    who = _clean_text(owner, field="Owner", limit=200)
    if not what:
        problems.append(Problem("say what will be done", location="Action"))
    if not who:
        problems.append(Problem("say who will do it", location="Owner"))
    if problems:
        raise InputError("New action", problems)
    action = Action(workshop_id=workshop_id, framework_id=framework_id, principle_id=principle_id, text=what,
                    owner=who, due_on=due_on)
    session.add(action)
    audit(session, actor=actor, action="action added", workshop_id=workshop_id,
          detail={"framework": framework_id, "principle": principle_id, "action": what, "due": str(due_on or "")})
    session.flush()
    return action


def actions(session: Session, *, workshop_id: int) -> list[Action]:
    return list(session.scalars(select(Action).where(Action.workshop_id == workshop_id).order_by(Action.id)))


# --- organisations, the audit log and personal data ----------------------------------------------

def create_organisation(session: Session, *, name: str) -> Organisation:
    cleaned = _clean_text(name, field="Organisation", limit=200)
    if not cleaned:
        raise InputError("New organisation", [Problem("required", location="Organisation")])
    if session.scalar(select(Organisation.id).where(Organisation.name == cleaned)) is not None:
        raise InputError("New organisation", [Problem(f"'{cleaned}' already exists", location="Organisation")])
    organisation = Organisation(name=cleaned)
    session.add(organisation)
    session.flush()
    return organisation


def email_address(text: str | None) -> str:
    """An address as memberships store it and sign-in compares it: trimmed, lower case."""
    return (text or "").strip().lower()


def add_member(session: Session, *, organisation_id: int, email: str, role: str, actor: str) -> Membership:
    """Give someone a role in an organisation (or change it)."""
    address = email_address(email)
    problems = []
    if "@" not in address or len(address) > 320:
        problems.append(Problem("give the e-mail address the person signs in with", location="E-mail"))
    if role not in ("owner", "facilitator", "viewer"):
        problems.append(Problem("must be owner, facilitator or viewer", location="Role"))
    if problems:
        raise InputError("Member", problems)
    membership = session.scalar(select(Membership).where(Membership.organisation_id == organisation_id,
                                                         Membership.email == address))
    if membership is None:
        membership = Membership(organisation_id=organisation_id, email=address, role=role)
        session.add(membership)
    membership.role = role
    audit(session, actor=actor, action="member role", workshop_id=None,
          detail={"organisation": organisation_id, "email": address, "role": role})
    session.flush()
    return membership


def remove_member(session: Session, *, organisation_id: int, email: str, actor: str) -> bool:
    """Take someone's role away; False when they had none. Access ends on their next page."""
    address = email_address(email)
    removed = session.execute(delete(Membership).where(Membership.organisation_id == organisation_id,
                                                       Membership.email == address)).rowcount
    if removed:
        audit(session, actor=actor, action="member removed", workshop_id=None,
              detail={"organisation": organisation_id, "email": address})
    return bool(removed)


def organisations(session: Session, *, ids: Sequence[int]) -> list[Organisation]:
    return list(session.scalars(select(Organisation).where(Organisation.id.in_(ids)).order_by(Organisation.name)))


def organisation_named(session: Session, *, name: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.name == name))


def audit(session: Session, *, actor: str, action: str, workshop_id: int | None, detail: dict[str, object]) -> None:
    session.add(AuditEntry(actor=actor, action=action, workshop_id=workshop_id, detail=detail))


def audit_log(session: Session, *, workshop_ids: Sequence[int] | None = None, limit: int = 500) -> list[AuditEntry]:
    """The newest entries first; only those of the given workshops when `workshop_ids` is given."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if workshop_ids is not None:
        query = query.where(AuditEntry.workshop_id.in_(workshop_ids))
    return list(session.scalars(query))


def erase_personal_data(session: Session, *, workshop_id: int, actor: str) -> None:
    """What could identify someone goes; the anonymous scores stay, so the results still stand.

    Clears participants' organisation and sector, their comments (on every saved version), the notes
    of agreed scores and the owners of actions. PlaceReady never stores names.
    """
    participant_ids = select(Participant.id).where(Participant.workshop_id == workshop_id)
    session.execute(update(Participant).where(Participant.workshop_id == workshop_id)
                    .values(organisation=None, sector=None))
    session.execute(update(AnswerRecord).where(AnswerRecord.participant_id.in_(participant_ids))
                    .values(comment=None))
    session.execute(update(ConsensusRecord).where(ConsensusRecord.workshop_id == workshop_id).values(note=None))
    session.execute(update(Action).where(Action.workshop_id == workshop_id).values(owner=ERASED))
    workshop = session.get(Workshop, workshop_id)
    if workshop is not None:
        workshop.personal_data_erased = True
    audit(session, actor=actor, action="personal data erased", workshop_id=workshop_id, detail={})
    session.flush()


ERASED = "(erased)"


def apply_retention(session: Session, *, days: int, today: date, actor: str = "retention rule") -> list[int]:
    """Erase the personal data of every workshop held more than `days` days ago; returns their ids."""
    cutoff = today - timedelta(days=days)
    due = list(session.scalars(select(Workshop.id).where(Workshop.held_on < cutoff,
                                                         Workshop.personal_data_erased.is_(False))))
    for workshop_id in due:
        erase_personal_data(session, workshop_id=workshop_id, actor=actor)
    return due


# --- places, systems and workshop management ----------------------------------------------------


def partnerships(session: Session) -> list[Partnership]:
    return list(session.scalars(select(Partnership).order_by(Partnership.name, Partnership.place)))


def systems(session: Session) -> list[System]:
    return list(session.scalars(select(System).order_by(System.name)))


def system_named(session: Session, *, name: str) -> System:
    """The system with this name, made on first use."""
    cleaned = _clean_text(name, field="System", limit=200)
    if not cleaned:
        raise InputError("System", [Problem("give the system a name")])
    system = session.scalar(select(System).where(System.name == cleaned))
    if system is None:
        system = System(name=cleaned)
        session.add(system)
        session.flush()
    return system


def place_in_system(session: Session, *, partnership_id: int, system_name: str | None) -> None:
    partnership = session.get(Partnership, partnership_id)
    partnership.system = system_named(session, name=system_name) if system_name else None


def rename_workshop(session: Session, *, workshop_id: int, title: str) -> None:
    cleaned = _clean_text(title, field="Title", limit=200)
    if not cleaned:
        raise InputError("Rename", [Problem("the title cannot be empty")])
    session.get(Workshop, workshop_id).title = cleaned


def set_archived(session: Session, *, workshop_id: int, archived: bool) -> None:
    session.get(Workshop, workshop_id).archived = archived


def delete_workshop(session: Session, *, workshop_id: int, actor: str = LOCAL_ACTOR) -> None:
    """Remove a workshop with everything in it: its participants, their answers, agreed scores and actions."""
    audit(session, actor=actor, action="workshop deleted", workshop_id=workshop_id, detail={})
    people = select(Participant.id).where(Participant.workshop_id == workshop_id)
    session.execute(delete(AnswerRecord).where(AnswerRecord.participant_id.in_(people)))
    session.execute(delete(Participant).where(Participant.workshop_id == workshop_id))
    session.execute(delete(ConsensusRecord).where(ConsensusRecord.workshop_id == workshop_id))
    session.execute(delete(Action).where(Action.workshop_id == workshop_id))
    session.execute(delete(WorkshopFramework).where(WorkshopFramework.workshop_id == workshop_id))
    session.execute(delete(Workshop).where(Workshop.id == workshop_id))


def import_responses(session: Session, *, partnership_name: str, place: str, title: str, held_on: date,
                     answered: Sequence[tuple[Framework, Responses]], exemplar_ids: Sequence[str] = (),
                     sectors: Sequence[str] = (), organisations: Sequence[str] = (),
                     owned_by: int | None = None) -> NewWorkshop:
    """A new, closed workshop holding answers collected elsewhere (each set already checked whole), one set
    per framework; a participant label found under several frameworks is one person."""
    created = create_workshop(session, partnership_name=partnership_name, place=place, title=title,
                              held_on=held_on, frameworks=[framework for framework, _ in answered],
                              exemplar_ids=exemplar_ids, sectors=sectors, organisations=organisations,
                              owned_by=owned_by)
    workshop = created.workshop
    participant_ids: dict[str, int] = {}
    for framework, responses in answered:
        for answer in responses.answers():
            if answer.participant not in participant_ids:
                participant_ids[answer.participant] = join_workshop(
                    session, workshop=workshop, organisation=answer.organisation, sector=answer.sector
                ).participant.id
            save_answer(session, participant_id=participant_ids[answer.participant], framework_id=framework.id,
                        statement_id=answer.statement, value=answer.score, dont_know=answer.dont_know,
                        comment=answer.comment)
    for participant_id in participant_ids.values():
        mark_finished(session, participant_id=participant_id)
    workshop.scoring_open = False
    workshop.revealed = True
    return created
