"""Workshops: their rows, the framework versions they pinned, and deleting one with everything in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from assessment.storage.models import (
    AccessSession,
    Action,
    ActionReview,
    AnswerRecord,
    ConsensusRecord,
    FrameworkVersion,
    ModeratedComment,
    Participant,
    Partnership,
    SecondVote,
    Workshop,
    WorkshopFramework,
)


def insert(session: Session, *, partnership_id: int, title: str, held_on: date, join_code: str,
           facilitator_key_sha256: str, screen_key: str, sectors: Sequence[str], organisations: Sequence[str],
           exemplar_ids: Sequence[str], framework_version_ids: Sequence[int]) -> Workshop:
    workshop = Workshop(partnership_id=partnership_id, title=title, held_on=held_on, join_code=join_code,
                        facilitator_key_sha256=facilitator_key_sha256, screen_key=screen_key, sectors=list(sectors),
                        organisations=list(organisations), exemplar_ids=list(exemplar_ids))
    session.add(workshop)
    session.flush()
    for position, version_id in enumerate(framework_version_ids):
        session.add(WorkshopFramework(workshop_id=workshop.id, framework_version_id=version_id, position=position))
    session.flush()
    session.refresh(workshop)
    return workshop


def get(session: Session, *, workshop_id: int) -> Workshop | None:
    return session.get(Workshop, workshop_id)


def existing(session: Session, *, workshop_id: int) -> Workshop:
    """A workshop known to exist, such as one just created (`NoResultFound` otherwise)."""
    return session.get_one(Workshop, workshop_id)


def created_since(session: Session, *, since: datetime, organisation_id: int | None) -> list[datetime]:
    """When each workshop of the organisation (None: of no organisation) was created since then, oldest first."""
    owner = (Partnership.organisation_id.is_(None) if organisation_id is None
             else Partnership.organisation_id == organisation_id)
    return list(session.scalars(select(Workshop.created_at).join(Workshop.partnership)
                                .where(Workshop.created_at >= since, owner).order_by(Workshop.created_at)))


def organisations_of(session: Session, *, workshop_ids: Sequence[int]) -> dict[int, int | None]:
    """Each existing workshop's owning organisation (None: no organisation, as without sign-in)."""
    rows = session.execute(select(Workshop.id, Partnership.organisation_id).join(Workshop.partnership)
                           .where(Workshop.id.in_(workshop_ids)))
    return dict(rows.all())


def listed(session: Session, *, organisation_ids: Sequence[int] | None, workshop_ids: Sequence[int] = (),
           limit: int = 200) -> list[Workshop]:
    """The newest workshops (by date) of these organisations (None: of every one, and of none) or with these
    ids."""
    query = select(Workshop).join(Workshop.partnership).order_by(Workshop.held_on.desc(), Workshop.id.desc())
    if organisation_ids is not None:
        query = query.where(Partnership.organisation_id.in_(organisation_ids) | Workshop.id.in_(workshop_ids))
    return list(session.scalars(query.limit(limit)))


def by_join_code(session: Session, *, join_code: str) -> Workshop | None:
    return session.scalar(select(Workshop).where(Workshop.join_code == join_code))


def row_of_participant(session: Session, *, participant_id: int) -> tuple[Any, tuple[str, ...]] | None:
    """A participant's workshop as plain columns named as `Workshop`'s (its partnership's as `partnership_id`,
    `partnership`, `place` and `organisation_id`), with its frameworks' content digests in the workshop's order;
    None if no such participant. One query, for what a phone does most (drawing its page, saving an answer):
    reading the workshop, its partnership and its frameworks as ORM objects was a fifth of every run of a phone's
    whole page and half of saving an answer."""
    rows = session.execute(
        select(Workshop.id, Workshop.title, Workshop.held_on, Workshop.join_code, Workshop.revealed,
               Workshop.scoring_open, Workshop.archived, Workshop.personal_data_erased, Workshop.exemplar_ids,
               Workshop.sectors, Workshop.organisations, Workshop.sector_groups, Workshop.auto_release_comments,
               Workshop.stage, Workshop.paced, Workshop.spotlight, Partnership.id.label("partnership_id"),
               Partnership.name.label("partnership"), Partnership.place, Partnership.organisation_id,
               FrameworkVersion.content_sha256)
        .join(Partnership, Partnership.id == Workshop.partnership_id)
        .join(Participant, Participant.workshop_id == Workshop.id)
        .join(WorkshopFramework, WorkshopFramework.workshop_id == Workshop.id)
        .join(FrameworkVersion, FrameworkVersion.id == WorkshopFramework.framework_version_id)
        .where(Participant.id == participant_id)
        .order_by(WorkshopFramework.position)).all()
    return (rows[0], tuple(row.content_sha256 for row in rows)) if rows else None


def by_facilitator_key(session: Session, *, key_sha256: str) -> Workshop | None:
    return session.scalar(select(Workshop).where(Workshop.facilitator_key_sha256 == key_sha256))


def by_screen_key(session: Session, *, screen_key: str) -> Workshop | None:
    return session.scalar(select(Workshop).where(Workshop.screen_key == screen_key))


def join_code_taken(session: Session, *, join_code: str) -> bool:
    return session.scalar(select(Workshop.id).where(Workshop.join_code == join_code)) is not None


def pinned_versions(workshop: Workshop) -> list[FrameworkVersion]:
    """The stored content of each framework the workshop was set up with, in its order."""
    return [link.framework_version for link in workshop.frameworks]


def change(session: Session, *, workshop_id: int, **fields: Any) -> None:
    """Change columns of one workshop (title, scoring_open, revealed, archived, personal_data_erased, keys)."""
    workshop = session.get(Workshop, workshop_id)
    for name, value in fields.items():
        setattr(workshop, name, value)


def participant_counts(session: Session, *, workshop_ids: Sequence[int]) -> dict[int, int]:
    """People who joined each workshop, counted in one query."""
    rows = session.execute(select(Participant.workshop_id, func.count(Participant.id))
                           .where(Participant.workshop_id.in_(workshop_ids)).group_by(Participant.workshop_id))
    return dict(rows.all())


def held_before(session: Session, *, cutoff: date, personal_data_erased: bool) -> list[int]:
    return list(session.scalars(select(Workshop.id).where(Workshop.held_on < cutoff,
                                                          Workshop.personal_data_erased.is_(personal_data_erased))))


def partnership_of(session: Session, *, workshop_id: int) -> Partnership:
    return session.get_one(Workshop, workshop_id).partnership


def delete_whole(session: Session, *, workshop_id: int) -> None:
    """Remove a workshop with everything in it: participants, answers, agreed scores, actions and their reviews,
    second votes, decisions on comments and device sessions. Actions carried over from it into a later workshop stay
    there, no longer linked back, and a follow-up of it is no longer one."""
    people = select(Participant.id).where(Participant.workshop_id == workshop_id)
    own_actions = select(Action.id).where(Action.workshop_id == workshop_id)
    session.execute(delete(ModeratedComment).where(ModeratedComment.participant_id.in_(people)))
    session.execute(delete(AnswerRecord).where(AnswerRecord.participant_id.in_(people)))
    session.execute(delete(Participant).where(Participant.workshop_id == workshop_id))
    session.execute(delete(ConsensusRecord).where(ConsensusRecord.workshop_id == workshop_id))
    session.execute(delete(ActionReview).where(ActionReview.workshop_id == workshop_id))
    session.execute(delete(ActionReview).where(ActionReview.action_id.in_(own_actions)))
    session.execute(update(Action).where(Action.carried_from_id.in_(own_actions)).values(carried_from_id=None))
    session.execute(delete(Action).where(Action.workshop_id == workshop_id))
    session.execute(delete(SecondVote).where(SecondVote.workshop_id == workshop_id))
    session.execute(delete(AccessSession).where(AccessSession.workshop_id == workshop_id))
    session.execute(delete(WorkshopFramework).where(WorkshopFramework.workshop_id == workshop_id))
    session.execute(update(Workshop).where(Workshop.follows_id == workshop_id).values(follows_id=None))
    session.execute(delete(Workshop).where(Workshop.id == workshop_id))
    session.expire_all()
